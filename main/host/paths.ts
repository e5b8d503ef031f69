import os from 'node:os';
import path from 'node:path';

/**
 * Where a commune's data lives when no folder is given: the user's application data folder, the same as
 * Electron's app.getPath('userData'), so that the Chromium fallback and the real app share their data.
 * Tests pass a fresh temporary folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLOCHER_DATA_DIR) return path.resolve(env.CLOCHER_DATA_DIR);
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Clocher');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Clocher');
  // the same folder as Electron's app.getPath('userData') for the app named Clocher
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Clocher');
}

export function argValue(argv: readonly string[], name: string): string | null {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : null;
}

export { ensurePrivateDir } from '../db/private-dir';
