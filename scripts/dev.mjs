// `npm run dev`: build the core host and shell once (esbuild, a few seconds), then
//  - build the renderer and rebuild it on every change (vite build --watch → dist/renderer; reload the page),
//  - run the core host on loopback (dist/main/host/serve.js) and print its address: open it in Chromium
//    (it serves dist/renderer from disk on each request, so the page works once Vite's first build is done).
// A change in main/ needs a restart of `npm run dev` (the core host is built once). Data folder:
// CLOCHER_DATA_DIR, else the default one (main/host/paths.ts) — set CLOCHER_DATA_DIR to a scratch folder
// to keep your real data out of development. Ctrl+C stops everything.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launchPage } from './launch-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

execFileSync(node, [path.join(root, 'scripts/build.mjs'), '--skip-renderer'], { cwd: root, stdio: 'inherit' });

const children = [];
const stopAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const vite = spawn(
  node,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--watch', '--logLevel', 'error'],
  { cwd: root, stdio: 'inherit' },
);
children.push(vite);

const server = spawn(
  node,
  [
    path.join(root, 'dist/main/host/serve.js'),
    `--renderer=${path.join(root, 'dist/renderer')}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
children.push(server);
readline.createInterface({ input: server.stdout }).once('line', (line) => {
  const { url, dataDir } = JSON.parse(line);
  // to open from a command line (`chromium <page>`), the private page, not the address: argv is public
  const launch = launchPage(url);
  process.on('exit', launch.remove);
  console.log(
    `Clocher (développement) : ${url}\nOu, depuis une ligne de commande : chromium ${launch.href}\nDonnées : ${dataDir}\nLe rendu se construit puis se reconstruit à chaque modification : rechargez la page. Ctrl+C pour arrêter.`,
  );
  server.stdout.resume();
});
for (const c of children)
  c.on('exit', () => {
    stopAll();
    process.exitCode = c.exitCode ?? 0;
  });
