/** Replies from templates: merged, put in the parapheur for the maire, registered as départ once signed. */
import { MONTH_WORD } from '../../test-support/dates';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { getCourrier } from './courrier';
import { fieldsOf, merge, modeles } from './replies';

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

let t: TestCore & { communeId: string };
beforeEach(async () => {
  t = await withCommune();
});
afterEach(() => t.close());

it('merges fields and leaves an unknown one visible', () => {
  expect(
    merge('Bonjour {{correspondant}}, {{ objet }} {{inconnu}}', { correspondant: 'M. Bérard', objet: 'salle' }),
  ).toBe('Bonjour M. Bérard, salle {{inconnu}}');
});

it('fills the mail-merge date fields jj/mm/aaaa, never a month in words (product rule)', async () => {
  const db = t.core.communes.get(t.communeId).db;
  const { courrierId } = await ok(
    t.client.call('courrier.registerArrivee', {
      arrivee: {
        channel: 'papier',
        dateReception: '2026-11-20',
        dateCourrier: '2026-11-02',
        correspondent: { nom: 'Jérôme Bérard' },
        objet: 'Location de la salle des fêtes',
      },
    }),
  );
  const f = fieldsOf(db, getCourrier(db, courrierId), 'La salle vous est réservée.', '2026-11-23');
  expect(f).toMatchObject({ date_reception: '20/11/2026', date_courrier: '02/11/2026', date: '23/11/2026' });
  const accord = modeles(db).find((m) => m.code === 'accord')!;
  const letter = merge(accord.corps, f);
  expect(letter).toContain('Par courrier reçu le 20/11/2026 (n° 2026-1)');
  expect(letter).not.toMatch(MONTH_WORD);
});

it('a reply goes to the parapheur and, once signed, becomes a départ linked to the arrivée', async () => {
  const c = t.client;
  const db = t.core.communes.get(t.communeId).db;
  const { courrierId } = await ok(
    c.call('courrier.registerArrivee', {
      arrivee: {
        channel: 'papier',
        dateReception: '2026-11-20',
        correspondent: { nom: 'Jérôme Bérard' },
        objet: 'Location de la salle des fêtes',
      },
    }),
  );
  expect((await c.call('courrier.prepareReply', { courrierId, reponse: { modele: 'nope', texte: 'x' } })).ok).toBe(
    false,
  );
  const { parapheurDocumentId } = await ok(
    c.call('courrier.prepareReply', {
      courrierId,
      reponse: { modele: 'accord', texte: 'La salle vous est réservée le 12 décembre.' },
    }),
  );
  const docs = await ok(c.call('parapheur.list', {}));
  expect(JSON.stringify(docs)).toContain('Réponse : Location de la salle des fêtes');
  // not signed yet: no départ
  expect((await ok(c.call('courrier.search', { sens: 'depart' }))).total).toBe(0);
  // the signing session marks the document signed (its own tests cover the PAdES signature)
  db.prepare("UPDATE parapheur_document SET statut = 'signe' WHERE id = ?").run(parapheurDocumentId);
  const departs = await ok(c.call('courrier.search', { sens: 'depart' }));
  expect(departs.rows).toMatchObject([{ sens: 'depart', annee: 2026, numero: 1, correspondant: 'Jérôme Bérard' }]);
  const a = await ok(c.call('courrier.get', { courrierId }));
  expect(a.courrier.statut).toBe('repondu');
  expect(a.liens).toMatchObject([{ type: 'reponse_a', direction: 'depuis', sens: 'depart', numero: 1 }]);
  // idempotent
  expect((await ok(c.call('courrier.search', { sens: 'depart' }))).total).toBe(1);
});
