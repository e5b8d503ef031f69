/** The union of the domain handler maps: what the window may ask of the core. */
import { auditHandlers } from '../audit/handlers';
import { authHandlers } from '../auth/handlers';
import { backupHandlers } from '../backup/handlers';
import { communeHandlers } from '../commune/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { documentsHandlers } from '../documents/handlers';
import { setupHandlers } from '../setup/handlers';
import { conseilHandlers } from '../conseil/handlers';
import { courrierHandlers } from '../courrier/handlers';
import { mailHandlers } from '../courrier/mail/handlers';
import { mailSyncSide, refreshCourrierTodos, registerPrefectureMessage } from '../courrier';
import { onInboundMessage, registerSyncSide } from '../sync';
import { etatCivilHandlers, refreshEtatCivilTodos } from '../etat-civil';
import { refreshConseilTodos } from '../conseil';
import { refreshSigningTodos, endSession as endSigningSession } from '../parapheur';
import { appHandlers } from '../app/handlers';
import { syncHandlers } from '../sync/handlers';
import { parapheurHandlers } from '../parapheur/handlers';
import type { Implementations } from '../api/handler';
import type { HandlerName } from '../api/schemas';
import type { Implemented as ReadByTheWindow } from '../api/types';

/**
 * Merge the domain maps; a name defined by two domains stops the core at start-up (a spread would silently
 * keep the last one, and the window would reach the wrong code).
 */
export function mergeHandlers<M extends Record<string, unknown>[]>(...maps: M): UnionToIntersection<M[number]> {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, impl] of Object.entries(map)) {
      if (Object.hasOwn(all, name)) throw new Error(`Handler défini deux fois : ${name}`);
      all[name] = impl;
    }
  }
  return all as UnionToIntersection<M[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const implementations = mergeHandlers(
  appHandlers,
  authHandlers,
  communeHandlers,
  setupHandlers,
  dashboardHandlers,
  auditHandlers,
  backupHandlers,
  conseilHandlers,
  courrierHandlers,
  documentsHandlers,
  parapheurHandlers,
  syncHandlers,
  mailHandlers,
  etatCivilHandlers,
) satisfies Implementations<HandlerName> & ReadByTheWindow; // main/api/types.ts lists the same maps

export type Implemented = typeof implementations;

// the mairie's mailbox rides along each synchronisation run (issue 13); the sync knows it only through its port
registerSyncSide(mailSyncSide);
// the préfecture's messages also enter the courrier register (issue 13), in the transaction that stores them
onInboundMessage(registerPrefectureMessage);

/** Domains whose « À faire » depends on the date: brought up to date when the dashboard is read. */
export const todoRefreshers: ((db: import('../db/sqlite').Db, today: string, now: Date) => void)[] = [
  refreshConseilTodos,
  refreshSigningTodos,
  refreshCourrierTodos,
  refreshEtatCivilTodos,
];

/**
 * Called with the connection's id when the person at a window changes or stops working there (logout, lock,
 * another login, commune switch, window closed): what was opened for that person closes, PIN included.
 */
export const sessionEndListeners: ((connId: string) => void)[] = [endSigningSession];
