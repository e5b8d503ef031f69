/**
 * Files encrypted at rest: the commune's documents (scans of registers, annexes, PDFs; main/documents/store.ts).
 * A stolen PC must reveal them no more than the databases (cipher.ts), and a 200 MB scan must never sit whole in
 * memory, so the file is cut in chunks, each sealed by AES-256-GCM, in the « STREAM » construction (Hoang et al.,
 * « Online Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance », 2015): a per-file key, a nonce per
 * chunk made of its index and a « last chunk » flag, the header in every chunk's associated data. So a chunk moved,
 * dropped, repeated, or a file cut at a chunk boundary or extended, fails authentication like a changed byte.
 *
 * File: MAGIC (8) | chunk size (u32 BE) | salt (16) | key check (16) | chunks: ciphertext (≤ chunk size) | tag (16).
 * Every chunk is full but the last (possibly empty). The per-file key is HKDF(documents key, salt); the key check
 * (HMAC of the salt) tells a wrong key (another PC) from a damaged file, each with its own French message.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../kernel';
import { deriveDbKey, installationKey, type DbKey } from './cipher';

export const FILE_MAGIC = Buffer.from('CLOCDOC\x01', 'latin1');
/** 1 MiB: the memory a read or a write holds at once, whatever the file's size */
export const FILE_CHUNK = 1 << 20;
const HEADER = FILE_MAGIC.length + 4 + 16 + 16;
const TAG = 16;

/** The documents' key, apart from the databases' own (another HKDF label over the key of the databases). */
export const deriveDocumentsKey = (dbKey: DbKey): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', dbKey, Buffer.alloc(0), 'clocher:documents-chiffres:v1', 32));

/** The documents' key of a data folder (support tools and end-to-end tests, plain Node), like openInDataDir. */
export const documentsKeyInDataDir = (dataDir: string): Buffer =>
  deriveDocumentsKey(deriveDbKey(installationKey(dataDir)));

const keyCheck = (key: Buffer, salt: Buffer) =>
  crypto.createHmac('sha256', key).update('clocher:verification-cle').update(salt).digest().subarray(0, 16);
const fileKey = (key: Buffer, salt: Buffer) =>
  Buffer.from(crypto.hkdfSync('sha256', key, salt, 'clocher:document:v1', 32));
function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(index / 2 ** 32), 3);
  n.writeUInt32BE(index >>> 0, 7);
  n[11] = last ? 1 : 0;
  return n;
}

export const documentWrongKeyError = () =>
  new AppError(
    'DB_WRONG_KEY',
    "Ce document est chiffré et la clé de cet ordinateur ne l'ouvre pas : il vient d'un autre PC, ou la clé de chiffrement (dossier de données) a été remplacée. " +
      "Rien n'a été modifié. Pour déplacer une commune, utilisez Paramètres → Sauvegardes → « Exporter pour un autre PC » ; sinon appelez le support.",
  );
export const documentDamagedError = () =>
  new AppError(
    'DB_CORRUPT',
    'Ce document a été altéré ou tronqué sur le disque : il ne se relit pas. Restaurez une sauvegarde ou appelez le support.',
  );

/** Whether the file at `file` starts like an encrypted document (else it is a plain one of an earlier Clocher). */
export function isEncryptedFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(FILE_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(FILE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Write side: feed plain bytes in any pieces, get sealed bytes out through `write`; `end()` seals the last chunk. */
export class FileSealer {
  private readonly key: Buffer;
  private readonly header: Buffer;
  private readonly pending = Buffer.alloc(FILE_CHUNK);
  private filled = 0;
  private index = 0;

  constructor(
    documentsKey: Buffer,
    private readonly write: (b: Buffer) => void,
    readonly chunk = FILE_CHUNK,
  ) {
    const salt = crypto.randomBytes(16);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(chunk);
    this.header = Buffer.concat([FILE_MAGIC, size, salt, keyCheck(documentsKey, salt)]);
    this.key = fileKey(documentsKey, salt);
    this.write(this.header);
  }

  update(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(this.chunk - this.filled, bytes.length - at);
      this.pending.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      // a full chunk waits until more bytes come: only then is it known not to be the last one
      if (this.filled === this.chunk && at < bytes.length) this.seal(false);
    }
  }

  end(): void {
    if (this.filled === this.chunk) this.seal(false); // a file of whole chunks ends with an empty last one
    this.seal(true);
  }

  private seal(last: boolean): void {
    const c = crypto.createCipheriv('aes-256-gcm', this.key, nonce(this.index, last));
    c.setAAD(this.header);
    const body = Buffer.concat([c.update(this.pending.subarray(0, this.filled)), c.final()]);
    this.write(Buffer.concat([body, c.getAuthTag()]));
    this.index++;
    this.filled = 0;
  }
}

/**
 * Read side: the plain content of the encrypted file at `file`, chunk by chunk (never more than one chunk in memory).
 * Throws the French wrong-key or damaged-file error; a chunk is yielded only once authenticated.
 */
export function* openSealed(file: string, documentsKey: Buffer): Generator<Buffer, void, void> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER);
    if (
      size < HEADER + TAG ||
      fs.readSync(fd, header, 0, HEADER, 0) !== HEADER ||
      !header.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)
    )
      throw documentDamagedError();
    const chunk = header.readUInt32BE(FILE_MAGIC.length);
    const salt = header.subarray(FILE_MAGIC.length + 4, FILE_MAGIC.length + 20);
    if (chunk < 1 || chunk > 64 * FILE_CHUNK) throw documentDamagedError();
    if (!crypto.timingSafeEqual(keyCheck(documentsKey, salt), header.subarray(FILE_MAGIC.length + 20)))
      throw documentWrongKeyError();
    const key = fileKey(documentsKey, salt);
    const buf = Buffer.alloc(chunk + TAG);
    let at = HEADER;
    for (let index = 0; at < size; index++) {
      const n = Math.min(chunk + TAG, size - at);
      if (n < TAG || fs.readSync(fd, buf, 0, n, at) !== n) throw documentDamagedError();
      at += n;
      const last = at === size;
      if (!last && n !== chunk + TAG) throw documentDamagedError();
      const d = crypto.createDecipheriv('aes-256-gcm', key, nonce(index, last));
      d.setAAD(header);
      d.setAuthTag(buf.subarray(n - TAG, n));
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(buf.subarray(0, n - TAG)), d.final()]);
      } catch {
        throw documentDamagedError(); // the key is right (key check): the bytes were changed, cut or reordered
      }
      yield plain;
    }
  } finally {
    fs.closeSync(fd);
  }
}
