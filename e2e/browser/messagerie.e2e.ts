/**
 * Paramètres → Messagerie in Chromium against the real servers on 127.0.0.1 (dovecot for IMAP, smtp-server
 * delivering into it): the secrétaire configures the mailbox, « Tester la connexion » says it works, a citizen's
 * e-mail with a PDF arrives with « Synchroniser maintenant » and is shown on the dashboard; an .eml dropped in by
 * hand is registered, and once only. axe-core on each screen; screenshots in test-results/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mailServersMissing, startMailServers, type MailServers } from '../../test-support/mail-servers';
import { buildMessage, tinyPdf } from '../../test-support/mail-fixtures';
import { validAccount, withCommune } from '../../test-support/helpers';
import { checkPage, chromiumPath, clean, closeSession, openSession, pick, type Host } from './harness';

const chromium = chromiumPath();
const missing = !chromium
  ? 'Chromium introuvable (paquet Debian « chromium », installé par .ci/run)'
  : mailServersMissing();
if (missing) console.log(`e2e messagerie ignorés : ${missing}`);

describe.skipIf(missing)('the mairie’s mailbox in Chromium (dovecot and SMTP on 127.0.0.1)', () => {
  let s: MailServers;
  let host: Host;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-t13mail-e2e-'));
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name }).click();

  beforeAll(async () => {
    s = await startMailServers({ mairie: 'secret-imap' });
    (await withCommune(dir)).close();
    ({ host, browser, page } = await openSession({ dataDir: dir, now: '2026-11-23T09:00:00Z', account: validAccount }));
  });
  afterAll(async () => {
    await closeSession({ host, browser });
    await s?.stop();
  });
  afterEach((ctx) => checkPage(page, 'messagerie', ctx));

  it('configures the mailbox: a wrong password is diagnosed in French, then the connection works', async () => {
    await nav('Paramètres');
    await page.getByRole('tab', { name: 'Messagerie' }).click();
    await page.getByLabel('Adresse électronique de la mairie').fill('mairie@saint-benoit.fr');
    await page.getByLabel('Identifiant de la messagerie').fill('mairie');
    await page.getByLabel('Mot de passe de la messagerie').fill('pas le bon');
    await page.getByLabel('Serveur de réception').fill('127.0.0.1');
    await pick(page, 'Sécurité (réception)', 'Aucune (ce poste)');
    await page.getByLabel('Port de réception').fill(String(s.imap.port));
    await page.getByLabel('Serveur d’envoi').fill('127.0.0.1');
    await pick(page, 'Sécurité (envoi)', 'Aucune (ce poste)');
    await page.getByLabel('Port d’envoi').fill(String(s.smtp.port));
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    const ko = page.getByRole('alert').filter({ hasText: 'La connexion ne fonctionne pas' });
    await ko.waitFor({ timeout: 30_000 });
    expect(await ko.textContent()).toContain("refuse l'identifiant ou le mot de passe de la messagerie");
    await clean(page, 'messagerie-01-mot-de-passe-refuse');
    await page.getByLabel('Mot de passe de la messagerie').fill('secret-imap');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByText('La connexion fonctionne').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Réglages de la messagerie enregistrés.').waitFor();
    expect(await page.getByLabel('Mot de passe de la messagerie').inputValue()).toBe('');
    await clean(page, 'messagerie-02-connexion-ok');
  });

  it('a citizen’s e-mail with its PDF arrives at « Synchroniser maintenant » and is on the dashboard', async () => {
    s.deliver(
      'mairie',
      await buildMessage({
        messageId: '<e2e-1@example.fr>',
        subject: 'Demande de branchement au réseau d’eau',
        attachments: [{ filename: 'plan.pdf', content: tinyPdf('plan'), contentType: 'application/pdf' }],
      }),
    );
    await nav('Synchronisation');
    const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
    await button.click();
    await expect.poll(async () => button.getAttribute('data-loading'), { timeout: 30_000 }).toBe(null);
    await nav('Tableau de bord');
    const arrivals = page.getByRole('region', { name: 'Arrivé depuis votre dernière ouverture' });
    await arrivals
      .getByText('Courriel de Jean Dupont : Demande de branchement au réseau d’eau')
      .waitFor({ timeout: 15_000 });
    expect(await arrivals.getByText(/Courriel/).count()).toBeGreaterThan(0);
    await clean(page, 'messagerie-03-courriel-arrive');
  });

  it('an .eml dropped in by hand is registered once; dropping it again says so', async () => {
    const file = path.join(dir, 'demande-salle.eml');
    fs.writeFileSync(
      file,
      await buildMessage({ messageId: '<e2e-depot@example.fr>', subject: 'Demande de la salle des fêtes' }),
    );
    await nav('Paramètres');
    await page.getByRole('tab', { name: 'Messagerie' }).click();
    for (const expected of [
      'Courriel « Demande de la salle des fêtes » enregistré.',
      'Ce courriel (« Demande de la salle des fêtes ») était déjà enregistré : rien n’a été ajouté.',
    ]) {
      const [fc] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByLabel('Courriel enregistré depuis votre messagerie (.eml ou .msg)').click(),
      ]);
      await fc.setFiles(file);
      await page.getByRole('button', { name: 'Enregistrer ce courriel' }).click();
      await page.getByText(expected).waitFor({ timeout: 15_000 });
    }
    await clean(page, 'messagerie-04-depot');
  });
});
