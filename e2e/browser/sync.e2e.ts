/**
 * Synchronisation as a secrétaire clicks it, in Debian's Chromium against the real core host AND the fake
 * S²LOW (127.0.0.1 only): the platform configured through Paramètres → Plateforme (the client .p12 produced by
 * the fake uploaded, a wrong password diagnosed, then « Tester la connexion » OK); a signed délibération (seeded
 * before the host starts, enqueued as the signature does) sent with « Synchroniser maintenant »; the next
 * morning its AR (« reçu par la préfecture le … » with the IDActe); a courrier simple of the préfecture in
 * Messages and on the dashboard, answered with a PDF. axe runs on every screen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeSetting } from '../../main/commune/commune';
import { Core } from '../../main/host/core';
import { inProcessClient } from '../../main/host/inprocess';
import { acteFromDeliberation, enqueue } from '../../main/sync/index';
import { validAccount, validElus, validHoraires, validIdentity } from '../../test-support/helpers';
import { startFakeS2low, type FakeS2low } from '../fakes/s2low/index';
import { tinyPdf } from '../fakes/s2low/tar';
import { checkPage, chromiumMissing, clean, closeSession, openSession, type Host } from './harness';
import { skipReason } from '../../test-support/support';

const noChromium = skipReason('e2e sync', chromiumMissing());
const NUMERO = '2026_001';
const ID_ACTE = `045-214502494-20261120-${NUMERO}-DE`;

/** The commune, its signed délibération in the outbox, and the fake's CA (no UI sets a CA: private platforms only). */
async function seed(dataDir: string, fake: FakeS2low): Promise<void> {
  const core = new Core({ dataDir, clock: () => new Date('2026-11-20T19:00:00Z'), logError: () => undefined });
  const client = inProcessClient(core);
  const r = await client.call('setup.createCommune', {
    identity: validIdentity,
    horaires: validHoraires,
    elus: validElus,
    account: validAccount,
  });
  if (!r.ok) throw new Error(r.error.message);
  const id = fs.readdirSync(path.join(dataDir, 'communes'))[0] as string;
  const { db } = core.communes.get(id);
  const { sha256 } = core.communes.documentsOf(id).put(tinyPdf('Délibération 2026_001 : décision modificative n° 2'));
  const now = '2026-11-20T20:30:00Z';
  db.transaction(() => {
    const seance = Number(
      db
        .prepare(
          "INSERT INTO seance (date, heure, lieu, nature, created_at) VALUES ('2026-11-20', '20:00', 'Mairie', 'ordinaire', ?)",
        )
        .run(now).lastInsertRowid,
    );
    const objet = 'Décision modificative n° 2 du budget principal';
    const delib = Number(
      db
        .prepare(
          "INSERT INTO deliberation (seance_id, numero, objet, matiere, pour, adoptee, signature, transmission, pdf_sha256, created_at) VALUES (?, ?, ?, '7.1', 9, 1, 'signee', 'a_transmettre', ?, ?)",
        )
        .run(seance, NUMERO, objet, sha256, now).lastInsertRowid,
    );
    enqueue(
      db,
      acteFromDeliberation({ id: delib, numero: NUMERO, objet, matiere: '7.1', pdf_sha256: sha256 }, '2026-11-20'),
      new Date(now),
    );
    writeSetting(db, 'plateforme', { type: 's2low', url: '', login: null, ca: fake.caPem, certificat: null });
  })();
  client.close();
  core.close();
}

