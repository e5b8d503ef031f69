/** Message files as the register needs them: .eml and Outlook .msg, the key that makes them unique, clean names. */
import { tempDir } from '../../../test-support/helpers';
import { openHarness } from '../../../test-support/sync-harness';
import type { MailArrivee } from './arrivee';
import { takeIn } from './intake';
import { cleanName, isMsg, normalizeMessageId, parseEml, parseMsg } from './parse';
import { buildMessage, buildMsg, tinyPdf } from '../../../test-support/mail-fixtures';

const msg = (messageId: string | null) =>
  buildMsg({
    subject: 'Demande de salle',
    body: 'Bonjour, je voudrais la salle des fêtes le 12 décembre.',
    senderName: 'Jean Dupont',
    senderEmail: 'jean.dupont@example.fr',
    messageId,
    attachment: { nom: 'plan.pdf', type: 'application/pdf', content: tinyPdf('plan') },
  });

describe('message files', () => {
  it('reads an Outlook .msg: sender, subject, text, Message-ID and its attachment', () => {
    const raw = msg('<msg-1@example.fr>');
    expect(isMsg(raw)).toBe(true);
    const p = parseMsg(raw);
    expect(p).toMatchObject({
      messageId: 'msg-1@example.fr',
      expediteur: { nom: 'Jean Dupont', email: 'jean.dupont@example.fr' },
      objet: 'Demande de salle',
      corps: 'Bonjour, je voudrais la salle des fêtes le 12 décembre.',
    });
    expect(p.pieces.map((x) => [x.nom, x.type, x.content.equals(tinyPdf('plan'))])).toEqual([
      ['plan.pdf', 'application/pdf', true],
    ]);
  });

  it('an .msg and an .eml go through the same path: registered once, by Message-ID or else by the file’s hash', async () => {
    const h = openHarness(tempDir('clocher-t13mail-'));
    const got: MailArrivee[] = [];
    const ctx = {
      db: h.db,
      docs: h.docs,
      now: () => new Date('2026-11-23T09:00:00Z'),
      sink: (m: MailArrivee) => (got.push(m), { id: got.length, created: true }),
    };
    expect((await takeIn(ctx, msg('<msg-2@example.fr>'), { source: 'depot' })).created).toBe(true);
    expect((await takeIn(ctx, msg('<msg-2@example.fr>'), { source: 'depot' })).created).toBe(false);
    // the same message saved as .eml by another mail software: same Message-ID, still once
    expect(
      (await takeIn(ctx, await buildMessage({ messageId: '<msg-2@example.fr>' }), { source: 'depot' })).created,
    ).toBe(false);
    expect((await takeIn(ctx, msg(null), { source: 'depot' })).created).toBe(true);
    expect((await takeIn(ctx, msg(null), { source: 'depot' })).created).toBe(false);
    expect(got.map((m) => m.messageId)).toEqual(['msg-2@example.fr', expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    expect(h.docs.read(got[0]!.pieces[0]!.sha256).equals(tinyPdf('plan'))).toBe(true);
    h.db.close();
  });

  it('a dropped .eml is dated by the mairie’s server (top Received: header), not by the sender’s clock', async () => {
    const raw = Buffer.concat([
      Buffer.from('Received: from mx.example.fr by mail.saint-benoit.fr; Mon, 23 Nov 2026 08:12:00 +0100\r\n'),
      await buildMessage({ messageId: '<r@example.fr>', date: new Date('2026-11-01T00:00:00Z') }),
    ]);
    const p = await parseEml(raw);
    expect(p.recuParServeur?.toISOString()).toBe('2026-11-23T07:12:00.000Z');
    expect(p.date?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('Message-IDs and attachment names are made safe', () => {
    expect(normalizeMessageId(' <Abc.1@Example.fr> ')).toBe('Abc.1@Example.fr');
    expect(normalizeMessageId('pas un identifiant')).toBeNull();
    expect(cleanName('C:\\Users\\jean\\..\\plan\u202e fdp.exe', 0, 'application/pdf')).toBe('plan fdp.exe');
    expect(cleanName('../../etc/passwd', 0, 'text/plain')).toBe('passwd');
    expect(cleanName('..', 1, 'application/pdf')).toBe('piece-jointe-2.pdf');
    expect(cleanName(null, 0, 'text/plain')).toBe('piece-jointe-1.txt');
    expect(cleanName('a'.repeat(300) + '.pdf', 0, 'application/pdf')).toHaveLength(120);
  });
});
