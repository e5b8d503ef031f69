/**
 * Outgoing e-mail through the synchronisation's outbox and engine, over a real SMTP server on 127.0.0.1 that
 * delivers into dovecot (test-support/mail-servers.ts): written with the change or not at all, sent once with
 * the Message-ID fixed at enqueue, retried after a 4xx and after a network cut mid-send, refused for good on 5xx,
 * its status in plain French.
 */
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { mailServersMissing, SENT_BOX, startMailServers, type MailServers } from '../../../test-support/mail-servers';
import { classifyTransport, runSync, type Connector } from '../../sync/index';
import { enqueue, statusLabel, type OutboxRow } from '../../sync';
import { tempDir } from '../../../test-support/helpers';
import { withMail } from './connector';
import { enqueueMail } from './outbox';
import { mailHarness, tinyPdf, type MailHarness } from '../../../test-support/mail-fixtures';

const missing = mailServersMissing();
if (missing) console.warn(`[courrier/mail] tests SMTP ignorés : ${missing}`);

/** What the recipient's mailbox holds, read back over IMAP. */
async function received(
  s: MailServers,
): Promise<{ messageId: string | undefined; subject: string | undefined; attachments: string[] }[]> {
  const c = new ImapFlow({
    host: s.imap.host,
    port: s.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: SENT_BOX, pass: s.users[SENT_BOX] as string },
    logger: false,
  });
  await c.connect();
  const lock = await c.getMailboxLock('INBOX');
  const out = [];
  try {
    const uids = (await c.search({ all: true }, { uid: true })) || [];
    for (const uid of uids) {
      const m = await c.fetchOne(String(uid), { source: true }, { uid: true });
      const p = await simpleParser(m ? (m.source as Buffer) : Buffer.alloc(0));
      out.push({
        messageId: p.messageId,
        subject: p.subject,
        attachments: p.attachments.map((a) => `${a.filename} ${a.content.length}`),
      });
    }
    if (uids.length) await c.messageDelete(uids, { uid: true }); // the next test starts empty
  } finally {
    lock.release();
    await c.logout();
  }
  return out;
}

