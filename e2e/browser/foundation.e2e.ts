/**
 * The foundation as a secrétaire uses it, in Debian's Chromium against the real core host: first-run wizard
 * (wrong then right input), login, lock, a second commune and switching, the journal, a backup restored, and a
 * damaged database leading to the restore screen. axe-core runs on every screen; screenshots are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openInDataDir } from '../../main/db/cipher';
import type { Browser, Page } from 'playwright-core';
import { axe, chromiumMissing, launchBrowser, newPage, pageProblems, shot, startHost, type Host } from './harness';
import { skipReason } from '../../test-support/support';

const noChromium = skipReason('e2e foundation', chromiumMissing());

const PASSWORD = 'une belle journée à la mairie';

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function fillIdentity(page: Page, o: { nom: string; insee: string; siren: string; cp: string }): Promise<void> {
  await page.getByLabel('Nom de la commune').fill(o.nom);
  await page.getByLabel('Code INSEE').fill(o.insee);
  await page.getByLabel('SIREN').fill(o.siren);
  await page.getByLabel('Département').fill('45');
  await page.getByLabel('Arrondissement').fill('3');
  await page.getByLabel('Adresse de la mairie').fill('1 place de la Mairie');
  await page.getByLabel('Code postal').fill(o.cp);
  await page.getByLabel('Téléphone').fill('02 38 35 70 00');
  await page.getByLabel('E-mail de la mairie').fill('mairie@exemple.fr');
  await page.getByLabel('Population').fill('412');
}

async function fillMaire(page: Page): Promise<void> {
  await page.getByLabel('Civilité (élu 1)').selectOption('Mme');
  await page.getByLabel('Nom (élu 1)', { exact: true }).fill('Lefèvre');
  await page.getByLabel('Prénom (élu 1)').fill('Hélène');
  await page.getByLabel('Fonction (élu 1)').selectOption('maire');
  await page.getByLabel('Début du mandat (élu 1)').fill('28/03/2026');
}

const next = (page: Page) => page.getByRole('button', { name: 'Suivant' }).click();

describe.skipIf(noChromium)('foundation in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
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

  it('first run: the wizard says what is wrong next to the field, then creates the commune', async () => {
    await expect.poll(() => page.getByLabel('Nom de la commune').isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, '01-assistant-commune');
    await expectNoAxeViolations(page, 'assistant');
    await fillIdentity(page, { nom: 'Saint-Benoît-sur-Loire', insee: '4527', siren: '214502495', cp: '45730' });
    await next(page);
    await expect.poll(() => page.getByText(/clé de contrôle/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Code INSEE : 5 caractères/).isVisible()).toBe(true);
    await shot(page, '02-assistant-erreurs');
    await expectNoAxeViolations(page, 'assistant avec erreurs');
    // nothing typed was lost
    expect(await page.getByLabel('Nom de la commune').inputValue()).toBe('Saint-Benoît-sur-Loire');
    await page.getByLabel('Code INSEE').fill('45270');
    await page.getByLabel('SIREN').fill('214502494');
    await next(page);
    await page.getByLabel('mardi matin').check();
    await page.getByLabel('jeudi après-midi').check();
    await shot(page, '03-assistant-horaires');
    await next(page);
    await fillMaire(page);
    await shot(page, '04-assistant-conseil');
    await next(page);
    await page.getByLabel('Identifiant').fill('secretaire');
    await page.getByLabel('Nom affiché').fill('Martine Roux');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmation du mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer le dossier de la commune' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/10 caractères au moins/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirmation du mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer le dossier de la commune' }).click();
    await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
    await shot(page, '05-tableau-de-bord');
    await expectNoAxeViolations(page, 'tableau de bord');
  });

  it('every section of the shell opens, with a heading, and passes axe', async () => {
    for (const name of [
      'Courrier',
      'État civil',
      'Conseil municipal',
      'Parapheur',
      'Synchronisation',
      'Paramètres',
      'Journal',
      'Tableau de bord',
    ]) {
      await page
        .getByRole('navigation')
        .getByRole('link', { name })
        .or(page.getByRole('navigation').getByRole('button', { name }))
        .first()
        .click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();
      await shot(page, `06-section-${name.toLowerCase().replace(/\W+/g, '-')}`);
      await expectNoAxeViolations(page, name);
    }
  });

  it('locks, refuses a wrong password, unlocks', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('button', { name: 'Déverrouiller' }).waitFor();
    await shot(page, '07-verrouillage');
    await expectNoAxeViolations(page, 'verrouillage');
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/incorrect/);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByTestId('dashboard-ready').waitFor();
  });

  it('logs out and in again with the keyboard only', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await shot(page, '08-connexion');
    await expectNoAxeViolations(page, 'connexion');
    await page.getByLabel('Identifiant').focus();
    await page.keyboard.type('secretaire');
    await page.keyboard.press('Tab');
    await page.keyboard.type('faux mot de passe');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/Identifiant ou mot de passe incorrect/);
    await page.getByLabel('Mot de passe').fill('');
    await page.getByLabel('Mot de passe').focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('dashboard-ready').waitFor();
  });

  it('adds a second commune and switches between them in one click', async () => {
    await page.getByRole('button', { name: 'Changer de commune' }).click();
    await page.getByRole('menuitem', { name: /Ajouter une commune/ }).click();
    await fillIdentity(page, { nom: 'Germigny-des-Prés', insee: '45154', siren: '214501546', cp: '45110' });
    await next(page);
    await page.getByLabel('vendredi matin').check();
    await next(page);
    await fillMaire(page);
    await page.getByRole('button', { name: 'Créer le dossier de la commune' }).click();
    await page.getByTestId('dashboard-ready').waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toMatch(/Germigny-des-Prés/);
    await shot(page, '09-deuxieme-commune');
    await page.getByRole('button', { name: 'Changer de commune' }).click();
    await page.getByRole('menuitem', { name: /Saint-Benoît-sur-Loire/ }).click();
    await expect.poll(() => page.getByRole('banner').textContent()).toMatch(/Saint-Benoît-sur-Loire/);
  });

  it('the journal shows those actions, and filters', async () => {
    await page.getByRole('navigation').getByText('Journal', { exact: true }).click();
    await expect.poll(() => page.getByRole('main').textContent(), { timeout: 10_000 }).toMatch(/Session verrouillée/);
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const s of [
      'Création du dossier de la commune Saint-Benoît-sur-Loire',
      'Session déverrouillée',
      'Connexion',
      'Ouverture de la commune',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Germigny'); // nothing of the other commune
    await shot(page, '10-journal');
    await expectNoAxeViolations(page, 'journal');
  });

  it('makes a backup and restores it', async () => {
    await page.getByRole('navigation').getByText('Paramètres', { exact: true }).click();
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    await page.getByRole('button', { name: /Faire une sauvegarde maintenant/ }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/manuelle/i);
    await shot(page, '11-sauvegardes');
    await expectNoAxeViolations(page, 'sauvegardes');
    await page
      .getByRole('button', { name: /Restaurer/ })
      .first()
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Restaurer/ })
      .click();
    await expect
      .poll(
        () =>
          page
            .getByText(/restaurée/i)
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);
    await shot(page, '12-restauration-faite');
  });

  it('a damaged database leads to the restore screen, never to a crash', async () => {
    await browser.close();
    await host.stop();
    const communeDir = path.join(host.dataDir, 'communes', '45270-saint-benoit-sur-loire');
    const file = path.join(communeDir, 'commune.sqlite');
    const bytes = fs.readFileSync(file);
    for (let i = 4096; i < bytes.length; i += 5) bytes[i] = 0x5a;
    fs.writeFileSync(file, bytes);
    fs.rmSync(`${file}-wal`, { force: true });
    host = await startHost({ dataDir: host.dataDir });
    browser = await launchBrowser();
    page = await newPage(browser, host.url);
    await page.getByLabel('Identifiant').fill('secretaire');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('main').textContent(), { timeout: 15_000 }).toMatch(/endommagé/);
    await shot(page, '13-base-endommagee');
    await expectNoAxeViolations(page, 'restauration');
    await page
      .getByRole('button', { name: /Restaurer/ })
      .first()
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Restaurer/ })
      .click();
    await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
    await shot(page, '14-apres-restauration');
  });

  it('a database written by a newer Clocher is refused, untouched, with a clear message', async () => {
    await browser.close();
    await host.stop();
    const file = path.join(host.dataDir, 'communes', '45154-germigny-des-pres', 'commune.sqlite');
    const db = openInDataDir(host.dataDir, file); // encrypted at rest (main/db/cipher.ts)
    db.pragma('user_version = 9990');
    db.close();
    const before = fs.readFileSync(file);
    host = await startHost({ dataDir: host.dataDir });
    browser = await launchBrowser();
    page = await newPage(browser, host.url);
    await page.getByLabel('Identifiant').fill('secretaire');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Changer de commune' }).waitFor({ timeout: 15_000 });
    // (the fixed test clock restarts with each host, so the commune opened last may be either)
    if (!/Germigny/.test((await page.getByRole('banner').textContent()) ?? '')) {
      await page.getByRole('button', { name: 'Changer de commune' }).click();
      await page.getByRole('menuitem', { name: /Germigny-des-Prés/ }).click();
    }
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 15_000 })
      .toMatch(/version plus récente de Clocher/);
    await shot(page, '15-version-plus-recente');
    await expectNoAxeViolations(page, 'version plus récente');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
