/**
 * Where the Electron binary is, without triggering its download: `require('electron')` (electron ≥ 42)
 * downloads the binary on first use, which fails on our machines (architecture §9), so this reads the same
 * files as node_modules/electron/index.js (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) but never fetches.
 * scripts/start.mjs carries the same few lines (it is plain Node ESM).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function electronBinary(): { path: string } | { reason: string } {
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: "le paquet npm « electron » n'est pas installé" };
  }
  const pathFile = path.join(dir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = path.join(override, rel || 'electron');
    return fs.existsSync(bin)
      ? { path: bin }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH ne contient pas ${rel || 'electron'}` };
  }
  if (!rel)
    return {
      reason:
        'binaire Electron absent (node_modules/electron/path.txt manquant : le téléchargement est impossible ici)',
    };
  const bin = path.join(dir, 'dist', rel);
  return fs.existsSync(bin) ? { path: bin } : { reason: `binaire Electron absent (${bin})` };
}
