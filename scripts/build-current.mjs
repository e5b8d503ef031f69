// Is dist/ current? `npm start` runs `node scripts/build.mjs --if-stale`, which skips the build when every
// output is newer than every input: a second `npm start` opens Clocher in a second, not after a minute of
// esbuild and Vite. mtimes, not hashes: a checkout or an edit touches the file; directories count too, so a
// deleted or added source file (which changes its folder's mtime) also makes dist/ stale.
import fs from 'node:fs';
import path from 'node:path';

/** The newest mtime (ms) under `p` (a file or a folder, walked), with the file that has it; null if absent. */
export function newestUnder(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return null;
  }
  let best = { file: p, mtimeMs: st.mtimeMs };
  if (st.isDirectory())
    for (const name of fs.readdirSync(p)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const sub = newestUnder(path.join(p, name));
      if (sub && sub.mtimeMs > best.mtimeMs) best = sub;
    }
  return best;
}

/**
 * `{ current, reason }`: current when every output exists and the oldest of them is newer than the newest
 * input. `reason` (French, printed by build.mjs) says why a build is needed, or that it is skipped.
 */
export function buildIsCurrent(root, inputs, outputs) {
  let oldest = null;
  for (const rel of outputs) {
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) return { current: false, reason: `${rel} manque : construction.` };
    const m = fs.statSync(file).mtimeMs;
    if (oldest === null || m < oldest.mtimeMs) oldest = { file: rel, mtimeMs: m };
  }
  if (!oldest) return { current: false, reason: 'rien à comparer : construction.' };
  for (const rel of inputs) {
    const newest = newestUnder(path.join(root, rel));
    if (newest && newest.mtimeMs >= oldest.mtimeMs)
      return {
        current: false,
        reason: `${path.relative(root, newest.file)} a changé depuis la dernière construction : construction.`,
      };
  }
  return { current: true, reason: 'dist/ est à jour : pas de nouvelle construction.' };
}

/** What Clocher's build reads and writes (scripts/build.mjs): the lists buildIsCurrent compares. */
export function clocherBuildPlan(root, entries, skipRenderer) {
  const scriptTs = fs.readdirSync(path.join(root, 'scripts')).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
  const outputs = [
    ...Object.entries(entries)
      .filter(([, file]) => fs.existsSync(path.join(root, file)))
      .map(([name]) => `dist/${name}.js`),
    ...scriptTs.map((f) => `dist/scripts/${f.replace(/\.ts$/, '.js')}`),
  ];
  if (!skipRenderer) outputs.push('dist/renderer/index.html');
  const inputs = [
    'main',
    'preload',
    'migrations',
    'types',
    'scripts',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'vite.config.ts',
  ];
  if (!skipRenderer) inputs.push('renderer');
  return { inputs, outputs };
}
