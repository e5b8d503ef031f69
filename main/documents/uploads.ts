import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../api/errors';

/**
 * Files coming from the window (annexes, scans, proxies) arrive in chunks, written straight to a temporary
 * file: a 150 MB scan never sits whole in a message or in memory. The size is announced first, so a file
 * that is too large is refused before anything is sent, and the user keeps it.
 */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024; // ACTES: 150 Mio per transmission (s2low-protocol.md)
export const CHUNK_BYTES = 4 * 1024 * 1024;

interface Upload {
  id: string;
  nom: string;
  size: number;
  received: number;
  file: string;
  owner: string;
}

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} Mo`;

export class Uploads {
  private readonly uploads = new Map<string, Upload>();
  constructor(private readonly dir: string) {}

  start(owner: string, nom: string, size: number): { uploadId: string; chunkBytes: number } {
    if (size > MAX_UPLOAD_BYTES)
      throw new AppError(
        'TOO_LARGE',
        `« ${nom} » fait ${mb(size)} : la préfecture n'accepte pas plus de ${mb(MAX_UPLOAD_BYTES)} par envoi. Rien n'a été modifié ; réduisez la résolution du scan (200 points par pouce suffisent) ou découpez le document.`,
      );
    if (size === 0) throw new AppError('INVALID', `« ${nom} » est vide.`);
    fs.mkdirSync(this.dir, { recursive: true });
    const id = crypto.randomUUID();
    const file = path.join(this.dir, `${id}.part`);
    fs.writeFileSync(file, '');
    this.uploads.set(id, { id, nom, size, received: 0, file, owner });
    return { uploadId: id, chunkBytes: CHUNK_BYTES };
  }

  chunk(owner: string, id: string, offset: number, base64: string): { received: number; complete: boolean } {
    const u = this.get(owner, id);
    if (offset !== u.received) throw new AppError('INVALID', 'Envoi du fichier interrompu ; recommencez.');
    const bytes = Buffer.from(base64, 'base64');
    if (u.received + bytes.length > u.size) throw new AppError('INVALID', 'Le fichier reçu est plus grand que annoncé ; recommencez.');
    fs.appendFileSync(u.file, bytes);
    u.received += bytes.length;
    return { received: u.received, complete: u.received === u.size };
  }

  /** Hand the complete file to a domain; the upload is forgotten (and its temporary file removed) afterwards. */
  take(owner: string, id: string): { nom: string; bytes: Buffer } {
    const u = this.get(owner, id);
    if (u.received !== u.size) throw new AppError('INVALID', `« ${u.nom} » n'a pas été reçu en entier ; recommencez.`);
    const bytes = fs.readFileSync(u.file);
    this.discard(id);
    return { nom: u.nom, bytes };
  }

  discard(id: string): void {
    const u = this.uploads.get(id);
    if (u) fs.rmSync(u.file, { force: true });
    this.uploads.delete(id);
  }

  private get(owner: string, id: string): Upload {
    const u = this.uploads.get(id);
    if (!u || u.owner !== owner) throw new AppError('NOT_FOUND', 'Fichier en cours d’envoi introuvable ; recommencez.');
    return u;
  }
}
