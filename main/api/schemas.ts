/**
 * The contract between the window and the core: every handler's name, argument schema and who may call it.
 * Pure data (zod only), so that Electron's main process validates messages with the very same schemas as the
 * core, without loading any database code. Each domain declares its part in its own schemas.ts (the shape every
 * domain copies, docs/adding-a-domain.md); this file only assembles them, with the host's own handlers (app.*,
 * diagnostics). Implementations live in each domain's handlers.ts; a contract test proves both sides list the
 * same names.
 */
import { z } from 'zod';
import type { Access } from '../auth/schemas';
import { auditApi } from '../audit/schemas';
import { authApi } from '../auth/schemas';
import { backupApi } from '../backup/schemas';
import { communeApi } from '../commune/schemas';
import { conseilApi } from '../conseil/schemas';
import { dashboardApi } from '../dashboard/schemas';
import { setupApi } from '../setup/schemas';
import { syncApi } from '../sync/schemas';
import { signingApi } from '../parapheur/schemas';
import { courrierApi } from '../courrier/schemas';
import { mailApi } from '../courrier/mail/schemas';
import { etatCivilApi } from '../etat-civil/schemas';

export type { Access };

const none = z.object({}).strict();

export const api = {
  // the host's own handlers (main/host/app-handlers.ts)
  'app.status': { args: none, access: 'public' },
  'app.activity': { args: none, access: 'session' },
  'diagnostics.get': { args: none, access: 'diagnostics.read' },

  ...setupApi,
  ...authApi,
  ...communeApi,
  ...dashboardApi,
  ...auditApi,
  ...backupApi,
  ...conseilApi,
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
 * Events pushed by the core to the window, and their payloads: declared once here. The core's emitters are
 * type-checked against them (Connection.emit) and the window's `onEvent` callbacks receive them (import type).
 */
export interface EventPayloads {
  'session.locked': { reason: 'inactivite' };
  /** from the transport, not the core: the core process restarted (Electron) or the loopback socket closed */
  'core.restarted': { message?: string };
  'commune.changed': { communeId: string; by?: string };
  /** one document of a séance de signature (main/parapheur/session.ts) */
  'parapheur.progress':
    | {
        type: 'document';
        index: number;
        total: number;
        documentId: number;
        etat: 'en_cours' | 'signe' | 'erreur';
        message?: string;
      }
    | { type: 'arret'; message: string; restants: number[] };
  /** one step of a synchronisation run (main/sync/engine.ts) */
  'sync.progress': {
    phase: 'envoi' | 'reception' | 'termine' | 'hors_ligne';
    done: number;
    total: number;
    message: string;
  };
  /** a USB device was plugged or unplugged: the window rescans the tokens (signing.md §6) */
  'signing.tokenChanged': { what: 'connect' | 'disconnect' };
  /** lines of a CSV import of the état civil (main/etat-civil/import.ts) */
  'etatCivil.progress': { done: number; total: number };
}
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
