import fs from 'node:fs';
import path from 'node:path';
import { type Migration, inspectDatabaseFile, type Db, openKeyed, vacuumInto, type DbKey } from '../db';
import { AppError } from '../kernel';
import { BACKUP_KINDS, type BackupInfo, type BackupKind } from '../context';

/**
 * File backups of a commune's database, next to it in `sauvegardes/`. A backup is a complete SQLite file
 * made with `VACUUM INTO` (consistent even while the base is open), written under a temporary name and
 * renamed, so a half-written backup never looks like a good one. It is encrypted with the base's own key
 * (main/db/cipher.ts): a backup carried away reveals nothing, and restores only on a PC holding the key.
 */
// a backup's kind and line are bottom types (main/context/files.ts): the domains' context lists backups
export { BACKUP_KINDS, type BackupInfo, type BackupKind };

/** How many of each kind are kept; the oldest go first. Manual backups are the user's: never rotated. */
export const KEEP: Record<BackupKind, number> = {
  quotidienne: 20,
  'avant-migration': 5,
  manuelle: Number.POSITIVE_INFINITY,
  // The base as it was before a restore is the only way back from a wrong restore: never deleted.
  'avant-restauration': Number.POSITIVE_INFINITY,
};

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([a-z-]+)\.sqlite$/;

function fileName(at: Date, kind: BackupKind): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}_${kind}.sqlite`;
}

export function parseBackupName(file: string): Omit<BackupInfo, 'size'> | null {
  const m = NAME.exec(file);
  if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[6] ?? '')) return null;
  return { file, kind: m[6] as BackupKind, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` };
}

export function listBackups(dir: string): BackupInfo[] {
  // `sauvegardes` replaced by a file (or unreadable) has no backups: that must not block the commune
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs
    .readdirSync(dir)
    .map((f) => {
      const info = parseBackupName(f);
      return info ? { ...info, size: fs.statSync(path.join(dir, f)).size } : null;
    })
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function uniqueTarget(dir: string, at: Date, kind: BackupKind): string {
  let t = at.getTime();
  let target = path.join(dir, fileName(new Date(t), kind));
  while (fs.existsSync(target)) target = path.join(dir, fileName(new Date(++t), kind));
  return target;
}

export function createBackup(db: Db, dir: string, kind: BackupKind, at: Date): BackupInfo {
  fs.mkdirSync(dir, { recursive: true });
  const target = uniqueTarget(dir, at, kind);
  const tmp = `${target}.partiel`;
  fs.rmSync(tmp, { force: true });
  try {
    vacuumInto(db, tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  rotateBackups(dir, kind);
  const file = path.basename(target);
  return { ...(parseBackupName(file) as Omit<BackupInfo, 'size'>), size: fs.statSync(target).size };
}

/** Copy a file that may be unreadable as SQLite (a damaged base is kept, never deleted). */
export function keepRawCopy(source: string, dir: string, kind: BackupKind, at: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  const target = uniqueTarget(dir, at, kind);
  fs.copyFileSync(source, target);
  rotateBackups(dir, kind);
  return path.basename(target);
}

export function rotateBackups(dir: string, kind: BackupKind): void {
  const keep = KEEP[kind];
  if (!Number.isFinite(keep)) return;
  listBackups(dir)
    .filter((b) => b.kind === kind)
    .slice(keep)
    .forEach((b) => fs.rmSync(path.join(dir, b.file), { force: true }));
}

/** Why a backup could not be written, in French, with the error code that fits the cause. */
function backupFailureCause(e: unknown): { code: 'DISK_FULL' | 'READ_ONLY' | 'INTERNAL'; cause: string } {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code === 'SQLITE_FULL')
    return { code: 'DISK_FULL', cause: "le disque de l'ordinateur est plein. Libérez de la place." };
  if (
    ['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'SQLITE_CANTOPEN'].includes(code) ||
    code.startsWith('SQLITE_READONLY')
  )
    return {
      code: 'READ_ONLY',
      cause:
        'le dossier « sauvegardes » de la commune ne peut pas être écrit (protégé en écriture, ou remplacé par un fichier).',
    };
  return { code: 'INTERNAL', cause: 'une erreur inattendue est survenue.' };
}

/** The daily backup failed: the commune keeps working (main/host/communes.ts), the dashboard shows this. */
export function backupFailureMessage(e: unknown): string {
  return `La sauvegarde automatique du jour n'a pas pu être faite : ${backupFailureCause(e).cause} Clocher fonctionne normalement et rien n’est perdu ; faites une sauvegarde manuelle (Paramètres → Sauvegardes) dès que possible, ou appelez le support.`;
}

/** A backup asked for in Paramètres → Sauvegardes failed: say why, in French, instead of « erreur inattendue ». */
export function manualBackupError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const { code, cause } = backupFailureCause(e);
  return new AppError(
    code,
    `La sauvegarde n'a pas pu être faite : ${cause} Le dossier de la commune n'a pas été modifié.`,
  );
}

/** The backup before a schema update failed: the update is not run without one, so nothing is changed. */
export function backupBeforeUpdateError(e: unknown): AppError {
  const { code, cause } = backupFailureCause(e);
  return new AppError(
    code,
    `Clocher doit mettre à jour le dossier de la commune et en fait d'abord une sauvegarde, qui n'a pas pu être faite : ${cause} Rien n'a été modifié. Corrigez cela puis rouvrez la commune, ou appelez le support.`,
  );
}

export interface CheckedBackup {
  version: number;
  nom: string;
  code_insee: string;
}

/**
 * Everything is checked before anything is replaced: full integrity check, schema not newer than this
 * build, and a commune dossier inside that is the expected commune.
 */
export function checkBackup(
  file: string,
  migrations: readonly Migration[],
  expectedInsee: string,
  key: DbKey | null,
): CheckedBackup {
  const invalid = (why: string) =>
    new AppError('BACKUP_INVALID', `Cette sauvegarde ne peut pas être restaurée : ${why} Rien n'a été remplacé.`);
  if (!fs.existsSync(file)) throw invalid('le fichier est introuvable.');
  let version: number;
  try {
    version = inspectDatabaseFile(file, migrations, 'Cette sauvegarde', 'integrity_check', key);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_TOO_NEW') throw e;
    // The key of this PC opens its own backups: one it does not open is damaged, or was made on another PC.
    if (e instanceof AppError && e.code === 'DB_WRONG_KEY')
      throw invalid(
        "le fichier est endommagé, ou il est chiffré par un autre ordinateur (la clé de ce PC ne l'ouvre pas). Pour déplacer une commune, utilisez « Exporter pour un autre PC ».",
      );
    throw invalid('le fichier est endommagé.');
  }
  const db = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='commune'").get();
    const commune = row
      ? (db.prepare('SELECT nom, code_insee FROM commune WHERE id = 1').get() as
          { nom: string; code_insee: string } | undefined)
      : undefined;
    if (!commune) throw invalid("ce n'est pas un dossier de commune Clocher.");
    if (commune.code_insee !== expectedInsee)
      throw invalid(`elle appartient à une autre commune (${commune.nom}, INSEE ${commune.code_insee}).`);
    return { version, ...commune };
  } finally {
    db.close();
  }
}
