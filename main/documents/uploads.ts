import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel';
import { cleanFileName } from './filename';
import { readablePdf } from './pdf';
import type { UploadScope, Uploads as UploadsPort } from '../context';

/**
 * Files coming from the window (annexes, scans, proxies) arrive in chunks, written straight to a temporary
 * file: a 150 MB scan never sits whole in a message or in memory. The size is announced first, so a file
 * that is too large is refused before anything is sent, and the user keeps it. A temporary file never
 * outlives its upload: taken, failed, abandoned (idle too long) or its window gone (`discardOwner`).
 */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024; // ACTES: 150 Mio per transmission (s2low-protocol.md)
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** an upload nobody has touched for this long is abandoned (the window crashed, the PC slept) */
export const IDLE_MS = 60 * 60 * 1000;
/** a window sends one file at a time; a few in parallel is generous, hundreds is an attack on the disk */
export const MAX_OPEN_PER_OWNER = 8;

// who may take an upload: a bottom type (main/context/files.ts), like the interface this class implements
export type { UploadScope };

interface Upload {
  id: string;
  scope: UploadScope;
  nom: string;
  size: number;
  received: number;
  file: string;
  owner: string;
  touched: number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} Mo`;

export class Uploads implements UploadsPort {
  private readonly uploads = new Map<string, Upload>();
  constructor(
    private readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  start(
    owner: string,
    rawNom: string,
    size: number,
    scope: UploadScope = 'commune',
  ): { uploadId: string; chunkBytes: number; nom: string } {
    const nom = cleanFileName(rawNom);
    if (size > MAX_UPLOAD_BYTES)
      throw new AppError(
        'TOO_LARGE',
        `« ${nom} » fait ${mb(size)} : la préfecture n'accepte pas plus de ${mb(MAX_UPLOAD_BYTES)} par envoi. Rien n'a été modifié ; réduisez la résolution du scan (200 points par pouce suffisent) ou découpez le document.`,
      );
    if (size === 0) throw new AppError('INVALID', `« ${nom} » est vide.`);
    this.sweepIdle();
    if ([...this.uploads.values()].filter((u) => u.owner === owner).length >= MAX_OPEN_PER_OWNER)
      throw new AppError(
        'CONFLICT',
        'Trop de fichiers en cours d’envoi depuis cette fenêtre ; attendez la fin des envois en cours, puis recommencez.',
      );
    fs.mkdirSync(this.dir, { recursive: true });
    const free = freeBytes(this.dir);
    if (free !== null && free < size * 2)
      throw new AppError(
        'DISK_FULL',
        `Le disque de l'ordinateur est presque plein (${mb(free)} libres) : « ${nom} » (${mb(size)}) ne peut pas être reçu. Libérez de la place, puis recommencez.`,
      );
    const id = crypto.randomUUID();
    const file = path.join(this.dir, `${id}.part`);
    fs.writeFileSync(file, '');
    this.uploads.set(id, { id, scope, nom, size, received: 0, file, owner, touched: this.clock() });
    return { uploadId: id, chunkBytes: CHUNK_BYTES, nom };
  }

  chunk(owner: string, id: string, offset: number, base64: string): { received: number; complete: boolean } {
    const u = this.get(owner, id);
    if (offset !== u.received) throw new AppError('INVALID', 'Envoi du fichier interrompu ; recommencez.');
    const bytes = Buffer.from(base64, 'base64');
    if (u.received + bytes.length > u.size) {
      this.discard(id);
      throw new AppError('INVALID', 'Le fichier reçu est plus grand que annoncé ; recommencez.');
    }
    try {
      fs.appendFileSync(u.file, bytes);
    } catch (e) {
      this.discard(id); // a half-written temporary file is useless: never leave it behind
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
        throw new AppError(
          'DISK_FULL',
          `Le disque de l'ordinateur est plein : « ${u.nom} » n'a pas pu être reçu. Libérez de la place, puis recommencez.`,
        );
      throw new AppError('INTERNAL', `« ${u.nom} » n'a pas pu être écrit sur le disque ; recommencez.`);
    }
    u.received += bytes.length;
    u.touched = this.clock();
    return { received: u.received, complete: u.received === u.size };
  }

  /**
   * Hand the complete file to a domain; the upload is forgotten (and its temporary file removed) in every case.
   * `scopes`: the kinds of upload this handler accepts (an état-civil scan is refused anywhere else).
   */
  take(owner: string, id: string, scopes: readonly UploadScope[] = ['commune']): { nom: string; bytes: Buffer } {
    const u = this.get(owner, id);
    try {
      if (!scopes.includes(u.scope))
        throw new AppError(
          'FORBIDDEN',
          `« ${u.nom} » a été envoyé pour les registres d’état civil : il ne peut servir qu’à eux. Rien n’a été enregistré.`,
        );
      if (u.received !== u.size)
        throw new AppError('INVALID', `« ${u.nom} » n'a pas été reçu en entier ; recommencez.`);
      return { nom: u.nom, bytes: fs.readFileSync(u.file) };
    } finally {
      this.discard(id);
    }
  }

  /** `take` for a PDF: whole, strictly readable, without active content (pdf.ts readablePdf), or refused in French. */
  async takePdf(owner: string, id: string): Promise<{ nom: string; bytes: Buffer; pages: number }> {
    const { nom, bytes } = this.take(owner, id);
    const r = await readablePdf(bytes);
    if ('error' in r) throw new AppError('INVALID', `« ${nom} » refusé : ${r.error} Rien n'a été enregistré.`);
    return { nom, bytes, pages: r.pages };
  }

  discard(id: string): void {
    const u = this.uploads.get(id);
    if (u) fs.rmSync(u.file, { force: true, recursive: true });
    this.uploads.delete(id);
  }

  /** The window (connection) is gone: its unfinished uploads can never be taken. */
  discardOwner(owner: string): void {
    for (const u of [...this.uploads.values()]) if (u.owner === owner) this.discard(u.id);
  }

  /** How many uploads are open (diagnostics and tests). */
  get open(): number {
    return this.uploads.size;
  }

  private sweepIdle(): void {
    const limit = this.clock() - IDLE_MS;
    for (const u of [...this.uploads.values()]) if (u.touched < limit) this.discard(u.id);
  }

  private get(owner: string, id: string): Upload {
    const u = this.uploads.get(id);
    if (!u || u.owner !== owner) throw new AppError('NOT_FOUND', 'Fichier en cours d’envoi introuvable ; recommencez.');
    return u;
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null; // not every file system answers; the write itself will then tell (ENOSPC)
  }
}
