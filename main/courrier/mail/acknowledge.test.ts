/** The AEE leaves by itself for what the mailbox brought (R112-11-2), once, and not for an old backlog. */
import { MONTH_WORD } from '../../../test-support/dates';
import { withCommune, type TestCore } from '../../../test-support/helpers';
import { buildMessage } from '../../../test-support/mail-fixtures';
import { acknowledgeReceived, saveMailAgent } from './acknowledge';
import { mailIntakeFor } from './index';
import { takeIn } from './intake';

const now = () => new Date('2026-11-23T09:00:00Z'); // Monday
let t: TestCore & { communeId: string };
const db = () => t.core.communes.get(t.communeId).db;
const docs = () => t.core.communes.documentsOf(t.communeId);

beforeEach(async () => {
  t = await withCommune();
});
afterEach(() => t.close());

const take = async (messageId: string, recuLe: string) =>
  (
    await takeIn(mailIntakeFor(db(), docs(), now), await buildMessage({ messageId, subject: `Demande ${messageId}` }), {
      source: 'imap',
      recuLe: new Date(recuLe),
    })
  ).arriveeId!;

it('issues the AEE of a message just taken in, once, naming the secrétaire who set up the mailbox (L111-2)', async () => {
  saveMailAgent(db(), { nom: 'Martine Roux', qualite: 'Secrétaire de mairie' });
  const id = await take('<recent@example.fr>', '2026-11-20T17:30:00Z');
  expect(await acknowledgeReceived(db(), docs(), now)).toBe(1);
  expect(await acknowledgeReceived(db(), docs(), now)).toBe(0);
  expect(db().prepare('SELECT aee_le FROM courrier WHERE id = ?').get(id)).toEqual({ aee_le: '2026-11-23' });
  const mails = db()
    .prepare('SELECT kind, destinataire, corps FROM courrier_courriel WHERE courrier_id = ?')
    .all(id) as { kind: string; destinataire: string; corps: string }[];
  expect(mails.map((m) => [m.kind, m.destinataire])).toEqual([['aee', 'jean.dupont@example.fr']]);
  expect(mails[0]!.corps).toContain('Agent chargé du dossier : Martine Roux, Secrétaire de mairie');
  expect(mails[0]!.corps).toContain('a été reçu le 20/11/2026 et enregistré sous le n° 2026-1');
  expect(mails[0]!.corps, 'the e-mail prints dates jj/mm/aaaa').not.toMatch(MONTH_WORD);
  expect((db().prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'mail'").get() as { n: number }).n).toBe(1);
});

it('leaves to the secrétaire a message older than the ten working days of the ARE (a mailbox connected with its backlog)', async () => {
  // ten working days, 11 November (Armistice) skipped: from Thursday 05/11 they end on 20/11, past; from Friday 06/11 on 23/11, today
  const old = await take('<old@example.fr>', '2026-11-05T10:00:00Z');
  const edge = await take('<edge@example.fr>', '2026-11-06T10:00:00Z');
  expect(await acknowledgeReceived(db(), docs(), now)).toBe(1);
  expect(db().prepare('SELECT id, aee_le FROM courrier WHERE id IN (?, ?) ORDER BY id').all(old, edge)).toEqual([
    { id: old, aee_le: null },
    { id: edge, aee_le: '2026-11-23' },
  ]);
});

it('classifying an e-mail request issues its ARE at once (R112-11-1); information owes none (L112-3)', async () => {
  const info = await take('<info@example.fr>', '2026-11-20T17:30:00Z');
  const demande = await take('<demande@example.fr>', '2026-11-20T17:45:00Z');
  const classify = async (courrierId: number, classement: string) => {
    const r = await t.client.call('courrier.classify', { courrierId, qualification: { classement } });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.areEnvoyeA;
  };
  expect(await classify(info, 'information')).toBeNull();
  expect(await classify(demande, 'demande')).toBe('jean.dupont@example.fr');
  expect(await classify(demande, 'demande')).toBeNull(); // already sent: never twice
  const kinds = db().prepare('SELECT courrier_id, kind FROM courrier_courriel ORDER BY id').all();
  expect(kinds).toEqual([{ courrier_id: demande, kind: 'are' }]);
  const are = db().prepare("SELECT corps FROM courrier_courriel WHERE kind = 'are'").get() as { corps: string };
  expect(are.corps).toContain('réputée acceptée le 21/01/2027 (CRPA L231-1)');
  expect(are.corps).not.toMatch(MONTH_WORD);
  expect(are.corps).toContain('Agent chargé du dossier : Martine Roux, Secrétaire de mairie'); // the secrétaire who classified (L111-2)
});
