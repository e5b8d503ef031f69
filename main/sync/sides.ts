/**
 * Other channels that ride along a synchronisation run (the mairie's mailbox, issue 13). The host registers
 * them; the synchronisation knows them only through this port, so it imports no other domain (no folder cycle).
 */
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import type { Connector } from './connector';

export interface SideContext {
  db: Db;
  docs: DocumentStore;
  dataDir: string;
  now: () => Date;
}

export interface SyncSide {
  /** wraps the platform's connector, or the French reason why the platform is not configured */
  wrap(platform: Connector | string, c: SideContext): Connector | string;
  /** this channel alone is enough to make « Synchroniser maintenant » useful */
  configured(db: Db): boolean;
}

const sides: SyncSide[] = [];

export function registerSyncSide(side: SyncSide): void {
  if (!sides.includes(side)) sides.push(side);
}

export const withSides = (platform: Connector | string, c: SideContext): Connector | string =>
  sides.reduce((acc, s) => s.wrap(acc, c), platform);

export const sideConfigured = (db: Db): boolean => sides.some((s) => s.configured(db));

/** A message of the préfecture just stored by the synchronisation, for the domains that keep it too. */
export interface InboundMessage {
  platformKey: string;
  kind: string;
  title: string;
  documents: { nom: string; sha256: string }[];
}
/** Runs inside the transaction that stores the message: both are kept, or neither. */
export type InboundListener = (db: Db, docs: DocumentStore, m: InboundMessage, at: Date) => void;

const inboundListeners: InboundListener[] = [];

/** The host registers the courrier register here (issue 13): the préfecture's messages become arrivées. */
export function onInboundMessage(listener: InboundListener): void {
  if (!inboundListeners.includes(listener)) inboundListeners.push(listener);
}

export function notifyInbound(db: Db, docs: DocumentStore, m: InboundMessage, at: Date): void {
  for (const l of inboundListeners) l(db, docs, m, at);
}
