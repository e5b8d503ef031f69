/**
 * A whole séance of the conseil municipal as a secrétaire clicks it, in Debian's Chromium against the real core
 * host: séance, ordre du jour (with a refused and an accepted annex), convocations, then — the host restarted on
 * the séance day — roll call, pouvoir, secrétaire, votes (main levée, scrutin public, nomination), quorum lost
 * and the item postponed, séance closed, liste des délibérations, publication, PV, reconvocation, registre.
 * Each generated PDF is checked with qpdf and read with pdftotext; axe runs on every screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import type { Browser, Page } from 'playwright-core';
import {
  checkPage,
  chromiumMissing,
  clean,
  closeSession,
  downloadPdf,
  openSession,
  pdfText,
  setupCommune,
  WIZARD_ACCOUNT,
  type Host,
  type WizardElu,
} from './harness';
import { skipReason } from '../../test-support/support';

const noChromium = skipReason('e2e conseil', chromiumMissing());

// 7 in office: quorum is 4 (L2121-17)
const ELUS: WizardElu[] = (
  [
    ['Mme', 'Lefèvre', 'Hélène', 'maire'],
    ['M.', 'Chevalier', 'Noël', 'adjoint'],
    ['Mme', 'Le Gall', 'Gaëlle', 'conseiller'],
    ['M.', 'Ménard', 'Loïc', 'conseiller'],
    ['Mme', 'Roux', 'Cécile', 'conseiller'],
    ['M.', 'Dupont', 'Jérôme', 'conseiller'],
    ['Mme', 'Martin', 'Zoé', 'conseiller'],
  ] as const
).map(([civilite, nom, prenom, fonction], i) => ({ civilite, nom, prenom, fonction, naissance: `10/05/19${60 + i}` }));
const full = (i: number) => `${ELUS[i]!.civilite} ${ELUS[i]!.prenom} ${ELUS[i]!.nom}`;

/** Click, catch the download, check it with qpdf and return its text. */
async function downloaded(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const file = await downloadPdf(page, click, name);
  execFileSync('qpdf', ['--check', file], { stdio: 'ignore' });
  return pdfText(file);
}

