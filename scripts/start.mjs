// `npm start` (after `npm run build`): open Clocher.
//  - With an Electron binary: Electron on the built app (dist/main/electron/main.js).
//  - Without one (our machines: electron ≥ 42 fetches its binary lazily and cannot here): the same core host
//    on loopback (dist/main/host/serve.js) and Debian's Chromium in --app mode, with its own profile folder.
//    Without a display, the address is printed and the host keeps running (Ctrl+C stops it). A host that dies
//    is restarted on the same port with the same token; the window reconnects and says so (renderer bridge).
// Arguments after `--` go to Clocher (e.g. `npm start -- --provision=FILE`). CLOCHER_DATA_DIR picks the
// data folder (default: main/host/paths.ts); CHROME_PATH picks the browser.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
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
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
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

/** As main/electron/core-process.ts: a host that keeps dying is not restarted forever; one up a minute is healthy. */
const RESTART_BACKOFF_MS = [0, 1000, 3000, 10000];
const STABLE_AFTER_MS = 60_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start the core host and wait for its ready line. The token goes on its stdin (serve.ts --token-stdin), never
 * on a command line; a restarted host gets the same token and port, so the open window reconnects to it.
 */
async function startHost(token, port) {
  const args = [
    path.join(root, 'dist/main/host/serve.js'),
    `--renderer=${path.join(root, 'dist/renderer')}`,
    '--token-stdin',
  ];
  if (port) args.push(`--port=${port}`);
  const server = spawn(process.execPath, [...args, ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
  server.stdin.on('error', () => undefined); // a host dead before reading: its exit says so below
  server.stdin.end(`${token}\n`);
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`le moteur de Clocher s'est arrêté (code ${code})`)));
  });
  server.stdout.resume(); // keep draining
  return { server, info: JSON.parse(line) };
}

/** Keeps one core host running: restarts it when it dies unasked; `stop()` ends it, and then Clocher. */
async function superviseHost(onGiveUp) {
  const token = crypto.randomBytes(32).toString('base64url');
  let { server, info } = await startHost(token, 0);
  const port = Number(new URL(info.origin).port);
  let stopping = false;
  let restarts = 0;
  let startedAt = Date.now();
  const watch = (child) =>
    child.once('exit', async (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      console.error(`Le moteur de Clocher s'est arrêté (${signal ?? `code ${code}`}) : Clocher le redémarre.`);
      if (Date.now() - startedAt > STABLE_AFTER_MS) restarts = 0;
      while (!stopping && restarts < RESTART_BACKOFF_MS.length) {
        await sleep(RESTART_BACKOFF_MS[restarts++]);
        try {
          ({ server } = await startHost(token, port));
          startedAt = Date.now();
          watch(server);
          return;
        } catch (e) {
          console.error(`Redémarrage impossible : ${e.message}`);
        }
      }
      console.error(
        'Clocher ne parvient pas à redémarrer son moteur. Fermez Clocher puis rouvrez-le ; si le problème revient, appelez le support.',
      );
      onGiveUp();
      process.exit(1);
    });
  watch(server);
  const stop = () => {
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  };
  return { info, stop };
}

async function runChromiumFallback() {
  console.log(
    "Electron n'est pas disponible sur cette machine (binaire non téléchargeable) : Clocher s'ouvre dans Chromium en mode application.",
  );
  requireBuilt('dist/main/host/serve.js');
  requireBuilt('dist/renderer/index.html');
  let browser = null;
  const { info, stop } = await superviseHost(() => browser?.kill('SIGTERM'));
  const { url, dataDir } = info;
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const chromium = chromiumBinary();
  if (!hasDisplay() || !chromium) {
    console.log(
      `${chromium ? "Pas d'affichage" : 'Chromium introuvable (CHROME_PATH)'} : ouvrez cette adresse dans un navigateur de cet ordinateur :\n${url}\n(Ctrl+C pour arrêter.)`,
    );
    return;
  }
  const launch = launchPage(url); // not `--app=${url}`: Chromium's command line is public (launch-page.mjs)
  process.on('exit', launch.remove);
  browser = spawn(chromium, chromiumArgs(launch.href, dataDir), { stdio: 'ignore' });
  browser.on('exit', stop);
  process.on('SIGINT', () => browser.kill('SIGTERM'));
}

/** A desktop window, in French, that talks to no one but the core (README « npm start »). */
function chromiumArgs(href, dataDir) {
  const args = [
    `--app=${href}`,
    `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`,
    '--start-maximized', // the secrétaire's working window, not a small pop-up
    '--no-first-run',
    '--no-default-browser-check',
    // nothing leaves for Google's servers: no background fetches, updates, sync, translation, pings, reports
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-pings',
    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
    '--lang=fr', // dates and number fields in French, whatever the system's language; no « traduire ? » bar
    '--accept-lang=fr-FR,fr',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root with its sandbox (containers)
  return args;
}

const electron = electronBinary();
if (electron) runElectron(electron);
else
  runChromiumFallback().catch((e) => {
    console.error(`Clocher n'a pas pu démarrer : ${e.message}`);
    process.exit(1);
  });
