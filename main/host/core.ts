import crypto from 'node:crypto';
import path from 'node:path';
import { workspaceMigrations } from '../../migrations';
import { AppError, toErrorValue, parisDay, parseOrThrow } from '../kernel';
import type { Connection, CoreServices, Ctx, Session } from '../api/handler';
import { implementations, sessionEndListeners, todoRefreshers } from './registry';
import { api, isHandlerName, requestEnvelope, type EventName, type EventPayload } from '../api/schemas';
import type { Reply } from '../api/types';
import { record } from '../audit';
import { can, checkAccountRules, workspaceLog } from '../auth';
import { CommuneStore, type Clock } from './communes';
import {
  closeDatabase,
  openDatabase,
  type Db,
  type SecretBox,
  aesBox,
  deriveDbKey,
  INSTALLATION_FILE,
  installationKey,
} from '../db';
import { Uploads } from '../documents';
import { startUsbWatch } from '../signing';
import { readHoraires } from '../commune';
import { SyncScheduler } from '../sync';
import { startSync } from '../sync/handlers';
import { LockHold, WriteLock } from './write-lock';
import { damageJournal, damageOfFailure, refuseWriteIfDamaged } from './damage';
import fs from 'node:fs';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  provisioningPath?: string | null;
  version?: string;
  /** run the synchronisation scheduler for the open commune of each window (off in unit tests) */
  scheduleSync?: boolean;
  /** log of unexpected errors, for support; receives no personal data beyond the stack */
  logError?: (e: unknown) => void;
  /** seals the platform secrets; default: a 0600 key file in dataDir (the Electron shell gives an OS-wrapped key) */
  secrets?: SecretBox;
  /**
   * The installation key unwrapped by the OS (Electron shell, main/electron/secrets.ts): it seals the platform
   * secrets and, through a derived key, encrypts every database (main/db/cipher.ts). Default: the 0600 key file.
   */
  installationKey?: Buffer | null;
  /** the day's check worker (main/host/daily-check.ts); default: its bundle beside this one, else the core's thread */
  checkScript?: string | null;
}

export const DEFAULT_LOCK_MINUTES = 10;

interface LiveConnection extends Connection {
  lockTimer: NodeJS.Timeout | null;
  sync: { communeId: string; scheduler: SyncScheduler } | null;
}

/**
 * The core: every handler, query and check, whatever the transport (Electron utility process, loopback
 * WebSocket for dev and tests, in-process for unit tests). Calls run one at a time under the write lock, so
 * writes never interleave; network I/O steps out of it (see dispatch).
 */
export class Core implements CoreServices {
  readonly workspace: Db;
  readonly communes: CommuneStore;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly provisioningPath: string | null;
  readonly version: string;
  readonly uploads: Uploads;
  private readonly scheduleSync: boolean;
  private readonly logError: (e: unknown) => void;
  private readonly connections = new Set<LiveConnection>();
  private readonly lock = new WriteLock();
  private readonly sessionIds = new WeakMap<Session, number>();
  private nextSessionId = 1;

  constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    this.clock = opts.clock ?? (() => new Date());
    this.provisioningPath = opts.provisioningPath ?? null;
    this.scheduleSync = opts.scheduleSync ?? false;
    this.version = opts.version ?? '0.0.0-dev';
    this.logError = opts.logError ?? ((e) => console.error('[clocher core]', e));
    const key = installationKey(this.dataDir, opts.installationKey);
    const dbKey = deriveDbKey(key);
    this.communes = new CommuneStore(
      path.join(this.dataDir, 'communes'),
      this.clock,
      opts.secrets ?? aesBox(() => key),
      dbKey,
      opts.checkScript,
    );
    this.communes.onChange(
      (id) => this.broadcastTo(id, 'commune.changed', { communeId: id }),
      (id) => workspaceLog(this.workspace, this.clock(), null, 'commune.endommagee', damageJournal(id)),
    );
    const uploadDir = path.join(this.dataDir, 'envois-en-cours');
    fs.rmSync(uploadDir, { recursive: true, force: true }); // partial uploads of a previous run
    this.uploads = new Uploads(uploadDir);
    this.workspace = openDatabase(path.join(this.dataDir, INSTALLATION_FILE), {
      migrations: workspaceMigrations,
      what: "Le fichier d'installation de Clocher",
      key: dbKey, // accounts and password hashes are personal data too
    }).db;
  }

  lockMinutes(): number {
    const row = this.workspace.prepare("SELECT value FROM setting WHERE key = 'lock_minutes'").get() as
      { value: string } | undefined;
    return row ? Number(JSON.parse(row.value)) : DEFAULT_LOCK_MINUTES;
  }

  refreshTodos(db: Db, now: Date): void {
    for (const refresh of todoRefreshers) refresh(db, parisDay(now), now);
  }

  connect(emit: (event: EventName, payload: unknown) => void): Connection {
    const conn: LiveConnection = { id: crypto.randomUUID(), session: null, emit, lockTimer: null, sync: null };
    this.connections.add(conn);
    return conn;
  }

  /** An event for every window (a token plugged in, say). */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const c of this.connections) c.emit(event, payload);
  }

  /** An event for the windows open on one commune (the day's check found it damaged, say). */
  private broadcastTo<E extends EventName>(communeId: string, event: E, payload: EventPayload<E>): void {
    for (const c of this.connections) if (c.session?.communeId === communeId) c.emit(event, payload);
  }

  /** USB plug/unplug only triggers a rescan in the window (signing.md §6); degrades silently without a USB bus. */
  async watchUsb(): Promise<void> {
    const watch = await startUsbWatch((what) => this.broadcast('signing.tokenChanged', { what }));
    this.stopUsb = () => watch.stop();
  }
  private stopUsb: () => void = () => undefined;

  disconnect(conn: Connection): void {
    const live = conn as LiveConnection;
    if (live.lockTimer) clearTimeout(live.lockTimer);
    live.sync?.scheduler.stop();
    this.sessionEnded(live);
    this.uploads.discardOwner(conn.id); // its unfinished uploads can never be taken: remove their temporary files
    this.connections.delete(live);
  }

  /**
   * Who is at the window, in which commune, unlocked or not. Every change of it, whatever handler or timer made
   * it, ends what belonged to the previous state (sessionEndListeners: the séance de signature and its PIN).
   */
  private sessionMark(conn: LiveConnection): string {
    const s = conn.session;
    if (!s) return '';
    let n = this.sessionIds.get(s);
    if (n === undefined) this.sessionIds.set(s, (n = this.nextSessionId++));
    return `${n}|${s.userId}|${s.communeId}|${s.locked}`;
  }

  private sessionEnded(conn: LiveConnection): void {
    for (const end of sessionEndListeners) {
      try {
        end(conn.id);
      } catch (e) {
        this.logError(e);
      }
    }
  }

  /**
   * Handle one raw message from the window. Never throws: errors come back as values. Handlers run one at a
   * time under the write lock, except while they await the network (`ctx.offLock`), so a silent platform
   * never holds `app.status` or a read behind it.
   */
  async dispatch(conn: Connection, raw: unknown): Promise<Reply> {
    const hold = new LockHold(this.lock, await this.lock.acquire());
    try {
      return await this.watched(conn as LiveConnection, raw, hold);
    } finally {
      hold.done();
    }
  }

  exclusive<T>(fn: () => T): Promise<T> {
    return this.lock.run(fn);
  }

  /** The one place every session change from the window goes through (login, logout, lock, commune switch…). */
  private async watched(conn: LiveConnection, raw: unknown, hold: LockHold): Promise<Reply> {
    const before = this.sessionMark(conn);
    try {
      return await this.handle(conn, raw, hold);
    } finally {
      if (this.sessionMark(conn) !== before) this.sessionEnded(conn);
    }
  }

  private async handle(conn: LiveConnection, raw: unknown, hold: LockHold): Promise<Reply> {
    const env = requestEnvelope.safeParse(raw);
    const id = env.success ? env.data.id : -1;
    try {
      if (!env.success) throw new AppError('INVALID', 'Message mal formé.');
      const { name } = env.data;
      if (!isHandlerName(name))
        throw new AppError('UNKNOWN_HANDLER', `Action inconnue : ${String(name).slice(0, 64)}.`);
      const def = api[name];
      const args = parseOrThrow(def.args, env.data.args ?? {});
      checkAccountRules(this.workspace, conn.session, name, def.access); // temporary password, installation-wide settings
      if (def.access !== 'public') {
        const s = this.requireSession(conn);
        if (def.access !== 'session') {
          if (!s.communeId || !s.role) throw new AppError('NO_COMMUNE', 'Choisissez d’abord une commune.');
          if (!can(s.role, def.access))
            throw new AppError('FORBIDDEN', 'Votre rôle dans cette commune ne permet pas cette action.');
        }
        this.armLockTimer(conn);
        refuseWriteIfDamaged(this.communes, s.communeId, name, def.access);
      }
      const impl = implementations[name] as (ctx: Ctx, a: unknown) => unknown;
      const value = await impl(this.context(conn, hold), args);
      if (this.scheduleSync) this.followCommune(conn);
      return { id, ok: true, value };
    } catch (e) {
      const damage = damageOfFailure(this.communes, conn.session?.communeId ?? null, e);
      if (damage) return { id, ok: false, error: damage.toValue() };
      if (!(e instanceof AppError)) this.logError(e);
      return { id, ok: false, error: toErrorValue(e) };
    }
  }

  /**
   * The synchronisation runs for the commune open in the window: at start-up, then at the mairie's opening
   * half-days (architecture §6). It follows the window from one commune to another.
   */
  private followCommune(conn: LiveConnection): void {
    const s = conn.session;
    const communeId = s && !s.locked ? s.communeId : null;
    if (conn.sync?.communeId === communeId) return;
    conn.sync?.scheduler.stop();
    conn.sync = null;
    if (!communeId || this.communes.damage(communeId)) return; // a damaged commune does not synchronise
    let db: Db;
    try {
      db = this.communes.get(communeId).db;
    } catch {
      return; // a damaged commune does not synchronise; the window shows the restore screen
    }
    const scheduler = new SyncScheduler({
      slots: () => readHoraires(db),
      now: this.clock,
      run: (t) => (this.communes.damage(communeId) ? null : startSync(this.context(conn), t)) ?? Promise.resolve(),
    });
    conn.sync = { communeId, scheduler };
    scheduler.start();
  }

  private requireSession(conn: LiveConnection): Session {
    const s = conn.session;
    if (!s) throw new AppError('NOT_AUTHENTICATED', 'Connectez-vous pour continuer.');
    if (s.locked)
      throw new AppError('SESSION_LOCKED', 'La session est verrouillée : saisissez votre mot de passe pour continuer.');
    return s;
  }

  /** Inactivity lock, enforced by the core itself (the window's own timer is only a courtesy). */
  private armLockTimer(conn: LiveConnection): void {
    if (conn.lockTimer) clearTimeout(conn.lockTimer);
    conn.lockTimer = setTimeout(() => this.lockForInactivity(conn), this.lockMinutes() * 60_000);
    conn.lockTimer.unref?.();
  }

  private lockForInactivity(conn: LiveConnection): void {
    const s = conn.session;
    if (!s || s.locked || !this.connections.has(conn)) return;
    s.locked = true;
    this.sessionEnded(conn);
    try {
      if (s.communeId) {
        const { db } = this.communes.get(s.communeId);
        record(
          db,
          this.clock(),
          { login: s.login, name: s.displayName },
          {
            action: 'session.verrouillee',
            summary: `Session verrouillée après ${this.lockMinutes()} min d'inactivité`,
          },
        );
      }
    } catch (e) {
      this.logError(e);
    }
    conn.emit('session.locked', { reason: 'inactivite' });
  }

  private context(conn: LiveConnection, hold?: LockHold): Ctx {
    const now = this.clock();
    const ctx: Ctx = {
      core: this,
      conn,
      now,
      session: () => this.requireSession(conn),
      commune: () => {
        const s = ctx.session();
        if (!s.communeId) throw new AppError('NO_COMMUNE', 'Choisissez d’abord une commune.');
        return this.communes.get(s.communeId);
      },
      actor: () => {
        const s = conn.session;
        return { login: s?.login ?? null, name: s?.displayName ?? null };
      },
      audit: (e) => record(ctx.commune().db, now, ctx.actor(), e),
      // outside a handler (the scheduler's runs) there is no hold to step out of
      offLock: (io) => (hold ? hold.offLock(io) : io()),
      data: () => {
        const { db, id } = ctx.commune();
        return { db, docs: this.communes.documentsOf(id), now, today: parisDay(now), audit: (e) => ctx.audit(e) };
      },
      write: (fn) => {
        this.communes.assertWritable(ctx.commune().id);
        const c = ctx.data();
        const out = c.db.transaction(() => fn(c))();
        this.refreshTodos(c.db, now);
        return out;
      },
      writeAsync: async (fn) => {
        this.communes.assertWritable(ctx.commune().id);
        const c = ctx.data();
        const out = await fn(c);
        this.refreshTodos(c.db, now);
        return out;
      },
    };
    return ctx;
  }

  close(): void {
    this.stopUsb();
    for (const c of this.connections) this.disconnect(c);
    this.communes.closeAll();
    closeDatabase(this.workspace);
  }
}
