/**
 * End-to-end harness: the real core host on loopback (dist/main/host/serve.js) with a fresh data folder,
 * and Debian's Chromium driven by Playwright — the same renderer and handlers as in Electron, only the
 * transport differs. Screenshots go to test-results/screenshots/ (CI artifacts; look at them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');

export function chromiumPath(): string | null {
  for (const p of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    if (p && fs.existsSync(p)) return p;
  return null;
}

/** Why the browser tests cannot run here (printed, then the suite is reported skipped), or null. */
export function chromiumMissing(): string | null {
  return chromiumPath()
    ? null
    : 'Chromium introuvable (apt-get install chromium, ou CHROME_PATH) : tests dans le navigateur ignorés';
}

export interface Host {
  url: string;
  origin: string;
  dataDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Start the core host; `now` fixes the core's clock so that dates in tests do not depend on the day CI runs. */
export async function startHost(opts: { dataDir?: string; now?: string; provision?: string } = {}): Promise<Host> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-'));
  const args = [
    path.join(root, 'dist/main/host/serve.js'),
    `--data-dir=${dataDir}`,
    `--renderer=${path.join(root, 'dist/renderer')}`,
  ];
  if (opts.provision) args.push(`--provision=${opts.provision}`);
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, CLOCHER_FAKE_NOW: opts.now ?? '2026-11-23T09:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: proc.stdout! });
    rl.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`core host exited (${code}): ${stderr}`)));
  });
  const { url, origin } = JSON.parse(line) as { url: string; origin: string };
  return {
    url,
    origin,
    dataDir,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium introuvable : installez le paquet Debian « chromium » (.ci/run le fait).');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--lang=fr-FR',
    ],
  });
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(url);
  return page;
}

export const pageProblems = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core on the current screen: WCAG 2.1 A/AA rules, contrast included. Returns the violations. */
export async function axe(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}
