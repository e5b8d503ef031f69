/**
 * The état civil's part of `npm run bench` (issue 11): search as you type through the core (dispatch, access
 * check, query) over 200 random prefixes, beside the very same FTS5 query run raw on the same data, and
 * opening an act (its consultation journaled). Measures only; judges nothing.
 */
import { Core } from '../../main/host/core';
import { inProcessClient } from '../../main/host/inprocess';
import { ftsMatch, parseSearch } from '../../main/etat-civil';
import { createRng } from './random';
import { LARGE_ACCOUNT } from './seed';

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

const pct = (xs: number[]): Percentiles => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), max: at(1), n: s.length };
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export async function benchEtatCivil(dataDir: string, communeId: string, now: Date, seed = 42) {
  const core = new Core({ dataDir, clock: () => now, logError: () => undefined });
  const client = inProcessClient(core);
  try {
    const r = await client.call('auth.login', { login: LARGE_ACCOUNT.login, password: LARGE_ACCOUNT.password });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const db = core.communes.get(communeId).db;
    const rng = createRng(seed);
    const names = db.prepare('SELECT nom, prenoms FROM acte_etat_civil ORDER BY random() LIMIT 400').all() as {
      nom: string;
      prenoms: string;
    }[];
    // What a secrétaire types: 1 to 5 letters of a nom, sometimes followed by the start of a prénom.
    const prefixes = Array.from({ length: 200 }, () => {
      const n = names[rng.int(0, names.length - 1)]!;
      const nom = fold(n.nom)
        .replace(/[^a-z]/g, '')
        .slice(0, rng.int(1, 5));
      return rng.chance(0.3) ? `${nom} ${fold(n.prenoms).slice(0, rng.int(1, 3))}` : nom;
    });
    const limit = 100;
    // The same SQL the core runs (search.ts), straight on the database: the core's overhead is the difference.
    const count = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM acte_fts WHERE acte_fts MATCH ? LIMIT 2000)');
    const cols =
      'a.id, a.type, a.annee, a.numero, a.date_acte, a.nom, a.prenoms, a.nom_usage, a.nom_conjoint, a.prenoms_conjoint, a.statut'; // the same columns as main/etat-civil/search.ts reads (like for like)
    const sorted = db.prepare(
      `SELECT ${cols} FROM acte_fts f JOIN acte_etat_civil a ON a.id = f.rowid WHERE acte_fts MATCH ? ORDER BY a.date_acte DESC, a.id DESC LIMIT ?`,
    );
    const walked = db.prepare(
      `SELECT ${cols} FROM acte_etat_civil a INDEXED BY acte_date WHERE a.id IN (SELECT rowid FROM acte_fts WHERE acte_fts MATCH ?) ORDER BY a.date_acte DESC, a.id DESC LIMIT ?`,
    );
    const raw = {
      all: (m: string, l: number) => ((count.get(m) as { n: number }).n >= 2000 ? walked : sorted).all(m, l),
    };
    const ftsOnly = db.prepare('SELECT rowid FROM acte_fts WHERE acte_fts MATCH ? LIMIT ?');
    const core_: number[] = [],
      rawMs: number[] = [],
      ftsMs: number[] = [];
    let rows = 0;
    await client.call('etatCivil.search', { q: 'a', limit }); // warm-up: statements prepared
    for (const q of prefixes) {
      const match = ftsMatch(parseSearch(q).terms);
      let t = performance.now();
      const res = await client.call('etatCivil.search', { q, limit });
      core_.push(performance.now() - t);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      rows += res.value.rows.length;
      t = performance.now();
      raw.all(match, limit + 1);
      rawMs.push(performance.now() - t);
      t = performance.now();
      ftsOnly.all(match, limit + 1);
      ftsMs.push(performance.now() - t);
    }
    const ids = (db.prepare('SELECT id FROM acte_etat_civil ORDER BY random() LIMIT 50').all() as { id: number }[]).map(
      (x) => x.id,
    );
    const open: number[] = [];
    for (const acteId of ids) {
      const t = performance.now();
      const o = await client.call('etatCivil.acte', { acteId });
      open.push(performance.now() - t);
      if (!o.ok) throw new Error(JSON.stringify(o.error));
    }
    const search = pct(core_),
      rawP = pct(rawMs);
    return {
      prefixes: prefixes.length,
      limit,
      meanRows: Math.round(rows / prefixes.length),
      search,
      raw: rawP,
      ftsOnly: pct(ftsMs),
      ratioP95: Math.round((search.p95 / Math.max(rawP.p95, 0.01)) * 100) / 100,
      openActe: pct(open),
      examples: prefixes.slice(0, 8),
    };
  } finally {
    client.close();
    core.close();
  }
}