async function addPoint(page: Page, titre: string, matiere: string, scrutin?: string): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter un point' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Objet du point').fill(titre);
  if (scrutin) await dialog.getByLabel('Mode de scrutin').selectOption({ label: scrutin });
  await dialog.getByLabel('Matière (classification ACTES)').fill(matiere);
  await page.getByRole('option', { name: new RegExp(`^${matiere.replace('.', '\\.')} —`) }).click();
  await dialog
    .getByLabel('Projet de délibération')
    .fill(`Le conseil municipal, après en avoir délibéré, approuve : ${titre}.`);
  await dialog.getByRole('button', { name: 'Enregistrer le point' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const T = { timeout: 10_000 };
const main = (page: Page) => page.getByRole('main');
const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

describe.skipIf(noChromium)('conseil municipal in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  const restart = async (now: string) => {
    await closeSession({ host, browser });
    ({ host, browser, page } = await openSession({ dataDir: host.dataDir, now, account: WIZARD_ACCOUNT }));
  };
  const openSeance = async (date: string) => {
    await page.getByRole('navigation').getByRole('button', { name: 'Conseil municipal' }).click();
    await page.getByRole('button', { name: `Ouvrir la séance du ${date}` }).click();
    await page.getByRole('tab', { name: '1. Ordre du jour' }).waitFor();
  };

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ now: '2026-11-23T09:00:00Z' }));
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'conseil', ctx));

  it('prepares the séance: ordre du jour, annexes, convocations', async () => {
    await setupCommune(page, ELUS);
    await page.getByRole('navigation').getByRole('button', { name: 'Conseil municipal' }).click();
    await page.getByRole('button', { name: 'Nouvelle séance' }).click();
    const dialog = page.getByRole('dialog');
    // Dates are typed in French with the keyboard (jj/mm/aaaa, 24 h); the dialog opens on the date field.
    const date = dialog.getByLabel('Date de la séance');
    await expect.poll(() => date.evaluate((el) => el === document.activeElement), T).toBe(true);
    const retype = async (text: string) => {
      await date.press('Control+A');
      await date.press('Delete');
      await page.keyboard.type(text);
      await page.keyboard.press('Tab'); // leaves the field: a refused date says why
    };
    for (const [typed, why] of [
      ['31/02/2027', /Date de la séance : le 31\/02\/2027 n’existe pas/],
      ['2027-01-15', /jj\/mm\/aaaa, par exemple 15\/01\/2027/],
      ['15/1/27', /jj\/mm\/aaaa/],
    ] as const) {
      await retype(typed);
      await expect.poll(() => dialog.textContent(), T).toMatch(why);
    }
    await retype('20/11/2026');
    expect(await dialog.getByLabel('Heure').inputValue()).toBe('20:30');
    await dialog.getByRole('button', { name: 'Créer la séance' }).click();
    await expect.poll(() => dialog.textContent(), T).toMatch(/déjà passé|elle est passée/);
    await clean(page, 'conseil-01-nouvelle-seance-erreur');
    await retype('27/11/2026');
    expect(await date.inputValue()).toBe('27/11/2026');
    await dialog.getByLabel('Heure').fill('20h30');
    await dialog.getByRole('button', { name: 'Créer la séance' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), T)
      .toMatch(/vendredi 27\/11\/2026 à 20 h 30/);

    // A point without matière: the message stands under the field, nothing typed is lost.
    await page.getByRole('button', { name: 'Ajouter un point' }).click();
    await page.getByRole('dialog').getByLabel('Objet du point').fill('Décision modificative n° 2');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer le point' }).click();
    await expect
      .poll(() => page.getByRole('dialog').textContent(), T)
      .toMatch(/Matière : choisissez-la dans la classification ACTES/);
    expect(await page.getByRole('dialog').getByLabel('Objet du point').inputValue()).toBe('Décision modificative n° 2');
    await page.getByRole('dialog').getByLabel('Objet du point').click(); // closes the matière list the focus opened
    await clean(page, 'conseil-02-point-erreur');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

    // Keyboard: Space toggles a checkbox, Enter on it never sends the form.
    await page.getByRole('button', { name: 'Ajouter un point' }).click();
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              document.activeElement?.closest('[role="dialog"]') !== null &&
              (document.activeElement as HTMLInputElement).type === 'text',
          ),
        T,
      )
      .toBe(true);
    await page.keyboard.type('Point au clavier');
    const icpe = page.getByRole('dialog').getByRole('checkbox', { name: /Installation classée/ });
    await icpe.focus();
    await page.keyboard.press('Space');
    expect(await icpe.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await icpe.isChecked()).toBe(false);
    expect(await page.getByRole('dialog').textContent()).not.toMatch(/Matière : choisissez-la/);
    // every combobox of the dialog is reachable with Tab, and the matière is chosen with the keyboard
    expect(
      await page
        .getByRole('dialog')
        .locator('select, input[role="combobox"], [role="combobox"]')
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex < 0).length),
    ).toBe(0);
    const matiere = page.getByRole('dialog').getByLabel('Matière (classification ACTES)');
    for (let i = 0; i < 12 && !(await matiere.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab');
    expect(await matiere.evaluate((el) => el === document.activeElement)).toBe(true);
    // the exact code is offered first (issue 10): « 7.1 » then Enter picks 7.1, never 1.7.1 or 7.1.1
    await page.keyboard.type('7.1');
    await page.keyboard.press('Enter');
    await expect.poll(() => matiere.inputValue(), T).toMatch(/^7\.1 — /);
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await addPoint(page, 'Décision modificative n° 2', '7.1');
    await addPoint(page, 'Tarifs de la salle des fêtes', '7.10', 'Scrutin public');
    await addPoint(page, 'Désignation du délégué au SIVOM', '5.3', 'Nomination (scrutin secret, par tours)');
    await addPoint(page, 'Subvention au comité des fêtes', '7.5');

    // Annexes: a file that is not a PDF is refused with the core's message; a real PDF is kept.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-annexe-'));
    fs.writeFileSync(path.join(dir, 'faux.pdf'), 'ceci est du texte');
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Budget : décision modificative n° 2', {
      x: 50,
      y: 700,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    fs.writeFileSync(path.join(dir, 'dm2.pdf'), await doc.save());
    const chooser = async (file: string) => {
      const [fc] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Ajouter une annexe PDF au point 1' }).click(),
      ]);
      await fc.setFiles(path.join(dir, file));
    };
    await chooser('faux.pdf');
    await expect
      .poll(() => main(page).getByRole('alert').first().textContent(), T)
      .toMatch(/Annexe « faux\.pdf » refusée : ce fichier n'est pas un PDF/);
    await chooser('dm2.pdf');
    await expect.poll(() => main(page).textContent(), T).toMatch(/Annexe : dm2\.pdf \(1 page/);
    await page.getByRole('button', { name: 'Descendre le point 1' }).click();
    await expect
      .poll(() => main(page).getByRole('article').first().getAttribute('aria-label'), T)
      .toMatch(/^Point 1 : Tarifs/);
    await page.getByRole('button', { name: 'Monter le point 2' }).click();
    await expect
      .poll(() => main(page).getByRole('article').first().getAttribute('aria-label'), T)
      .toMatch(/^Point 1 : Décision/);
    await clean(page, 'conseil-03-ordre-du-jour');

    await tab(page, '2. Convocation');
    await expect.poll(() => main(page).textContent(), T).toMatch(/Dernier jour d’envoi : lundi 23\/11\/2026/);
    const convocation = await downloaded(
      page,
      () => page.getByRole('button', { name: `Aperçu de la convocation de ${full(3)}` }).click(),
      'convocation',
    );
    expect(convocation).toContain(full(3));
    expect(convocation).toMatch(/qui se tiendra le 27\/11\/2026 à 20:30,/); // printed jj/mm/aaaa, 24 h (issue 10)
    await clean(page, 'conseil-04-convocation');
    await page.getByRole('button', { name: /Tout enregistrer comme envoyé aujourd’hui/ }).click();
    await expect
      .poll(
        () =>
          main(page)
            .getByText(/^Envoyée le lundi 23\/11\/2026$/)
            .count(),
        T,
      )
      .toBe(ELUS.length);
    await page.getByRole('button', { name: 'Enregistrer l’affichage' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Affichée à la mairie le lundi 23\/11\/2026/);
    await clean(page, 'conseil-05-convocations-envoyees');
  });

  it('holds the séance: roll call, pouvoir, votes, quorum lost, séance levée', async () => {
    await restart('2026-11-27T19:00:00Z');
    await openSeance('vendredi 27/11/2026');
    await tab(page, '3. Séance');
    await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
    await page.getByRole('heading', { name: 'Appel des élus' }).waitFor();
    for (const i of [0, 1, 2, 3, 4]) {
      await page
        .getByRole('radiogroup', { name: `Présence de ${full(i)}` })
        .getByText('Présent')
        .click();
      await expect
        .poll(() => main(page).textContent(), T)
        .toMatch(new RegExp(`${[0, 1, 2, 3, 4].indexOf(i) + 1} présents? sur 7`));
    }
    await page
      .getByRole('radiogroup', { name: `Présence de ${full(5)}` })
      .getByText('Excusé')
      .click();
    // A pouvoir to an absent élu is refused with its article; then to a present one.
    await page.getByLabel('Mandant (donne pouvoir)').selectOption({ label: full(5) });
    await page.getByLabel('Mandataire (vote pour lui)').selectOption({ label: full(6) });
    await page.getByRole('button', { name: 'Enregistrer le pouvoir' }).click();
    await expect
      .poll(() => main(page).getByRole('alert').first().textContent(), T)
      .toMatch(/n'est pas présent.*L2121-20/);
    await page.getByLabel('Mandataire (vote pour lui)').selectOption({ label: full(1) });
    await page.getByRole('button', { name: 'Enregistrer le pouvoir' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(new RegExp(`${full(5)} → ${full(1)}`));
    await page.getByRole('button', { name: full(2), exact: true }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(new RegExp(`Nommée : ${full(2)}`)); // Mme Le Gall: agreed, never « Nommé(s) »
    await clean(page, 'conseil-06-appel');
    await page.getByRole('button', { name: 'Passer aux points de l’ordre du jour →' }).click();
    await expect
      .poll(() => main(page).textContent(), T)
      .toMatch(/Quorum atteint : 5 présents sur 7 en exercice, il en faut 4/);
    await clean(page, 'conseil-06-point-1');

    // Point 1, main levée: the form starts empty; wrong totals refused, then 5 pour, 1 contre.
    for (const l of ['Pour', 'Contre', 'Abstentions'])
      expect(await page.getByLabel(l, { exact: true }).inputValue()).toBe('');
    await page.getByLabel('Pour', { exact: true }).fill('4');
    await page.getByLabel('Contre', { exact: true }).fill('0');
    await page.getByLabel('Abstentions', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Enregistrer le vote' }).click();
    await expect.poll(() => main(page).getByRole('alert').first().textContent(), T).toMatch(/nombre de votants \(6\)/);
    await page.getByLabel('Pour', { exact: true }).fill('5');
    await page.getByLabel('Contre', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Enregistrer le vote' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Délibération n° 2026_001 : Adopté/);
    await clean(page, 'conseil-07-vote-resultat');
    await page.getByRole('button', { name: 'Point suivant →' }).click();

    // Point 2, scrutin public: named votes, none chosen in advance.
    const votes = page.getByRole('radiogroup', { name: /^Vote de / });
    for (let i = 0; i < (await votes.count()); i++) await votes.nth(i).getByText('Pour').click();
    await page
      .getByRole('radiogroup', { name: `Vote de ${full(3)}` })
      .getByText('Contre')
      .click();
    await clean(page, 'conseil-08-scrutin-public');
    await page.getByRole('button', { name: 'Enregistrer le vote' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Délibération n° 2026_002/);
    await page.getByRole('button', { name: 'Point suivant →' }).click();

    // Point 3, nomination: elected at the first round with an absolute majority.
    await page.getByLabel('Candidat 1', { exact: true }).selectOption({ label: full(1) });
    await page.getByLabel('Voix du candidat 1').fill('5');
    await page.getByLabel('Candidat 2', { exact: true }).selectOption({ label: full(2) });
    await page.getByLabel('Voix du candidat 2').fill('1');
    await clean(page, 'conseil-09-nomination');
    await page.getByRole('button', { name: 'Enregistrer le tour n° 1' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Délibération n° 2026_003/);
    await page.getByRole('button', { name: 'Point suivant →' }).click();

    // Point 4: two members leave; quorum lost, the vote is disabled, the point is postponed.
    for (const i of [3, 4]) {
      await page.getByLabel('Arrivée ou départ avant le point 4').selectOption({ label: full(i) });
      await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
      await expect.poll(() => main(page).textContent(), T).toMatch(new RegExp(`${full(i)} part avant le point 4`));
    }
    await expect
      .poll(() => main(page).textContent(), T)
      .toMatch(/Quorum non atteint : 3 présents sur 7 en exercice, il en faut au moins 4/);
    expect(await page.getByRole('button', { name: 'Enregistrer le vote' }).isDisabled()).toBe(true);
    await clean(page, 'conseil-10-quorum-non-atteint');
    await page.getByRole('button', { name: 'Reporter le point' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Ce point est reporté/);
    await page.getByRole('button', { name: 'Lever la séance' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Séance levée/);
  });

  it('after the séance: liste, délibérations, publication, PV, reconvocation, registre', async () => {
    await tab(page, '4. Après la séance');
    const liste = await downloaded(
      page,
      () => page.getByRole('button', { name: 'Publier la liste et la télécharger' }).click(),
      'liste-deliberations',
    );
    expect(liste).toMatch(/2026_001\s+Décision modificative n° 2\s+Adoptée/);
    await expect.poll(() => main(page).textContent(), T).toMatch(/dans le délai d'une semaine/);
    const delib = await downloaded(
      page,
      () => page.getByRole('button', { name: 'Télécharger la délibération n° 2026_001' }).click(),
      'deliberation-2026_001',
    );
    expect(delib).toMatch(/Délibération n°\s*:\s*2026_001/);
    expect(delib).toContain('Pour extrait conforme');
    // Publishing says what it means (L2131-1), then asks again because the act is not signed yet (L2121-23).
    await page.getByRole('button', { name: 'Publier…', exact: true }).first().click();
    await expect.poll(() => page.getByRole('dialog').textContent(), T).toMatch(/exécutoire.*L2131-1/);
    await clean(page, 'conseil-11a-publier-confirmation');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent(), T).toMatch(/pas encore signée.*L2121-23/);
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Publiée le 27\/11\/2026/);
    await expect.poll(() => main(page).textContent(), T).toMatch(/transmission obligatoire \(art\. L2131-2 CGCT\)/);
    await page
      .getByLabel('Teneur des discussions')
      .fill('Le maire présente la décision modificative ; M. Ménard demande le détail des crédits.');
    await page.getByRole('button', { name: 'Enregistrer le projet de PV' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/Projet enregistré/);
    await expect
      .poll(() => main(page).textContent(), T)
      .toMatch(/arrête ce procès-verbal par un vote au commencement de la séance suivante/);
    await clean(page, 'conseil-11-apres-la-seance');

    // The reconvocation is created with the keyboard only: Enter on the button, the date typed, Enter submits.
    await page.getByRole('button', { name: 'Créer la séance de reconvocation' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder')), T)
      .toBe('jj/mm/aaaa');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('29/11/2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').textContent(), T).toMatch(/L2121-17/);
    await page.getByRole('dialog').getByLabel('Date de la séance').press('Control+A');
    await page.keyboard.type('04/12/2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), T).toMatch(/vendredi 04\/12\/2026/);
    await expect.poll(() => main(page).textContent(), T).toMatch(/1\. Subvention au comité des fêtes/);
    await clean(page, 'conseil-12-reconvocation');

    await page.getByRole('button', { name: '← Retour aux séances' }).click();
    await clean(page, 'conseil-13-seances');
    await tab(page, 'Délibérations');
    await expect.poll(() => main(page).textContent(), T).toMatch(/3 délibérations/);
    await page.getByLabel('Objet ou numéro').fill('Tarifs');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/1 délibération(?!s)/);
    // accents and case ignored
    await page.getByLabel('Objet ou numéro').fill('DECISION modificative');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/1 délibération(?!s).*Décision modificative n° 2/);
    await clean(page, 'conseil-14-deliberations');
    await tab(page, 'Registre et publicité');
    await page.getByLabel('Mode de publicité', { exact: true }).selectOption('affichage');
    await page.getByLabel('Numéro de la délibération qui l’a choisi').fill('2026_001');
    await page.getByRole('button', { name: 'Enregistrer le mode de publicité' }).click();
    await expect.poll(() => main(page).textContent(), T).toMatch(/choisi par la délibération n° 2026_001/);
    const registre = await downloaded(
      page,
      () => page.getByRole('button', { name: 'Télécharger le registre' }).click(),
      'registre-2026',
    );
    expect(registre).toMatch(/Feuillet de clôture/);
    expect(registre).toMatch(/R2121-9/);
    await expect
      .poll(() => main(page).textContent(), T)
      .toMatch(/Registre 2026 téléchargé : 1 séance, 3 délibérations/);
    await clean(page, 'conseil-15-registre');
  });

  it('the reconvened séance with the keyboard only: opening warned, appel, a vote', async () => {
    await restart('2026-12-04T19:00:00Z');
    await openSeance('vendredi 04/12/2026');
    const focused = () =>
      page.evaluate(
        () =>
          `${document.activeElement?.tagName}|${document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? ''}|${(document.activeElement as HTMLInputElement | null)?.value ?? ''}`,
      );
    await page.getByRole('tab', { name: '3. Séance' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ouvrir la séance' }).focus();
    await page.keyboard.press('Enter');
    // no convocation recorded for this séance: the core warns with the article; the dialog opens on « Annuler »
    await expect.poll(() => page.getByRole('dialog').textContent(), T).toMatch(/Aucune convocation.*L2121-10/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), T).toBe('Annuler');
    await clean(page, 'conseil-16-ouverture-avertissement');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), T).toBe('Confirmer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Appel des élus' }).waitFor();
    // the appel: Tab reaches each élu, the arrows choose, the focus stays where it was
    await page
      .getByRole('radiogroup', { name: `Présence de ${full(0)}` })
      .getByRole('radio', { checked: true })
      .focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => main(page).textContent(), T).toMatch(/1 présent sur 7/); // the core's count, once saved
    await expect.poll(focused, T).toBe(`INPUT|Présence de ${full(0)}|present`);
    await page.keyboard.press('Tab');
    await expect.poll(focused, T).toBe(`INPUT|Présence de ${full(1)}|absent`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => main(page).textContent(), T).toMatch(/2 présents sur 7/);
    await expect.poll(focused, T).toBe(`INPUT|Présence de ${full(1)}|present`);
    await clean(page, 'conseil-17-appel-clavier');
    await page.getByRole('button', { name: full(0), exact: true }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => main(page).textContent(), T).toMatch(new RegExp(`Nommée : ${full(0)}`));
    await page.getByRole('button', { name: 'Passer aux points de l’ordre du jour →' }).focus();
    await page.keyboard.press('Enter');
    // the carried item is voted without quorum (L2121-17 al. 2): 2 présents on 7
    await expect
      .poll(() => main(page).textContent(), T)
      .toMatch(/Séance de reconvocation : le conseil délibère valablement/);
    await page.getByLabel('Pour', { exact: true }).focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => main(page).textContent(), T).toMatch(/Délibération n° 2026_004 : Adopté/);
    await clean(page, 'conseil-18-vote-clavier');
  });
});
