import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../kernel';
import {
  documentDamagedError,
  documentWrongKeyError,
  FILE_CHUNK,
  FileSealer,
  isEncryptedFile,
  openSealed,
} from '../db';
import type { DocumentStore as DocumentStorePort } from '../context';

/**
 * A commune's documents (PDFs, scans) beside its database, content-addressed: a file is named by the SHA-256 of
 * its PLAIN content (so dedup, and the hashes the registers and signatures cite, do not depend on the key),
 * written once under a temporary name, synced, then renamed, never overwritten. A signed PDF is a new file.
 * Files nothing references any more are removed by collect.ts, never by hand.
 *
 * Encrypted at rest (issue 11) under `key`, the documents' key of the installation (main/db/file-cipher.ts), in
 * 1 MiB chunks: a stolen PC reveals no scan, and a large scan is never whole in memory when streamed
 * (`putFile`, `chunks`). A plain file of an earlier Clocher is still read (its hash is checked) until
 * `encryptPlainFiles` replaces it, at the commune's first opening. `key` null: a plain store (test harnesses).
 */
export class DocumentStore implements DocumentStorePort {
  constructor(
    readonly root: string,
    private readonly key: Buffer | null,
  ) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('NOT_FOUND', 'Document introuvable.');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  put(bytes: Uint8Array): { sha256: string; size: number } {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    this.writeOnce(sha256, (w) => w(bytes));
    return { sha256, size: bytes.byteLength };
  }

  /** `put` for a file on disk (a received upload): read twice (hash, then seal) chunk by chunk, never whole. */
  putFile(source: string): { sha256: string; size: number } {
    const h = crypto.createHash('sha256');
    let size = 0;
    for (const b of readChunks(source)) {
      h.update(b);
      size += b.length;
    }
    const sha256 = h.digest('hex');
    this.writeOnce(sha256, (w) => {
      for (const b of readChunks(source)) w(b);
    });
    return { sha256, size };
  }

  /** The document whole (PDFs to sign, to send, to show): decrypted and checked against its name. */
  read(sha256: string): Buffer {
    return Buffer.concat([...this.chunks(sha256)]);
  }

  /**
   * The document's plain bytes chunk by chunk (at most 1 MiB held at once). Each chunk is authenticated before it
   * is given; the name (SHA-256) is checked at the end, which throws when the file was swapped for another one.
   */
  *chunks(sha256: string): Generator<Buffer, void, void> {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file))
      throw new AppError('NOT_FOUND', 'Ce document est introuvable dans le dossier de la commune.');
    const encrypted = isEncryptedFile(file);
    if (encrypted && !this.key) throw documentWrongKeyError();
    const h = crypto.createHash('sha256');
    for (const b of encrypted ? openSealed(file, this.key!) : readChunks(file)) {
      h.update(b);
      yield b;
    }
    if (h.digest('hex') !== sha256)
      throw encrypted
        ? documentDamagedError()
        : new AppError(
            'DB_CORRUPT',
            'Ce document a été altéré sur le disque : restaurez une sauvegarde ou appelez le support.',
          );
  }

  /** A Node stream of the plain document, for callers that stream (an upload to the platform, a file served). */
  stream(sha256: string): Readable {
    return Readable.from(this.chunks(sha256), { objectMode: false });
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /**
   * Encrypt the plain files an earlier Clocher wrote (run at the commune's first opening, after its backup).
   * Idempotent (an encrypted file is skipped) and crash-safe (the plain original stays until its encrypted copy,
   * written beside it and synced, replaces it by one rename). A plain file that does not hash to its name is
   * damaged: it is left as it is and named in `damaged`, never encrypted as if it were good.
   */
  encryptPlainFiles(): { encrypted: number; damaged: string[] } {
    const out = { encrypted: 0, damaged: [] as string[] };
    if (!this.key) return out;
    for (const e of this.entries()) {
      if (!e.sha256 || isEncryptedFile(e.file)) continue;
      const h = crypto.createHash('sha256');
      for (const b of readChunks(e.file)) h.update(b);
      if (h.digest('hex') !== e.sha256) {
        out.damaged.push(e.sha256);
        continue;
      }
      const source = e.file;
      this.writeTo(e.file, (w) => {
        for (const b of readChunks(source)) w(b);
      });
      out.encrypted++;
    }
    return out;
  }

  /** Every file of the store: documents by hash, and temporary files a crash left behind. */
  entries(): { sha256: string | null; file: string; modifiedMs: number }[] {
    if (!fs.existsSync(this.root)) return [];
    const out: { sha256: string | null; file: string; modifiedMs: number }[] = [];
    for (const sub of fs.readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of fs.readdirSync(path.join(this.root, sub))) {
        const file = path.join(this.root, sub, name);
        const sha256 = /^[0-9a-f]{64}$/.test(name) && name.startsWith(sub) ? name : null;
        out.push({ sha256, file, modifiedMs: fs.statSync(file).mtimeMs });
      }
    }
    return out;
  }

  private writeOnce(sha256: string, fill: (write: (b: Uint8Array) => void) => void): void {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) this.writeTo(file, fill);
  }

  /** Seal (or copy, for a plain store) into `file.<pid>.tmp`, fsync, rename over `file`, fsync the folder. */
  private writeTo(file: string, fill: (write: (b: Uint8Array) => void) => void): void {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        const out = (b: Uint8Array) => void fs.writeSync(fd, b);
        if (this.key) {
          const s = new FileSealer(this.key, out);
          fill((b) => s.update(b));
          s.end();
        } else fill(out);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
      syncDir(path.dirname(file));
    } catch (e) {
      fs.rmSync(tmp, { force: true }); // a half-written temporary file is never left behind (disk full…)
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
        throw new AppError(
          'DISK_FULL',
          "Le disque de l'ordinateur est plein : le document n'a pas été enregistré. Libérez de la place, puis recommencez.",
        );
      throw e;
    }
  }
}

/** A plain file, 1 MiB at a time. */
function* readChunks(file: string): Generator<Buffer, void, void> {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(FILE_CHUNK);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) yield Buffer.from(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/** The rename is durable only once the folder is synced (not possible on Windows: there the rename is enough). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
