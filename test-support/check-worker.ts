/**
 * The day's check worker (main/host/check-worker.ts) bundled for unit tests, as scripts/build.mjs bundles it: vitest
 * runs the sources, and a worker thread needs a JavaScript file. Written under node_modules/.cache so that the
 * bundle's `require('better-sqlite3')` resolves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
let built: string | null = null;

export function checkWorkerScript(): string {
  if (built) return built;
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'clocher-tests', `check-worker-${process.pid}.js`);
  buildSync({
    entryPoints: [path.join(ROOT, 'main/host/check-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['electron', 'better-sqlite3', 'pkcs11js', 'usb'],
    loader: { '.sql': 'text' },
    logLevel: 'warning',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true })); // one per test process: none left behind
  return (built = outfile);
}
