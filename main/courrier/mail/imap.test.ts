/**
 * The mailbox read over IMAP against a real dovecot on 127.0.0.1 (test-support/mail-servers.ts): registered once
 * with its attachments, marked on the server (keyword or folder, never deleted), never twice — even fetched
 * twice, without a Message-ID, or after a crash between registering and marking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { mailServersMissing, startMailServers, type MailServers } from '../../../test-support/mail-servers';
import { tempDir } from '../../../test-support/helpers';
import { readMailbox } from './imap';
import { MailError } from './errors';
import { KEYWORD } from './settings';
import { buildMessage, mailHarness, tinyPdf, type MailHarness } from '../../../test-support/mail-fixtures';

const missing = mailServersMissing();
if (missing) console.warn(`[courrier/mail] tests IMAP ignorés : ${missing}`);

/** What the mailbox holds, read back over IMAP as another client would. */
async function serverView(
  s: MailServers,
  folder = 'INBOX',
): Promise<{ uid: number; messageId: string | undefined; keywords: string[] }[]> {
  const c = new ImapFlow({
    host: s.imap.host,
    port: s.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: 'mairie', pass: s.users.mairie as string },
    logger: false,
  });
  await c.connect();
  const lock = await c.getMailboxLock(folder);
  const out: { uid: number; messageId: string | undefined; keywords: string[] }[] = [];
  try {
    for await (const m of c.fetch('1:*', { uid: true, envelope: true, flags: true }, { uid: false }))
      out.push({ uid: m.uid, messageId: m.envelope?.messageId, keywords: [...(m.flags ?? [])] });
  } catch {
    // an empty folder answers « no messages » to 1:*
  } finally {
    lock.release();
    await c.logout();
  }
  return out;
}