describe.skipIf(noChromium)('synchronisation with the fake S²LOW in Chromium', () => {
  let fake: FakeS2low;
  let host: Host;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-sync-e2e-'));
  const main = () => page.getByRole('main');
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name }).click();
  const choose = async (label: string, file: string) => {
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label, { exact: true }).click()]);
    await fc.setFiles(file);
  };
  const syncNow = async () => {
    const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
    await button.click();
    const bar = page.getByRole('progressbar', { name: 'Avancement de la synchronisation' });
    await expect
      .poll(async () => `${await bar.getAttribute('aria-valuenow')} ${await button.getAttribute('data-loading')}`, {
        timeout: 20_000,
      })
      .toBe('100 null');
  };
  const open = async (now: string) => {
    const dataDir = host?.dataDir ?? path.join(dir, 'data');
    ({ host, browser, page } = await openSession({ dataDir, now, account: validAccount }));
  };

  beforeAll(async () => {
    fake = await startFakeS2low({ advance: 'manual' });
    expect(new URL(fake.url).hostname).toBe('127.0.0.1');
    await seed(path.join(dir, 'data'), fake);
    await open('2026-11-23T09:00:00Z');
  });
  afterAll(async () => {
    await closeSession({ host, browser });
    await fake?.close();
  });
  afterEach((ctx) => checkPage(page, 'sync', ctx));

  it('configures the platform: a wrong certificate password is diagnosed, then the connection works', async () => {
    await nav('Synchronisation');
    await expect.poll(() => main().textContent()).toMatch(/La plateforme n’est pas encore réglée/);
    await expect.poll(() => main().textContent()).toMatch(/en attente de connexion, tout est enregistré/);
    await clean(page, 'sync-01-non-configuree');

    await nav('Paramètres');
    await page.getByRole('tab', { name: 'Plateforme' }).click();
    const p12 = path.join(dir, 'certificat-mairie.p12');
    fs.writeFileSync(p12, fake.clientP12);
    await page.getByLabel('Adresse de la plateforme').fill(fake.url);
    await choose('Fichier du certificat', p12);
    await page.getByLabel('Mot de passe du certificat').fill('pas le bon');
    await page.getByLabel('Identifiant S²LOW').fill(fake.login ?? '');
    await page.getByLabel('Mot de passe S²LOW').fill(fake.password ?? '');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect
      .poll(() => main().getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(/mot de passe du certificat est incorrect/);
    await clean(page, 'sync-02-plateforme-mauvais-mot-de-passe');

    await page.getByLabel('Mot de passe du certificat').fill(fake.p12Password);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => main().textContent()).toMatch(/Réglages de la plateforme enregistrés/);
    expect(await page.getByLabel('Mot de passe du certificat').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect
      .poll(() => main().textContent(), { timeout: 20_000 })
      .toMatch(/La connexion à la plateforme fonctionne/);
    expect(await main().textContent()).toMatch(/Connecté pour : Commune de test/);
    await clean(page, 'sync-03-plateforme-ok');
  });

  it('transmits the délibération with « Synchroniser maintenant »', async () => {
    await nav('Synchronisation');
    await page.getByTestId('sync-ready').waitFor();
    await syncNow();
    await expect.poll(() => main().textContent()).toMatch(/envoyé — en attente de l’accusé de réception/);
    expect(
      await page.getByRole('progressbar', { name: 'Avancement de la synchronisation' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    await clean(page, 'sync-04-envoye');
  });

  it('the next morning: the AR with its IDActe, a courrier simple, answered with a PDF', async () => {
    for (let i = 0; i < 3; i++) fake.advance(); // the préfecture processes the act: 1 → 4, ARActe
    await closeSession({ host, browser });
    await open('2026-11-24T08:05:00Z'); // mardi, 9 h 05 à Paris: an opening half-day
    await nav('Synchronisation');
    await page.getByTestId('sync-ready').waitFor();
    await syncNow();
    await expect
      .poll(() => main().textContent())
      .toMatch(new RegExp(`reçu par la préfecture le \\d{2}/\\d{2}/\\d{4} \\(${ID_ACTE}\\)`));
    expect(await main().textContent()).toMatch(/Pendant la demi-journée d’ouverture en cours/);
    await clean(page, 'sync-05-ar-recu');
    await page.getByRole('button', { name: /^Annuler la transmission : Délibération n° 2026_001/ }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/Elle n’efface pas la décision/);
    await clean(page, 'sync-05b-annulation-confirmer');
    await page.getByRole('dialog').getByRole('button', { name: 'Ne pas annuler' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Comptable (HELIOS)' }).click();
    await expect.poll(() => main().textContent()).toMatch(/Aucun flux comptable envoyé/);
    await clean(page, 'sync-05c-helios');
    await page.getByRole('tab', { name: 'Classification' }).click();
    await expect.poll(() => main().textContent()).toMatch(/Version en service : du 01\/03\/2019/);
    await page.getByRole('button', { name: 'Demander une nouvelle classification' }).click();
    await expect.poll(() => main().textContent()).toMatch(/Demande enregistrée/);
    await clean(page, 'sync-05d-classification');

    fake.addCourrier(
      NUMERO,
      'CourrierSimple',
      'Nous accusons bonne réception de votre délibération. Merci de nous adresser le plan de financement.',
    );
    await syncNow();
    await page.getByRole('tab', { name: /Messages de la préfecture/ }).click();
    const article = main().getByRole('article');
    await expect.poll(() => article.textContent()).toMatch(new RegExp(`Courrier de la préfecture — acte ${NUMERO}`));
    expect(await article.textContent()).toContain(ID_ACTE);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      article.getByRole('button', { name: /^Télécharger .*_1\.pdf/ }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/-2-1_1\.pdf$/);
    expect(
      fs
        .readFileSync(await dl.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await clean(page, 'sync-06-message');

    await nav('Tableau de bord');
    const arrivals = page.getByRole('region', { name: 'Arrivé depuis votre dernière ouverture' });
    await expect.poll(() => arrivals.textContent()).toMatch(new RegExp(`Courrier de la préfecture — acte ${NUMERO}`));
    await clean(page, 'sync-07-tableau-de-bord');

    await nav('Synchronisation');
    await page.getByRole('tab', { name: /Messages de la préfecture/ }).click();
    await page.getByRole('button', { name: new RegExp(`^Répondre : Courrier de la préfecture`) }).click();
    const dialog = page.getByRole('dialog');
    const reponse = path.join(dir, 'reponse-plan-de-financement.pdf');
    fs.writeFileSync(reponse, tinyPdf('Plan de financement'));
    await dialog.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/Choisissez le document PDF/);
    await choose('Lettre de réponse (fichier PDF)', reponse);
    await clean(page, 'sync-08-repondre');
    await dialog.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => main().getByRole('article').textContent())
      .toMatch(/Votre réponse :.*en attente de connexion, tout est enregistré/);
    await syncNow();
    await page.getByRole('tab', { name: /Messages de la préfecture/ }).click();
    await expect
      .poll(() => main().getByRole('article').textContent())
      .toMatch(/Votre réponse :.*envoyé — en attente de l’accusé de réception/);
    expect([...fake.state.txs.values()].filter((t) => t.typeReponse !== null).length).toBe(1);
    await clean(page, 'sync-09-reponse-envoyee');
  });
});
