import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { AppError, parisDay } from '../kernel';
import {
  backupBeforeUpdateError,
  backupFailureMessage,
  checkBackup,
  createBackup,
  type DailyCheckResult,
  keepRawCopy,
  listBackups,
  runDailyCheck,
  type BackupInfo,
} from '../backup';
import { record } from '../audit';
import {
  closeDatabase,
  openDatabase,
  type Db,
  attachSecretBox,
  keyFileBox,
  type SecretBox,
  damagedInUseError,
  deriveDbKey,
  installationKey,
  type DbKey,
  deriveDocumentsKey,
} from '../db';
import { ensurePrivateDir } from './paths';
import { sealClearSecrets } from '../sync';
import { collectDocuments, DocumentStore } from '../documents';
import type { Clock, OpenCommune } from '../context';
import { type CheckOutcome, DailyChecks, defaultCheckScript } from './daily-check';
import { encryptPlainBackups, sealBackups } from './legacy-backups';

// bottom types (main/context/files.ts): the domains' context names them without reaching the host
export type { Clock, OpenCommune };

const FILE = 'commune.sqlite';
const BACKUPS = 'sauvegardes';

/**
 * The communes of this installation: one folder and one SQLite file each, so that nothing can leak from
 * one commune to another and one file is one thing to back up or carry. Open handles are cached.
 */
export class CommuneStore {
  private readonly open = new Map<string, OpenCommune>();
  /** commune id → French reason the day's automatic backup failed (cleared by the next successful one) */
  private readonly backupFailures = new Map<string, string>();
  /** commune id → the restore message, once its pages were found damaged after it was opened */
  private readonly damaged = new Map<string, AppError>();
  private readonly checks: DailyChecks;
  private readonly secrets: SecretBox;
  /** encrypts every commune file and its backups (main/db/cipher.ts) */
  readonly key: DbKey;
  /**
   * `root` is `<data folder>/communes`: the data folder is created (or tightened) to 0700 here, and holds the
   * installation key (platform secrets, and the databases' key derived from it) unless the Electron shell gives
   * an OS-wrapped one (`secrets`, `key`).
   */
  constructor(
    readonly root: string,
    private readonly clock: Clock,
    secrets?: SecretBox,
    key?: DbKey,
    /** the check worker's bundle (daily-check.ts); null: on the core's thread, after the reply (tests of sources) */
    checkScript: string | null = defaultCheckScript(),
  ) {
    this.checks = new DailyChecks(checkScript);
    ensurePrivateDir(path.dirname(root));
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    this.secrets = secrets ?? keyFileBox(path.dirname(root));
    this.key = key ?? deriveDbKey(installationKey(path.dirname(root)));
  }

  dirOf(id: string): string {
    return path.join(this.root, id);
  }
  fileOf(id: string): string {
    return path.join(this.dirOf(id), FILE);
  }
  backupDirOf(id: string): string {
    return path.join(this.dirOf(id), BACKUPS);
  }
  /** its PDFs and scans, encrypted under a key derived from the databases' one (main/db/file-cipher.ts) */
  documentsOf(id: string): DocumentStore {
    return new DocumentStore(path.join(this.dirOf(id), 'documents'), deriveDocumentsKey(this.key));
  }
  exists(id: string): boolean {
    return fs.existsSync(this.fileOf(id));
  }

  /** Create the file of a new commune and run `init` inside the first transaction's aftermath. */
  create(id: string, init: (db: Db) => void): OpenCommune {
    if (this.exists(id)) throw new AppError('CONFLICT', 'Cette commune existe déjà dans Clocher.');
    fs.mkdirSync(this.dirOf(id), { recursive: true });
    const { db } = openDatabase(this.fileOf(id), {
      migrations: communeMigrations,
      what: 'Le dossier de la commune',
      key: this.key,
    });
    attachSecretBox(db, this.secrets);
    try {
      db.transaction(() => init(db))();
    } catch (e) {
      closeDatabase(db);
      fs.rmSync(this.dirOf(id), { recursive: true, force: true });
      throw e;
    }
    const handle: OpenCommune = { id, dir: this.dirOf(id), db };
    this.open.set(id, handle);
    // a new, small base: its first backup is taken at once, on this thread (nothing to check yet)
    handle.backupDay = parisDay(this.clock());
    const job = { file: this.fileOf(id), keyHex: this.key.toString('hex'), backupDir: this.backupDirOf(id) };
    this.applyOutcome(handle, runDailyCheck({ ...job, at: this.clock().toISOString(), check: false }));
    return handle;
  }

