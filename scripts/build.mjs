// Build everything into dist/: the core host and Electron shell with esbuild (SQL migrations bundled as
// text), the renderer with Vite. `node scripts/build.mjs [--skip-renderer] [--if-stale]`
// --if-stale (`npm start`): nothing is built when dist/ is newer than every source (build-current.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent, clocherBuildPlan } from './build-current.mjs';
import { buildVendorGroups, LAZY_GROUPS, lazyVendorPlugin, VENDOR_DIR } from './lazy-vendor.mjs';
import { noWoff2Plugin } from './no-woff2.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const skipRenderer = process.argv.includes('--skip-renderer');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.sql': 'text' },
  external: ['electron', 'better-sqlite3', 'pkcs11js', 'usb'],
  define: { __CLOCHER_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = {
  'main/host/serve': 'main/host/serve.ts',
  'main/host/utility': 'main/host/utility.ts',
  'main/host/recover': 'main/host/recover.ts',
  // the day's check and backup of a commune, in a worker thread (main/host/daily-check.ts, issue 9)
  'main/host/check-worker': 'main/host/check-worker.ts',
  'main/electron/main': 'main/electron/main.ts',
  'preload/index': 'preload/index.ts',
};
if (process.argv.includes('--if-stale')) {
  const plan = clocherBuildPlan(root, entries, skipRenderer);
  plan.outputs.push(...Object.keys(LAZY_GROUPS).map((g) => `${VENDOR_DIR}/${g}.js`)); // loaded at first use: must exist too
  const { current, reason } = buildIsCurrent(root, plan.inputs, plan.outputs);
  console.log(reason);
  if (current) process.exit(0);
}
// PDF, mail and XML libraries: separate files loaded at first use (scripts/lazy-vendor.mjs, core start-up)
// (without fontkit's WOFF2 decoder: only TrueType fonts are embedded, scripts/no-woff2.mjs)
const vendorExports = await buildVendorGroups(root, { ...common, plugins: [noWoff2Plugin] });
const lazy = (name) => ({ plugins: [lazyVendorPlugin(root, path.dirname(`dist/${name}`), vendorExports)] });
for (const [name, file] of Object.entries(entries)) {
  if (!fs.existsSync(path.join(root, file))) continue;
  await build({ ...common, ...lazy(name), entryPoints: { [name]: file }, outdir: 'dist' });
}
for (const f of fs.readdirSync(path.join(root, 'scripts')).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))) {
  const name = `scripts/${f.replace(/\.ts$/, '')}`;
  await build({ ...common, ...lazy(name), entryPoints: { [name]: `scripts/${f}` }, outdir: 'dist' });
}
// the signing séance of `npm run bench` in its own small bundle, so its memory is measured without the bench's code,
// and its preparation (test PKI, PDF writer) in another, so the séance's process never loads that code (issue 10)
// The séance uses the lazy vendor groups as the core does: the PDF group loads at the first act, node-forge (XML
// group) never, since the CMS is written by main/signing/der.ts; the measure is the product's code path.
await build({
  ...common,
  ...lazy('bench/signing-child'),
  entryPoints: { 'bench/signing-child': 'bench/signing-child.ts' },
  outdir: 'dist',
});
await build({
  ...common,
  plugins: [noWoff2Plugin],
  entryPoints: { 'bench/signing-prepare': 'bench/signing-prepare.ts' },
  outdir: 'dist',
});
if (!skipRenderer) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
