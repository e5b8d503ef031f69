import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import { migrate, refuseFutureVersion, schemaVersion, type Migration, type MigrationResult } from './migrate';

export type Db = Database.Database;

const corrupt = (what: string) =>
  new AppError(
    'DB_CORRUPT',
    `${what} est endommagé et ne peut pas être ouvert. Rien n'a été modifié : restaurez une sauvegarde (écran suivant) ou appelez le support.`,
  );

/**
 * Check a database file without writing to it: readable SQLite, `PRAGMA quick_check` clean, schema not newer
 * than this build. Returns the schema version. Throws DB_CORRUPT / DB_TOO_NEW as values the UI can explain.
 */
export function inspectDatabaseFile(
  file: string,
  migrations: readonly Migration[],
  what: string,
  check: 'quick_check' | 'integrity_check' = 'quick_check',
): number {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma(check) as Array<Record<string, string>>;
    const first = rows[0] ? Object.values(rows[0])[0] : undefined;
    if (rows.length !== 1 || first !== 'ok') throw corrupt(what);
    const version = schemaVersion(db);
    refuseFutureVersion(version, migrations, what);
    return version;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(what);
  } finally {
    db?.close();
  }
}

export interface OpenOptions {
  migrations: readonly Migration[];
  what: string;
  /** called with the still-closed file before pending migrations run on an existing database */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

/** Open (creating if absent) a database, checked, in WAL mode with foreign keys, migrated to the latest schema. */
export function openDatabase(file: string, opts: OpenOptions): { db: Db; migration: MigrationResult } {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) inspectDatabaseFile(file, opts.migrations, opts.what);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const migration = migrate(db, opts.migrations, {
      what: opts.what,
      beforeMigrate: (from, to) => opts.beforeMigrate?.(db, from, to),
    });
    return { db, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Close cleanly, folding the WAL back so that the single .sqlite file is complete (one file to carry). */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
