// `npm start` (after `npm run build`): open Clocher.
//  - With an Electron binary: Electron on the built app (dist/main/electron/main.js).
//  - Without one (our machines: electron ≥ 42 fetches its binary lazily and cannot here): the same core host
//    on loopback (dist/main/host/serve.js) and Debian's Chromium in --app mode, with its own profile folder.
//    Without a display, the address is printed and the host keeps running (Ctrl+C stops it).
// Arguments after `--` go to Clocher (e.g. `npm start -- --provision=FILE`). CLOCHER_DATA_DIR picks the
// data folder (default: main/host/paths.ts); CHROME_PATH picks the browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launchPage } from './launch-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extra = process.argv.slice(2);

/**
 * The Electron binary, or null. Not `require('electron')`: that starts a download (and prints, and may hang
 * on a firewalled network) when the binary is missing. Same lookup as node_modules/electron/index.js.
 */
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const bin = override ? path.join(override, rel || 'electron') : rel ? path.join(dir, 'dist', rel) : null;
    return bin && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function chromiumBinary() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function requireBuilt(file) {
  if (!fs.existsSync(path.join(root, file))) {
    console.error(`${file} manque : lancez d'abord « npm run build » (ou « npm start », qui le fait).`);
    process.exit(1);
  }
}

function runElectron(bin) {
  requireBuilt('dist/main/electron/main.js');
  const child = spawn(bin, [root, ...extra], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function runChromiumFallback() {
  console.log("Electron n'est pas disponible sur cette machine (binaire non téléchargeable) : Clocher s'ouvre dans Chromium en mode application.");
  requireBuilt('dist/main/host/serve.js');
  requireBuilt('dist/renderer/index.html');
  const server = spawn(process.execPath, [path.join(root, 'dist/main/host/serve.js'), `--renderer=${path.join(root, 'dist/renderer')}`, ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`le moteur de Clocher s'est arrêté (code ${code})`)));
  });
  server.stdout.resume(); // keep draining
  const { url, dataDir } = JSON.parse(line);
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));

  const chromium = chromiumBinary();
  if (!hasDisplay() || !chromium) {
    console.log(`${chromium ? "Pas d'affichage" : 'Chromium introuvable (CHROME_PATH)'} : ouvrez cette adresse dans un navigateur de cet ordinateur :\n${url}\n(Ctrl+C pour arrêter.)`);
    return;
  }
  const launch = launchPage(url); // not `--app=${url}`: Chromium's command line is public (launch-page.mjs)
  process.on('exit', launch.remove);
  const args = [
    `--app=${launch.href}`,
    `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=fr-FR', // dates and number fields in French, whatever the system's language
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root with its sandbox (containers)
  const browser = spawn(chromium, args, { stdio: 'ignore' });
  browser.on('exit', stop);
  process.on('SIGINT', () => browser.kill('SIGTERM'));
}

const electron = electronBinary();
if (electron) runElectron(electron);
else
  runChromiumFallback().catch((e) => {
    console.error(`Clocher n'a pas pu démarrer : ${e.message}`);
    process.exit(1);
  });
