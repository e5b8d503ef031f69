import fs from 'node:fs';

/**
 * Create the data folder readable by the user only (0700): it holds the communes' personal data (RGPD art. 32)
 * and the key of the platform secrets. A folder made by an earlier Clocher with the default 0755 is tightened.
 * On Windows the mode is ignored: %APPDATA% is already private to the user.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32' || (fs.statSync(dir).mode & 0o077) === 0) return;
  try {
    fs.chmodSync(dir, 0o700);
  } catch {
    // a folder we do not own, or on a read-only disk: opening the bases will say what is wrong, in French
  }
}