describe.skipIf(missing)('the mairie’s mailbox over IMAP (dovecot on 127.0.0.1)', () => {
  let s: MailServers;
  let h: MailHarness;
  beforeAll(async () => {
    s = await startMailServers({ mairie: 'secret-imap' });
  });
  afterAll(async () => {
    await s?.stop();
  });
  beforeEach(() => {
    h = mailHarness(tempDir('clocher-t13mail-'), s);
  });
  afterEach(async () => {
    h.db.close();
    // empty the mailbox for the next test: every message gets the keyword (the reader skips those)
    const c = new ImapFlow({
      host: s.imap.host,
      port: s.imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'mairie', pass: 'secret-imap' },
      logger: false,
    });
    await c.connect();
    const lock = await c.getMailboxLock('INBOX');
    await c.messageDelete('1:*').catch(() => undefined);
    lock.release();
    await c.logout();
  });

  it('a message with a PDF attachment arrives: registered once with its attachment, then marked on the server', async () => {
    const pdf = tinyPdf('Plan de situation');
    s.deliver(
      'mairie',
      await buildMessage({
        messageId: '<demande-1@example.fr>',
        attachments: [{ filename: 'plan de situation.pdf', content: pdf, contentType: 'application/pdf' }],
      }),
    );
    const rep = await readMailbox(h.config(), h.intake);
    expect(rep).toEqual({ lus: 1, enregistres: 1, dejaEnregistres: 0, marques: 1 });
    expect(h.arrivees()).toBe(1);
    const m = h.inputs[0]!;
    expect(m).toMatchObject({
      messageId: 'demande-1@example.fr',
      canal: 'email',
      objet: 'Demande de branchement au réseau d’eau',
      expediteur: { nom: 'Jean Dupont', email: 'jean.dupont@example.fr' },
      dateCourrier: '2026-11-20T10:15:00.000Z',
    });
    expect(m.corps).toContain('je sollicite le branchement');
    expect(m.pieces).toEqual([
      {
        nom: 'plan de situation.pdf',
        type: 'application/pdf',
        taille: pdf.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(h.docs.read(m.pieces[0]!.sha256).equals(pdf)).toBe(true);
    expect(h.docs.read(m.emlSha256).toString('latin1')).toContain('Message-ID: <demande-1@example.fr>');
    // received = the server's delivery time (INTERNALDATE), not the sender's Date header (2026-11-20). The server
    // dates a delivery with the file system's clock, so the comparison is made with that clock, not this process's
    // (which a test may move: faketime)
    const stamp = path.join(tempDir(), 'horloge');
    fs.writeFileSync(stamp, '');
    expect(Math.abs(Date.parse(m.recuLe) - fs.statSync(stamp).mtimeMs)).toBeLessThan(60_000);
    const view = await serverView(s);
    expect(view).toHaveLength(1); // never deleted
    expect(view[0]!.keywords).toContain(KEYWORD);
    const row = h.db.prepare('SELECT source, dossier, marque_le, arrivee_id FROM mail_recu').get();
    expect(row).toEqual({ source: 'imap', dossier: 'INBOX', marque_le: '2026-11-23T09:00:00.000Z', arrivee_id: 1 });
  });

  it('the same message fetched twice (two copies in the folder, then a second run) is registered once', async () => {
    const raw = await buildMessage({ messageId: '<deux-fois@example.fr>' });
    s.deliver('mairie', raw);
    s.deliver('mairie', raw);
    expect(await readMailbox(h.config(), h.intake)).toEqual({ lus: 2, enregistres: 1, dejaEnregistres: 1, marques: 2 });
    // both copies unmarked again (another mail client cleared the keyword): still once
    const c = new ImapFlow({
      host: s.imap.host,
      port: s.imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'mairie', pass: 'secret-imap' },
      logger: false,
    });
    await c.connect();
    const lock = await c.getMailboxLock('INBOX');
    await c.messageFlagsRemove('1:*', [KEYWORD]);
    lock.release();
    await c.logout();
    expect(await readMailbox(h.config(), h.intake)).toEqual({ lus: 2, enregistres: 0, dejaEnregistres: 2, marques: 2 });
    expect(h.arrivees()).toBe(1);
  });

  it('a message without Message-ID is known by its hash: twice in the folder, once in the register', async () => {
    const raw = await buildMessage({ messageId: null, subject: 'Sans identifiant' });
    expect(raw.toString('latin1')).not.toMatch(/^Message-ID:/im);
    s.deliver('mairie', raw);
    s.deliver('mairie', raw);
    await readMailbox(h.config(), h.intake);
    expect(h.arrivees()).toBe(1);
    expect(h.inputs[0]!.messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('a crash between registering and marking: the next run only marks it, the message stays registered once', async () => {
    s.deliver('mairie', await buildMessage({ messageId: '<crash@example.fr>' }));
    const crash = readMailbox(h.config(), h.intake, {
      afterRegister: () => {
        throw new Error('panne de courant');
      },
    });
    await expect(crash).rejects.toBeInstanceOf(MailError);
    expect(h.arrivees()).toBe(1);
    expect((await serverView(s))[0]!.keywords).not.toContain(KEYWORD); // the mark never happened
    expect(h.db.prepare('SELECT marque_le FROM mail_recu').get()).toEqual({ marque_le: null });
    expect(await readMailbox(h.config(), h.intake)).toEqual({ lus: 1, enregistres: 0, dejaEnregistres: 1, marques: 1 });
    expect(h.arrivees()).toBe(1);
    expect((await serverView(s))[0]!.keywords).toContain(KEYWORD);
  });

  it('marking by folder moves the message to « Enregistrés dans Clocher », never deletes it', async () => {
    h.db.close();
    h = mailHarness(tempDir('clocher-t13mail-'), s, {
      marquage: { mode: 'dossier', dossier: 'Enregistrés dans Clocher' },
    });
    s.deliver('mairie', await buildMessage({ messageId: '<range@example.fr>' }));
    expect((await readMailbox(h.config(), h.intake)).enregistres).toBe(1);
    expect(await serverView(s)).toEqual([]);
    expect((await serverView(s, 'Enregistrés dans Clocher')).map((m) => m.messageId)).toEqual(['<range@example.fr>']);
    expect((await readMailbox(h.config(), h.intake)).lus).toBe(0);
    expect(h.arrivees()).toBe(1);
  });

  it('a wrong password is said in French, and nothing is registered', async () => {
    s.deliver('mairie', await buildMessage({ messageId: '<mdp@example.fr>' }));
    await expect(readMailbox({ ...h.config(), motDePasse: 'pas le bon' }, h.intake)).rejects.toThrow(
      "le serveur de réception (IMAP) refuse l'identifiant ou le mot de passe de la messagerie (Paramètres → Messagerie)",
    );
    expect(h.arrivees()).toBe(0);
  });
});
