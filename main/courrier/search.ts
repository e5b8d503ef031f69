/** The register's search, as you type: accent- and case-insensitive FTS5 (migration 0300) plus filters. */
import type { Db } from '../db';
import { ftsQuery } from './contacts';

export interface SearchArgs {
  text?: string | null | undefined;
  sens?: 'arrivee' | 'depart' | null | undefined;
  statut?: string | null | undefined;
  annee?: number | null | undefined;
  canal?: string | null | undefined;
  assigne?: string | null | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: number;
  sens: string;
  annee: number;
  numero: number;
  date_enregistrement: string;
  correspondant: string;
  objet: string;
  canal: string;
  statut: string;
  assigne: string | null;
  decision_implicite: string | null;
  /** why no acknowledgement left by itself (CRPA L112-11), shown on the register row */
  sans_accuse_motif: string | null;
}

const COLUMNS =
  'c.id, c.sens, c.annee, c.numero, c.date_enregistrement, c.correspondant, c.objet, c.canal, c.statut, c.assigne, c.decision_implicite, c.sans_accuse_motif';

/** Beyond this many matches the count stops: « plus de 1 000 » says enough, and counting costs as you type. */
export const COUNT_CAP = 1000;

/**
 * Newest registered first (the register's own order, the rowid): FTS5 walks its rowids backwards and stops
 * after one page, instead of sorting every match (bench: 50 000 courriers).
 */
export function searchCourriers(db: Db, a: SearchArgs): { total: number; capped: boolean; rows: SearchRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const q = a.text ? ftsQuery(a.text) : null;
  if (q) {
    where.push('courrier_fts MATCH ?');
    params.push(q);
  }
  for (const [col, v] of [
    ['sens', a.sens],
    ['statut', a.statut],
    ['annee', a.annee],
    ['canal', a.canal],
    ['assigne', a.assigne],
  ] as const) {
    if (v != null && v !== '') {
      where.push(`c.${col} = ?`);
      params.push(v);
    }
  }
  const from = q ? 'courrier_fts f JOIN courrier c ON c.id = f.rowid' : 'courrier c';
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counted = (
    db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${w} LIMIT ${COUNT_CAP + 1})`).get(...params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM ${from} ${w} ORDER BY ${q ? 'f.rowid' : 'c.id'} DESC LIMIT ? OFFSET ?`)
    .all(...params, a.limit, a.offset) as SearchRow[];
  return { total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP, rows };
}
