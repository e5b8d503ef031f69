/**
 * Saisine par voie électronique end to end, against the real servers on 127.0.0.1 (dovecot for IMAP, smtp-server
 * delivering into dovecot): two citizens' e-mails arrive on a Friday evening, « Synchroniser maintenant » registers
 * them as arrivées « Courriel » with their attachment; the AEE leaves by itself (R112-11-2: within one working day,
 * here the Monday), the ARE when the secrétaire classifies (R112-11-2: within ten working days), each read back
 * from the recipients' real mailbox over IMAP with its date and the mentions of R112-11-1, R112-5 and L111-2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { mailServersMissing, SENT_BOX, startMailServers, type MailServers } from '../../test-support/mail-servers';
import { MONTH_WORD } from '../../test-support/dates';
import { buildMessage, tinyPdf } from '../../test-support/mail-fixtures';
import { validAccount, withCommune } from '../../test-support/helpers';
import { checkPage, chromiumMissing, clean, closeSession, openSession, pick, type Host } from './harness';

const missing = chromiumMissing() ?? mailServersMissing();
if (missing) console.log(`e2e courrier par courriel ignoré : ${missing}`);
const T = { timeout: 15_000 };
// Friday 20 November 2026, 18:30 in Paris: the AEE is due the next working day, Monday 23 (the host's clock)
const FRIDAY_EVENING = new Date('2026-11-20T17:30:00Z');

/** Every message the SMTP server delivered, read back from the recipients' mailbox in dovecot. */
async function sentMailbox(s: MailServers): Promise<ParsedMail[]> {
  const client = new ImapFlow({
    host: s.imap.host,
    port: s.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: SENT_BOX, pass: s.users[SENT_BOX]! },
    logger: false,
  });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const out: ParsedMail[] = [];
      if (!(client.mailbox && client.mailbox.exists)) return out;
      for await (const m of client.fetch('1:*', { source: true })) out.push(await simpleParser(m.source!));
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

