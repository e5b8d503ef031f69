/**
 * The courrier register in Debian's Chromium against the real core host: a paper letter registered, classified
 * and its accusé de réception printed (R112-5 mentions read back with pdftotext); an incomplete request with its
 * L114-5 letter and the implicit-decision date recomputed when the pieces arrive; the deadlines view with the
 * late acknowledgement in red; search as you type. axe on every screen; screenshots in test-results/screenshots.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { validAccount, withCommune } from '../../test-support/helpers';
import { axe, chromiumPath, launchBrowser, newPage, pageProblems, shot, startHost, type Host } from './harness';

const chromium = chromiumPath();
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = !chromium
  ? 'Chromium introuvable (paquet Debian « chromium »)'
  : !poppler
    ? 'pdftotext introuvable (paquet Debian « poppler-utils »)'
    : null;
if (skip) console.log(`e2e courrier ignoré : ${skip}`);
const PDF_DIR = path.resolve(__dirname, '../../test-results/pdfs');
const NOW = '2026-11-23T09:00:00Z';
const T = { timeout: 10_000 };

async function clean(page: Page, screen: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, screen);
  const violations = await axe(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function downloaded(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const file = path.join(PDF_DIR, `e2e-courrier-${name}.pdf`);
  await dl.saveAs(file);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

async function choose(page: Page, labelText: string, option: string): Promise<void> {
  await page.getByRole('main').getByLabel(labelText, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!!skip)('courrier register in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const main = () => page.getByRole('main');

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-courrier-'));
    const t = await withCommune(dir);
    t.close();
    host = await startHost({ dataDir: dir, now: NOW });
    browser = await launchBrowser();
    page = await newPage(browser, host.url);
    await page.clock.setFixedTime(new Date(NOW));
    await page.getByLabel('Identifiant').fill(validAccount.login);
    await page.getByLabel('Mot de passe').fill(validAccount.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('dashboard-ready').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await shot(page, `courrier-echec-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
    expect(pageProblems(page)).toEqual([]);
  });

  const register = async (objet: string, recu: string, nom: string) => {
    await page.getByRole('navigation').getByRole('button', { name: 'Courrier' }).click();
    const back = page.getByRole('button', { name: '← Retour au registre' });
    if (await back.isVisible()) await back.click();
    await page.getByRole('button', { name: 'Enregistrer un courrier arrivé' }).click();
    await main().getByLabel('Reçu le').fill(recu);
    await main()
      .getByLabel(/^Correspondant/)
      .fill(nom);
    await main().getByLabel('Adresse postale').fill('12 rue du Moulin, 45730 Saint-Benoît-sur-Loire');
    await main()
      .getByLabel(/^Objet/)
      .fill(objet);
  };

  it('a paper letter: registered, classified, its AR printed with the R112-5 mentions', async () => {
    await register('', '23/11/2026', 'Jérôme Bérard');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => main().textContent(), T).toContain('Objet : champ obligatoire');
    await clean(page, 'courrier-01-formulaire-erreur');
    await main()
      .getByLabel(/^Objet/)
      .fill('Demande de concession au cimetière');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => main().textContent(), T).toContain('Courrier arrivée n° A-2026-1');
    await expect
      .poll(() => main().textContent(), T)
      .toContain('Accusé de réception à envoyer au plus tard le 23/11/2026');
    await choose(page, 'Nature de la demande', 'Demande relevant d’une procédure');
    await page.getByRole('button', { name: 'Classer' }).click();
    await expect.poll(() => main().textContent(), T).toContain('Décision implicite le 24/01/2027');
    await clean(page, 'courrier-02-detail-classe');
    const text = await downloaded(
      page,
      () => page.getByRole('button', { name: 'Accusé de réception (R112-5)' }).click(),
      'ar',
    );
    for (const m of [
      'Accusé de réception',
      'R112-5',
      'reçu le 23/11/2026',
      'réputée acceptée le 24/01/2027',
      'L232-3',
      '02 38 35 70 00',
      'Martine Roux, Secrétaire de mairie',
      'L111-2',
    ])
      expect(text).toContain(m);
    await expect.poll(() => main().textContent(), T).not.toContain('Accusé de réception à envoyer');
    // the issued AR is kept with the courrier and read in place
    await page.getByRole('button', { name: 'Afficher l’aperçu de « ar-2026-1.pdf »' }).click();
    await page
      .getByRole('img', { name: /, page 1 sur \d+$/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await clean(page, 'courrier-02b-apercu-ar');
  });

  it('an incomplete request: the L114-5 letter, then the date recomputed from the pieces', async () => {
    await register('Demande d’autorisation de travaux', '02/11/2026', 'Hélène Martin');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => main().textContent(), T).toContain('Courrier arrivée n° A-2026-2');
    await choose(page, 'Nature de la demande', 'Demande relevant d’une procédure');
    await page.getByRole('button', { name: 'Classer' }).click();
    await expect.poll(() => main().textContent(), T).toContain('Décision implicite le 03/01/2027');
    await main().getByLabel('Pièces manquantes').fill('Plan de situation\nAttestation d’assurance');
    await main().getByLabel('Date limite pour les fournir').fill('23/12/2026');
    await page.getByRole('button', { name: 'Demander les pièces' }).click();
    await expect
      .poll(() => main().textContent(), T)
      .toContain('ne courra qu’à la réception des pièces manquantes (CRPA L114-5)');
    const letter = await downloaded(
      page,
      () => page.getByRole('button', { name: 'Lettre de pièces manquantes (L114-5)' }).click(),
      'pieces',
    );
    for (const m of [
      'Demande de pièces manquantes',
      'avant le 23/12/2026',
      '– Plan de situation',
      '– Attestation d’assurance',
      'L114-5',
      'Martine Roux',
    ])
      expect(letter).toContain(m);
    await clean(page, 'courrier-03-incomplet');
    await main().getByLabel('Reçues le').fill('23/11/2026');
    await page.getByRole('button', { name: 'Enregistrer la réception des pièces' }).click();
    await expect.poll(() => main().textContent(), T).toContain('Décision implicite le 24/01/2027');
    expect(await main().textContent()).toContain(
      'à compter de la réception des pièces manquantes le 23/11/2026 (CRPA L114-5)',
    );
  });

  it('the deadlines view shows the late AR in red with its article; search as you type ignores accents', async () => {
    await page.getByRole('button', { name: '← Retour au registre' }).click();
    await page.getByRole('tab', { name: 'À faire et échéances' }).click();
    await expect.poll(() => main().textContent(), T).toContain('En retard : échéance du 02/11/2026');
    expect(await main().textContent()).toContain('CRPA L112-3, R112-5');
    await clean(page, 'courrier-04-echeances');
    await page.getByRole('tab', { name: 'Registre' }).click();
    await main().getByLabel('Rechercher').fill('CIMETIERE');
    await expect.poll(() => main().textContent(), T).toContain('1 courrier');
    expect(await main().textContent()).toContain('Jérôme Bérard');
    await clean(page, 'courrier-05-recherche');
  });
});
