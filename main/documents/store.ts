import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel';

/**
 * A commune's documents (PDFs, scans) beside its database, content-addressed: a file is named by its SHA-256,
 * written once under a temporary name then renamed, never overwritten. A signed PDF is a new file.
 * Files nothing references any more are removed by collect.ts, never by hand.
 */
export class DocumentStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('NOT_FOUND', 'Document introuvable.');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  put(bytes: Uint8Array): { sha256: string; size: number } {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, bytes);
        fs.renameSync(tmp, file);
      } catch (e) {
        fs.rmSync(tmp, { force: true }); // a half-written temporary file is never left behind (disk full…)
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('DISK_FULL', "Le disque de l'ordinateur est plein : le document n'a pas été enregistré. Libérez de la place, puis recommencez.");
        throw e;
      }
    }
    return { sha256, size: bytes.byteLength };
  }

  read(sha256: string): Buffer {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Ce document est introuvable dans le dossier de la commune.');
    const bytes = fs.readFileSync(file);
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256)
      throw new AppError('DB_CORRUPT', 'Ce document a été altéré sur le disque : restaurez une sauvegarde ou appelez le support.');
    return bytes;
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
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
}
