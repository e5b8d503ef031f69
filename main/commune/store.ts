import fs from 'node:fs';
import path from 'node:path';
import { communeMigrations } from '../../migrations';
import { AppError } from '../api/errors';
import { checkBackup, createBackup, keepRawCopy, listBackups, type BackupInfo } from '../backup/backups';
import { closeDatabase, openDatabase, type Db } from '../db/sqlite';
import { collectDocuments } from '../documents/collect';
import { DocumentStore } from '../documents/store';

export type Clock = () => Date;

export interface OpenCommune {
  id: string;
  dir: string;
  db: Db;
  /** day (YYYY-MM-DD) of the last check for the daily backup */
  backupDay?: string;
}

const FILE = 'commune.sqlite';
const BACKUPS = 'sauvegardes';

/** Folder-safe, readable id for a commune: INSEE code and name, e.g. `45123-saint-benoit-sur-loire`. */
export function communeIdFor(codeInsee: string, nom: string): string {
  const slug = nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${codeInsee}-${slug || 'commune'}`;
}

/**
 * The communes of this installation: one folder and one SQLite file each, so that nothing can leak from
 * one commune to another and one file is one thing to back up or carry. Open handles are cached.
 */
export class CommuneStore {
  private readonly open = new Map<string, OpenCommune>();
  constructor(
    readonly root: string,
    private readonly clock: Clock,
  ) {
    fs.mkdirSync(root, { recursive: true });
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
  documentsOf(id: string): DocumentStore {
    return new DocumentStore(path.join(this.dirOf(id), 'documents'));
  }
  exists(id: string): boolean {
    return fs.existsSync(this.fileOf(id));
  }

  /** Create the file of a new commune and run `init` inside the first transaction's aftermath. */
  create(id: string, init: (db: Db) => void): OpenCommune {
    if (this.exists(id)) throw new AppError('CONFLICT', 'Cette commune existe déjà dans Clocher.');
    fs.mkdirSync(this.dirOf(id), { recursive: true });
    const { db } = openDatabase(this.fileOf(id), { migrations: communeMigrations, what: 'Le dossier de la commune' });
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
    if (!this.exists(id)) throw new AppError('NOT_FOUND', 'Le dossier de cette commune est introuvable sur cet ordinateur.');
    const backupDir = this.backupDirOf(id);
    const { db } = openDatabase(this.fileOf(id), {
      migrations: communeMigrations,
      what: 'Le dossier de la commune',
      beforeMigrate: (d) => createBackup(d, backupDir, 'avant-migration', this.clock()),
    });
    const handle: OpenCommune = { id, dir: this.dirOf(id), db };
    this.open.set(id, handle);
    this.dailyBackup(handle);
    return handle;
  }

  private dailyBackup(h: OpenCommune): void {
    const today = this.clock().toISOString().slice(0, 10);
    if (h.backupDay === today) return;
    const done = listBackups(this.backupDirOf(h.id)).some((b) => b.kind === 'quotidienne' && b.createdAt.startsWith(today));
    if (!done) createBackup(h.db, this.backupDirOf(h.id), 'quotidienne', this.clock());
    if (!done) collectDocuments({ db: h.db, docs: this.documentsOf(h.id), backupDir: this.backupDirOf(h.id), now: this.clock() }); // never throws
    h.backupDay = today;
  }

  backups(id: string): BackupInfo[] {
    return listBackups(this.backupDirOf(id));
  }

  backupNow(id: string): BackupInfo {
    return createBackup(this.get(id).db, this.backupDirOf(id), 'manuelle', this.clock());
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
    checkBackup(source, communeMigrations, expectedInsee);
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
