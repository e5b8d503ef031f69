/**
 * End-to-end harness: the real core host on loopback (dist/main/host/serve.js) with a fresh data folder,
 * and Debian's Chromium driven by Playwright — the same renderer and handlers as in Electron, only the
 * transport differs. Screenshots go to test-results/screenshots/ (CI artifacts; look at them).
 * Below the machinery, the steps every e2e file shares: a session opened at a fixed clock, the first-run wizard,
 * the log-in, a screen checked by axe with its screenshot, an option picked in a Mantine select, a downloaded PDF.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');
export const PDF_DIR = path.join(root, 'test-results', 'pdfs');

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

export interface Session {
  host: Host;
  browser: Browser;
  page: Page;
}

/**
 * The host on `dataDir` (a fresh folder without it), Chromium on its page, the page's clock fixed at the host's
 * `now` (the window and the core read the same day: never the real date against a fixed one), and logged in
 * when an account is given.
 */
export async function openSession(opts: {
  dataDir?: string;
  now: string;
  account?: { login: string; password: string };
}): Promise<Session> {
  const host = await startHost({ dataDir: opts.dataDir, now: opts.now });
  const browser = await launchBrowser();
  const page = await newPage(browser, host.url);
  await page.clock.setFixedTime(new Date(opts.now));
  if (opts.account) await login(page, opts.account);
  return { host, browser, page };
}

/** Close what openSession opened, even half of it (a failed beforeAll). */
export async function closeSession(s: Partial<Session>): Promise<void> {
  await s.browser?.close();
  await s.host?.stop();
}

/** After each test: the screen of a failure kept as `<prefix>-echec-<test>.png`; no page or console error. */
export async function checkPage(page: Page, prefix: string, ctx: TestContext): Promise<void> {
  if (ctx.task.result?.state === 'fail')
    await shot(page, `${prefix}-echec-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
  expect(pageProblems(page)).toEqual([]);
}

export async function login(page: Page, account: { login: string; password: string }): Promise<void> {
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
}

/** A screen as the secrétaire sees it at rest (pointer away, scrolled to the top), shot, then checked by axe. */
export async function clean(page: Page, screen: string): Promise<void> {
  await page.mouse.move(0, 0); // colours at rest, not under the pointer's hover
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header would otherwise cross the full-page shot
  await shot(page, screen);
  const violations = await axe(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Pick `option` in the Mantine select labelled `label` (in `within`, the page by default). */
export async function pick(page: Page, label: string, option: string, within: Page | Locator = page): Promise<void> {
  await within.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Click, catch the download, keep it as test-results/pdfs/e2e-<name>.pdf; its path. */
export async function downloadPdf(page: Page, click: () => Promise<unknown>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const file = path.join(PDF_DIR, `e2e-${name}.pdf`);
  await dl.saveAs(file);
  return file;
}

/** The text of a PDF as pdftotext reads it, white space folded. */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');

export interface WizardElu {
  civilite: 'Mme' | 'M.';
  nom: string;
  prenom: string;
  naissance: string;
  fonction: 'maire' | 'adjoint' | 'conseiller';
}
export const MAIRE: WizardElu = {
  civilite: 'Mme',
  nom: 'Lefèvre',
  prenom: 'Hélène',
  naissance: '02/04/1961',
  fonction: 'maire',
};
/** The secrétaire's account the wizard creates (the same as test-support's validAccount). */
export const WIZARD_ACCOUNT = { login: 'secretaire', password: 'une belle journée à la mairie' };

/** The first-run wizard as the secrétaire fills it: Saint-Benoît-sur-Loire, open on Tuesday mornings. */
export async function setupCommune(page: Page, elus: readonly WizardElu[] = [MAIRE]): Promise<void> {
  const T = { timeout: 15_000 };
  await page.getByLabel('Nom de la commune').waitFor(T);
  const identity = {
    'Nom de la commune': 'Saint-Benoît-sur-Loire',
    'Code INSEE': '45270',
    SIREN: '214502494',
    Département: '45',
    Arrondissement: '3',
    'Adresse de la mairie': '1 place de la Mairie',
    'Code postal': '45730',
    Téléphone: '02 38 35 70 00',
    'E-mail de la mairie': 'mairie@exemple.fr',
    Population: '412',
  };
  for (const [label, value] of Object.entries(identity)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('mardi matin').check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  for (const [i, e] of elus.entries()) {
    const n = `(élu ${i + 1})`;
    if (i > 0) await page.getByRole('button', { name: 'Ajouter un élu' }).click();
    await page.getByLabel(`Civilité ${n}`).selectOption(e.civilite);
    await page.getByLabel(`Nom ${n}`, { exact: true }).fill(e.nom);
    await page.getByLabel(`Prénom ${n}`).fill(e.prenom);
    await page.getByLabel(`Date de naissance ${n}`).fill(e.naissance);
    await page.getByLabel(`Fonction ${n}`).selectOption(e.fonction);
    if (e.fonction === 'adjoint') await page.getByLabel(`Rang ${n}`).fill('1');
    await page.getByLabel(`Début du mandat ${n}`).fill('28/03/2026');
  }
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Identifiant').fill(WIZARD_ACCOUNT.login);
  await page.getByLabel('Nom affiché').fill('Martine Roux');
  await page.getByLabel('Mot de passe', { exact: true }).fill(WIZARD_ACCOUNT.password);
  await page.getByLabel('Confirmation du mot de passe').fill(WIZARD_ACCOUNT.password);
  await page.getByRole('button', { name: 'Créer le dossier de la commune' }).click();
  await page.getByTestId('dashboard-ready').waitFor(T);
}
