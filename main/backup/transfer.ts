/**
 * « Exporter pour un autre PC »: a commune carried on a USB key to another installation. The installation key
 * never leaves its PC (main/db/cipher.ts), so the export is a copy of the commune re-encrypted under a key derived
 * by scrypt from a passphrase the secrétaire chooses; the import asks for it and re-encrypts the base under the
 * key of the new PC. A lost USB key reveals nothing without the passphrase.
 *
 * File: MAGIC | salt (16 bytes) | log2(N) of scrypt (1 byte) | the encrypted SQLite file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors';
import { isNotADb, keyOf, openKeyed, rekeyFile, vacuumInto, type Db, type DbKey } from '../db/cipher';
import { inspectDatabaseFile } from '../db/sqlite';
import type { Migration } from '../db/migrate';

const MAGIC = Buffer.from('CLOCHER-EXPORT-1\n', 'latin1');
const SALT = 16;
const HEADER = MAGIC.length + SALT + 1;
/** scrypt N = 2^15, r = 8: about 32 MiB and a tenth of a second, once per export or import */
const LOG_N = 15;
export const MIN_PASSPHRASE = 12;
export const EXPORT_EXTENSION = '.clocher-export';

export function passphraseKey(passphrase: string, salt: Buffer, logN = LOG_N): DbKey {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 2 ** logN * 8 + 2 ** 20 });
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < MIN_PASSPHRASE)
    throw new AppError('INVALID', `La phrase de passe doit compter au moins ${MIN_PASSPHRASE} caractères (par exemple quatre mots).`, {
      passphrase: `Au moins ${MIN_PASSPHRASE} caractères.`,
    });
}

/** Write the export of the open base `db` to `target` (under a temporary name, then renamed). */
export function exportCommune(db: Db, target: string, passphrase: string): void {
  checkPassphrase(passphrase);
  const salt = crypto.randomBytes(SALT);
  const copy = `${target}.base-partielle`;
  const tmp = `${target}.partiel`;
  try {
    vacuumInto(db, copy);
    rekeyFile(copy, keyOf(db), passphraseKey(passphrase, salt));
    fs.writeFileSync(tmp, Buffer.concat([MAGIC, salt, Buffer.from([LOG_N]), fs.readFileSync(copy)]), { mode: 0o600 });
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(copy, { force: true });
    fs.rmSync(tmp, { force: true });
  }
}

export interface ImportedCommune {
  nom: string;
  code_insee: string;
}

const notAnExport = () =>
  new AppError('INVALID', "Ce fichier n'est pas un export de commune Clocher (« Exporter pour un autre PC »). Rien n'a été importé.");
export const wrongPassphrase = () =>
  new AppError('DB_WRONG_KEY', "La phrase de passe ne correspond pas à cet export. Rien n'a été importé : vérifiez-la (majuscules, accents, espaces) et recommencez.");

/**
 * Unpack an export (its bytes) into `workFile`, checked (passphrase, full integrity, not newer than this build, a commune
 * inside) and re-encrypted under `key`, the key of this PC. On any failure `workFile` is removed.
 */
export function unpackExport(raw: Buffer, passphrase: string, workFile: string, key: DbKey, migrations: readonly Migration[]): ImportedCommune {
  if (raw.length <= HEADER || !raw.subarray(0, MAGIC.length).equals(MAGIC)) throw notAnExport();
  const salt = raw.subarray(MAGIC.length, MAGIC.length + SALT);
  const logN = raw[MAGIC.length + SALT] ?? 0;
  if (logN < 10 || logN > 20) throw notAnExport();
  const passKey = passphraseKey(passphrase, salt, logN);
  fs.mkdirSync(path.dirname(workFile), { recursive: true });
  fs.writeFileSync(workFile, raw.subarray(HEADER), { mode: 0o600 });
  try {
    try {
      openKeyed(workFile, passKey, { readonly: true, fileMustExist: true }).close();
    } catch (e) {
      throw isNotADb(e) ? wrongPassphrase() : e;
    }
    inspectDatabaseFile(workFile, migrations, 'Cet export', 'integrity_check', passKey);
    const db = openKeyed(workFile, passKey, { readonly: true, fileMustExist: true });
    let commune: ImportedCommune | undefined;
    try {
      const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commune'").get();
      commune = hasTable ? (db.prepare('SELECT nom, code_insee FROM commune WHERE id = 1').get() as ImportedCommune | undefined) : undefined;
    } finally {
      db.close();
    }
    if (!commune) throw notAnExport();
    rekeyFile(workFile, passKey, key);
    return commune;
  } catch (e) {
    fs.rmSync(workFile, { force: true });
    fs.rmSync(`${workFile}-journal`, { force: true });
    throw e;
  }
}
