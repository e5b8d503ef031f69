/**
 * A commune whose pages the day's check found damaged after it was opened (issue 9, communes.ts markDamaged):
 * reads go on, writes are refused with the restore message, decided here by the core, whatever the window sends.
 */
import type { Access } from '../api/schemas';
import { AppError } from '../kernel';
import { isCorruption } from '../db';
import type { CommuneStore } from './communes';

/** Handlers that write into the commune's file although their access is not 'commune.write'. */
const WRITES_OUTSIDE_COMMUNE_WRITE = new Set<string>([
  'users.create', // the account goes to the installation, the journal line to the commune: all or nothing
  'users.setRole',
  'users.resetPassword',
  'backup.create', // a copy of damaged pages is no backup
  'backup.export',
]);
/** 'parapheur.sign' handlers that write nothing: ending a séance de signature (and its PIN) is always allowed. */
const SIGNING_READS = new Set<string>(['parapheur.sessionState', 'parapheur.sessionEnd']);

export function writesCommune(name: string, access: Access): boolean {
  if (access === 'commune.write') return true;
  if (access === 'parapheur.sign') return !SIGNING_READS.has(name);
  return WRITES_OUTSIDE_COMMUNE_WRITE.has(name);
}

/** Refuse, before it runs, a write into a commune found damaged (DB_CORRUPT, the message says what to do). */
export function refuseWriteIfDamaged(communes: CommuneStore, communeId: string | null, name: string, access: Access) {
  if (communeId && writesCommune(name, access)) communes.assertWritable(communeId);
}

/**
 * A failure met by a handler in the session's commune: a damaged page read or written now marks the commune damaged
 * at once (without waiting for the day's check), and a write stopped by the read-only connection of a damaged
 * commune says « endommagé », not « lecture seule ». Returns the error to reply with, or null.
 */
export function damageOfFailure(communes: CommuneStore, communeId: string | null, e: unknown): AppError | null {
  if (!communeId || e instanceof AppError) return null;
  if (isCorruption(e)) communes.markDamaged(communeId);
  const damage = communes.damage(communeId);
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return damage && (isCorruption(e) || code.startsWith('SQLITE_READONLY')) ? damage : null;
}

/** The installation journal's line: the commune's folder name and what happened, no personal data. */
export const damageJournal = (id: string): string =>
  `Commune ${id} : la vérification du fichier (PRAGMA quick_check) a trouvé des pages endommagées ; ` +
  'les modifications sont refusées jusqu’à la restauration d’une sauvegarde.';
