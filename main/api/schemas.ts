/**
 * The contract between the window and the core: every handler's name, argument schema and who may call it.
 * Pure data (zod only), so that Electron's main process validates messages with the very same schemas as the
 * core, without loading any database code. Each domain declares its part in its own schemas.ts (the shape every
 * domain copies, docs/adding-a-domain.md), the core's own (app.*, diagnostics) in main/app/; this file only
 * assembles them. Implementations live in each domain's handlers.ts; a contract test proves both sides list the
 * same names.
 */
import { z } from 'zod';
import type { Access, EventPayloads } from '../context';
import { appApi } from '../app/schemas';
import { auditApi } from '../audit/schemas';
import { authApi } from '../auth/schemas';
import { backupApi } from '../backup/schemas';
import { communeApi } from '../commune/schemas';
import { conseilApi } from '../conseil/schemas';
import { dashboardApi } from '../dashboard/schemas';
import { documentsApi } from '../documents/schemas';
import { setupApi } from '../setup/schemas';
import { syncApi } from '../sync/schemas';
import { signingApi } from '../parapheur/schemas';
import { courrierApi } from '../courrier/schemas';
import { mailApi } from '../courrier/mail/schemas';
import { etatCivilApi } from '../etat-civil/schemas';

export type { Access };

export const api = {
  ...appApi,
  ...setupApi,
  ...authApi,
  ...communeApi,
  ...dashboardApi,
  ...auditApi,
  ...backupApi,
  ...conseilApi,
  ...documentsApi,
  ...courrierApi,
  ...signingApi,
  ...syncApi,
  ...mailApi,
  ...etatCivilApi,
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;

export type HandlerName = keyof typeof api;
export type HandlerArgs<N extends HandlerName> = z.input<(typeof api)[N]['args']>;
export type ParsedArgs<N extends HandlerName> = z.output<(typeof api)[N]['args']>;

export const isHandlerName = (name: unknown): name is HandlerName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);

/** The envelope of a call from the window, checked before anything else. */
export const requestEnvelope = z
  .object({ id: z.number().int().nonnegative(), name: z.string().max(64), args: z.unknown() })
  .strict();

/**
 * Events pushed by the core to the window: their payloads are declared once in main/context/events.ts (a
 * handler's `ctx.conn.emit` is type-checked against them); EVENTS lists what Electron's main relays, and the
 * window's `onEvent` callbacks receive them (import type).
 */
export type { EventPayloads };
export const EVENTS = [
  'session.locked',
  'core.restarted',
  'commune.changed',
  'parapheur.progress',
  'sync.progress',
  'signing.tokenChanged',
  'etatCivil.progress',
] as const satisfies readonly (keyof EventPayloads)[];
export type EventName = (typeof EVENTS)[number];
export type EventPayload<E extends EventName> = EventPayloads[E];
/** Compile-time check: every declared event is in EVENTS (a handler may emit it, so Electron's main relays it). */
type Holds<T extends true> = T;
export type EveryEventListed = Holds<[Exclude<keyof EventPayloads, EventName>] extends [never] ? true : false>;
