/**
 * The one context of every domain's handlers (architecture §2-3): who is calling, on which connection, with
 * which services, and the open commune. It sits below the domains and names only bottom types (kernel, db,
 * this folder), so that every domain's handlers.ts can import it without a cycle through the host or the
 * assembled contract. Each domain types its handlers by its OWN schemas.ts (`Implementations<typeof xApi>`);
 * the host checks that the union of them matches the assembled contract (main/host/registry.ts).
 */
import type { z } from 'zod';
import type { Db } from '../db';
import type { Role, SchemaMap } from './access';
import type { EventPayloads } from './events';
import type { Clock, CommuneFiles, DocumentStore, OpenCommune, Uploads } from './files';
import type { Actor, JournalEntry } from './journal';

export interface Session {
  userId: number;
  login: string;
  displayName: string;
  communeId: string | null;
  role: Role | null;
  /** the élu this account is in the open commune, if any (he alone signs as himself) */
  eluId: number | null;
  locked: boolean;
  mustChangePassword: boolean;
}

export interface CoreServices {
  readonly workspace: Db;
  readonly communes: CommuneFiles;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly provisioningPath: string | null;
  readonly version: string;
  readonly uploads: Uploads;
  lockMinutes(): number;
  /** bring the date-dependent « À faire » of every domain up to date */
  refreshTodos(db: Db, now: Date): void;
  /** run database work under the core's write lock, outside a handler (the synchronisation's transactions) */
  exclusive<T>(fn: () => T): Promise<T>;
}

export interface Connection {
  readonly id: string;
  session: Session | null;
  emit<E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]): void;
}

/** What a handler receives besides its parsed arguments. */
export interface Ctx {
  readonly core: CoreServices;
  readonly conn: Connection;
  readonly now: Date;
  /** the logged-in, unlocked user (throws otherwise) */
  session(): Session;
  /** the open commune of the session (throws NO_COMMUNE, DB_CORRUPT, DB_TOO_NEW as values) */
  commune(): OpenCommune;
  actor(): Actor;
  /** write a journal line in the open commune, in the caller's transaction */
  audit(e: JournalEntry): void;
  /** await network I/O without holding the core's write lock (a silent platform must not freeze the windows) */
  offLock<T>(io: () => Promise<T>): Promise<T>;
  /** what a domain's services need of the open commune for this call (the one context of every domain) */
  data(): DomainCtx;
  /** a synchronous write: one transaction over the commune's file, then every « À faire » brought up to date */
  write<T>(fn: (c: DomainCtx) => T): T;
  /** an asynchronous write (PDF generation): the service opens its own transaction; « À faire » refreshed after */
  writeAsync<T>(fn: (c: DomainCtx) => Promise<T>): Promise<T>;
}

/** The open commune as the domains' services see it for one call (conseil, parapheur, sync, …). */
export interface DomainCtx {
  db: Db;
  docs: DocumentStore;
  now: Date;
  /** YYYY-MM-DD, Europe/Paris (kernel/time.ts) */
  today: string;
  audit(e: JournalEntry): void;
}

/** One handler of the schema map S: its arguments are what S's zod schema gives after parsing. */
export type Impl<S extends SchemaMap, N extends keyof S> = (ctx: Ctx, args: z.output<S[N]['args']>) => unknown;
/**
 * The handlers of a domain, typed by its own schemas.ts: `satisfies Implementations<typeof auditApi>`, or the
 * names K of that map a file implements (auth/users.ts implements the users.* of authApi).
 */
export type Implementations<S extends SchemaMap, K extends keyof S = keyof S> = { [N in K]: Impl<S, N> };
