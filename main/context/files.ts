/**
 * What the domains use of a commune's files, as interfaces: the classes live above (DocumentStore and Uploads
 * in main/documents/, CommuneStore in main/host/communes.ts) and implement them; the domains' context
 * (handler.ts) names only these, so no domain's types reach up to the host (architecture §2).
 */
import type { Readable } from 'node:stream';
import type { Db, DbKey } from '../db';
import type { AppError } from '../kernel/errors';

/** A commune's documents, content-addressed by the SHA-256 of their plain content (main/documents/store.ts). */
export interface DocumentStore {
  readonly root: string;
  put(bytes: Uint8Array): { sha256: string; size: number };
  putFile(source: string): { sha256: string; size: number };
  read(sha256: string): Buffer;
  stream(sha256: string): Readable;
  has(sha256: string): boolean;
  encryptPlainFiles(): { encrypted: number; damaged: string[] };
  entries(): { sha256: string | null; file: string; modifiedMs: number }[];
}

/**
 * Who may take an upload. « commune »: any file of the commune, started by `documents.uploadStart` (commune.write).
 * « etat-civil »: a scan for the registers, started by an officier de l'état civil who may not write elsewhere
 * (etatCivil.uploadStart): only the état civil's handlers take it, so this right opens no other upload.
 */
export type UploadScope = 'commune' | 'etat-civil';

/** Files coming from the window in chunks (architecture §3; main/documents/uploads.ts). */
export interface Uploads {
  start(
    owner: string,
    rawNom: string,
    size: number,
    scope?: UploadScope,
  ): { uploadId: string; chunkBytes: number; nom: string };
  chunk(owner: string, id: string, offset: number, base64: string): { received: number; complete: boolean };
  take(owner: string, id: string, scopes?: readonly UploadScope[]): { nom: string; bytes: Buffer };
  takePdf(owner: string, id: string): Promise<{ nom: string; bytes: Buffer; pages: number }>;
  discard(id: string): void;
  discardOwner(owner: string): void;
  readonly open: number;
}

export const BACKUP_KINDS = ['quotidienne', 'avant-migration', 'manuelle', 'avant-restauration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** One backup file of a commune (main/backup/backups.ts). */
export interface BackupInfo {
  file: string;
  kind: BackupKind;
  createdAt: string; // ISO
  size: number;
}

export type Clock = () => Date;

export interface OpenCommune {
  id: string;
  dir: string;
  db: Db;
  /** Paris day (YYYY-MM-DD) of the last check and daily backup started for it */
  backupDay?: string;
}

/** The communes of the installation, one folder and one SQLite file each (main/host/communes.ts). */
export interface CommuneFiles {
  readonly root: string;
  /** encrypts every commune file and its backups (main/db/cipher.ts) */
  readonly key: DbKey;
  dirOf(id: string): string;
  fileOf(id: string): string;
  backupDirOf(id: string): string;
  documentsOf(id: string): DocumentStore;
  exists(id: string): boolean;
  create(id: string, init: (db: Db) => void): OpenCommune;
  get(id: string): OpenCommune;
  backupWarning(id: string): string | null;
  backups(id: string): BackupInfo[];
  backupNow(id: string): BackupInfo;
  discard(id: string): void;
  close(id: string): void;
  closeAll(): void;
  restore(id: string, backupFile: string, expectedInsee: string): { kept: string };
  /** the restore message (DB_CORRUPT) when the day's check found the commune's pages damaged, else null */
  damage(id: string): AppError | null;
  /** mark the commune damaged (a handler met a damaged page): writes refused from now on */
  markDamaged(id: string): void;
}
