import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel';
import { isNotADb, isPlainFile, openKeyed, wrongKeyError, type Db, type DbKey } from './cipher';
import { encryptPlainFile } from './encrypt-plain';
import {
  latestVersion,
  migrate,
  refuseFutureVersion,
  schemaVersion,
  type Migration,
  type MigrationResult,
} from './migrate';

export type { Db, DbKey };

const READ_ONLY_MESSAGE =
  "Le dossier de données de Clocher est en lecture seule : Clocher peut le lire mais pas y enregistrer. Rien n'a été modifié et le fichier n'est pas endommagé. " +
  "Vérifiez que le disque n'est pas protégé en écriture (clé USB verrouillée, disque réseau) et que la session Windows a le droit d'écrire dans ce dossier, ou appelez le support.";

export const readOnlyError = () => new AppError('READ_ONLY', READ_ONLY_MESSAGE);

/**
 * Whether the file (or, when absent, its folder) cannot be written. A read-only folder makes SQLite fail to open
 * a WAL base (it cannot create the -shm file): without this check that would read as « endommagé ».
 */
export function isReadOnly(file: string): boolean {
  for (const target of [file, path.dirname(file)]) {
    if (!fs.existsSync(target)) continue;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return true;
    }
  }
  return false;
}

const isReadOnlyFailure = (e: unknown): boolean => {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === 'EROFS';
};

/** The French message of a damaged base (restore screen, and the writes refused once damage is found later). */
export const damagedError = (what: string) =>
  new AppError(
    'DB_CORRUPT',
    `${what} est endommagé et ne peut pas être ouvert. Rien n'a été modifié : restaurez une sauvegarde (écran suivant) ou appelez le support.`,
  );

/**
 * The French message of a base found damaged while in use (the day's check after login, or a handler meeting a
 * damaged page): it stays open for reading, so « ne peut pas être ouvert » would be false (issue 9).
 */
export const damagedInUseError = (what: string) =>
  new AppError(
    'DB_CORRUPT',
    `${what} est endommagé : Clocher y a trouvé des pages illisibles. Vous pouvez encore consulter les dossiers, mais aucune modification n’est enregistrée : restaurez une sauvegarde (Paramètres › Sauvegardes) ou appelez le support.`,
  );

const corrupt = damagedError;

/** Whether a failure of SQLite says the file is damaged (a page that does not decode or does not add up). */
export const isCorruption = (e: unknown): boolean => {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
};

/** `PRAGMA quick_check` / `integrity_check` of an open connection: true when it reports exactly « ok ». */
export function pagesAreSound(db: Db, check: 'quick_check' | 'integrity_check' = 'quick_check'): boolean {
  const rows = db.pragma(check) as Array<Record<string, string>>;
  const first = rows[0] ? Object.values(rows[0])[0] : undefined;
  return rows.length === 1 && first === 'ok';
}

/**
 * Check a database file without writing to it: readable SQLite, pages sound, schema not newer than this build.
 * Returns the schema version. Throws DB_CORRUPT / DB_TOO_NEW as values the UI can explain. `header` reads the
 * first pages only (the key opens it, it is SQLite, its schema version): cheap on a large base, the page-by-page
 * check then runs later, off the core's thread (main/host/daily-check.ts, issue 9).
 */
export function inspectDatabaseFile(
  file: string,
  migrations: readonly Migration[],
  what: string,
  check: 'quick_check' | 'integrity_check' | 'header' = 'quick_check',
  key: DbKey | null = null,
): number {
  let db: Db | undefined;
  try {
    db = openKeyed(file, key, { readonly: true, fileMustExist: true });
    if (check !== 'header' && !pagesAreSound(db, check)) throw corrupt(what);
    const version = schemaVersion(db);
    refuseFutureVersion(version, migrations, what);
    return version;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isReadOnlyFailure(e) || isReadOnly(file)) throw readOnlyError();
    // An encrypted file that a key does not open: the key is the likely cause, and the message says both.
    if (key && isNotADb(e) && !isPlainFile(file)) throw wrongKeyError(what);
    throw corrupt(what);
  } finally {
    db?.close();
  }
}

export interface OpenOptions {
  migrations: readonly Migration[];
  what: string;
  /**
   * The database key (cipher.ts). A plain file found under a key is encrypted first (encrypt-plain.ts), its data
   * kept. null or absent: a plain base, for test harnesses only.
   */
  key?: DbKey | null;
  /** called with the still-closed file before pending migrations run on an existing database */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  /**
   * Only the header checks now (key, SQLite, schema version); the caller runs `quick_check` later, off its thread.
   * Ignored when migrations are pending: a base is checked in full before its backup and its update.
   */
  deferCheck?: boolean;
}

/**
 * Open (creating if absent) a database, checked, in WAL mode with foreign keys, migrated to the latest schema.
 * `checked`: whether `quick_check` ran at this opening (false: deferred with `deferCheck`, or a new file).
 */
export function openDatabase(
  file: string,
  opts: OpenOptions,
): { db: Db; migration: MigrationResult; checked: boolean } {
  const key = opts.key ?? null;
  let checked = false;
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    if (key && isPlainFile(file)) {
      inspectDatabaseFile(file, opts.migrations, opts.what); // a damaged plain file goes to the restore screen as is
      if (isReadOnly(file)) throw readOnlyError();
      encryptPlainFile(file, key);
    }
    const version = inspectDatabaseFile(
      file,
      opts.migrations,
      opts.what,
      opts.deferCheck ? 'header' : 'quick_check',
      key,
    );
    checked = !opts.deferCheck;
    // pending migrations: today's order, a full check, then the backup, then the update (rare, must stay safe)
    if (!checked && version > 0 && version < latestVersion(opts.migrations)) {
      inspectDatabaseFile(file, opts.migrations, opts.what, 'quick_check', key);
      checked = true;
    }
  }
  let db: Db;
  try {
    db = openKeyed(file, key);
  } catch (e) {
    if (isReadOnlyFailure(e) || isReadOnly(file)) throw readOnlyError();
    throw e;
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // INSERT OR REPLACE deletes the conflicting row without firing DELETE triggers unless this is on: with it,
    // the append-only triggers (journal, signature_record, deliberation) also refuse a REPLACE.
    db.pragma('recursive_triggers = ON');
    // A secret rewritten in place (migrated to its wrapped form) does not linger in the file's free space.
    db.pragma('secure_delete = FAST');
    const migration = migrate(db, opts.migrations, {
      what: opts.what,
      beforeMigrate: (from, to) => opts.beforeMigrate?.(db, from, to),
    });
    return { db, migration, checked };
  } catch (e) {
    db.close();
    if (isReadOnlyFailure(e) || (!(e instanceof AppError) && isReadOnly(file))) throw readOnlyError();
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
