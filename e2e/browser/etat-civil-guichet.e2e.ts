/**
 * The état civil's counter as a secrétaire works it, in Debian's Chromium against the real core host (issue 12):
 * a son asks at the guichet for the copie intégrale of his father's birth act (granted, the act keyed from the
 * request, printed); a cousin asks for the same (refused for the copie intégrale and the extrait avec filiation,
 * the extrait sans filiation offered in one click and produced); an extrait plurilingue of a marriage with a
 * divorce mention; a request by post without the parents' names (letter of complément, request waiting), then
 * completed when the answer arrives (« Compléter / modifier la demande »), produced and posted; a refusal letter.
 * Every PDF is read back with pdftotext; axe runs on every screen; screenshots go to
 * test-results/screenshots/guichet-*.png.
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
if (!chromium) console.warn('[guichet e2e] ignoré : Chromium introuvable (paquet Debian « chromium »)');
const T = { timeout: 15_000 };

/** Index an act in the registers (the « Indexer un acte » form of issue 11); returns on its page. */
async function indexActe(
  page: Page,
  a: { type: string; date: string; nom: string; prenoms: string; conjoint?: [string, string] },
): Promise<void> {
  await page.getByRole('tab', { name: 'Recherche' }).click();
  await page.getByRole('button', { name: 'Indexer un acte' }).click();
  await pick(page, 'Type d’acte', a.type);
  await page.getByLabel('Date de l’acte').fill(a.date);
  await page.getByLabel('Nom', { exact: true }).fill(a.nom);
  await page.getByLabel('Prénoms', { exact: true }).fill(a.prenoms);
  if (a.conjoint) {
    await page.getByLabel('Nom du second époux').fill(a.conjoint[0]);
    await page.getByLabel('Prénoms du second époux').fill(a.conjoint[1]);
  }
  await page.getByRole('button', { name: 'Indexer', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${a.type} n° \\d+ / \\d{4}`) }).waitFor(T);
}

/** Fill person `i` of the keying form (SaisieForm of issue 11), adding it first when it is not there. */
async function personne(page: Page, i: number, role: string, p: Record<string, string>, rang?: number): Promise<void> {
  if ((await page.getByLabel(`Nom (personne ${i})`, { exact: true }).count()) === 0)
    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  await pick(page, `Personne ${i} : qualité`, role);
  if (rang) await page.getByLabel(`Personne ${i} : rang`).fill(String(rang));
  for (const [label, value] of Object.entries(p))
    await page.getByLabel(`${label} (personne ${i})`, { exact: true }).fill(value);
}

/** A download triggered by `click`, saved under test-results/pdfs, read back with pdftotext (one line of text). */
const readPdf = async (page: Page, click: () => Promise<void>, name: string): Promise<string> =>
  pdfText(await downloadPdf(page, click, `guichet-${name}`));

/** « Nouvelle demande », filled as a secrétaire types it. */
async function nouvelleDemande(
  page: Page,
  v: {
    canal?: string;
    livraison?: string;
    civilite: string;
    nom: string;
    prenoms: string;
    qualite: string;
    adresse?: string;
    recherche: string;
    acte: RegExp;
    document: string;
    r: Record<string, string>;
  },
): Promise<void> {
  await page.getByRole('tab', { name: 'Demandes' }).click();
  await page.getByRole('button', { name: 'Nouvelle demande' }).click();
  if (v.canal) await page.getByLabel('Canal', { exact: true }).selectOption({ label: v.canal });
  if (v.livraison) await page.getByLabel('Remise du document').selectOption({ label: v.livraison });
  await page.getByLabel('Civilité').selectOption({ label: v.civilite });
  await page.getByLabel('Nom du demandeur').fill(v.nom);
  await page.getByLabel('Prénoms du demandeur').fill(v.prenoms);
  await page.getByLabel('Qualité du demandeur').selectOption({ label: v.qualite });
  if (v.adresse) await page.getByLabel('Adresse postale du demandeur').fill(v.adresse);
  await page.getByLabel('Rechercher l’acte dans les registres (nom, prénom, année…)').fill(v.recherche);
  await page.getByRole('button', { name: v.acte }).click();
  for (const [label, value] of Object.entries(v.r)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Document demandé').selectOption({ label: v.document });
}

const PERE = {
  'Nom de la personne': 'Martin',
  'Prénoms de la personne': 'Jean Louis',
  'Sa date de naissance': '14/03/1958',
  'Son lieu de naissance': 'Saint-Benoît-sur-Loire',
};
const PARENTS = {
  'Nom du premier parent': 'Martin',
  'Prénoms du premier parent': 'Pierre',
  'Nom du second parent': 'Bernard',
  'Prénoms du second parent': 'Louise',
};

describe.skipIf(!chromium)('état civil, the counter, in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ now: '2026-11-23T09:00:00Z' }));
    await setupCommune(page);
    await page.getByRole('navigation').getByRole('button', { name: 'État civil' }).click();
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'guichet', ctx));

  it('indexes the father’s birth act and keys a marriage with its divorce mention', async () => {
    await indexActe(page, { type: 'Naissance', date: '14/03/1958', nom: 'Martin', prenoms: 'Jean Louis' });
    await page.getByRole('button', { name: '← Retour à la recherche' }).click();
    await indexActe(page, {
      type: 'Mariage',
      date: '09/06/2001',
      nom: 'Martin',
      prenoms: 'Jean Louis',
      conjoint: ['Duval', 'Claire'],
    });
    await page.getByLabel('Date de l’événement').first().fill('09/06/2001');
    await page.getByLabel('Lieu de l’événement').fill('Saint-Benoît-sur-Loire (Loiret)');
    await page.getByLabel('Officier de l’état civil').fill('Paul Girard, maire');
    await personne(page, 1, 'Titulaire', {
      'Sexe (M ou F)': 'M',
      'Né(e) le (AAAA-MM-JJ)': '1958-03-14',
      'Lieu de naissance': 'Saint-Benoît-sur-Loire (Loiret)',
      Profession: 'menuisier',
      Domicile: 'Saint-Benoît-sur-Loire',
    });
    await personne(page, 2, 'Titulaire', {
      'Sexe (M ou F)': 'F',
      'Né(e) le (AAAA-MM-JJ)': '1962-07-02',
      'Lieu de naissance': 'Orléans (Loiret)',
      Profession: 'infirmière',
      Domicile: 'Saint-Benoît-sur-Loire',
    });
    await personne(page, 3, 'Témoin', {
      Nom: 'Roux',
      Prénoms: 'Marc',
      Profession: 'agriculteur',
      Domicile: 'Germigny-des-Prés',
    });
    await personne(
      page,
      4,
      'Témoin',
      { Nom: 'Petit', Prénoms: 'Anne', Profession: 'professeure', Domicile: 'Orléans' },
      2,
    );
    await page.getByRole('button', { name: 'Terminer la saisie' }).click();
    await expect.poll(() => page.getByText('Saisi', { exact: true }).count(), T).toBeGreaterThan(0);
    await pick(page, 'Nature', 'Divorce');
    await page.getByLabel('Date de l’événement ou de la décision').fill('12/05/2015');
    await page.getByLabel('Tribunal ou commune d’enregistrement').fill('Tribunal judiciaire d’Orléans');
    await page.getByLabel('Prénoms de l’autre personne').fill('Claire');
    await page.getByLabel('Nom de l’autre personne').fill('Duval');
    await page.getByRole('button', { name: 'Rédiger' }).click();
    await page.getByRole('button', { name: 'Valider et apposer' }).click();
    await page.getByText('Apposée le 23/11/2026').waitFor(T);
    await page.getByRole('button', { name: '← Retour à la recherche' }).click();
  });
  it('a son at the guichet: copie intégrale of his father’s birth act granted, the act keyed from the request, printed, handed over', async () => {
    await page.getByRole('tab', { name: 'Demandes' }).click();
    await page.getByText('Aucune demande.').waitFor(T);
    await clean(page, 'guichet-01-demandes-vide');
    await nouvelleDemande(page, {
      civilite: 'M.',
      nom: 'Martin',
      prenoms: 'Paul',
      qualite: 'Descendant (enfant, petit-enfant…)',
      recherche: 'martin 1958',
      acte: /^Choisir : Naissance n° 1\/1958/,
      document: 'Copie intégrale',
      r: { ...PERE, ...PARENTS },
    });
    await clean(page, 'guichet-02-nouvelle-demande');
    await page.getByLabel('Prénoms du second parent').press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-1 — Copie intégrale' }).waitFor(T);
    const decision = page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), T).toContain('Délivrance possible');
    expect(await decision.textContent()).toMatch(/art\. 30/);
    await clean(page, 'guichet-03-decision-accordee');
    // the father's act is only indexed: keyed right here, from the request, then produced
    await page.getByRole('button', { name: 'Saisir l’acte depuis son scan' }).click();
    await page.getByLabel('Date de l’événement').fill('14/03/1958');
    await page.getByLabel('Heure (HH:MM)').fill('08:15');
    await page.getByLabel('Lieu de l’événement').fill('Saint-Benoît-sur-Loire (Loiret)');
    await page.getByLabel('Officier de l’état civil').fill('Henri Roy, maire');
    await personne(page, 1, 'Titulaire', { 'Sexe (M ou F)': 'M' });
    await personne(
      page,
      2,
      'Parent',
      {
        Nom: 'Martin',
        Prénoms: 'Pierre',
        'Né(e) le (AAAA-MM-JJ)': '1930-05-02',
        'Lieu de naissance': 'Gien (Loiret)',
        Profession: 'menuisier',
        Domicile: 'Saint-Benoît-sur-Loire',
        'Sexe (M ou F)': 'M',
      },
      1,
    );
    await personne(
      page,
      3,
      'Parent',
      {
        Nom: 'Bernard',
        Prénoms: 'Louise',
        'Né(e) le (AAAA-MM-JJ)': '1932-11-20',
        'Lieu de naissance': 'Orléans (Loiret)',
        Profession: 'couturière',
        Domicile: 'Saint-Benoît-sur-Loire',
        'Sexe (M ou F)': 'F',
      },
      2,
    );
    await page.getByRole('button', { name: 'Terminer la saisie' }).click();
    await page.getByRole('button', { name: 'Acte saisi : revenir à la demande' }).click();
    await page.getByRole('button', { name: 'Produire et imprimer' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent(), T).toContain('Mme Hélène Lefèvre — Maire, officier de l’état civil');
    await clean(page, 'guichet-04-produire-officier');
    const text = await readPdf(
      page,
      () => dialog.getByRole('button', { name: 'Produire et imprimer' }).click(),
      'copie-integrale-fils',
    );
    expect(text).toContain('MARTIN');
    expect(text).toContain('Jean Louis');
    expect(text).toContain('Pierre');
    expect(text).toMatch(/Délivrée? le 23\/11\/2026/);
    await expect.poll(() => page.getByText('Produite', { exact: true }).count(), T).toBeGreaterThan(0);
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    await clean(page, 'guichet-05-copie-produite');
    await page.getByRole('button', { name: 'Noter la remise au demandeur' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Noter la remise' }).click();
    await expect.poll(() => page.getByText('Remise', { exact: true }).count(), T).toBeGreaterThan(0);
    await page.getByRole('button', { name: '← Retour aux demandes' }).click();
  });
  it('a cousin asks for the same: refused for the copie intégrale and the extrait avec filiation, the extrait sans filiation offered and produced', async () => {
    await nouvelleDemande(page, {
      civilite: 'Mme',
      nom: 'Roux',
      prenoms: 'Sophie',
      qualite: 'Autre personne (tiers)',
      recherche: 'martin 1958',
      acte: /^Choisir : Naissance n° 1\/1958/,
      document: 'Copie intégrale',
      r: { ...PERE, ...PARENTS },
    });
    await page.getByRole('button', { name: 'Enregistrer et voir la décision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-2 — Copie intégrale' }).waitFor(T);
    const decision = page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), T).toContain('Délivrance refusée');
    expect(await decision.textContent()).toContain('art. 30');
    expect(await decision.textContent()).toContain('Voies de recours');
    // the extrait avec filiation is not offered: a cousin has no right to it either (art. 30)
    expect(await page.getByRole('button', { name: /^Proposer l’extrait avec filiation/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Produire et imprimer' }).count()).toBe(0);
    await clean(page, 'guichet-06-cousin-refus');
    await page.getByRole('button', { name: 'Proposer l’extrait sans filiation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-2 — Extrait sans filiation' }).waitFor(T);
    await expect.poll(() => decision.textContent(), T).toContain('Délivrance possible');
    await clean(page, 'guichet-07-cousin-extrait-accorde');
    await page.getByRole('button', { name: 'Produire et imprimer' }).click();
    const text = await readPdf(
      page,
      () => page.getByRole('dialog').getByRole('button', { name: 'Produire et imprimer' }).click(),
      'extrait-sans-filiation-cousin',
    );
    expect(text).toContain('Jean Louis MARTIN');
    expect(text).toMatch(/EXTRAIT/i);
    expect(text).not.toContain('Pierre'); // no filiation on this extract (domain-rules §2.1)
    expect(text).not.toContain('BERNARD');
    await expect.poll(() => page.getByText('Produite', { exact: true }).count(), T).toBeGreaterThan(0);
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T); // leave once the preview is drawn
    await page.getByRole('button', { name: '← Retour aux demandes' }).click();
  });
  it('an extrait plurilingue of a marriage with a divorce mention, asked by the wife', async () => {
    await nouvelleDemande(page, {
      civilite: 'Mme',
      nom: 'Duval',
      prenoms: 'Claire',
      qualite: 'La personne elle-même',
      recherche: 'duval',
      acte: /^Choisir : Mariage n° 1\/2001/,
      document: 'Extrait plurilingue',
      r: {
        'Nom de la personne': 'Duval',
        'Prénoms de la personne': 'Claire',
        'Sa date de naissance': '02/07/1962',
        'Son lieu de naissance': 'Orléans',
        'Date de l’événement': '09/06/2001',
        'Lieu de l’événement': 'Saint-Benoît-sur-Loire',
        'Nom du premier parent': 'Duval',
        'Prénoms du premier parent': 'Marc',
        'Nom du second parent': 'Lenoir',
        'Prénoms du second parent': 'Anne',
      },
    });
    await page.getByRole('button', { name: 'Enregistrer et voir la décision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-3 — Extrait plurilingue' }).waitFor(T);
    await expect.poll(() => page.getByTestId('decision').textContent(), T).toContain('Délivrance possible');
    await page.getByRole('button', { name: 'Produire et imprimer' }).click();
    const text = await readPdf(
      page,
      () => page.getByRole('dialog').getByRole('button', { name: 'Produire et imprimer' }).click(),
      'plurilingue-mariage',
    );
    expect(text).toMatch(/Formule B/i);
    expect(text).toContain('DUVAL');
    expect(text).toContain('Div 12.05.2015 Tribunal judiciaire d’Orléans'); // CIEC n° 16 art. 5: code, date, place
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    await clean(page, 'guichet-08-plurilingue-produit');
    await page.getByRole('button', { name: '← Retour aux demandes' }).click();
  });
  it('a request by post without the parents’ names: letter of complément produced, the request waiting; a receipt on request; the list and the statistics', async () => {
    await nouvelleDemande(page, {
      canal: 'Courrier postal',
      livraison: 'Envoi postal',
      civilite: 'M.',
      nom: 'Martin',
      prenoms: 'Jean Louis',
      qualite: 'La personne elle-même',
      adresse: '3 rue des Tilleuls\n45730 Saint-Benoît-sur-Loire',
      recherche: 'martin 1958',
      acte: /^Choisir : Naissance n° 1\/1958/,
      document: 'Extrait avec filiation',
      r: PERE,
    });
    await page.getByRole('button', { name: 'Enregistrer et voir la décision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-4 — Extrait avec filiation' }).waitFor(T);
    const decision = page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), T).toContain('Demande incomplète');
    const manquants = await decision.getByRole('listitem').allTextContents();
    expect(manquants.length).toBeGreaterThanOrEqual(2);
    expect(manquants.join(' ')).toMatch(/parent/);
    expect(await page.getByRole('button', { name: 'Produire et imprimer' }).count()).toBe(0);
    await clean(page, 'guichet-09-courrier-incomplet');
    const lettre = await readPdf(
      page,
      () => page.getByRole('button', { name: 'Lettre de demande de complément', exact: true }).click(),
      'lettre-complement',
    );
    for (const m of manquants)
      expect(lettre.toLowerCase()).toContain(
        m
          .replace(/\s*\(.*\)$/, '')
          .replace(/\s+/g, ' ')
          .trim()
          .toLowerCase(),
      );
    expect(lettre).toContain('3 rue des Tilleuls');
    await expect.poll(() => page.getByText('Incomplète (en attente)', { exact: true }).count(), T).toBeGreaterThan(0);
    expect(await page.getByText(/^En attente : complément demandé/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lettre de demande de complément', exact: true }).count()).toBe(0); // sent: printed again from « Pièces produites »
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    const recu = await readPdf(
      page,
      () => page.getByRole('button', { name: 'Imprimer un récépissé' }).click(),
      'recepisse',
    );
    expect(recu).toContain('2026-4');
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    await clean(page, 'guichet-10-lettre-complement');
    await page.getByRole('button', { name: '← Retour aux demandes' }).click();
    const table = page.getByRole('table', { name: 'Demandes d’actes' });
    await expect.poll(() => table.textContent(), T).toContain('2026-4');
    expect(await table.textContent()).toContain('Incomplète (en attente)');
    expect(await table.textContent()).not.toContain('2026-1'); // handed over: not in « En cours »
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Toutes' });
    await expect.poll(() => table.textContent(), T).toContain('2026-1');
    await clean(page, 'guichet-11-liste');
    await page.getByRole('tab', { name: 'Statistiques' }).click();
    const stats = page.getByRole('table', { name: /par mois et par canal/ });
    await expect.poll(() => stats.textContent(), T).toContain('novembre 2026');
    expect(await stats.textContent()).toContain('Courrier postal');
    await clean(page, 'guichet-12-statistiques');
    await page.getByRole('navigation').getByRole('button', { name: 'Tableau de bord' }).click();
    await expect
      .poll(() => page.getByTestId('etat-civil-mois').textContent(), T)
      .toBe('État civil : 1 demande délivrée ce mois-ci.');
    const todos = await page.getByRole('region', { name: 'À faire' }).textContent();
    expect(todos).toContain('Demande n° 2026-4 : en attente du complément demandé');
    expect(todos).toContain('Demande n° 2026-3 : remettre');
    await clean(page, 'guichet-13-tableau-de-bord');
  });
  it('a mandataire without the written mandate: the decision is passed over only with a written reason and a confirmation, then journaled', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'État civil' }).click();
    await nouvelleDemande(page, {
      civilite: 'Mme',
      nom: 'Petit',
      prenoms: 'Anne',
      qualite: 'Mandataire (mandat écrit)',
      recherche: 'martin 1958',
      acte: /^Choisir : Naissance n° 1\/1958/,
      document: 'Copie intégrale',
      r: { ...PERE, ...PARENTS },
    });
    await page.getByRole('button', { name: 'Enregistrer et voir la décision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-5 — Copie intégrale' }).waitFor(T);
    await expect.poll(() => page.getByTestId('decision').textContent(), T).toMatch(/Demande incomplète.*mandat/);
    await page.getByRole('button', { name: 'Passer outre…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Passer outre la décision' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), T).toBe('Annuler');
    await page.keyboard.press('Enter'); // the dialog opens on « Annuler »: a stray Enter authorises nothing
    await dialog.waitFor({ state: 'detached', ...T });
    await page.getByRole('button', { name: 'Passer outre…' }).click();
    await dialog.getByRole('button', { name: 'Autoriser malgré la décision' }).click();
    await dialog.getByText('Motif : écrivez au moins 15 caractères (0 pour l’instant).').waitFor(T);
    await dialog
      .getByLabel('Motif écrit de la dérogation')
      .fill('Mandat écrit présenté au guichet, copie gardée au dossier');
    await dialog.getByLabel('Je confirme autoriser cette délivrance malgré la décision calculée.').check();
    await clean(page, 'guichet-14-derogation');
    await dialog.getByRole('button', { name: 'Autoriser malgré la décision' }).click();
    await dialog.waitFor({ state: 'detached', ...T });
    await expect
      .poll(() => page.getByTestId('decision').textContent(), T)
      .toContain('Délivrance autorisée malgré la décision par Martine Roux');
    expect(await page.getByText('À produire', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('navigation').getByRole('button', { name: 'Journal' }).click();
    await expect.poll(() => page.locator('main').textContent(), T).toContain('dérogation à la décision');
  });
  it('the parents’ names arrive by post: the secrétaire completes request 2026-4 with the keyboard, granted, produced, posted; the month’s count grows', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'État civil' }).click();
    await page.getByRole('tab', { name: 'Demandes' }).click();
    await page.getByRole('button', { name: 'Ouvrir la demande 2026-4 de Jean Louis MARTIN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-4 — Extrait avec filiation' }).waitFor(T);
    await page.getByRole('button', { name: 'Compléter / modifier la demande' }).click();
    const form = page.getByRole('form', { name: 'Compléter ou modifier la demande n° 2026-4' });
    await form.waitFor(T);
    expect(await form.getByRole('note').first().textContent()).toMatch(/Ce qui manquait à la demande.*parent/);
    expect(await page.getByLabel('Nom du demandeur').inputValue()).toBe('Martin');
    expect(await page.getByLabel('Adresse postale du demandeur').inputValue()).toContain('3 rue des Tilleuls');
    expect(await page.getByLabel('Sa date de naissance').inputValue()).toBe('14/03/1958');
    // keyboard only: the form opens on the first field the letter asked for, Tab goes through the four
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              document.activeElement?.id &&
              document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent,
          ),
        T,
      )
      .toBe('Nom du premier parent');
    for (const [i, v] of ['Martin', 'Pierre', 'Bernard', 'Louise'].entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(v);
    }
    expect(await page.getByLabel('Prénoms du second parent').inputValue()).toBe('Louise');
    // a date received in the future is refused by the core: its message, the field marked, nothing typed lost
    await page.getByLabel('Reçue le').fill('24/11/2026');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => form.getByRole('alert').first().textContent(), T)
      .toContain('Date de réception : dans le futur.');
    expect(await page.getByLabel('Reçue le').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Nom du premier parent').inputValue()).toBe('Martin');
    await page.getByLabel('Reçue le').fill('23/11/2026');
    await page.getByLabel('Reçue le').press('Tab');
    await clean(page, 'guichet-15-completer-demande');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'detached', ...T });
    const decision = page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), T).toContain('Délivrance possible');
    expect(await page.getByText('À produire', { exact: true }).count()).toBeGreaterThan(0);
    await clean(page, 'guichet-16-complete-accordee');
    await page.getByRole('button', { name: 'Produire et imprimer' }).click();
    const text = await readPdf(
      page,
      () => page.getByRole('dialog').getByRole('button', { name: 'Produire et imprimer' }).click(),
      'extrait-avec-filiation-complete',
    );
    expect(text).toMatch(/EXTRAIT/i);
    expect(text).toContain('Jean Louis MARTIN');
    expect(text).toContain('Pierre'); // the filiation, from the act (domain-rules §2.1)
    expect(text).toContain('Louise');
    expect(text).toMatch(/Délivrée? le 23\/11\/2026/);
    await expect.poll(() => page.getByText('Produite', { exact: true }).count(), T).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Compléter / modifier la demande' }).count()).toBe(0); // produced: no longer changed
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    await page.getByRole('button', { name: 'Noter l’envoi postal' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Noter l’envoi' }).click();
    await expect.poll(() => page.getByText('Envoyée', { exact: true }).count(), T).toBeGreaterThan(0);
    await page.getByRole('navigation').getByRole('button', { name: 'Tableau de bord' }).click();
    await expect
      .poll(() => page.getByTestId('etat-civil-mois').textContent(), T)
      .toBe('État civil : 2 demandes délivrées ce mois-ci.');
    expect(await page.getByRole('region', { name: 'À faire' }).textContent()).not.toContain('Demande n° 2026-4');
  });
  it('a refusal letter: the reason, the article and how to contest it, read back; the refused request is no longer changed', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'État civil' }).click();
    await nouvelleDemande(page, {
      civilite: 'M.',
      nom: 'Lambert',
      prenoms: 'Luc',
      qualite: 'Autre personne (tiers)',
      recherche: 'martin 1958',
      acte: /^Choisir : Naissance n° 1\/1958/,
      document: 'Copie intégrale',
      r: { ...PERE, ...PARENTS },
    });
    await page.getByRole('button', { name: 'Enregistrer et voir la décision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande n° 2026-6 — Copie intégrale' }).waitFor(T);
    const decision = page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), T).toContain('Délivrance refusée');
    const motif = (await decision.locator('p').first().textContent())?.trim() ?? '';
    expect(motif.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Lettre de refus' }).click();
    const dialog = page.getByRole('dialog');
    const lettre = await readPdf(
      page,
      () => dialog.getByRole('button', { name: 'Produire la lettre de refus' }).click(),
      'lettre-refus',
    );
    expect(lettre).toContain('Refus de délivrance');
    expect(lettre).toContain(motif.replace(/\s+/g, ' '));
    expect(lettre).toMatch(/art\. 30/);
    expect(lettre).toContain('Voies de recours');
    expect(lettre).toContain('procureur de la République'); // who controls the état civil (C. civ. art. 34-1)
    await expect.poll(() => page.getByText('Refusée', { exact: true }).count(), T).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Compléter / modifier la demande' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Proposer l’extrait sans filiation' }).count()).toBe(0); // closed: a new request is needed
    await page.getByRole('img', { name: /page 1 sur/ }).waitFor(T);
    await clean(page, 'guichet-17-lettre-refus');
  });
});
