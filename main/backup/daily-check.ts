/**
 * The page-by-page check of a commune's base and the day's automatic backup, in that order, on a connection of
 * their own (issue 9: they used to run inside « Se connecter »). This module runs in a worker thread
 * (main/host/check-worker.ts): it takes plain values and returns plain values, never an AppError (it does not
 * cross a thread), and never touches the core's state. A damaged base is never backed up: its copy would rotate
 * good backups out (20 daily ones, backups.ts KEEP).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCorruption, openKeyed, pagesAreSound, type Db } from '../db';
import { parisDay } from '../kernel';
import { createBackup, listBackups } from './backups';

export interface DailyCheckJob {
  file: string;
  /** the base's key, hex (cipher.ts), or null for a plain base (test harnesses only) */
  keyHex: string | null;
  backupDir: string;
  /** the core's clock at scheduling, ISO: its Paris day is the backup's day */
  at: string;
  /** false when `quick_check` already ran at this opening (before a migration, sqlite.ts) */
  check: boolean;
}

export type DailyCheckResult =
  /** the pages do not add up: no backup taken */
  | { pages: 'damaged'; backup: 'none' }
  /** stopped (the core is closing) before its end: nothing half done, the next opening runs it again */
  | { pages: 'ok' | 'unknown'; backup: 'stopped' }
  | { pages: 'ok'; backup: 'made'; file: string }
  | { pages: 'ok'; backup: 'already' }
  /** the backup, or the check itself, failed for another reason (full disk, `sauvegardes` not writable…) */
  | { pages: 'ok' | 'unknown'; backup: 'failed'; errorCode: string; errorMessage: string };

/** `.partiel` files are backups a stopped core never finished (backups.ts): never listed, removed here. */
export function removeUnfinishedBackups(dir: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.partiel')) fs.rmSync(path.join(dir, f), { force: true });
}

const failure = (pages: 'ok' | 'unknown', e: unknown): DailyCheckResult => ({
  pages,
  backup: 'failed',
  errorCode: String((e as { code?: unknown } | null)?.code ?? ''),
  errorMessage: e instanceof Error ? e.message : String(e),
});

/** Runs the job; `shouldStop` is asked between steps (a step itself is never cut in the middle). */
export function runDailyCheck(
  job: DailyCheckJob,
  shouldStop: () => boolean = () => false,
  opened: () => void = () => undefined,
): DailyCheckResult {
  let db: Db | undefined;
  try {
    db = openKeyed(job.file, job.keyHex ? Buffer.from(job.keyHex, 'hex') : null, {
      readonly: true,
      fileMustExist: true,
    });
    db.pragma('busy_timeout = 5000');
    opened();
    if (job.check) {
      let sound: boolean;
      try {
        sound = pagesAreSound(db);
      } catch (e) {
        if (isCorruption(e)) return { pages: 'damaged', backup: 'none' };
        throw e;
      }
      if (!sound) return { pages: 'damaged', backup: 'none' };
    }
    if (shouldStop()) return { pages: 'ok', backup: 'stopped' };
    return backUp(db, job);
  } catch (e) {
    if (isCorruption(e)) return { pages: 'damaged', backup: 'none' };
    return failure('unknown', e);
  } finally {
    db?.close();
  }
}

/** The day's automatic backup, once per Paris day of the core's clock (its file name keeps the UTC instant). */
function backUp(db: Db, job: DailyCheckJob): DailyCheckResult {
  try {
    const at = new Date(job.at);
    const today = parisDay(at);
    const done = listBackups(job.backupDir).some(
      (b) => b.kind === 'quotidienne' && parisDay(new Date(b.createdAt)) === today,
    );
    if (done) return { pages: 'ok', backup: 'already' };
    removeUnfinishedBackups(job.backupDir);
    const info = createBackup(db, job.backupDir, 'quotidienne', at);
    return { pages: 'ok', backup: 'made', file: info.file };
  } catch (e) {
    return failure('ok', e);
  }
}
