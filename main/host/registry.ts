/** The union of the domain handler maps: what the window may ask of the core. */
import { auditHandlers } from '../audit/handlers';
import { authHandlers } from '../auth/handlers';
import { backupHandlers } from '../backup/handlers';
import { communeHandlers } from '../commune/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { documentsHandlers } from '../documents/handlers';
import { setupHandlers } from '../setup/handlers';
import { conseilHandlers } from '../conseil/handlers';
import { refreshConseilTodos } from '../conseil';
import { refreshSigningTodos } from '../parapheur';
import { appHandlers } from './app-handlers';
import { syncHandlers } from '../sync/handlers';
import { parapheurHandlers } from '../parapheur/handlers';
import { endSession as endSigningSession } from '../parapheur';
import type { Implementations } from '../api/handler';
import type { HandlerName } from '../api/schemas';

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
  documentsHandlers,
  parapheurHandlers,
  syncHandlers,
) satisfies Implementations<HandlerName>;

export type Implemented = typeof implementations;

/** Domains whose « À faire » depends on the date: brought up to date when the dashboard is read. */
export const todoRefreshers: ((db: import('../db/sqlite').Db, today: string, now: Date) => void)[] = [refreshConseilTodos, refreshSigningTodos];

/**
 * Called with the connection's id when the person at a window changes or stops working there (logout, lock,
 * another login, commune switch, window closed): what was opened for that person closes, PIN included.
 */
export const sessionEndListeners: ((connId: string) => void)[] = [endSigningSession];
