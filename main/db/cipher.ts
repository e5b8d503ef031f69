/**
 * Databases encrypted at rest (issue 11: the état civil is the most personal data a mairie holds, and a stolen PC
 * or USB key must reveal nothing). `better-sqlite3` is `better-sqlite3-multiple-ciphers` (npm alias in
 * package.json): SQLite3MultipleCiphers encrypts every page, the header, the WAL and `VACUUM INTO` copies.
 *
 * One key per installation, not per commune: every file of the installation sits under the same Windows account,
 * so per-commune keys would add key files to lose without protecting anything more; a commune moves to another
 * PC only through a passphrase export (transfer.ts). The key is derived (HKDF) from the installation key that
 * already seals the platform secrets (secrets.ts): OS-wrapped by safeStorage in the Electron shell
 * (main/electron/secrets.ts), a 0600 key file elsewhere. Never a second key mechanism.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../kernel';
import { ensurePrivateDir } from './private-dir';
import { KEY_FILE, OS_KEY_FILE, readOrCreateKeyFile } from './secrets';

export type Db = Database.Database;
/** 32 bytes, used raw by the cipher (no second key derivation inside SQLite) */
export type DbKey = Buffer;

/** The cipher is pinned: a later default of the library must never make our files unreadable. */
const CIPHER = 'chacha20';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The key of the databases, kept apart from the key of the secrets (another HKDF label). */
export const deriveDbKey = (installationKey: Buffer): DbKey =>
  Buffer.from(crypto.hkdfSync('sha256', installationKey, Buffer.alloc(0), 'clocher:bases-chiffrees:v1', 32));

/**
 * The installation key: the OS-unwrapped one given by the Electron shell, else the 0600 key file. When the shell
 * wrapped the key but could not hand it over (another Windows profile, no keyring), a new key file would open
 * nothing: refuse, with the reason, and write nothing.
 */
export function installationKey(dataDir: string, osKey?: Buffer | null): Buffer {
  if (osKey) return osKey;
  ensurePrivateDir(dataDir);
  if (!fs.existsSync(path.join(dataDir, KEY_FILE))) {
    if (fs.existsSync(path.join(dataDir, OS_KEY_FILE))) throw keyUnavailableError();
    // A new key beside files encrypted under the lost one would open nothing and hide the real cause.
    const installation = path.join(dataDir, INSTALLATION_FILE);
    if (fs.existsSync(installation) && fs.statSync(installation).size > 0 && !isPlainFile(installation))
      throw keyLostError();
  }
  return readOrCreateKeyFile(dataDir);
}

export const INSTALLATION_FILE = 'clocher.sqlite';

export const keyLostError = () =>
  new AppError(
    'DB_WRONG_KEY',
    `La clé de chiffrement de cette installation (fichier ${KEY_FILE} du dossier de données) est introuvable : les dossiers chiffrés ne peuvent pas être ouverts. ` +
      "Rien n'a été modifié. Remettez ce fichier depuis la copie de sécurité du support, ou importez les communes exportées (« Exporter pour un autre PC ») ; sinon appelez le support.",
  );

export const keyUnavailableError = () =>
  new AppError(
    'DB_WRONG_KEY',
    "La clé de chiffrement des dossiers est protégée par Windows et cette session ne peut pas la lire (autre compte Windows, ou Clocher lancé hors de l'application). " +
      "Rien n'a été modifié : ouvrez Clocher avec le compte Windows habituel de la mairie, ou appelez le support.",
  );

export const wrongKeyError = (what: string) =>
  new AppError(
    'DB_WRONG_KEY',
    `${what} est chiffré et la clé de cet ordinateur ne l'ouvre pas : il vient d'un autre PC, ou la clé de chiffrement (dossier de données) a été perdue ou remplacée. ` +
      "Rien n'a été modifié. Pour déplacer une commune d'un PC à un autre, utilisez Paramètres → Sauvegardes → « Exporter pour un autre PC » ; sinon appelez le support.",
  );

/** Whether `file` is a plain (unencrypted) SQLite file: its first 16 bytes are the well-known header. */
export function isPlainFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const keyPragma = (key: DbKey) => `'raw:${key.toString('hex')}'`;

/** Give the key to a freshly opened connection (before anything is read). */
function applyKey(db: Db, key: DbKey): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = ${keyPragma(key)}`);
}

const keys = new WeakMap<Db, DbKey | null>();
/** The key a connection was opened with (null: a plain base, test harnesses only). */
export const keyOf = (db: Db): DbKey | null => keys.get(db) ?? null;

/** Open a database with `key` (null: plain). A wrong key, or a plain file given a key, throws SQLITE_NOTADB. */
export function openKeyed(file: string, key: DbKey | null, options?: Database.Options): Db {
  const db = new Database(file, options);
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // SQLITE_NOTADB here: a wrong key, or none given
    keys.set(db, key);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Open another file (a backup of it, say) with the key of an open base. */
export const openLike = (db: Db, file: string, options?: Database.Options): Db => openKeyed(file, keyOf(db), options);

export const isNotADb = (e: unknown): boolean =>
  String((e as { code?: unknown } | null)?.code ?? '') === 'SQLITE_NOTADB';

/**
 * Write a copy of the open base `db` to `target`, encrypted with the base's own key: `VACUUM INTO` attaches the
 * target under the main base's key, page by page, consistent while the base is in use, with no free page.
 */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * Re-encrypt a closed file in place: `from` null encrypts a plain file, `to` is the new key. SQLite3MultipleCiphers
 * cannot rekey a WAL base, so the file is put in rollback-journal mode first (the next opening puts WAL back).
 * Only ever run on a temporary copy (migration, export, import), renamed into place once checked: a crash in the
 * middle of a rekey loses nothing.
 */
export function rekeyFile(file: string, from: DbKey | null, to: DbKey): void {
  const db = openKeyed(file, from, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`rekey = ${keyPragma(to)}`);
  } finally {
    db.close();
  }
}

/** Open a database of a data folder under that folder's key (support tools and end-to-end tests, plain Node). */
export const openInDataDir = (dataDir: string, file: string, options?: Database.Options): Db =>
  openKeyed(file, deriveDbKey(installationKey(dataDir)), options);
