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
import {
  checkPage,
  chromiumPath,
  clean,
  closeSession,
  downloadPdf,
  openSession,
  pdfText,
  pick,
  type Host,
} from './harness';

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
const NOW = '2026-11-23T09:00:00Z';
const T = { timeout: 10_000 };

const downloaded = async (page: Page, click: () => Promise<void>, name: string): Promise<string> =>
  pdfText(await downloadPdf(page, click, `courrier-${name}`));

describe.skipIf(!!skip)('courrier register in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const main = () => page.getByRole('main');

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-courrier-'));
    (await withCommune(dir)).close();
    ({ host, browser, page } = await openSession({ dataDir: dir, now: NOW, account: validAccount }));
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'courrier', ctx));

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
    await pick(page, 'Nature de la demande', 'Demande relevant d’une procédure', main());
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
    await pick(page, 'Nature de la demande', 'Demande relevant d’une procédure', main());
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
