/**
 * « Exporter pour un autre PC »: a commune carried on a USB key to another installation. The installation key
 * never leaves its PC (main/db/cipher.ts), so the export is a copy of the commune re-encrypted under a key derived
 * by scrypt from a passphrase the secrétaire chooses; the import asks for it and re-encrypts the base under the
 * key of the new PC. A lost USB key reveals nothing without the passphrase.
 *
 * File: MAGIC | salt (16 bytes) | log2(N) of scrypt (1 byte) | length (8 bytes) and bytes of the encrypted SQLite
 * file | then each document (PDFs, scans: documents/store.ts) as sha256 (32) | nonce (12) | tag (16) | length (8) |
 * AES-256-GCM ciphertext, under a key derived from the passphrase key: the documents travel with their commune.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel';
import {
  isNotADb,
  keyOf,
  openKeyed,
  rekeyFile,
  vacuumInto,
  type Db,
  type DbKey,
  inspectDatabaseFile,
  type Migration,
} from '../db';
import type { DocumentStore } from '../documents';
import { communeIdFor } from '../commune';

/** What an import needs of the communes of the installation (main/host/communes.ts). */
interface CommuneFiles {
  readonly root: string;
  readonly key: Buffer;
  exists(id: string): boolean;
  dirOf(id: string): string;
  fileOf(id: string): string;
  documentsOf(id: string): DocumentStore;
}
import { communeMigrations } from '../../migrations';

const MAGIC = Buffer.from('CLOCHER-EXPORT-1\n', 'latin1');
const SALT = 16;
const HEADER = MAGIC.length + SALT + 1 + 8;
const DOC_HEADER = 32 + 12 + 16 + 8;
const documentsKey = (passKey: DbKey) =>
  Buffer.from(crypto.hkdfSync('sha256', passKey, Buffer.alloc(0), 'clocher:export:documents', 32));
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
/** scrypt N = 2^15, r = 8: about 32 MiB and a tenth of a second, once per export or import */
const LOG_N = 15;
export const MIN_PASSPHRASE = 12;
export const EXPORT_EXTENSION = '.clocher-export';

export function passphraseKey(passphrase: string, salt: Buffer, logN = LOG_N): DbKey {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: 2 ** logN,
    r: 8,
    p: 1,
    maxmem: 256 * 2 ** logN * 8 + 2 ** 20,
  });
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < MIN_PASSPHRASE)
    throw new AppError(
      'INVALID',
      `La phrase de passe doit compter au moins ${MIN_PASSPHRASE} caractères (par exemple quatre mots).`,
      {
        passphrase: `Au moins ${MIN_PASSPHRASE} caractères.`,
      },
    );
}

/** Write the export of the open base `db` and its documents to `target` (under a temporary name, then renamed). */
export function exportCommune(db: Db, docs: DocumentStore, target: string, passphrase: string): void {
  checkPassphrase(passphrase);
  const salt = crypto.randomBytes(SALT);
  const passKey = passphraseKey(passphrase, salt);
  const copy = `${target}.base-partielle`;
  const tmp = `${target}.partiel`;
  try {
    vacuumInto(db, copy);
    rekeyFile(copy, keyOf(db), passKey);
    const base = fs.readFileSync(copy);
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, Buffer.concat([MAGIC, salt, Buffer.from([LOG_N]), u64(base.length)]));
      fs.writeSync(fd, base);
      const docKey = documentsKey(passKey);
      for (const { sha256 } of docs.entries()) {
        if (!sha256) continue; // a temporary file left by a crash is no document
        const iv = crypto.randomBytes(12);
        const c = crypto.createCipheriv('aes-256-gcm', docKey, iv);
        const body = Buffer.concat([c.update(docs.read(sha256)), c.final()]);
        fs.writeSync(fd, Buffer.concat([Buffer.from(sha256, 'hex'), iv, c.getAuthTag(), u64(body.length)]));
        fs.writeSync(fd, body);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(copy, { force: true });
    fs.rmSync(tmp, { force: true });
  }
}

export interface ImportedCommune {
  nom: string;
  code_insee: string;
  /** write the export's documents into the imported commune's store; returns how many */
  restoreDocuments(docs: DocumentStore): number;
}

const notAnExport = () =>
  new AppError(
    'INVALID',
    "Ce fichier n'est pas un export de commune Clocher (« Exporter pour un autre PC »). Rien n'a été importé.",
  );
export const wrongPassphrase = () =>
  new AppError(
    'DB_WRONG_KEY',
    "La phrase de passe ne correspond pas à cet export. Rien n'a été importé : vérifiez-la (majuscules, accents, espaces) et recommencez.",
  );

