/**
 * The real Electron shell: main process, app:// protocol, sandboxed preload, IPC relay, core in a
 * utilityProcess, built renderer. Runs only where an Electron binary exists (not on our machines, where it
 * cannot be downloaded: architecture §7); otherwise it is reported skipped, with the reason printed.
 * Needs `npm run build` first (npm run test:e2e does it). Playwright's _electron passes --inspect: keep
 * e2e builds unfused (architecture §9).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronBinary } from './binary';

const root = path.resolve(__dirname, '..', '..');
const mainJs = path.join(root, 'dist/main/electron/main.js');

function whyNot(): string | null {
  const bin = electronBinary();
  if ('reason' in bin) return bin.reason;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return "pas d'affichage (DISPLAY/WAYLAND_DISPLAY) ; lancez sous xvfb-run";
  if (!fs.existsSync(mainJs)) return `${path.relative(root, mainJs)} manque : lancez npm run build`;
  return null;
}

const reason = whyNot();
if (reason) process.stdout.write(`[e2e/electron] ignoré : ${reason}.\n`);

describe.skipIf(reason !== null)(`Electron shell${reason ? ` (ignoré : ${reason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    const bin = electronBinary() as { path: string };
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-electron-e2e-'));
    const args = [mainJs, `--data-dir=${dataDir}`];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses root without it (CI containers)
    app = await _electron.launch({
      executablePath: bin.path,
      args,
      env: { ...process.env, CLOCHER_FAKE_NOW: '2026-11-23T09:00:00Z' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the renderer from app://clocher', () => {
    expect(page.url()).toBe('app://clocher/index.html');
  });

  it('exposes exactly window.clocher = { call, on }, and no Node', async () => {
    const surface = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { clocher: object }).clocher).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(surface).toEqual({
      keys: ['call', 'on'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipc: 'undefined',
    });
  });

  it('relays calls through main to the core, and main refuses unknown handlers', async () => {
    const replies = await page.evaluate(async () => {
      const c = (
        window as unknown as {
          clocher: { call(n: string, a: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
        }
      ).clocher;
      return [await c.call('app.status', {}), await c.call('db.exec', {})];
    });
    expect(replies[0]).toMatchObject({ ok: true });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
  });

  it('window.open and navigation away are refused', async () => {
    await page.evaluate(() => {
      window.open('https://evil.example/');
      location.href = 'https://evil.example/';
    });
    expect(app.windows()).toHaveLength(1);
    await page.waitForTimeout(200); // a refused navigation leaves no event to wait on
    expect(page.url()).toBe('app://clocher/index.html');
  });

  it('first-run wizard: the first screen, and its check by the core', async () => {
    await page.getByRole('heading', { name: 'Bienvenue dans Clocher' }).waitFor();
    await page.getByRole('heading', { name: /Étape 1 sur 4/ }).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    // an empty commune is refused by setup.validateStep in the core: the round trip went through IPC
    await page.getByRole('alert').first().waitFor();
    await expect(page.getByRole('heading', { name: /Étape 1 sur 4/ }).count()).resolves.toBe(1);
  });
});
