/**
 * A large commune for benchmarks and for trying the screens with realistic volumes: 40 years of registers
 * (100 000 actes d'état civil, 50 000 courriers, 5 000 délibérations in about 420 séances), a few months of
 * journal and a dashboard with something on it. Deterministic: the same seed, scale and `now` give the same
 * rows. Development data only: never shipped, never run on a real commune's file.
 */
import type { Actor } from '../../main/audit/journal';
import type { Db } from '../../main/db/sqlite';
import { generateConseil } from './conseil';
import { generateCourriers } from './courrier';
import { generateDashboard, generateJournal } from './dashboard';
import { dayOfDate, yearOf } from './days';
import { generateActes, type ActeType } from './etat-civil';
import { yearsOf } from './period';
import { subRng } from './random';

export const LARGE_COMMUNE = { actes: 100_000, courriers: 50_000, deliberations: 5_000, journal: 400 } as const;

export interface LargeCommuneOptions {
  seed?: number;
  /** 1 = the full size; tests use 0.01 */
  scale?: number;
  /** « today » for the generated data (default: the current time) */
  now?: Date;
  startYear?: number;
  /** who appears in the journal: the first one most of the time */
  actors?: readonly Actor[];
}

export interface LargeCommuneCounts {
  actes: number;
  actesParType: Record<ActeType, number>;
  courriers: number;
  courriersParSens: { arrivee: number; depart: number };
  seances: number;
  deliberations: number;
  journal: number;
  todos: number;
  arrivals: number;
}

export const DEFAULT_ACTORS: readonly Actor[] = [
  { login: 'secretaire', name: 'Martine Roux' },
  { login: 'h.lefevre', name: 'Hélène Lefèvre' },
];

const scaled = (n: number, scale: number, min = 1) => Math.max(min, Math.round(n * scale));

/** Fill an (empty-registered) commune database. Runs in batches of transactions; about 2 s at scale 1. */
export function generateLargeCommune(db: Db, opts: LargeCommuneOptions = {}): LargeCommuneCounts {
  const seed = opts.seed ?? 42;
  const scale = opts.scale ?? 1;
  const now = opts.now ?? new Date();
  if (!(scale > 0)) throw new Error('scale must be > 0');
  const filled = db
    .prepare(
      'SELECT (SELECT count(*) FROM acte_etat_civil) + (SELECT count(*) FROM courrier) + (SELECT count(*) FROM deliberation) AS n',
    )
    .get() as {
    n: number;
  };
  if (filled.n > 0)
    throw new Error('the registers of this commune are not empty: the generator only fills a new commune');
  const commune =
    (db.prepare('SELECT nom FROM commune WHERE id = 1').get() as { nom: string } | undefined)?.nom ?? 'la commune';
  const years = yearsOf(opts.startYear ?? 1986, dayOfDate(now), yearOf(dayOfDate(now)));

  const actesParType = generateActes(db, subRng(seed, 'actes'), scaled(LARGE_COMMUNE.actes, scale), years, commune);
  const courriersParSens = generateCourriers(
    db,
    subRng(seed, 'courrier'),
    scaled(LARGE_COMMUNE.courriers, scale),
    years,
  );
  const conseil = generateConseil(db, subRng(seed, 'conseil'), scaled(LARGE_COMMUNE.deliberations, scale, 3), years);
  const journal = generateJournal(
    db,
    subRng(seed, 'journal'),
    scaled(LARGE_COMMUNE.journal, scale, 40),
    now,
    opts.actors ?? DEFAULT_ACTORS,
  );
  const dashboard = generateDashboard(db, subRng(seed, 'dashboard'), now);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    actes: sum(actesParType),
    actesParType,
    courriers: sum(courriersParSens),
    courriersParSens,
    ...conseil,
    journal,
    ...dashboard,
  };
}