const parisDay = (d: Date | undefined) => (d ? d.toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' }) : '');

describe.skipIf(!!missing)('e-mails to the mairie: registered, AEE and ARE by SMTP (Chromium, dovecot, SMTP)', () => {
  let s: MailServers;
  let host: Host;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-e2e-courriel-'));
  const main = () => page.getByRole('main');
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name }).click();
  const synchronise = async () => {
    await nav('Synchronisation');
    const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
    await button.click();
    await expect.poll(async () => button.getAttribute('data-loading'), { timeout: 30_000 }).toBe(null);
  };
  const open = async (ref: string) => {
    await nav('Courrier');
    const back = page.getByRole('button', { name: '← Retour au registre' });
    if (await back.isVisible()) await back.click();
    await page.getByRole('button', { name: `Ouvrir le courrier ${ref}` }).click();
  };
  const classify = async (option: string) => {
    await pick(page, 'Nature de la demande', option, main());
    await page.getByRole('button', { name: 'Classer' }).click();
  };

  beforeAll(async () => {
    s = await startMailServers({ mairie: 'secret-imap' });
    const t = await withCommune(dir);
    try {
      // the secrétaire set up the mailbox (Paramètres → Messagerie, its own e2e): she is the agent the AEE names
      const r = await t.client.call('messagerie.save', {
        adresse: 'mairie@saint-benoit.fr',
        nomExpediteur: 'Mairie de Saint-Benoît-sur-Loire',
        identifiant: 'mairie',
        motDePasse: 'secret-imap',
        imap: { hote: s.imap.host, port: s.imap.port, securite: 'aucune' },
        smtp: { hote: s.smtp.host, port: s.smtp.port, securite: 'aucune' },
        dossier: 'INBOX',
        marquage: { mode: 'mot_cle' },
      });
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      t.close();
    }
    ({ host, browser, page } = await openSession({ dataDir: dir, now: '2026-11-23T09:00:00Z', account: validAccount }));
  });
  afterAll(async () => {
    await closeSession({ host, browser });
    await s?.stop();
  });
  afterEach((ctx) => checkPage(page, 'courriel', ctx));

  it('two e-mails of Friday evening are registered as arrivées « Courriel » with their attachment', async () => {
    s.deliver(
      'mairie',
      await buildMessage({
        messageId: '<branchement-1@example.fr>',
        subject: 'Demande de branchement au réseau d’eau',
        attachments: [{ filename: 'plan.pdf', content: tinyPdf('plan'), contentType: 'application/pdf' }],
      }),
      FRIDAY_EVENING,
    );
    s.deliver(
      'mairie',
      await buildMessage({
        messageId: '<facture-2@example.fr>',
        from: 'Hélène Martin <helene.martin@example.fr>',
        subject: 'Réclamation sur ma facture d’eau',
        text: 'Ma facture de novembre compte deux fois le même relevé.',
      }),
      FRIDAY_EVENING,
    );
    await synchronise();
    await open('A-2026-1');
    await expect
      .poll(() => main().textContent(), T)
      .toContain('Courrier arrivée n° A-2026-1 — Demande de branchement au réseau d’eau');
    const text = (await main().textContent()) ?? '';
    for (const m of [
      'Reçu le20/11/2026',
      'Jean Dupont — jean.dupont@example.fr',
      'Courriel, Courriel',
      'plan.pdf',
      'message.eml',
      'texte du message.txt',
    ])
      expect(text).toContain(m);
    // the AEE was issued by the synchronisation itself, to leave at the next one (R112-11-2)
    expect(text).toContain(
      'Accusé d’enregistrement électronique — courrier n° 2026-1 → jean.dupont@example.fr : en attente d’envoi',
    );
    expect(text).not.toContain('Accusé d’enregistrement électronique à envoyer');
    expect(text).toContain('Accusé de réception électronique à envoyer au plus tard le 04/12/2026 (CRPA R112-11-2)');
    await clean(page, 'courriel-01-arrivee');
    await page.getByRole('button', { name: 'Afficher l’aperçu de « plan.pdf »' }).click();
    await page
      .getByRole('img', { name: /, page 1 sur \d+$/ })
      .first()
      .waitFor(T);
    await page.getByRole('button', { name: '← Retour au registre' }).click();
    await page.getByRole('tab', { name: 'À faire et échéances' }).click();
    await expect.poll(() => main().textContent(), T).toContain('Accusé de réception électronique');
    expect(await main().getByText('Accusé de réception électronique', { exact: true }).count()).toBe(2);
    await clean(page, 'courriel-02-echeances');
  });

  it('classifying sends the ARE; the AEE and ARE are in the citizens’ mailboxes with the right dates and mentions', async () => {
    await open('A-2026-1');
    await classify('Demande relevant d’une procédure');
    await page
      .getByText('Accusé de réception électronique envoyé à jean.dupont@example.fr (CRPA R112-11-1).')
      .waitFor(T);
    await expect.poll(() => main().textContent(), T).toContain('Décision implicite le 21/01/2027');
    await clean(page, 'courriel-03-classe-are');
    await open('A-2026-2');
    await classify('Réclamation ou recours administratif');
    await page
      .getByText('Accusé de réception électronique envoyé à helene.martin@example.fr (CRPA R112-11-1).')
      .waitFor(T);
    await synchronise();
    await expect.poll(async () => (await sentMailbox(s)).length, T).toBe(4);
    const mails = await sentMailbox(s);
    const find = (subject: string, to: string) => {
      const m = mails.find(
        (x) => x.subject === subject && (Array.isArray(x.to) ? x.to : [x.to]).some((a) => a?.text.includes(to)),
      );
      expect(m, `${subject} → ${to} : ${mails.map((x) => x.subject).join(' | ')}`).toBeTruthy();
      return m!;
    };
    const service = [
      'Service : secrétariat de la mairie de Saint-Benoît-sur-Loire',
      'Téléphone : 02 38 35 70 00',
      'Agent chargé du dossier : Martine Roux, Secrétaire de mairie',
      '(CRPA L111-2)',
    ];

    // AEE: Friday evening's message, acknowledged Monday = one working day (R112-11-2), threaded under it
    const aee = find('Accusé d’enregistrement électronique — courrier n° 2026-1', 'jean.dupont@example.fr');
    expect(parisDay(aee.date)).toBe('2026-11-23');
    expect(aee.inReplyTo).toBe('<branchement-1@example.fr>');
    expect(aee.from?.text).toContain('mairie@saint-benoit.fr');
    for (const m of [
      'reçu le 20/11/2026 et enregistré sous le n° 2026-1',
      'CRPA L112-11, R112-11-2',
      'dans un délai de dix jours ouvrés',
      ...service,
    ])
      expect(aee.text).toContain(m);
    expect(aee.attachments.map((a) => a.filename)).toEqual(['aee-2026-1.pdf']);
    find('Accusé d’enregistrement électronique — courrier n° 2026-2', 'helene.martin@example.fr');

    // ARE of a request (SVA, L231-1): sent by 04/12 (ten working days), acceptance date and L232-3 attestation
    const are = find('Accusé de réception électronique — courrier n° 2026-1', 'jean.dupont@example.fr');
    expect(parisDay(are.date) <= '2026-12-04').toBe(true);
    for (const m of [
      'reçu le 20/11/2026',
      'CRPA L112-11, R112-11-1',
      'réputée acceptée le 21/01/2027 (CRPA L231-1)',
      'attestation de cette décision implicite d’acceptation (CRPA L232-3)',
      'sous réserve que votre demande soit complète (CRPA R112-11-1)',
      ...service,
    ])
      expect(are.text).toContain(m);
    // ARE of a réclamation (SVR, L231-4 2°): rejection date and the délais et voies de recours (R112-11-1, L112-6)
    const rejet = find('Accusé de réception électronique — courrier n° 2026-2', 'helene.martin@example.fr');
    expect(parisDay(rejet.date) <= '2026-12-04').toBe(true);
    for (const m of [
      'réputée rejetée le 21/01/2027 (CRPA L231-4 2°)',
      'recours gracieux auprès du maire',
      'tribunal administratif dans un délai de deux mois',
      'CJA R421-1',
      ...service,
    ])
      expect(rejet.text).toContain(m);
    // dates jj/mm/aaaa in what the citizen receives (product rule): never a month in words
    for (const m of [aee, are, rejet]) expect(m.text, m.subject).not.toMatch(MONTH_WORD);

    // the register says they left, and when (the SMTP server's acceptance, main/courrier/mail/smtp.ts)
    await open('A-2026-1');
    await expect
      .poll(() => main().textContent(), T)
      .toContain(
        'Accusé de réception électronique — courrier n° 2026-1 → jean.dupont@example.fr : envoyé le 23/11/2026',
      );
    expect(await main().textContent()).toContain(
      'Accusé d’enregistrement électronique — courrier n° 2026-1 → jean.dupont@example.fr : envoyé le 23/11/2026',
    );
    await clean(page, 'courriel-04-envoyes');

    // nothing is owed any more, and a third synchronisation sends nothing twice
    await nav('Courrier');
    const back = page.getByRole('button', { name: '← Retour au registre' });
    if (await back.isVisible()) await back.click();
    await page.getByRole('tab', { name: 'À faire et échéances' }).click();
    await expect.poll(() => main().textContent(), T).not.toContain('Accusé de réception électronique');
    await clean(page, 'courriel-05-echeances-apres');
    await synchronise();
    expect((await sentMailbox(s)).length).toBe(4);
  });

  it('a sender marked « envois abusifs » (CRPA L112-11): his e-mail is registered, no accusé leaves, the row says why', async () => {
    const spam = 'relance.auto@example.org';
    await nav('Courrier');
    const back = page.getByRole('button', { name: '← Retour au registre' });
    if (await back.isVisible()) await back.click();
    await page.getByRole('tab', { name: 'Envois abusifs' }).click();
    await main()
      .getByLabel(/^Adresse électronique/)
      .fill(spam);
    await main()
      .getByLabel(/^Motif/)
      .fill('Le même message automatique plusieurs fois par heure depuis lundi');
    await page.getByRole('button', { name: 'Signaler pour envois abusifs' }).click();
    await page.getByText(`Adresse ${spam} signalée.`).waitFor(T);
    const before = (await sentMailbox(s)).length;
    s.deliver(
      'mairie',
      await buildMessage({
        messageId: '<relance-9@example.org>',
        from: `Relances <${spam}>`,
        subject: 'Votre dossier',
      }),
      new Date('2026-11-23T08:00:00Z'),
    );
    await synchronise();
    await synchronise(); // what the first one queued would leave now
    await nav('Courrier');
    await page.getByRole('tab', { name: 'Registre' }).click();
    await expect
      .poll(() => main().textContent(), T)
      .toContain('Votre dossierPas d’accusé automatique : expéditeur signalé pour envois abusifs (CRPA L112-11)');
    await clean(page, 'courriel-06-envoi-abusif');
    await page.getByRole('button', { name: 'Ouvrir le courrier A-2026-3' }).click();
    await expect.poll(() => main().textContent(), T).toContain('Aucun accusé ne lui a été envoyé automatiquement');
    await clean(page, 'courriel-07-envoi-abusif-detail');
    const sent = await sentMailbox(s);
    expect(sent.length).toBe(before);
    expect(sent.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(spam)))).toEqual([]);
  });
});
