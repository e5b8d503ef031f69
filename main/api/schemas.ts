/**
 * The contract between the window and the core: every handler's name, argument schema and who may call it.
 * Pure data (zod only), so that Electron's main process validates messages with the very same schemas as the
 * core, without loading any database code. Implementations live in each domain's handlers.ts; a contract
 * test proves both sides list the same names.
 */
import { z } from 'zod';
// auth/roles.ts is pure data: Electron's main loads this file without any database code
import { ROLES, type Permission } from '../auth';
import { conseilApi } from '../conseil/schemas';
import { syncApi } from '../sync/schemas';
import { signingApi } from '../parapheur/schemas';
import { courrierApi } from '../courrier/schemas';
import { mailApi } from '../courrier/mail/schemas';
import { etatCivilApi } from '../etat-civil/schemas';

/**
 * 'public': before login (first-run wizard, login screen). 'session': any logged-in, unlocked user.
 * A Permission: the user's role in the open commune must grant it.
 */
export type Access = 'public' | 'session' | Permission;

const none = z.object({}).strict();
const anyObject = z.record(z.string(), z.unknown());
const id = z.number().int().positive();
const communeId = z.string().regex(/^[0-9AB]{5}-[a-z0-9-]{1,60}$/);
const backupFile = z.string().regex(/^[A-Za-z0-9_.-]{1,120}\.sqlite$/);

export const api = {
  'app.status': { args: none, access: 'public' },
  'app.activity': { args: none, access: 'session' },

  'setup.provisioning': { args: none, access: 'public' },
  'setup.validateStep': {
    args: z.object({ step: z.enum(['commune', 'horaires', 'conseil', 'compte']), data: z.unknown() }).strict(),
    access: 'public',
  },
  'setup.createCommune': {
    args: z
      .object({ identity: anyObject, horaires: z.array(z.unknown()), elus: z.array(z.unknown()), account: anyObject.optional() })
      .strict(),
    access: 'public', // first run only; afterwards the implementation requires a logged-in secrétaire
  },

  'auth.login': { args: z.object({ login: z.string().max(100), password: z.string().max(200) }).strict(), access: 'public' },
  'auth.logout': { args: none, access: 'public' },
  'auth.lock': { args: none, access: 'session' },
  'auth.unlock': { args: z.object({ password: z.string().max(200) }).strict(), access: 'public' },
  'auth.changePassword': {
    args: z.object({ current: z.string().max(200), password: z.string().max(200), password_confirm: z.string().max(200) }).strict(),
    access: 'session',
  },

  'commune.list': { args: none, access: 'session' },
  'commune.switch': { args: z.object({ communeId }).strict(), access: 'session' },
  'commune.get': { args: none, access: 'commune.read' },
  'commune.updateIdentity': { args: z.object({ identity: anyObject }).strict(), access: 'commune.write' },
  'commune.setHoraires': { args: z.object({ horaires: z.array(z.unknown()) }).strict(), access: 'commune.write' },
  'commune.saveElu': { args: z.object({ id: id.nullable(), elu: anyObject }).strict(), access: 'commune.write' },

  'users.list': { args: none, access: 'users.manage' },
  'users.create': {
    args: z.object({ account: anyObject, role: z.enum(ROLES), eluId: id.nullable().optional() }).strict(),
    access: 'users.manage',
  },
  'users.setRole': { args: z.object({ userId: id, role: z.enum(ROLES).nullable(), eluId: id.nullable().optional() }).strict(), access: 'users.manage' },
  'users.resetPassword': { args: z.object({ userId: id }).strict(), access: 'users.manage' },

  'dashboard.get': { args: none, access: 'commune.read' },

  'journal.list': {
    args: z
      .object({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
        user: z.string().max(100).nullable().optional(),
        text: z.string().max(200).nullable().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    access: 'journal.read',
  },

  'settings.get': { args: none, access: 'session' },
  // installation-wide: held in every commune of the installation (auth/access.ts)
  'settings.set': { args: z.object({ lockMinutes: z.number().int().min(1).max(120) }).strict(), access: 'installation.manage' },

  'backup.list': { args: none, access: 'backup.manage' },
  'backup.create': { args: none, access: 'backup.manage' },
  'backup.restore': { args: z.object({ file: backupFile }).strict(), access: 'backup.manage' },
  // « Exporter pour un autre PC » / import: the commune re-encrypted under a passphrase (main/backup/transfer.ts)
  'backup.export': { args: z.object({ passphrase: z.string().max(200) }).strict(), access: 'backup.manage' },
  'backup.import': { args: z.object({ uploadId: z.uuid(), passphrase: z.string().max(200) }).strict(), access: 'installation.manage' },

  'diagnostics.get': { args: none, access: 'diagnostics.read' },

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
export const requestEnvelope = z.object({ id: z.number().int().nonnegative(), name: z.string().max(64), args: z.unknown() }).strict();

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
    | { type: 'document'; index: number; total: number; documentId: number; etat: 'en_cours' | 'signe' | 'erreur'; message?: string }
    | { type: 'arret'; message: string; restants: number[] };
  /** one step of a synchronisation run (main/sync/engine.ts) */
  'sync.progress': { phase: 'envoi' | 'reception' | 'termine' | 'hors_ligne'; done: number; total: number; message: string };
  /** a USB device was plugged or unplugged: the window rescans the tokens (signing.md §6) */
  'signing.tokenChanged': { what: 'connect' | 'disconnect' };
  /** lines of a CSV import of the état civil (main/etat-civil/import.ts) */
  'etatCivil.progress': { done: number; total: number };
}
export const EVENTS = ['session.locked', 'core.restarted', 'commune.changed', 'parapheur.progress', 'sync.progress', 'signing.tokenChanged', 'etatCivil.progress'] as const satisfies readonly (keyof EventPayloads)[];
export type EventName = (typeof EVENTS)[number];
export type EventPayload<E extends EventName> = EventPayloads[E];
