import { withCommune, type TestCore } from '../../test-support/helpers';
import { recordOutgoingEmail, registerArrivee } from './index';

const actor = { login: 'secretaire', name: 'Martine Roux' };
const now = new Date('2026-11-23T09:00:00Z');
let t: TestCore & { communeId: string };
const db = () => t.core.communes.get(t.communeId).db;
const docs = () => t.core.communes.documentsOf(t.communeId);

beforeEach(async () => {
  t = await withCommune();
});
afterEach(() => t.close());

const mail = {
  channel: 'courriel' as const,
  dateReception: '2026-11-23',
  dateCourrier: '2026-11-22',
  correspondent: { nom: 'Hélène Martin', email: 'helene.martin@example.org', adresse: '3 rue des Lilas' },
  objet: 'Demande de location de la salle des fêtes',
  nature: 'courriel',
  attachments: [
    {
      name: 'message.txt',
      mime: 'text/plain',
      bytes: new TextEncoder().encode('Je souhaite réserver la salle polyvalente le 12 décembre.'),
    },
  ],
  messageId: '<abc@example.org>',
};

it('registers an arrivée with its chrono number, contact and attachment; idempotent on messageId', () => {
  const a = registerArrivee(db(), docs(), mail, actor, now);
  expect(a).toMatchObject({ annee: 2026, numero: 1, created: true });
  const again = registerArrivee(db(), docs(), mail, actor, now);
  expect(again).toEqual({ ...a, created: false });
  const b = registerArrivee(
    db(),
    docs(),
    {
      ...mail,
      attachments: [],
      messageId: '<def@example.org>',
      correspondent: { nom: 'HELENE  MARTIN', email: 'Helene.Martin@example.org' },
    },
    actor,
    now,
  );
  expect(b.numero).toBe(2);
  expect((db().prepare('SELECT count(*) AS n FROM contact').get() as { n: number }).n).toBe(1);
  const piece = db()
    .prepare('SELECT nom, sha256, taille FROM courrier_piece WHERE courrier_id = ?')
    .get(a.courrierId) as { sha256: string; taille: number };
  expect(docs().read(piece.sha256).byteLength).toBe(piece.taille);
  // accent- and case-insensitive search reaches the text of the attachment
  const hits = db().prepare("SELECT rowid FROM courrier_fts WHERE courrier_fts MATCH 'polyvalente'").all();
  expect(hits).toEqual([{ rowid: a.courrierId }]);
  expect(db().prepare("SELECT rowid FROM courrier_fts WHERE courrier_fts MATCH 'fetes'").all()).toHaveLength(2);
  expect(
    (
      db().prepare("SELECT count(*) AS n FROM journal WHERE action = 'courrier.arrivee.enregistree'").get() as {
        n: number;
      }
    ).n,
  ).toBe(2);
});

it('numbers per year and direction, from 1 each year', () => {
  registerArrivee(
    db(),
    docs(),
    { ...mail, messageId: null, dateReception: '2025-12-31', dateCourrier: null },
    actor,
    now,
  );
  const b = registerArrivee(db(), docs(), { ...mail, messageId: null }, actor, now);
  expect(b).toMatchObject({ annee: 2026, numero: 1 });
});

it('refuses bad input in French and keeps nothing', () => {
  expect(() => registerArrivee(db(), docs(), { ...mail, objet: '  ' }, actor, now)).toThrow(
    /Objet : champ obligatoire/,
  );
  expect(() => registerArrivee(db(), docs(), { ...mail, dateReception: '2026-11-31' }, actor, now)).toThrow(
    /n'existe pas/,
  );
  expect(() => registerArrivee(db(), docs(), { ...mail, dateReception: '2026-11-24' }, actor, now)).toThrow(/futur/);
  expect(() =>
    registerArrivee(
      db(),
      docs(),
      { ...mail, attachments: [{ name: 'x.pdf', mime: 'application/pdf', sha256: 'a'.repeat(64) }] },
      actor,
      now,
    ),
  ).toThrow(/introuvable/);
  expect((db().prepare('SELECT count(*) AS n FROM courrier').get() as { n: number }).n).toBe(0);
});

it('records an outgoing e-mail once per courrier, kind and recipient', () => {
  const a = registerArrivee(db(), docs(), mail, actor, now);
  const e = {
    courrierId: a.courrierId,
    kind: 'aee' as const,
    destinataire: 'helene.martin@example.org',
    sujet: 'Accusé d’enregistrement',
    corps: 'Votre envoi a été enregistré.',
  };
  const first = db().transaction(() => recordOutgoingEmail(db(), e, actor, now))();
  expect(first.created).toBe(true);
  expect(recordOutgoingEmail(db(), e, actor, now)).toEqual({ id: first.id, created: false });
});

it('the e-mail side issues the AEE of a registered message, queued to the sender once', async () => {
  const { acknowledgeAs } = await import('./index');
  const a = registerArrivee(db(), docs(), mail, actor, now);
  const aee = await acknowledgeAs(
    db(),
    docs(),
    a.courrierId,
    'aee',
    { nom: 'Martine Roux', qualite: 'Secrétaire de mairie' },
    actor,
    now,
  );
  expect(aee.courriel).toBe('helene.martin@example.org');
  const rows = db()
    .prepare('SELECT kind, destinataire, corps FROM courrier_courriel WHERE courrier_id = ?')
    .all(a.courrierId) as { kind: string; corps: string }[];
  expect(rows).toMatchObject([{ kind: 'aee', destinataire: 'helene.martin@example.org' }]);
  expect(rows[0]?.corps).toContain('Martine Roux, Secrétaire de mairie');
  expect(
    (db().prepare('SELECT aee_le FROM courrier WHERE id = ?').get(a.courrierId) as { aee_le: string }).aee_le,
  ).toBe('2026-11-23');
});
