/**
 * « Trust first », accounts: a maire's account created by the secrétaire opens on its temporary password with
 * nothing but the change dialog; then his Comptes tab offers only the roles he may give, and nothing on the
 * secrétaire's account. The core's refusals themselves are proven in main/auth/*.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { tempDir, withCommune } from '../../test-support/helpers';
import { axe, chromiumPath, launchBrowser, newPage, pageProblems, shot, startHost, type Host } from './harness';

const chromium = chromiumPath();
if (!chromium)
  console.log('e2e navigateur ignorés : Chromium introuvable (paquet Debian « chromium », installé par .ci/run).');

const TEMPORARY = 'mot de passe donné par la secrétaire';
const MINE = 'le mot de passe du maire';

describe.skipIf(!chromium)('accounts in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dir = tempDir('clocher-e2e-');
    const t = await withCommune(dir);
    for (const [login, display_name, role] of [
      ['h.lefevre', 'Hélène Lefèvre', 'maire'],
      ['l.menard', 'Loïc Ménard', 'conseiller'],
    ] as const) {
      const r = await t.client.call('users.create', {
        account: { login, display_name, password: TEMPORARY, password_confirm: TEMPORARY },
        role,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    t.close();
    host = await startHost({ dataDir: dir });
    browser = await launchBrowser();
    page = await newPage(browser, host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  afterEach(() => {
    expect(pageProblems(page)).toEqual([]);
  });

  it('a temporary password opens only the change dialog', async () => {
    await page.getByLabel('Identifiant').fill('h.lefevre');
    await page.getByLabel('Mot de passe').fill(TEMPORARY);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer votre mot de passe' });
    await dialog.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('navigation').count()).toBe(0);
    await shot(page, 'comptes-01-mot-de-passe-provisoire');
    expect(await axe(page)).toEqual([]);
    await dialog.getByLabel('Mot de passe actuel').fill(TEMPORARY);
    await dialog.getByLabel('Nouveau mot de passe', { exact: true }).fill(MINE);
    await dialog.getByLabel('Confirmation du nouveau mot de passe').fill(MINE);
    await dialog.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
  });

  it('the maire’s Comptes tab offers only the roles he may give, nothing on the secrétaire', async () => {
    await page.getByRole('navigation').getByText('Paramètres', { exact: true }).click();
    await page.getByRole('tab', { name: 'Comptes' }).click();
    const secretaire = page.getByLabel('Rôle de Martine Roux');
    await secretaire.waitFor({ timeout: 10_000 });
    expect(await secretaire.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Réinitialiser le mot de passe de Martine Roux' }).count()).toBe(0);
    const conseiller = page.getByLabel('Rôle de Loïc Ménard');
    expect(await conseiller.locator('option').allTextContents()).toEqual([
      'Maire',
      'Adjoint',
      'Conseiller municipal',
      'Aucun accès à cette commune',
    ]);
    await shot(page, 'comptes-02-maire');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const roles = page.getByRole('dialog').getByLabel('Rôle dans la commune');
    expect(await roles.locator('option').allTextContents()).toEqual(['Maire', 'Adjoint', 'Conseiller municipal']);
  });

  it('the lock delay is read-only for him: it is an installation-wide setting', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Sécurité' }).click();
    const delay = page.getByLabel('Délai avant verrouillage (minutes)');
    await delay.waitFor();
    expect(await delay.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText(/vaut pour toutes les communes de cette installation/).isVisible()).toBe(true);
  });
});
