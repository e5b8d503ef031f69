/**
 * `npm start` without Electron (scripts/start.mjs): the per-run token never appears on a command line, where
 * every local user can read it (`ps`). Chromium gets a page only this user can read, which forwards to the
 * loopback address; the window opened from it reaches the core. A stand-in for Chromium records what it is
 * given; the real Chromium (Playwright) then opens the same page.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { validAccount, withCommune } from '../../test-support/helpers';
import { chromiumPath, launchBrowser, newPage } from './harness';

const root = path.resolve(__dirname, '..', '..');
const chromium = chromiumPath();
if (!chromium)
  console.log('e2e navigateur ignorés : Chromium introuvable (paquet Debian « chromium », installé par .ci/run).');

const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`attente dépassée : ${what}`);
};

describe.skipIf(!chromium)('npm start: the token stays off command lines', () => {
  let start: ChildProcess;
  let browser: Browser;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-start-'));
  const fake = path.join(out, 'chromium');

  beforeAll(() => {
    // records its arguments and the page it is asked to open (content and modes), then waits for `go`
    fs.writeFileSync(
      fake,
      `#!/bin/sh
printf '%s\\n' "$@" > "${out}/argv"
for a in "$@"; do case "$a" in --app=file://*) f="\${a#--app=file://}"; cp "$f" "${out}/page.html"; stat -c %a "$f" > "${out}/mode"; stat -c %a "$(dirname "$f")" >> "${out}/mode"; echo "$a" > "${out}/href";; esac; done
i=0; while [ -d "${out}" ] && [ ! -e "${out}/go" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
`,
      { mode: 0o700 },
    );
  });
  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null) start.kill('SIGTERM');
    fs.writeFileSync(path.join(out, 'go'), ''); // the stand-in browser, if still waiting
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('gives Chromium a private page, not the token, and the window reaches the core', async () => {
    start = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), `--data-dir=${path.join(out, 'data')}`], {
      cwd: root,
      env: { ...process.env, CHROME_PATH: fake, DISPLAY: ':99', CLOCHER_FAKE_NOW: '2026-11-23T09:00:00Z' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    start.stdout?.on('data', (d) => (logs += String(d)));
    start.stderr?.on('data', (d) => (logs += String(d)));
    await until('Chromium lancé', () => fs.existsSync(path.join(out, 'argv')));
    expect(fs.readFileSync(path.join(out, 'argv'), 'utf8'), logs).not.toMatch(/token=/);
    await until(`page privée (${logs})`, () => fs.existsSync(path.join(out, 'href')));

    const page = fs.readFileSync(path.join(out, 'page.html'), 'utf8');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(page)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(out, 'mode'), 'utf8').split('\n').slice(0, 2)).toEqual(['600', '700']);
    const argv = fs.readFileSync(path.join(out, 'argv'), 'utf8').split('\n');
    expect(argv.join('\n')).not.toContain(token);
    // a maximized window in French, no translate bar, no traffic to Google's servers
    expect(argv).toEqual(
      expect.arrayContaining([
        '--start-maximized',
        '--lang=fr',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
    expect(
      argv
        .find((a) => a.startsWith('--disable-features='))
        ?.split('=')[1]
        ?.split(','),
    ).toContain('Translate');
    // no process on this machine carries it on its command line (the core host, start.mjs, the browser)
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(token);

    browser = await launchBrowser();
    const href = fs.readFileSync(path.join(out, 'href'), 'utf8').trim().slice('--app='.length);
    const launchDir = path.dirname(fileURLToPath(href));
    const win = await newPage(browser, href);
    await win.getByLabel('Nom de la commune').waitFor({ timeout: 20_000 }); // the first-run wizard, through the bridge
    expect(new URL(win.url()).origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // the stand-in browser closes: Clocher stops and removes the page
    fs.writeFileSync(path.join(out, 'go'), '');
    await until('arrêt de Clocher', () => start.exitCode !== null);
    expect(fs.existsSync(launchDir)).toBe(false);
  });
});

/** The core host started by `npm start`'s launcher (scripts/start.mjs), found among its children. */
function hostPid(launcher: ChildProcess): number | null {
  const rows = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], { encoding: 'utf8' }).split(
    '\n',
  );
  const row = rows.find((r) => r.includes('dist/main/host/serve.js'));
  return row ? Number(row.trim().split(/\s+/)[0]) : null;
}

describe.skipIf(!chromium)('npm start: a reloaded page and a dead core host', () => {
  let start: ChildProcess;
  let browser: Browser;
  let logs = '';
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-start-'));
  const dataDir = path.join(out, 'data');
  const fake = path.join(out, 'chromium');

  beforeAll(async () => {
    const t = await withCommune(dataDir); // a commune and the secrétaire's account, through the real handlers
    t.close();
    fs.writeFileSync(
      fake,
      `#!/bin/sh\nfor a in "$@"; do case "$a" in --app=*) echo "\${a#--app=}" > "${out}/href";; esac; done\ni=0; while [ -d "${out}" ] && [ ! -e "${out}/go" ] && [ $i -lt 1800 ]; do sleep 0.1; i=$((i+1)); done\n`,
      { mode: 0o700 },
    );
  });
  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null) start.kill('SIGTERM');
    fs.writeFileSync(path.join(out, 'go'), '');
    await until('arrêt de Clocher', () => !start || start.exitCode !== null).catch(() => undefined);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('asks to log in again after a reload, then reconnects and says so when the core host is restarted', async () => {
    start = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), `--data-dir=${dataDir}`], {
      cwd: root,
      env: { ...process.env, CHROME_PATH: fake, DISPLAY: ':99', CLOCHER_FAKE_NOW: '2026-11-23T09:00:00Z' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (d) => (logs += String(d)));
    start.stderr?.on('data', (d) => (logs += String(d)));
    await until(
      `page privée (${logs})`,
      () => fs.existsSync(path.join(out, 'href')) && fs.readFileSync(path.join(out, 'href'), 'utf8').includes('\n'),
    );
    browser = await launchBrowser();
    const win = await newPage(browser, fs.readFileSync(path.join(out, 'href'), 'utf8').trim());
    const login = async () => {
      await win.getByLabel('Identifiant').fill(validAccount.login);
      await win.getByLabel('Mot de passe').fill(validAccount.password);
      await win.getByRole('button', { name: 'Se connecter' }).click();
      await win.getByTestId('dashboard-ready').waitFor({ timeout: 20_000 });
    };
    await login();
    expect(await win.getByText('La page a été rechargée').count()).toBe(0); // a first opening says nothing

    // reload: the connection-bound session ended; the window says why it shows the login screen
    await win.reload();
    await win.getByText('La page a été rechargée : reconnectez-vous.').waitFor({ timeout: 20_000 });
    await win.getByLabel('Identifiant').waitFor();
    await login();

    // the core host dies: the launcher starts another on the same address, the window reconnects and says so
    const first = hostPid(start);
    expect(first, logs).not.toBeNull();
    process.kill(first!, 'SIGKILL');
    await win.getByText('Clocher a redémarré son moteur', { exact: false }).waitFor({ timeout: 30_000 });
    await win.getByLabel('Identifiant').waitFor({ timeout: 20_000 }); // a new core: a new session, asked cleanly
    const second = hostPid(start);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await login(); // the reconnected window really talks to the new core
    expect(logs).toContain("Le moteur de Clocher s'est arrêté (SIGKILL) : Clocher le redémarre.");
  }, 120_000);
});
