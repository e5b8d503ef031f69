/** The courrier's « À faire » on the dashboard: the same deadlines as the deadlines view, found through an index. */
import { withCommune, type TestCore } from '../../test-support/helpers';

let t: TestCore & { communeId: string };
beforeEach(async () => {
  t = await withCommune(); // clock: Monday 2026-11-23
});
afterEach(() => t.close());

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const lettre = (objet: string, dateReception: string) => ({
  channel: 'papier',
  dateReception,
  dateCourrier: dateReception,
  correspondent: { nom: 'Jérôme Bérard', adresse: '12 rue du Moulin, 45730 Saint-Benoît-sur-Loire' },
  objet,
});

it('lists in « À faire » exactly the deadlines of the deadlines view, late ones included, with their article', async () => {
  const c = t.client;
  await ok(c.call('courrier.registerArrivee', { arrivee: lettre('Demande ancienne', '2026-09-01') }));
  const { courrierId } = await ok(
    c.call('courrier.registerArrivee', { arrivee: lettre('Occupation du domaine public', '2026-11-23') }),
  );
  await ok(
    c.call('courrier.classify', {
      courrierId,
      qualification: { classement: 'demande', procedureCode: 'domaine_public' },
    }),
  );
  t.setNow('2027-01-12T09:00:00Z'); // the implicit decision of 2027-01-24 is within 15 days (domain-rules §3.4)
  const { echeances } = await ok(c.call('courrier.echeances', {}));
  const dash = await ok(c.call('dashboard.get', {}));
  const todos = dash.todos.filter((x) => x.object_type === 'courrier');
  expect(echeances.map((e) => e.kind).sort()).toEqual(['ar', 'ar', 'decision']);
  expect(todos.map((x) => [x.due_date, x.legal_ref, x.object_id])).toEqual(
    echeances.map((e) => [e.due, e.article, String(e.courrierId)]),
  );
  expect(todos.map((x) => x.title)).toEqual(
    echeances.map((e) => `${e.label} — ${e.reference} ${e.correspondant} : ${e.objet}`),
  );
  // the deadlines view still counts the working days (R112-11-2): Wed 13 to Fri 22 January, 8; late ones negative
  expect(echeances.find((e) => e.kind === 'decision')).toMatchObject({ due: '2027-01-24', joursOuvres: 8 });
  expect(echeances.every((e) => e.kind === 'decision' || e.joursOuvres < 0)).toBe(true);
});

it('finds the open arrivées through the index courrier_ouverts, not by walking the register (issue 9)', () => {
  const db = t.core.communes.get(t.communeId).db;
  const plan = (
    db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM courrier WHERE sens = 'arrivee' AND statut IN ('a_traiter', 'en_cours') AND date_enregistrement >= ? ORDER BY id",
      )
      .all('2025-06-01') as { detail: string }[]
  ).map((r) => r.detail);
  expect(plan.join('\n')).toMatch(/USING INDEX courrier_ouverts \(sens=\? AND statut=\? AND date_enregistrement>\?\)/);
});
