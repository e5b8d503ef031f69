/** Backups written by an older Clocher, brought up to date at a commune's opening (moved out of communes.ts). */
import path from 'node:path';
import { listBackups } from '../backup';
import { encryptPlainFile, isPlainFile, openKeyed, type Db, type DbKey, type SecretBox } from '../db';
import { sealClearSecrets } from '../sync';

/**
 * Backups written before issue 11 are plain SQLite files: a copy on a USB key would reveal every name. Encrypt
 * them like the base (encrypt-plain.ts keeps each one intact until its encrypted copy is verified). A damaged
 * plain file (kept before a restore) cannot be rewritten page by page: it is left as it is, and said in the log.
 */
export function encryptPlainBackups(dir: string, key: DbKey): void {
  for (const b of listBackups(dir)) {
    const file = path.join(dir, b.file);
    if (!isPlainFile(file)) continue;
    try {
      encryptPlainFile(file, key);
    } catch {
      console.warn(`[clocher] sauvegarde non chiffrée laissée telle quelle (illisible) : ${b.file}`);
    }
  }
}

/**
 * Backups made before the secrets were sealed hold them in clear: seal them there too, and VACUUM so the
 * clear text does not stay in a free page. A backup that cannot be opened (a damaged base kept before a
 * restore) is left as it is.
 */
export function sealBackups(dir: string, key: DbKey, secrets: SecretBox): void {
  for (const b of listBackups(dir)) {
    let copy: Db | undefined;
    try {
      copy = openKeyed(path.join(dir, b.file), key, { fileMustExist: true });
      if (sealClearSecrets(copy, secrets)) copy.exec('VACUUM');
    } catch {
      // unreadable: nothing we can seal
    } finally {
      copy?.close();
    }
  }
}
