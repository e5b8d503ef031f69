/** The mailbox's messages land in the register itself (issue 13), and what the register sends leaves by SMTP. */
import { withCommune, type TestCore } from '../../../test-support/helpers';
import { recordOutgoingEmail } from '../index';
import { registerSink, type MailArrivee } from './arrivee';
import { MAIL_ACTOR } from './intake';

const now = new Date('2026-11-23T09:00:00Z');
let t: TestCore & { communeId: string };
const db = () => t.core.communes.get(t.communeId).db;
const docs = () => t.core.communes.documentsOf(t.communeId);

beforeEach(async () => {
  t = await withCommune();
});
afterEach(() => t.close());

function message(over: Partial<MailArrivee> = {}): MailArrivee {
  const eml = docs().put(
    Buffer.from('From: Hélène Martin <helene.martin@example.org>\r\nSubject: Salle\r\n\r\nBonjour'),
  );
  const pdf = docs().put(Buffer.from('%PDF-1.4 plan de la salle'));
  return {
    messageId: 'abc@example.org',
    canal: 'email',
    recuLe: '2026-11-23T08:12:00.000Z',
    dateCourrier: '2026-11-22T19:00:00.000Z',
    expediteur: { nom: 'Hélène Martin', email: 'helene.martin@example.org' },
    objet: 'Réservation de la salle des fêtes',
    corps: 'Je souhaite réserver la salle polyvalente le 12 décembre.',
    pieces: [{ nom: 'plan.pdf', sha256: pdf.sha256, type: 'application/pdf', taille: pdf.size }],
    emlSha256: eml.sha256,
    ...over,
  };
}

it('an e-mail becomes one arrivée « courriel » with the message, its text and its attachments; never twice', () => {
  const sink = registerSink(db(), docs(), MAIL_ACTOR, () => now);
  const first = sink(message());
  expect(first.created).toBe(true);
  expect(sink(message())).toEqual({ id: first.id, created: false });
  const c = db()
    .prepare('SELECT canal, sens, date_enregistrement, date_courrier, objet FROM courrier WHERE id = ?')
    .get(first.id);
  expect(c).toEqual({
    canal: 'courriel',
    sens: 'arrivee',
    date_enregistrement: '2026-11-23',
    date_courrier: '2026-11-22',
    objet: 'Réservation de la salle des fêtes',
  });
  const pieces = db().prepare('SELECT nom FROM courrier_piece WHERE courrier_id = ? ORDER BY id').all(first.id);
  expect(pieces).toEqual([{ nom: 'message.eml' }, { nom: 'texte du message.txt' }, { nom: 'plan.pdf' }]);
  // the body is searchable, accents ignored
  expect(db().prepare("SELECT rowid FROM courrier_fts WHERE courrier_fts MATCH 'polyvalente'").all()).toEqual([
    { rowid: first.id },
  ]);
});

it('dates that cannot be true never leave a message stuck: Date after the receipt, receipt in the future', () => {
  const sink = registerSink(db(), docs(), MAIL_ACTOR, () => now);
  const r = sink(
    message({
      messageId: 'late@example.org',
      recuLe: '2026-11-25T08:00:00.000Z',
      dateCourrier: '2026-11-30T08:00:00.000Z',
    }),
  );
  expect(db().prepare('SELECT date_enregistrement, date_courrier FROM courrier WHERE id = ?').get(r.id)).toEqual({
    date_enregistrement: '2026-11-23',
    date_courrier: '2026-11-23',
  });
});

it('an acknowledgement recorded for an e-mail arrivée is in the SMTP outbox in the same transaction, threaded under it', () => {
  const sink = registerSink(db(), docs(), MAIL_ACTOR, () => now);
  const { id } = sink(message());
  const before = (db().prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'mail'").get() as { n: number }).n;
  expect(() =>
    db().transaction(() => {
      recordOutgoingEmail(
        db(),
        {
          courrierId: id,
          kind: 'aee',
          destinataire: 'helene.martin@example.org',
          sujet: 'Accusé d’enregistrement',
          corps: 'Votre envoi est enregistré.',
        },
        MAIL_ACTOR,
        now,
      );
      throw new Error('rollback');
    })(),
  ).toThrow('rollback');
  expect((db().prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'mail'").get() as { n: number }).n).toBe(
    before,
  );
  recordOutgoingEmail(
    db(),
    {
      courrierId: id,
      kind: 'aee',
      destinataire: 'helene.martin@example.org',
      sujet: 'Accusé d’enregistrement',
      corps: 'Votre envoi est enregistré.',
    },
    MAIL_ACTOR,
    now,
  );
  recordOutgoingEmail(
    db(),
    {
      courrierId: id,
      kind: 'aee',
      destinataire: 'helene.martin@example.org',
      sujet: 'Accusé d’enregistrement',
      corps: 'Votre envoi est enregistré.',
    },
    MAIL_ACTOR,
    now,
  );
  const rows = db().prepare("SELECT payload FROM sync_outbox WHERE kind = 'mail'").all() as { payload: string }[];
  expect(rows).toHaveLength(before + 1);
  expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({
    to: ['helene.martin@example.org'],
    subject: 'Accusé d’enregistrement',
    inReplyTo: 'abc@example.org',
  });
});

it('the dashboard says it came by e-mail, once', () => {
  const sink = registerSink(db(), docs(), MAIL_ACTOR, () => now);
  const { id } = sink(message());
  sink(message());
  expect(
    db().prepare('SELECT source, title, object_type, object_id FROM arrival WHERE object_type = ?').all('courrier'),
  ).toEqual([
    {
      source: 'courriel',
      title: 'Courriel de Hélène Martin : Réservation de la salle des fêtes',
      object_type: 'courrier',
      object_id: String(id),
    },
  ]);
});
