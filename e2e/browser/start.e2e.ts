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
import { chromiumPath, launchBrowser, newPage } from './harness';

const root = path.resolve(__dirname, '..', '..');
const chromium = chromiumPath();
if (!chromium) console.log('e2e navigateur ignorés : Chromium introuvable (paquet Debian « chromium », installé par .ci/run).');

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
    expect(fs.readFileSync(path.join(out, 'argv'), 'utf8')).not.toContain(token);
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
