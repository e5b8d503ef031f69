/**
 * axe-core on every tab of Paramètres and on its modals (élu, account, temporary password), in Debian's
 * Chromium against the real core host. The commune is seeded in process by the first-run handler, then served.
 * Other screens and modals are covered by foundation, conseil, parapheur (délégation, revoke) and sync e2e files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { validAccount, withCommune } from '../../test-support/helpers';
import { skipReason, TEST_NOW_ISO } from '../../test-support/support';
import { checkPage, chromiumMissing, clean, closeSession, openSession, type Host } from './harness';

const noChromium = skipReason('e2e paramètres', chromiumMissing());

describe.skipIf(noChromium)('Paramètres in Chromium: every tab and modal passes axe', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const main = () => page.getByRole('main');

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-parametres-'));
    (await withCommune(dataDir)).close();
    ({ host, browser, page } = await openSession({ dataDir, now: TEST_NOW_ISO, account: validAccount }));
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Paramètres' })
      .or(page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }))
      .first()
      .click();
    await page.getByRole('tab', { name: 'Commune' }).waitFor();
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'parametres', ctx));

  it('each tab: Commune, Horaires, Élus, Plateforme, Messagerie, Comptes, Sauvegardes, Sécurité, Diagnostic', async () => {
    const tabs = [
      'Commune',
      'Horaires',
      'Élus',
      'Plateforme',
      'Messagerie',
      'Comptes',
      'Sauvegardes',
      'Sécurité',
      'Diagnostic',
    ];
    expect(await page.getByRole('tab').allTextContents()).toEqual(tabs);
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('tabpanel').waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-label^="Chargement"]'), undefined, {
        timeout: 10_000,
      });
      await clean(
        page,
        `parametres-${name
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]+/g, '-')}`,
      );
    }
  });

  it('the élu modal, empty then with an élu, and its errors', async () => {
    await page.getByRole('tab', { name: 'Élus' }).click();
    await page.getByRole('button', { name: 'Ajouter un élu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await clean(page, 'parametres-elu-ajout');
    await dialog.getByRole('button', { name: 'Enregistrer l’élu' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBeGreaterThan(0);
    await clean(page, 'parametres-elu-erreurs');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /^Modifier / })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await clean(page, 'parametres-elu-modification');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the account modals: create an account (errors, then done), then its temporary password', async () => {
    await page.getByRole('tab', { name: 'Comptes' }).click();
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await clean(page, 'parametres-compte-creation');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBeGreaterThan(0);
    await clean(page, 'parametres-compte-erreurs');
    await dialog.getByLabel('Identifiant').fill('accueil');
    await dialog.getByLabel('Nom affiché').fill('Paul Accueil');
    await dialog.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe assez long');
    await dialog.getByLabel('Confirmation du mot de passe').fill('un mot de passe assez long');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Réinitialiser le mot de passe de Paul Accueil' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/provisoire/);
    await clean(page, 'parametres-compte-mot-de-passe-provisoire');
    await page.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await main().textContent()).toContain('Paul Accueil');
  });
});
