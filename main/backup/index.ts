/** What other folders may use of main/backup/ (architecture §2: only through this file). */
export {
  backupBeforeUpdateError,
  backupFailureMessage,
  type BackupInfo,
  checkBackup,
  createBackup,
  keepRawCopy,
  listBackups,
} from './backups';
export { type DailyCheckJob, type DailyCheckResult, runDailyCheck } from './daily-check';