  /**
   * Open a commune: its header checked now (key, SQLite, schema not newer), a full check and a backup before any
   * migration, and, once the reply has left, the page-by-page check then the day's automatic backup off the core's
   * thread (scheduleDailyCheck, issue 9) — the mairie opens on its opening half-days, so one backup per opening day.
   */
  get(id: string): OpenCommune {
    const cached = this.open.get(id);
    if (cached?.db.open) {
      this.scheduleDailyCheck(cached, true); // the PC may stay on from one opening day to the next
      return cached;
    }
    if (!this.exists(id))
      throw new AppError('NOT_FOUND', 'Le dossier de cette commune est introuvable sur cet ordinateur.');
    const backupDir = this.backupDirOf(id);
    const { db, checked } = this.openExisting(id, {
      migrations: communeMigrations,
      what: 'Le dossier de la commune',
      deferCheck: true,
      beforeMigrate: (d) => {
        try {
          createBackup(d, backupDir, 'avant-migration', this.clock());
        } catch (e) {
          throw backupBeforeUpdateError(e); // no update without a backup: the base stays as it was
        }
      },
    });
    attachSecretBox(db, this.secrets);
    try {
      encryptPlainBackups(this.backupDirOf(id), this.key);
      if (sealClearSecrets(db, this.secrets)) sealBackups(this.backupDirOf(id), this.key, this.secrets);
    } catch (e) {
      closeDatabase(db);
      throw e;
    }
    const handle: OpenCommune = { id, dir: this.dirOf(id), db };
    this.open.set(id, handle);
    this.scheduleDailyCheck(handle, !checked);
    return handle;
  }

  /** Documents written before they were encrypted at rest: encrypted after the day's backup, each one crash-safe. */
  private encryptPlainDocuments(id: string): void {
    try {
      const { damaged } = this.documentsOf(id).encryptPlainFiles();
      if (damaged.length) console.warn(`[clocher] documents altérés laissés tels quels : ${damaged.join(', ')}`);
    } catch (e) {
      console.warn(
        '[clocher] chiffrement des documents interrompu, repris à la prochaine ouverture :',
        (e as Error).message,
      );
    }
  }

