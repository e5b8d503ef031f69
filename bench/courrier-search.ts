/**
 * Courrier search on a large commune (issue 13: p95 ≤ 30 ms in the core), as the secrétaire types: each
 * prefix of a few words, with and without filters, through the handler, beside the raw FTS5 query.
 */
import type { Db } from '../main/db';
import type { Client } from '../main/host/inprocess';
import { ftsQuery } from '../main/courrier/contacts';

const TYPED = [
  'p',
  'pr',
  'pré',
  'préf',
  'prefecture',
  'demande',
  'demande sal',
  'demande salle',
  'eclairage',
  'notaire parcelle',
  'dotation',
  'berna',
  'subvention comite',
  'facture',
  'sdis',
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

export interface SearchBench {
  calls: number;
  handler: { p50: number; p95: number; max: number };
  fts: { p50: number; p95: number };
}

export async function benchCourrierSearch(client: Client, db: Db, rounds = 5): Promise<SearchBench> {
  const handler: number[] = [];
  const fts: number[] = [];
  const year = (db.prepare('SELECT max(annee) AS y FROM courrier').get() as { y: number }).y;
  const raw = db.prepare('SELECT rowid FROM courrier_fts WHERE courrier_fts MATCH ? ORDER BY rowid DESC LIMIT 50');
  for (let r = 0; r < rounds; r++) {
    for (const text of TYPED) {
      for (const filters of [{}, { statut: 'classe' as const }, { annee: year }, { canal: 'courriel' as const }]) {
        const t = performance.now();
        const res = await client.call('courrier.search', { text, ...filters, limit: 50, offset: 0 });
        handler.push(performance.now() - t);
        if (!res.ok) throw new Error(res.error.message);
      }
      const q = ftsQuery(text);
      if (!q) continue; // one letter: the handler lists the newest, there is no FTS query to time
      const t = performance.now();
      raw.all(q);
      fts.push(performance.now() - t);
    }
  }
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    calls: handler.length,
    handler: { p50: r2(pct(handler, 50)), p95: r2(pct(handler, 95)), max: r2(Math.max(...handler)) },
    fts: { p50: r2(pct(fts, 50)), p95: r2(pct(fts, 95)) },
  };
}
