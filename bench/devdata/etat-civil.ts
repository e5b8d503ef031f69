/**
 * Index of the actes d'état civil: births, marriages, deaths and acknowledgements, numbered from 1 in each
 * register (type) and year in the order they were drawn up, as the registers are.
 */
import type { Db } from '../../main/db/sqlite';
import { dayOfYmd, isoDay, weekdayOf } from './days';
import { adresse, ETABLISSEMENTS, nom, prenoms, sexe, type Sexe } from './names';
import { allocate, type Rng } from './random';
import { batchWriter, dayIn, type Year } from './period';

export const ACTE_TYPES = ['naissance', 'mariage', 'deces', 'reconnaissance'] as const;
export type ActeType = (typeof ACTE_TYPES)[number];

/** Rough national proportions (INSEE, état civil): births and deaths lead, then marriages and acknowledgements. */
const PROPORTIONS: readonly (readonly [ActeType, number])[] = [
  ['naissance', 42],
  ['deces', 33],
  ['mariage', 14],
  ['reconnaissance', 11],
];

/** Loi n° 2013-404 du 17 mai 2013: marriage open to couples of the same sex. */
const MARIAGE_POUR_TOUS = dayOfYmd(2013, 5, 18);

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Marriages are celebrated mostly on Saturdays, more in summer. */
function mariageDay(rng: Rng, y: Year): number {
  const mayFirst = Math.max(y.first, dayOfYmd(y.year, 5, 1));
  const septEnd = Math.min(y.last, dayOfYmd(y.year, 9, 30));
  const [a, b] = mayFirst <= septEnd && rng.chance(0.65) ? [mayFirst, septEnd] : [y.first, y.last];
  const d = rng.int(a, b);
  const wd = weekdayOf(d);
  if (rng.chance(0.15) && wd <= 5) return d; // some on weekdays
  const sat = d + (6 - wd); // Sunday goes back one day
  for (const c of [sat, sat - 7, sat + 7]) if (c >= y.first && c <= y.last) return c;
  return dayIn(y, d);
}

interface Draft {
  type: ActeType;
  day: number;
}

export function generateActes(
  db: Db,
  rng: Rng,
  total: number,
  years: readonly Year[],
  commune: string,
): Record<ActeType, number> {
  const w = batchWriter(
    db,
    `INSERT INTO acte_etat_civil (type, annee, numero, date_acte, nom, prenoms, nom_conjoint, prenoms_conjoint, date_evenement, lieu_evenement)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts: Record<ActeType, number> = { naissance: 0, mariage: 0, deces: 0, reconnaissance: 0 };
  const perYear = allocate(
    total,
    years.map((y) => y.weight),
  );
  years.forEach((y, i) => {
    const drafts: Draft[] = [];
    for (let k = 0; k < (perYear[i] ?? 0); k++) {
      const type = rng.weighted(PROPORTIONS);
      // Declarations are received on working days (births: within 5 days, Code civil art. 55).
      const day = type === 'mariage' ? mariageDay(rng, y) : dayIn(y, rng.int(y.first, y.last));
      drafts.push({ type, day });
    }
    drafts.sort((a, b) => a.day - b.day);
    const numero: Record<ActeType, number> = { naissance: 0, mariage: 0, deces: 0, reconnaissance: 0 };
    for (const d of drafts) {
      numero[d.type]++;
      counts[d.type]++;
      w.add(acteRow(rng, d, y.year, numero[d.type], commune));
    }
  });
  w.end();
  fileInRegisters(db, years);
  return counts;
}

/**
 * Each act in its year's register (migration 0200): one register per year and kind, closed on the date of its
 * last act for past years (instruction DAF/DPACI/RES/2009/018), still open for the current one.
 */
function fileInRegisters(db: Db, years: readonly Year[]): void {
  const current = Math.max(...years.map((y) => y.year));
  db.prepare(
    `INSERT INTO ec_registre (annee, type, ouvert_le, clos_le, created_at)
     SELECT annee, type, min(date_acte), CASE WHEN annee < ? THEN max(date_acte) END, max(date_acte) FROM acte_etat_civil GROUP BY annee, type`,
  ).run(current);
  db.exec(
    'UPDATE acte_etat_civil SET registre_id = (SELECT r.id FROM ec_registre r WHERE r.annee = acte_etat_civil.annee AND r.type = acte_etat_civil.type)',
  );
}

function acteRow(rng: Rng, d: Draft, annee: number, numero: number, commune: string): unknown[] {
  let s: Sexe = sexe(rng);
  let recent = clamp((annee - 1986) / 30, 0.1, 0.9);
  let conjoint: [string, string] | [null, null] = [null, null];
  let evenement = d.day;
  let lieu: string;
  switch (d.type) {
    case 'naissance':
      evenement =
        d.day -
        rng.weighted([
          [0, 10],
          [1, 30],
          [2, 25],
          [3, 20],
          [4, 15],
        ] as const);
      lieu = rng.chance(0.97) ? `maternité du centre hospitalier, ${commune}` : `${adresse(rng)}, ${commune}`;
      break;
    case 'deces':
      recent = 0.08;
      evenement =
        d.day -
        rng.weighted([
          [0, 45],
          [1, 40],
          [2, 15],
        ] as const);
      lieu = rng.chance(0.55) ? `${rng.pick(ETABLISSEMENTS)}, ${commune}` : `${adresse(rng)}, ${commune}`;
      break;
    case 'mariage': {
      recent = clamp((annee - 2000) / 30, 0.05, 0.7);
      s = 'M';
      let s2: Sexe = 'F';
      if (d.day >= MARIAGE_POUR_TOUS && rng.chance(0.035)) s2 = s = sexe(rng);
      conjoint = [nom(rng), prenoms(rng, s2, recent)];
      lieu = `mairie, ${commune}`;
      break;
    }
    case 'reconnaissance':
      lieu = `mairie, ${commune}`;
      break;
  }
  return [
    d.type,
    annee,
    numero,
    isoDay(d.day),
    nom(rng),
    prenoms(rng, s, recent),
    conjoint[0],
    conjoint[1],
    isoDay(evenement),
    lieu,
  ];
}
