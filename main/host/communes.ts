import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { AppError, parisDay } from '../kernel';
import {
  backupBeforeUpdateError,
  backupFailureMessage,
  checkBackup,
  createBackup,
  keepRawCopy,
  listBackups,
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
  deriveDbKey,
  installationKey,
  isPlainFile,
  openKeyed,
  type DbKey,
  encryptPlainFile,
  deriveDocumentsKey,
} from '../db';
import { ensurePrivateDir } from './paths';
import { sealClearSecrets } from '../sync';
import { collectDocuments, DocumentStore } from '../documents';
import type { Clock, OpenCommune } from '../context';

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
  ) {
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
    this.dailyBackup(handle);
    return handle;
  }

  /**
   * Open a commune: checked (quick_check; refused if newer), a backup before any migration, and the day's
   * automatic backup at the first opening of each day — the mairie opens on its opening half-days, so this
   * is one backup per opening day.
   */
  get(id: string): OpenCommune {
    const cached = this.open.get(id);
    if (cached?.db.open) {
      this.dailyBackup(cached); // the PC may stay on from one opening day to the next
      return cached;
    }
    if (!this.exists(id))
      throw new AppError('NOT_FOUND', 'Le dossier de cette commune est introuvable sur cet ordinateur.');
    const backupDir = this.backupDirOf(id);
    const { db } = this.openExisting(id, {
      migrations: communeMigrations,
      what: 'Le dossier de la commune',
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
      this.encryptPlainBackups(id);
      if (sealClearSecrets(db, this.secrets)) this.sealBackups(id);
    } catch (e) {
      closeDatabase(db);
      throw e;
    }
    const handle: OpenCommune = { id, dir: this.dirOf(id), db };
    this.open.set(id, handle);
    this.dailyBackup(handle);
    this.encryptPlainDocuments(id);
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
   * The day's automatic backup. A failure (full disk, `sauvegardes` not writable) never blocks the commune, not
   * even its reads: it is remembered as a warning for the dashboard and written in the commune's journal when
   * the base still takes writes. It is tried once per opening day, so a full disk does not slow every call.
   */
  private dailyBackup(h: OpenCommune): void {
    // the backup's day is the Paris day of the core's clock (its file name keeps the UTC instant)
    const today = parisDay(this.clock());
    if (h.backupDay === today) return;
    h.backupDay = today;
    try {
      const done = listBackups(this.backupDirOf(h.id)).some(
        (b) => b.kind === 'quotidienne' && parisDay(new Date(b.createdAt)) === today,
      );
      if (!done) createBackup(h.db, this.backupDirOf(h.id), 'quotidienne', this.clock());
      this.backupFailures.delete(h.id);
      if (!done)
        collectDocuments({
          db: h.db,
          docs: this.documentsOf(h.id),
          backupDir: this.backupDirOf(h.id),
          now: this.clock(),
        }); // never throws
    } catch (e) {
      const why = backupFailureMessage(e);
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
    }
  }

  /**
   * Backups written before issue 11 are plain SQLite files: a copy on a USB key would reveal every name. Encrypt
   * them like the base (encrypt-plain.ts keeps each one intact until its encrypted copy is verified). A damaged
   * plain file (kept before a restore) cannot be rewritten page by page: it is left as it is, and said in the log.
   */
  private encryptPlainBackups(id: string): void {
    for (const b of listBackups(this.backupDirOf(id))) {
      const file = path.join(this.backupDirOf(id), b.file);
      if (!isPlainFile(file)) continue;
      try {
        encryptPlainFile(file, this.key);
      } catch {
        console.warn(`[clocher] sauvegarde non chiffrée laissée telle quelle (illisible) : ${b.file}`);
      }
    }
  }

  /**
   * Backups made before the secrets were sealed hold them in clear: seal them there too, and VACUUM so the
   * clear text does not stay in a free page. A backup that cannot be opened (a damaged base kept before a
   * restore) is left as it is.
   */
  private sealBackups(id: string): void {
    for (const b of listBackups(this.backupDirOf(id))) {
      let copy: Db | undefined;
      try {
        copy = openKeyed(path.join(this.backupDirOf(id), b.file), this.key, { fileMustExist: true });
        if (sealClearSecrets(copy, this.secrets)) copy.exec('VACUUM');
      } catch {
        // unreadable: nothing we can seal
      } finally {
        copy?.close();
      }
    }
  }

  /** Why the last automatic backup of this commune failed, or null. */
  backupWarning(id: string): string | null {
    return this.backupFailures.get(id) ?? null;
  }

  backups(id: string): BackupInfo[] {
    return listBackups(this.backupDirOf(id));
  }

  backupNow(id: string): BackupInfo {
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
    return { kept };
  }
}
