/**
 * Typical reads on a large commune, for `scripts/bench.ts`: handlers through the in-process client (the same
 * dispatch as the window's), then plain SQL that the registers' screens will need, with SQLite's query plan
 * so that a missing index shows up as a SCAN. Measures only; judges nothing.
 */
import { LARGE_ACCOUNT } from './seed';
import { Core } from '../../main/host/core';
import { inProcessClient } from '../../main/host/inprocess';

export interface QueryMeasure {
  what: string;
  /** first call, ms (statements not yet prepared, pages not yet cached) */
  cold?: number;
  /** following calls, ms */
  warm: number[];
  note: string;
  sql?: string;
  plan?: string;
  rows?: number;
}

const DAY = 86_400_000;
const isoDay = (d: Date, offsetDays: number) => new Date(d.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
const round = (ms: number) => Math.round(ms * 100) / 100;

async function timeAsync<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

export async function measureQueries(
  dataDir: string,
  communeId: string,
  now: Date,
  runs: number,
): Promise<QueryMeasure[]> {
  const core = new Core({ dataDir, clock: () => now, logError: () => undefined });
  const client = inProcessClient(core);
  const out: QueryMeasure[] = [];
  const repeat = Math.max(5, runs);
  try {
    const [loginMs, r] = await timeAsync(() =>
      client.call('auth.login', { login: LARGE_ACCOUNT.login, password: LARGE_ACCOUNT.password }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    out.push({
      what: 'auth.login (scrypt + ouverture ; sauvegarde du jour déjà faite)',
      warm: [round(loginMs)],
      note: 'un seul appel',
    });
    const calls: [string, () => Promise<{ ok: boolean }>][] = [
      ['dashboard.get', () => client.call('dashboard.get')],
      ['journal.list, 1re page', () => client.call('journal.list', { limit: 50, offset: 0 })],
      [
        'journal.list, texte « délibération »',
        () => client.call('journal.list', { text: 'délibération', limit: 50, offset: 0 }),
      ],
      [
        'journal.list, période d’un mois',
        () => client.call('journal.list', { from: isoDay(now, -40), to: isoDay(now, -10), limit: 50, offset: 0 }),
      ],
      ['diagnostics.get (count(*) de chaque table)', () => client.call('diagnostics.get')],
      ['app.status', () => client.call('app.status')],
    ];
    for (const [what, fn] of calls) {
      const [cold, first] = await timeAsync(fn);
      if (!first.ok) throw new Error(`${what}: ${JSON.stringify(first)}`);
      const warm: number[] = [];
      for (let i = 0; i < repeat; i++) warm.push(round((await timeAsync(fn))[0]));
      out.push({ what, cold: round(cold), warm, note: `1er appel ${round(cold)} ms` });
    }

    const db = core.communes.get(communeId).db;
    const year = now.getUTCFullYear() - 1;
    const sql: [string, string, unknown[]][] = [
      [
        'registre des naissances d’une année, 1re page',
        "SELECT * FROM acte_etat_civil WHERE type = 'naissance' AND annee = ? ORDER BY numero LIMIT 50",
        [year],
      ],
      [
        'prochain numéro d’acte',
        'SELECT coalesce(max(numero), 0) + 1 AS n FROM acte_etat_civil WHERE type = ? AND annee = ?',
        ['deces', year],
      ],
      [
        'actes d’un nom exact (NOCASE)',
        'SELECT * FROM acte_etat_civil WHERE nom = ? COLLATE NOCASE ORDER BY date_acte DESC LIMIT 50',
        ['lefèvre'],
      ],
      [
        'actes dont le nom commence par « lef » (LIKE)',
        "SELECT * FROM acte_etat_civil WHERE nom LIKE 'lef%' ORDER BY date_acte DESC LIMIT 50",
        [],
      ],
      [
        '« lefevre » tapé sans accent (LIKE) : trouve-t-il Lefèvre ?',
        "SELECT * FROM acte_etat_civil WHERE nom LIKE 'lefevre%' LIMIT 50",
        [],
      ],
      [
        'décès d’un mois (avis INSEE)',
        "SELECT * FROM acte_etat_civil WHERE type = 'deces' AND date_acte >= ? AND date_acte < ?",
        [`${year}-10-01`, `${year}-11-01`],
      ],
      [
        'registre du courrier arrivé de l’année, dernière page',
        "SELECT * FROM courrier WHERE sens = 'arrivee' AND annee = ? ORDER BY numero DESC LIMIT 50",
        [year],
      ],
      [
        'courrier : recherche « préfecture » (total + page)',
        "SELECT (SELECT count(*) FROM courrier WHERE correspondant LIKE '%préfecture%' OR objet LIKE '%préfecture%') AS total, * FROM courrier WHERE correspondant LIKE '%préfecture%' OR objet LIKE '%préfecture%' ORDER BY date_enregistrement DESC LIMIT 50",
        [],
      ],
      [
        'délibérations d’une année (jointure séance)',
        'SELECT d.*, s.date FROM deliberation d JOIN seance s ON s.id = d.seance_id WHERE s.date >= ? AND s.date < ? ORDER BY d.numero',
        [`${year}-01-01`, `${year + 1}-01-01`],
      ],
      [
        'délibérations d’une matière (7.1)',
        "SELECT * FROM deliberation WHERE matiere = '7.1' ORDER BY numero DESC LIMIT 50",
        [],
      ],
    ];
    for (const [what, q, params] of sql) {
      const stmt = db.prepare(q);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(' ; ');
      const rows = stmt.all(...params).length;
      const warm: number[] = [];
      for (let i = 0; i < repeat; i++) warm.push(round((await timeAsync(() => stmt.all(...params)))[0]));
      out.push({ what: `SQL : ${what}`, warm, note: `${rows} ligne(s) ; plan : ${plan}`, sql: q, plan, rows });
    }
  } finally {
    client.close();
    core.close();
  }
  return out;
}