/**
 * Unpack an export (its bytes) into `workFile`, checked (passphrase, full integrity, not newer than this build, a commune
 * inside) and re-encrypted under `key`, the key of this PC. On any failure `workFile` is removed.
 */
export function unpackExport(
  raw: Buffer,
  passphrase: string,
  workFile: string,
  key: DbKey,
  migrations: readonly Migration[],
): ImportedCommune {
  if (raw.length <= HEADER || !raw.subarray(0, MAGIC.length).equals(MAGIC)) throw notAnExport();
  const salt = raw.subarray(MAGIC.length, MAGIC.length + SALT);
  const logN = raw[MAGIC.length + SALT] ?? 0;
  const baseEnd = HEADER + Number(raw.readBigUInt64BE(MAGIC.length + SALT + 1));
  if (logN < 10 || logN > 20 || baseEnd > raw.length) throw notAnExport();
  const passKey = passphraseKey(passphrase, salt, logN);
  fs.mkdirSync(path.dirname(workFile), { recursive: true });
  fs.writeFileSync(workFile, raw.subarray(HEADER, baseEnd), { mode: 0o600 });
  try {
    try {
      openKeyed(workFile, passKey, { readonly: true, fileMustExist: true }).close();
    } catch (e) {
      throw isNotADb(e) ? wrongPassphrase() : e;
    }
    inspectDatabaseFile(workFile, migrations, 'Cet export', 'integrity_check', passKey);
    const db = openKeyed(workFile, passKey, { readonly: true, fileMustExist: true });
    let commune: Omit<ImportedCommune, 'restoreDocuments'> | undefined;
    try {
      const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commune'").get();
      commune = hasTable
        ? (db.prepare('SELECT nom, code_insee FROM commune WHERE id = 1').get() as typeof commune)
        : undefined;
    } finally {
      db.close();
    }
    if (!commune) throw notAnExport();
    rekeyFile(workFile, passKey, key);
    return {
      ...commune,
      restoreDocuments: (docs) => restoreDocuments(raw.subarray(baseEnd), documentsKey(passKey), docs),
    };
  } catch (e) {
    fs.rmSync(workFile, { force: true });
    fs.rmSync(`${workFile}-journal`, { force: true });
    throw e;
  }
}

/**
 * Add a commune from an export made on another PC, re-encrypted under this PC's key, with its documents. Refused
 * when this installation already has that commune (restore a backup there instead): nothing is ever overwritten.
 */
export function importCommune(
  store: CommuneFiles,
  raw: Buffer,
  passphrase: string,
): { id: string; nom: string; code_insee: string } {
  const work = path.join(store.root, `.import-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  const commune = unpackExport(raw, passphrase, work, store.key, communeMigrations);
  const id = communeIdFor(commune.code_insee, commune.nom);
  if (store.exists(id)) {
    fs.rmSync(work, { force: true });
    throw new AppError(
      'CONFLICT',
      `La commune ${commune.nom} (INSEE ${commune.code_insee}) est déjà dans Clocher sur ce PC : rien n'a été importé. Pour revenir en arrière, restaurez plutôt une sauvegarde.`,
    );
  }
  try {
    fs.mkdirSync(store.dirOf(id), { recursive: true });
    commune.restoreDocuments(store.documentsOf(id));
    fs.renameSync(work, store.fileOf(id));
  } catch (e) {
    fs.rmSync(work, { force: true });
    fs.rmSync(store.dirOf(id), { recursive: true, force: true }); // nothing half-imported
    throw e;
  }
  return { id, nom: commune.nom, code_insee: commune.code_insee };
}

/** Each document is authenticated (GCM) and must hash to its name: an altered export is refused, never half-read. */
function restoreDocuments(rest: Buffer, docKey: Buffer, docs: DocumentStore): number {
  let at = 0;
  let n = 0;
  while (at < rest.length) {
    if (at + DOC_HEADER > rest.length) throw damagedExport();
    const sha256 = rest.subarray(at, at + 32).toString('hex');
    const iv = rest.subarray(at + 32, at + 44);
    const tag = rest.subarray(at + 44, at + 60);
    const end = at + DOC_HEADER + Number(rest.readBigUInt64BE(at + 60));
    if (end > rest.length) throw damagedExport();
    let bytes: Buffer;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', docKey, iv);
      d.setAuthTag(tag);
      bytes = Buffer.concat([d.update(rest.subarray(at + DOC_HEADER, end)), d.final()]);
    } catch {
      throw damagedExport();
    }
    if (docs.put(bytes).sha256 !== sha256) throw damagedExport();
    at = end;
    n++;
  }
  return n;
}

const damagedExport = () =>
  new AppError(
    'INVALID',
    "Ce fichier d'export est endommagé (un document ne se relit pas). Rien n'a été importé : refaites l'export sur l'autre PC.",
  );
