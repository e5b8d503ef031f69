import type { Actor, JournalEntry } from '../audit';
import type { Role } from '../auth';
import type { Clock, CommuneStore, OpenCommune } from '../host/communes';
import type { Db } from '../db';
import type { DocumentStore, Uploads } from '../documents';
import type { EventName, HandlerName, ParsedArgs, EventPayload } from './schemas';

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
  readonly communes: CommuneStore;
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
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
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

export type Impl<N extends HandlerName> = (ctx: Ctx, args: ParsedArgs<N>) => unknown;
export type Implementations<K extends HandlerName> = { [N in K]: Impl<N> };