  /**
   * The key opened the installation file, so a commune file it does not open is damaged or was copied from another
   * PC: either way the way out is the restore screen (DB_CORRUPT), with a message that says both.
   */
  private openExisting(
    id: string,
    opts: Omit<Parameters<typeof openDatabase>[1], 'key'>,
  ): ReturnType<typeof openDatabase> {
    try {
      return openDatabase(this.fileOf(id), { ...opts, key: this.key });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'DB_WRONG_KEY') throw e;
      throw new AppError(
        'DB_CORRUPT',
        "Le dossier de la commune ne s'ouvre pas avec la clé de chiffrement de cet ordinateur : il est endommagé, ou il a été copié d'un autre PC. Rien n'a été modifié : restaurez une sauvegarde (écran suivant) ou appelez le support.",
      );
    }
  }

  /**
   * The day's check and automatic backup, once per Paris day of the core's clock, in a worker after the reply
   * (daily-check.ts). `check` false: quick_check already ran at this opening (before a migration). It runs again
   * at each opening of the file (a restart), as before issue 9, since it no longer costs the user anything; a
   * cached handle is checked again only on a new day, before that day's backup. A damaged base is never backed up.
   */
  private scheduleDailyCheck(h: OpenCommune, check: boolean): void {
    const now = this.clock();
    const today = parisDay(now);
    if (h.backupDay === today || this.damaged.has(h.id) || this.checks.isRunning(h.id)) return;
    h.backupDay = today;
    const job = { file: this.fileOf(h.id), keyHex: this.key.toString('hex'), backupDir: this.backupDirOf(h.id) };
    this.checks.start(h.id, { ...job, at: now.toISOString(), check }, (o) => this.applyOutcome(h, o.result));
  }

  /**
   * What the day's check found. A failed backup (full disk, `sauvegardes` not writable) never blocks the commune,
   * not even its reads: it is remembered as a warning for the dashboard and written in the commune's journal.
   */
  private applyOutcome(h: OpenCommune, r: DailyCheckResult): void {
    if (this.open.get(h.id) !== h || !h.db.open) return; // closed or restored meanwhile
    if (r.pages === 'damaged') return this.markDamaged(h.id);
    if (r.backup === 'stopped') {
      h.backupDay = undefined;
      return;
    }
    if (r.backup === 'failed') {
      const why = backupFailureMessage({ code: r.errorCode });
      this.backupFailures.set(h.id, why);
      try {
        record(
          h.db,
          this.clock(),
          { login: null, name: 'Clocher' },
          { action: 'sauvegarde.echec', summary: why, objectType: 'sauvegarde' },
        );
      } catch {
        // the disk is full or read-only: the warning on the dashboard is all we can do
      }
    } else this.backupFailures.delete(h.id);
    if (r.backup === 'made') {
      const docs = this.documentsOf(h.id);
      collectDocuments({ db: h.db, docs, backupDir: this.backupDirOf(h.id), now: this.clock() }); // never throws
    }
    this.encryptPlainDocuments(h.id);
    this.listener(h.id);
  }

  /**
   * The deferred check found damaged pages: reads go on (the secrétaire can still look something up), every
   * write is refused with the restore message (Core.handle, assertWritable), and the connection itself is made
   * read-only so that no path writes into a damaged file. Journaled by the core, without personal data.
   */
  markDamaged(id: string): void {
    if (this.damaged.has(id)) return;
    this.damaged.set(id, damagedInUseError('Le dossier de la commune'));
    try {
      this.open.get(id)?.db.pragma('query_only = ON');
    } catch {
      // already closed: the next opening checks the file again
    }
    this.onDamaged(id);
    this.listener(id);
  }

  /** The restore message when the commune's pages were found damaged since it was opened, else null. */
  damage(id: string): AppError | null {
    return this.damaged.get(id) ?? null;
  }

  /** Throws the restore message (DB_CORRUPT) when the commune was found damaged. */
  assertWritable(id: string): void {
    const d = this.damaged.get(id);
    if (d) throw d;
  }

  /** The core hears here what the day's check changed (to tell the windows, and journal a damage). */
  onChange(listener: (id: string) => void, onDamaged: (id: string) => void): void {
    this.listener = listener;
    this.onDamaged = onDamaged;
  }
  private listener: (id: string) => void = () => undefined;
  private onDamaged: (id: string) => void = () => undefined;

  /** Whether the day's check of this commune is under way; the outcome of the last one. */
  checkState(id: string) {
    const running = this.checks.isRunning(id);
    const last: CheckOutcome | null = this.checks.last.get(id) ?? null;
    return { running, reading: this.checks.isReading(id), last, stopped: this.checks.stopped.get(id) ?? null };
  }

  /** Resolves once every check and backup started so far has ended and been taken into account. */
  checksSettled(): Promise<void> {
    return this.checks.settled();
  }

  /** Why the last automatic backup of this commune failed, or null. */
  backupWarning(id: string): string | null {
    return this.backupFailures.get(id) ?? null;
  }

  backups(id: string): BackupInfo[] {
    return listBackups(this.backupDirOf(id));
  }

  backupNow(id: string): BackupInfo {
    this.assertWritable(id); // a copy of damaged pages would be no backup at all
    const info = createBackup(this.get(id).db, this.backupDirOf(id), 'manuelle', this.clock());
    this.backupFailures.delete(id); // a good backup of today exists again
    return info;
  }

  /** Remove a commune created a moment ago whose registration failed (never used on a commune in use). */
  discard(id: string): void {
    this.close(id);
    fs.rmSync(this.dirOf(id), { recursive: true, force: true });
  }

  close(id: string): void {
    this.checks.stop(id); // waits for the check's connection to close: the file may be replaced next (restore)
    const h = this.open.get(id);
    if (h) closeDatabase(h.db);
    this.open.delete(id);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  /**
   * Replace the commune's database with a backup, after checking the backup completely. The current file,
   * even damaged, is kept in `sauvegardes/` first: a restore never destroys anything.
   */
  restore(id: string, backupFile: string, expectedInsee: string): { kept: string } {
    const source = path.join(this.backupDirOf(id), path.basename(backupFile));
    checkBackup(source, communeMigrations, expectedInsee, this.key);
    this.close(id);
    const file = this.fileOf(id);
    let kept = '';
    if (fs.existsSync(file)) {
      // Fold a WAL left by a crash into the copy we keep; if the base is damaged, keep the raw bytes.
      kept = keepRawCopy(file, this.backupDirOf(id), 'avant-restauration', this.clock());
    }
    const tmp = `${file}.restauration`;
    fs.copyFileSync(source, tmp);
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(tmp, file);
    this.damaged.delete(id); // the backup was checked in full (checkBackup)
    return { kept };
  }
}
