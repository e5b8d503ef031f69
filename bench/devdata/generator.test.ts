import type { Db } from '../../main/db/sqlite';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { NUMERO_INTERNE, votes } from './conseil';
import { generateLargeCommune, type LargeCommuneCounts } from './generator';
import { createRng } from './random';

const NOW = new Date('2026-11-23T09:00:00Z');
const TABLES = ['acte_etat_civil', 'courrier', 'seance', 'deliberation', 'journal', 'todo', 'arrival'] as const;

async function generated(
  seed: number,
): Promise<{ t: TestCore & { communeId: string }; db: Db; counts: LargeCommuneCounts }> {
  const t = await withCommune();
  const { db } = t.core.communes.get(t.communeId);
  return { t, db, counts: generateLargeCommune(db, { seed, scale: 0.01, now: NOW }) };
}

const all = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Record<string, unknown>[];
const one = <T = number>(db: Db, sql: string): T => Object.values(db.prepare(sql).get() as object)[0] as T;

describe('large commune generator (scale 0.01)', () => {
  let a: Awaited<ReturnType<typeof generated>>;
  beforeAll(async () => {
    a = await generated(42);
  });
  afterAll(() => a.t.close());

  it('is deterministic: same seed, same rows; another seed, other rows', async () => {
    const b = await generated(42);
    const c = await generated(7);
    try {
      for (const table of TABLES)
        expect(all(b.db, `SELECT * FROM ${table} ORDER BY id`)).toEqual(
          all(a.db, `SELECT * FROM ${table} ORDER BY id`),
        );
      expect(b.counts).toEqual(a.counts);
      expect(all(c.db, 'SELECT nom, prenoms FROM acte_etat_civil ORDER BY id LIMIT 50')).not.toEqual(
        all(a.db, 'SELECT nom, prenoms FROM acte_etat_civil ORDER BY id LIMIT 50'),
      );
    } finally {
      b.t.close();
      c.t.close();
    }
  });

  it('writes the expected numbers of rows', () => {
    const { counts, db } = a;
    expect(counts.actes).toBe(1000);
    expect(counts.courriers).toBe(500);
    expect(counts.deliberations).toBe(50);
    expect(counts.seances).toBe(4);
    expect(counts.todos).toBeGreaterThanOrEqual(5);
    expect(counts.arrivals).toBeGreaterThanOrEqual(3);
    expect(one(db, 'SELECT count(*) FROM acte_etat_civil')).toBe(1000);
    expect(one(db, 'SELECT count(*) FROM courrier')).toBe(500);
    expect(one(db, 'SELECT count(*) FROM deliberation')).toBe(50);
    expect(one(db, 'SELECT count(*) FROM seance')).toBe(4);
    const types = Object.fromEntries(
      all(db, 'SELECT type, count(*) AS n FROM acte_etat_civil GROUP BY type').map((r) => [r.type, r.n]),
    );
    expect(types).toEqual(counts.actesParType);
    // plausible proportions: births and deaths lead
    expect(counts.actesParType.naissance).toBeGreaterThan(counts.actesParType.mariage);
    expect(counts.actesParType.deces).toBeGreaterThan(counts.actesParType.reconnaissance);
    expect(one(db, "SELECT count(*) FROM journal WHERE action LIKE 'session.%'")).toBeGreaterThan(5);
  });

  it('numbers each register from 1, without gaps, in date order, per type (or direction) and year', () => {
    const { db } = a;
    for (const [table, key, date] of [
      ['acte_etat_civil', 'type', 'date_acte'],
      ['courrier', 'sens', 'date_enregistrement'],
    ] as const) {
      const groups = all(
        db,
        `SELECT ${key} AS k, annee, count(*) AS n, min(numero) AS lo, max(numero) AS hi, count(DISTINCT numero) AS d FROM ${table} GROUP BY 1, 2`,
      );
      expect(groups.length).toBeGreaterThan(30);
      for (const g of groups) expect([g.lo, g.hi, g.d]).toEqual([1, g.n, g.n]);
      const outOfOrder = one(
        db,
        `SELECT count(*) FROM ${table} x JOIN ${table} y ON x.${key} = y.${key} AND x.annee = y.annee AND x.numero < y.numero AND x.${date} > y.${date}`,
      );
      expect(outOfOrder).toBe(0);
      expect(one(db, `SELECT count(*) FROM ${table} WHERE CAST(substr(${date}, 1, 4) AS INTEGER) <> annee`)).toBe(0);
    }
  });

  it('gives délibérations unique ACTES numéros internes, per year in séance order', () => {
    const rows = all(
      a.db,
      'SELECT d.numero, s.date FROM deliberation d JOIN seance s ON s.id = d.seance_id ORDER BY d.id',
    ) as { numero: string; date: string }[];
    expect(new Set(rows.map((r) => r.numero)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.numero).toMatch(NUMERO_INTERNE);
      expect(r.numero.length).toBeLessThanOrEqual(15);
      expect(r.numero.slice(0, 4)).toBe(r.date.slice(0, 4));
    }
    expect(NUMERO_INTERNE.test('2024-017')).toBe(false); // why the generator writes 2024_017
    expect(one(a.db, "SELECT count(*) FROM deliberation WHERE matiere NOT GLOB '[1-9].[0-9]*'")).toBe(0);
  });

  it('writes French names with accents, compound names and realistic correspondants', () => {
    const { db } = a;
    const names = (all(db, "SELECT nom || ' ' || prenoms AS s FROM acte_etat_civil") as { s: string }[])
      .map((r) => r.s)
      .join('\n');
    expect(names).toMatch(/[éèêëàâîïôöûüçÉÈ]/);
    expect(names.normalize('NFC')).toBe(names);
    expect(one(db, "SELECT count(*) FROM acte_etat_civil WHERE nom LIKE '% %' OR nom LIKE '%-%'")).toBeGreaterThan(0);
    expect(one(db, "SELECT count(*) FROM courrier WHERE correspondant LIKE 'Préfecture du Loiret%'")).toBeGreaterThan(
      0,
    );
    expect(
      one(db, "SELECT count(*) FROM courrier WHERE correspondant LIKE 'M. %' OR correspondant LIKE 'Mme %'"),
    ).toBeGreaterThan(50);
    expect(all(db, 'SELECT DISTINCT canal FROM courrier ORDER BY 1').map((r) => r.canal)).toEqual([
      'courriel',
      'papier',
      'prefecture',
      'sve',
    ]);
  });

  it('keeps dates coherent: event before the acte by a few days at most, nothing after now', () => {
    const { db } = a;
    expect(one(db, 'SELECT count(*) FROM acte_etat_civil WHERE date_evenement > date_acte')).toBe(0);
    expect(
      one(db, 'SELECT max(julianday(date_acte) - julianday(date_evenement)) FROM acte_etat_civil'),
    ).toBeLessThanOrEqual(5);
    expect(one(db, 'SELECT count(*) FROM courrier WHERE date_courrier > date_enregistrement')).toBe(0);
    const today = NOW.toISOString().slice(0, 10);
    expect(one<string>(db, 'SELECT max(date_acte) FROM acte_etat_civil') <= today).toBe(true);
    expect(one<string>(db, 'SELECT max(date_enregistrement) FROM courrier') <= today).toBe(true);
    expect(one<string>(db, 'SELECT max(date) FROM seance') < today).toBe(true);
    expect(one<string>(db, 'SELECT max(at) FROM journal') <= NOW.toISOString()).toBe(true);
    expect(one<string>(db, 'SELECT min(date_acte) FROM acte_etat_civil') >= '1986-01-01').toBe(true);
    // only marriages have a spouse
    expect(
      one(
        db,
        "SELECT count(*) FROM acte_etat_civil WHERE (type = 'mariage') <> (nom_conjoint IS NOT NULL AND prenoms_conjoint IS NOT NULL)",
      ),
    ).toBe(0);
  });

  it('records coherent votes', () => {
    const { db } = a;
    expect(
      one(
        db,
        'SELECT count(*) FROM deliberation WHERE pour + contre + abstention > 15 OR pour + contre + abstention < 1',
      ),
    ).toBe(0);
    expect(one(db, 'SELECT count(*) FROM deliberation WHERE min(pour, contre, abstention) < 0')).toBe(0);
    expect(one(db, 'SELECT count(*) FROM deliberation WHERE adoptee <> (pour > contre)')).toBe(0);
    const rng = createRng(1);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(9, 15);
      const v = votes(rng, n);
      expect(v.pour + v.contre + v.abstention).toBe(n);
      expect(Math.min(v.pour, v.contre, v.abstention)).toBeGreaterThanOrEqual(0);
      expect(v.adoptee).toBe(v.pour > v.contre ? 1 : 0);
    }
  });

  it('gives the dashboard something to show, and refuses to fill a commune twice', async () => {
    const r = await a.t.client.call('dashboard.get');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.todos.length).toBeGreaterThanOrEqual(5);
    expect(() => generateLargeCommune(a.db, { seed: 42, scale: 0.01, now: NOW })).toThrow(/not empty/);
  });
});
