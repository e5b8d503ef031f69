/**
 * Migration of a plain SQLite file (written before issue 11) to an encrypted one, at its first opening.
 *
 * The plain original stays untouched in place until an encrypted copy of it has been made beside it, checked
 * (integrity_check under the key, same row count in every table) and synced: only then does the copy replace the
 * original, by one atomic rename. A crash at any step leaves either the plain original or the verified encrypted
 * file, never a half-encrypted one, and no plain copy is left behind (a plain backup on disk would reveal all).
 */
import fs from 'node:fs';
import { openKeyed, rekeyFile, type Db, type DbKey } from './cipher';

const TMP_SUFFIX = '.chiffrement';

function rowCounts(db: Db): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return new Map(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
    ]),
  );
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Fold the WAL into the plain file and leave it a single rollback-journal file, then copy it to `tmp`. */
function plainCopy(file: string, tmp: string): Map<string, number> {
  const db = openKeyed(file, null, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.prepare('VACUUM INTO ?').run(tmp);
    return rowCounts(db);
  } finally {
    db.close();
  }
}

function checkEncrypted(tmp: string, key: DbKey, expected: Map<string, number>): void {
  const db = openKeyed(tmp, key, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`encrypted copy fails integrity_check: ${String(check)}`);
    const got = rowCounts(db);
    for (const [name, n] of expected)
      if (got.get(name) !== n) throw new Error(`encrypted copy lost rows of ${name}: ${got.get(name)} instead of ${n}`);
  } finally {
    db.close();
  }
}

/**
 * Encrypt the plain SQLite file `file` under `key`, keeping every row. Throws (leaving `file` plain and intact)
 * when any step fails; the caller reports it like any failure to open.
 */
export function encryptPlainFile(file: string, key: DbKey): void {
  const tmp = file + TMP_SUFFIX;
  fs.rmSync(tmp, { force: true }); // a previous attempt cut short: the original is still there, plain
  try {
    const expected = plainCopy(file, tmp);
    rekeyFile(tmp, null, key);
    checkEncrypted(tmp, key, expected);
    fsyncFile(tmp);
    fs.renameSync(tmp, file);
    // The original was left without WAL (plainCopy); a stray one must never be replayed over the encrypted file.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw e;
  }
}
