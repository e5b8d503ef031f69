/**
 * The courrier's settings in Debian's Chromium against the real core host, with the keyboard: the secrétaire adds a
 * procedure whose silence means rejection after 15 days (a wrong text refused under its field first), classifies a
 * letter under it and reads the date counted in days; she writes a reply template, an unknown mail-merge field
 * refused in French, then fixed with the field buttons. axe on every screen; screenshots in test-results/screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { validAccount, withCommune } from '../../test-support/helpers';
import { checkPage, chromiumMissing, clean, closeSession, openSession, pick, type Host } from './harness';

const skip = chromiumMissing();
if (skip) console.log(`e2e réglages du courrier ignoré : ${skip}`);
const T = { timeout: 10_000 };

describe.skipIf(!!skip)('procedures and reply templates of the courrier (Chromium)', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const main = () => page.getByRole('main');
  const tab = async (name: string) => {
    await page.getByRole('navigation').getByRole('button', { name: 'Courrier' }).click();
    const back = page.getByRole('button', { name: '← Retour au registre' });
    if (await back.isVisible()) await back.click();
    await page.getByRole('tab', { name }).click();
  };

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-reglages-'));
    const t = await withCommune(dir);
    try {
      const r = await t.client.call('courrier.registerArrivee', {
        arrivee: {
          channel: 'papier',
          dateReception: '2026-11-23',
          correspondent: { nom: 'Café du Bourg' },
          objet: 'Terrasse pour la saison 2027',
        },
      });
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      t.close();
    }
    ({ host, browser, page } = await openSession({ dataDir: dir, now: '2026-11-23T09:00:00Z', account: validAccount }));
  });
  afterAll(() => closeSession({ host, browser }));
  afterEach((ctx) => checkPage(page, 'reglages', ctx));

  it('a procedure in days, typed with the keyboard; a text without its number refused; the letter’s date counted in days', async () => {
    await tab('Procédures et délais');
    await expect.poll(() => main().textContent(), T).toContain('CRPA L231-5 ; décret n° 2016-625');
    await clean(page, 'reglages-01-procedures');
    await page.getByRole('button', { name: 'Ajouter une procédure' }).click();
    await main()
      .getByLabel(/^Libellé/)
      .focus();
    await page.keyboard.type('Terrasse saisonnière');
    await page.keyboard.press('Tab');
    await page.keyboard.type('terrasse');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // « rejet (SVR) » already chosen
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // mois → jours
    await page.keyboard.press('Tab');
    await page.keyboard.type('arrêté du maire');
    await page.keyboard.press('Enter');
    const article = main().getByLabel(/^Texte qui fixe ce régime/);
    await expect.poll(() => article.getAttribute('aria-invalid'), T).toBe('true');
    expect(await main().textContent()).toContain('indiquez l’article ou le décret, avec son numéro');
    await clean(page, 'reglages-02-procedure-refusee');
    await article.fill('Décret n° 2015-1461');
    await page.keyboard.press('Enter');
    await page.getByText('Procédure « Terrasse saisonnière » enregistrée.').waitFor(T);
    expect(await main().textContent()).toContain('Terrasse saisonnièrerejet15 joursDécret n° 2015-1461');
    await clean(page, 'reglages-03-procedure-ajoutee');

    await tab('Registre');
    await page.getByRole('button', { name: 'Ouvrir le courrier A-2026-1' }).click();
    await pick(page, 'Nature de la demande', 'Demande relevant d’une procédure', main());
    await pick(page, 'Procédure', 'Terrasse saisonnière — rejet après 15 jours', main());
    await page.getByRole('button', { name: 'Classer' }).click();
    // received Monday 23/11: 15 days from the day after → 09/12/2026
    await expect
      .poll(() => main().textContent(), T)
      .toContain('Décision implicite le 09/12/2026. Rejet implicite au terme de 15 jours');
  });

  it('a reply template: an unknown field refused in French, then fixed with the field buttons; offered when replying', async () => {
    await tab('Modèles de réponse');
    await expect.poll(() => main().textContent(), T).toContain('Refus motivé');
    await clean(page, 'reglages-04-modeles');
    await page.getByRole('button', { name: 'Nouveau modèle' }).click();
    await main()
      .getByLabel(/^Titre du modèle/)
      .fill('Accord de terrasse');
    await main().getByLabel(/^Code/).fill('terrasse_accord');
    const corps = main().getByLabel(/^Texte du modèle/);
    await corps.fill(
      'Madame, Monsieur,\nVotre demande « {{objet}} » reçue le {{date_reception}} est acceptée pour {{saison}}.\n',
    );
    await page.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await expect.poll(() => corps.getAttribute('aria-invalid'), T).toBe('true');
    expect(await main().textContent()).toContain(
      'Champ inconnu : {{saison}}. Champs possibles : {{correspondant}}, {{objet}}',
    );
    await clean(page, 'reglages-05-modele-champ-inconnu');
    await corps.fill('Madame, Monsieur,\nVotre demande « {{objet}} » reçue le {{date_reception}} est acceptée.\n');
    await corps.press('End');
    await page.getByRole('button', { name: 'Insérer le champ Texte saisi pour cette réponse ({{texte}})' }).click();
    expect(await corps.inputValue()).toBe(
      'Madame, Monsieur,\nVotre demande « {{objet}} » reçue le {{date_reception}} est acceptée.\n{{texte}}',
    );
    await page.getByRole('button', { name: 'Enregistrer le modèle' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Modèle « Accord de terrasse » enregistré.').waitFor(T);
    await clean(page, 'reglages-06-modele-enregistre');
    await tab('Registre');
    await page.getByRole('button', { name: 'Ouvrir le courrier A-2026-1' }).click();
    await main().getByLabel('Modèle', { exact: true }).click();
    await page.getByRole('option', { name: 'Accord de terrasse', exact: true }).waitFor(T);
  });

  it('the commune’s template is removed with the keyboard: the core’s question opens on « Annuler », then deleted', async () => {
    await page.keyboard.press('Escape'); // the template list of the reply form, left open by the test above
    await tab('Modèles de réponse');
    const del = page.getByRole('button', { name: 'Supprimer le modèle « Accord de terrasse »' });
    await del.waitFor(T);
    expect(await page.getByRole('button', { name: 'Supprimer le modèle « Refus motivé »' }).count()).toBe(0);
    await del.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent(), T)
      .toContain('Le modèle « Accord de terrasse » n’a servi à aucune réponse : il sera supprimé définitivement.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), T).toBe('Annuler');
    await clean(page, 'reglages-07-modele-suppression');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // « Confirmer »
    await page.getByText('Modèle « Accord de terrasse » supprimé.').waitFor(T);
    expect(await main().textContent()).not.toContain('Accord de terrasseCommune');
    await clean(page, 'reglages-08-modele-supprime');
  });

  it('« Envois abusifs »: an address marked with its reason (CRPA L112-11) and lifted, with the keyboard', async () => {
    await tab('Envois abusifs');
    await expect.poll(() => main().textContent(), T).toContain('art. L112-11, dernier alinéa');
    await clean(page, 'reglages-09-envois-abusifs');
    await main()
      .getByLabel(/^Adresse électronique/)
      .focus();
    await page.keyboard.type('relance.auto@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Même message vingt fois par jour');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // « Signaler pour envois abusifs »
    await page.getByText('Adresse relance.auto@example.org signalée.').waitFor(T);
    // the list is read again after the message: wait for the row, not the first paint after the click
    await expect
      .poll(() => main().textContent(), T)
      .toContain('relance.auto@example.orgMême message vingt fois par jour');
    await clean(page, 'reglages-10-adresse-signalee');
    await page.getByRole('button', { name: 'Lever le signalement de relance.auto@example.org' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Signalement de relance.auto@example.org levé.').waitFor(T);
    await expect.poll(() => main().textContent(), T).toMatch(/Levé le 23\/11\/2026 à \d\d:\d\d par /);
    await clean(page, 'reglages-11-signalement-leve');
  });
});
