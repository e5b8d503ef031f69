/**
 * Issue 9, in the real core host (its check worker bundled beside serve.js) and Chromium: « Se connecter » opens
 * the dashboard without waiting for the page-by-page check; a damaged page it finds afterwards reaches the window
 * (commune.changed) as a red banner, reads go on, and the restore screen is one click away.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openKeyed } from '../../main/db/cipher';
import { tempDir, validAccount, withCommune } from '../../test-support/helpers';
import { axe, chromiumPath, launchBrowser, newPage, pageProblems, shot, startHost, type Host } from './harness';

const chromium = chromiumPath();
if (!chromium)
  console.log('e2e navigateur ignorés : Chromium introuvable (paquet Debian « chromium », installé par .ci/run).');

describe.skipIf(!chromium)('a commune found damaged after login, in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dir = tempDir('clocher-e2e-');
    const t = await withCommune(dir);
    const file = t.core.communes.fileOf(t.communeId);
    const key = t.core.communes.key;
    const made = await t.client.call('backup.create'); // a good backup to come back to
    if (!made.ok) throw new Error(made.error.message);
    t.close();
    // one page of the élus' table scrambled: logging in does not read it, only the full check does
    const db = openKeyed(file, key, { readonly: true });
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'elu'").get() as { rootpage: number })
      .rootpage;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * size + 512);
    fs.closeSync(fd);
    host = await startHost({ dataDir: dir, now: '2026-11-24T08:30:00Z' }); // a new opening day
    browser = await launchBrowser();
    page = await newPage(browser, host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('logs in, then shows the banner in French; the restore screen is one click away and brings the commune back', async () => {
    await page.getByLabel('Identifiant').fill(validAccount.login);
    await page.getByLabel('Mot de passe').fill(validAccount.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Le dossier de la commune est endommagé' });
    await banner.first().waitFor({ timeout: 15_000 });
    expect(await banner.first().textContent()).toMatch(/restaurez une sauvegarde.*ou appelez le support/);
    expect(await page.getByRole('navigation').count()).toBeGreaterThan(0); // the pages stay open for reading
    await shot(page, 'issue9-bandeau-base-endommagee');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Choisir une sauvegarde à restaurer' }).click();
    await page
      .getByRole('button', { name: /Restaurer/ })
      .first()
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Restaurer/ })
      .click();
    await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });
});
