/**
 * État civil as a secrétaire clicks it, in Debian's Chromium against the real core host: import a table
 * décennale (CSV, with refused lines) and a scanned page, search with and without accents, key an indexed
 * act from its scan with the keyboard, apply a mention, produce an avis de mention and record its récépissé.
 * axe runs on every screen; screenshots go to test-results/screenshots/etat-civil-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import {
  checkPage,
  chromiumPath,
  clean,
  closeSession,
  downloadPdf,
  openSession,
  pdfText,
  pick,
  setupCommune,
  type Host,
} from './harness';

const chromium = chromiumPath();
if (!chromium) console.warn('[etat-civil e2e] ignoré : Chromium introuvable (paquet Debian « chromium »)');
const T = { timeout: 15_000 };

const CSV = [
  'Type;N°;Date de l’acte;Nom;Prénoms;Nom du conjoint;Prénoms du conjoint',
  'N;1;03/01/1987;Écuyer;Anne;;',
  'N;2;05/01/1987;Dupont;Marc;;',
  'N;3;31/02/1987;Fabre;Léa;;',
  'M;1;13/06/1987;Fabre;Paul;Dubois;Julie',
  'X;4;07/01/1987;Martin;Jean;;',
].join('\r\n');

describe.skipIf(!chromium)('état civil in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const tab = (name: string) => page.getByRole('tab', { name }).click();

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ now: '2026-11-23T09:00:00Z' }));
    await setupCommune(page);
    await page.getByRole('navigation').getByRole('button', { name: 'État civil' }).click();
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'etat-civil', ctx));

  it('imports a table décennale (refused lines with their reason) and a scanned page', async () => {
    await clean(page, 'etat-civil-01-recherche-vide');
    await tab('Import');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'tables-1983-1992.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.getByRole('table', { name: 'Lignes refusées' }).waitFor(T);
    expect(await page.getByRole('table', { name: 'Lignes refusées' }).textContent()).toContain(
      'date de l’acte invalide : « 31/02/1987 »',
    );
    await clean(page, 'etat-civil-02-import-apercu');
    await page.getByRole('button', { name: 'Importer 3 acte(s)' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), T)
      .toMatch(/3 acte\(s\) importé\(s\) ; 2 ligne\(s\) refusée\(s\)/);
    await tab('Registres');
    await page.getByRole('cell', { name: 'Naissance 1987', exact: true }).waitFor(T);
    const scan = await page.screenshot({ type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: 600, height: 400 } });
    await page
      .getByRole('row', { name: /^Naissance 1987/ })
      .locator('input[type="file"]')
      .setInputFiles({ name: 'registre-naissances-1987-p1.jpg', mimeType: 'image/jpeg', buffer: scan });
    await expect.poll(() => page.getByText(/ajouté : pages 1 à 1/).count(), T).toBe(1);
    await clean(page, 'etat-civil-03-registres');
  });

  it('searches as you type, with and without accents', async () => {
    await tab('Recherche');
    const field = page.getByLabel('Rechercher un acte');
    await field.fill('ecuy');
    await expect
      .poll(() => page.getByRole('list', { name: 'Actes trouvés' }).textContent(), T)
      .toContain('Anne ÉCUYER');
    await field.fill('ÉCU 1987');
    await expect
      .poll(() => page.getByRole('list', { name: 'Actes trouvés' }).textContent(), T)
      .toContain('Anne ÉCUYER');
    await field.fill('dubois');
    await expect
      .poll(() => page.getByRole('list', { name: 'Actes trouvés' }).textContent(), T)
      .toContain('Paul FABRE et Julie DUBOIS');
    await field.fill('ecuyer');
    await clean(page, 'etat-civil-04-recherche');
  });

  it('keys the indexed act from its scan, with the keyboard, then applies a mention', async () => {
    await page.getByRole('list', { name: 'Actes trouvés' }).getByRole('button').first().click();
    await page.getByRole('heading', { level: 1, name: /Naissance n° 1 \/ 1987/ }).waitFor(T);
    await page.getByLabel('Page du registre').fill('1');
    await page.getByLabel('Date de l’événement').first().fill('01/01/1987');
    await page.getByLabel('Heure (HH:MM)').fill('04:30');
    await page.getByLabel('Lieu de l’événement').fill('Orléans (Loiret)');
    await page.getByLabel('Sexe (M ou F) (personne 1)').fill('F');
    await page.getByLabel('Sexe (M ou F) (personne 1)').press('Control+Enter');
    await page.getByRole('img', { name: 'Page 1 du registre, numérisée' }).waitFor(T);
    await page.getByRole('button', { name: 'Terminer la saisie' }).click();
    await expect.poll(() => page.getByText('Saisi', { exact: true }).count(), T).toBeGreaterThan(0);
    await clean(page, 'etat-civil-05-acte-saisi');
    await pick(page, 'Nature', 'Mariage');
    await page.getByLabel('Date de l’événement ou de la décision').fill('09/06/2012');
    await page.getByLabel('Lieu', { exact: true }).fill('Gien (Loiret)');
    await page.getByLabel('Prénoms de l’autre personne').fill('Marc');
    await page.getByLabel('Nom de l’autre personne').fill('Petit');
    await page.getByRole('button', { name: 'Rédiger' }).click();
    await expect
      .poll(() => page.getByLabel('Texte de la mention (modifiable avant validation)').inputValue(), T)
      .toBe('Mariée à Gien (Loiret) le 09/06/2012 avec Marc PETIT.');
    await page.getByRole('button', { name: 'Valider et apposer' }).click();
    await page.getByText('Apposée le 23/11/2026').waitFor(T);
    await clean(page, 'etat-civil-06-mention-apposee');
    await page.getByRole('button', { name: '← Retour à la recherche' }).click();
  });

  it('produces an avis de mention for another commune and records its récépissé', async () => {
    await page.getByRole('button', { name: 'Indexer un acte' }).click();
    await pick(page, 'Type d’acte', 'Décès');
    await page.getByLabel('Date de l’acte').fill('20/11/2026');
    await page.getByLabel('Nom', { exact: true }).fill('Girard');
    await page.getByLabel('Prénoms', { exact: true }).fill('Luc');
    await page.getByRole('button', { name: 'Indexer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Décès n° 1 \/ 2026/ }).waitFor(T);
    await page.getByLabel('Date de l’événement').first().fill('19/11/2026');
    await page.getByLabel('Lieu de l’événement').fill('Saint-Benoît-sur-Loire (Loiret)');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByLabel('Commune', { exact: true }).fill('Gien (Loiret)');
    await page
      .getByLabel('Acte à mentionner (type, n°, année, nom)')
      .fill('Acte de naissance n° 40 de 1950, Luc GIRARD');
    await pick(page, 'Sexe du titulaire', 'Masculin');
    await page.getByRole('button', { name: 'Préparer l’avis de mention' }).click();
    await page.getByRole('button', { name: 'Préparer l’avis de mention' }).waitFor({ state: 'detached', ...T });
    await page.getByRole('button', { name: '← Retour à la recherche' }).click();
    await tab('Mentions et avis');
    await page.getByText('À faire : Envoyer l’avis de mention avant le 23/11/2026 (C. civ. art. 49)').waitFor(T);
    await clean(page, 'etat-civil-07-avis-a-envoyer');
    const file = await downloadPdf(
      page,
      () => page.getByRole('button', { name: 'Imprimer l’avis' }).click(),
      'avis-de-mention',
    );
    expect(pdfText(file)).toContain('« Décédé à Saint-Benoît-sur-Loire (Loiret) le 19/11/2026. »');
    await page.getByRole('button', { name: 'Noter l’envoi' }).click();
    await page.getByRole('button', { name: 'Récépissé reçu' }).click();
    await page.getByText('Récépissé du 23/11/2026, conservé jusqu’au 23/11/2036 (IGREC n° 229-1).').waitFor(T);
    await clean(page, 'etat-civil-08-recepisse');
  });
});
