import fs from 'node:fs';
import path from 'node:path';

/**
 * The resources/ folder (fonts, templates): beside the sources in development and tests, beside the bundle
 * in dist/, and in Electron's resources folder once packaged (electron-builder extraResources).
 */
export function resourcesDir(): string {
  const candidates = [
    process.env.CLOCHER_RESOURCES,
    (process as { resourcesPath?: string }).resourcesPath &&
      path.join((process as { resourcesPath?: string }).resourcesPath!, 'resources'),
  ];
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources'));
    dir = path.dirname(dir);
  }
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'fonts'))) return c;
  throw new Error('resources/ introuvable (polices des documents PDF)');
}