describe.skipIf(missing)('outgoing e-mail through the outbox, over SMTP (127.0.0.1)', () => {
  let s: MailServers;
  let h: MailHarness;
  let now: Date;
  const clock = () => now;
  const row = (id: number) => h.db.prepare('SELECT * FROM sync_outbox WHERE id = ?').get(id) as OutboxRow;
  const sync = () =>
    runSync({
      db: h.db,
      docs: h.docs,
      connector: withMail('plateforme non configurée', { config: h.config(), intake: h.intake, timeoutMs: 3000 }),
      now: clock,
      pull: false,
      backoff: { baseMs: 60_000, maxMs: 3_600_000, random: () => 0 },
    });
  const later = (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000));

  /** An accusé d'enregistrement queued with the change that needs it (here a row of a test table), as the register will. */
  function acknowledge(key: string, attachment?: Buffer): { outboxId: number; messageId: string } {
    return h.db.transaction(() => {
      h.db.prepare('INSERT INTO test_arrivee (message_id, objet) VALUES (?, ?)').run(key, 'Demande');
      const sha256 = attachment ? h.docs.put(attachment).sha256 : null;
      return enqueueMail(
        h.db,
        {
          idemKey: `mail:aee:${key}`,
          to: ['jean.dupont@example.fr'],
          subject: `Accusé d'enregistrement — ${key}`,
          text: 'Votre demande a été enregistrée le 23/11/2026.',
          inReplyTo: `${key}@example.fr`,
          attachments: sha256 ? [{ nom: 'accuse.pdf', sha256, type: 'application/pdf' }] : [],
        },
        now,
      );
    })();
  }

  beforeAll(async () => {
    s = await startMailServers({ mairie: 'secret-imap' });
  });
  afterAll(async () => {
    await s?.stop();
  });
  beforeEach(async () => {
    now = new Date('2026-11-23T09:00:00Z');
    s.setFaults({});
    h = mailHarness(tempDir('clocher-t13mail-'), s, {}, clock);
    await received(s);
  });
  afterEach(() => h.db.close());

  it('is written in the same transaction as the change: a rolled-back change leaves no e-mail to send', () => {
    expect(() =>
      h.db.transaction(() => {
        enqueueMail(h.db, { idemKey: 'mail:x', to: ['jean.dupont@example.fr'], subject: 'x', text: 'x' }, now);
        throw new Error('la suite de la modification échoue');
      })(),
    ).toThrow('échoue');
    expect(h.db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    const a = acknowledge('k1');
    expect(acknowledge('k1')).toEqual(a); // idempotent on its key: same item, same Message-ID
  });

  it('leaves once, with the Message-ID fixed at enqueue and its attachment; the status says « envoyé le … »', async () => {
    const pdf = tinyPdf('Accuse');
    const { outboxId, messageId } = acknowledge('demande-1', pdf);
    expect(row(outboxId).state).toBe('a_envoyer');
    expect(statusLabel(row(outboxId))).toBe('en attente d’envoi');
    const rep = await sync();
    expect(rep.outcome).toBe('ok');
    expect(row(outboxId)).toMatchObject({ state: 'recu', attempts: 1, last_error: null });
    expect(statusLabel(row(outboxId))).toBe('envoyé le 23/11/2026');
    expect(JSON.parse(row(outboxId).result as string)).toMatchObject({ envoyeLe: '2026-11-23T09:00:00.000Z' }); // the core's clock, not the machine's
    expect(await sync()).toMatchObject({ steps: 0 }); // nothing left to do: not sent again
    const got = await received(s);
    expect(got).toEqual([
      {
        messageId: `<${messageId}>`,
        subject: "Accusé d'enregistrement — demande-1",
        attachments: [`accuse.pdf ${pdf.length}`],
      },
    ]);
    const sent = await simpleParser(s.delivered[s.delivered.length - 1]!.raw);
    expect(sent.inReplyTo).toBe('<demande-1@example.fr>');
    expect(sent.from?.value).toEqual([{ name: 'Mairie de Saint-Benoît-sur-Loire', address: 'mairie@saint-benoit.fr' }]);
    expect(s.delivered[s.delivered.length - 1]!.to).toEqual(['jean.dupont@example.fr']);
  });

  it('a temporary refusal (451) is retried with backoff, its reason shown in French, and the mail leaves once', async () => {
    s.setFaults({ tempFail: 2 });
    const { outboxId, messageId } = acknowledge('greylist');
    const before = s.attempts;
    await sync();
    const r1 = row(outboxId);
    expect(r1.state).toBe('envoi_en_cours');
    expect(r1.attempts).toBe(1);
    expect(statusLabel(r1)).toBe(
      "pas encore parti (1 essai) : le serveur d'envoi (SMTP) a refusé l'envoi pour l'instant (451) : « 451 Greylisted, please try again later » — nouvel essai automatique à partir du 23/11/2026 à 10:00",
    );
    await sync(); // not due yet: backoff respected
    expect(s.attempts - before).toBe(1);
    later(2);
    await sync();
    expect(row(outboxId)).toMatchObject({ state: 'envoi_en_cours', attempts: 2 });
    later(5);
    await sync();
    expect(row(outboxId)).toMatchObject({ state: 'recu', attempts: 3 });
    expect(s.attempts - before).toBe(3);
    expect((await received(s)).map((m) => m.messageId)).toEqual([`<${messageId}>`]);
  });

  it('a permanent refusal (550) is final, said in French, and comes back to the secrétaire', async () => {
    s.setFaults({ permFail: 1 });
    const { outboxId } = acknowledge('inconnu');
    const rep = await sync();
    expect(rep.refused).toBe(1);
    expect(row(outboxId).state).toBe('refuse');
    expect(statusLabel(row(outboxId))).toBe(
      "non envoyé : le serveur d'envoi (SMTP) a refusé ce courriel (550) : « 550 Mailbox unavailable »",
    );
    expect(h.db.prepare("SELECT title FROM todo WHERE object_type = 'sync_outbox'").all()).toHaveLength(1);
    later(600);
    await sync();
    expect(await received(s)).toEqual([]);
  });

  it('a network cut in the middle of the message: retried, delivered once with the same Message-ID', async () => {
    s.setFaults({ cutAfterBytes: 20_000, cuts: 1 });
    const big = tinyPdf('x'.repeat(200_000));
    const { outboxId, messageId } = acknowledge('coupure', big);
    await sync();
    const r1 = row(outboxId);
    expect(r1.state).toBe('envoi_en_cours');
    expect(r1.last_error).toMatch(/la connexion avec le serveur d'envoi \(SMTP\) a été coupée/);
    expect(s.delivered.filter((d) => d.raw.includes(messageId))).toHaveLength(0);
    later(2);
    await sync();
    expect(row(outboxId)).toMatchObject({ state: 'recu', attempts: 2 });
    expect((await received(s)).map((m) => m.messageId)).toEqual([`<${messageId}>`]);
  });

  it('the mailbox not configured: the e-mail waits and says why; the platform’s items are not stopped by it', async () => {
    const { outboxId } = acknowledge('sans-config');
    const classification = h.db.transaction(() =>
      enqueue(
        h.db,
        { idemKey: 'classification:test', kind: 'classification', label: 'Classification', payload: {} },
        now,
      ),
    )();
    // the platform side is not what this test is about: a connector that accepts everything
    const platform: Connector = {
      name: 'plateforme',
      push: async (_i, io) => ({ state: 'recu', result: { date: io.today } }),
      pull: async () => undefined,
      test: async () => ({ ok: true, message: '', steps: [] }),
      close: () => undefined,
      classify: classifyTransport,
    };
    const connector = withMail(platform, "La messagerie de la mairie n'est pas configurée (Paramètres → Messagerie).");
    const rep = await runSync({ db: h.db, docs: h.docs, connector, now: clock, pull: false });
    expect(rep.outcome).toBe('ok');
    expect(row(classification).state).toBe('recu');
    expect(row(outboxId).state).toBe('a_envoyer');
    expect(statusLabel(row(outboxId))).toMatch(
      /^pas encore parti \(1 essai\) : La messagerie de la mairie n'est pas configurée \(Paramètres → Messagerie\)\. — nouvel essai automatique/,
    );
  });
});
