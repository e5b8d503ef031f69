/** Search as you type over the index (issue 11): FTS5 prefix terms plus year and kind filters. */
import type { Db } from '../db';
import type { Kind } from './rules/kinds';
import { ftsMatch, parseSearch } from './rules/search-query';

/** What the query reads: the list's columns and the names the titulaire is built from. */
export interface SearchRow {
  id: number;
  type: Kind;
  annee: number;
  numero: number;
  date_acte: string;
  nom: string;
  prenoms: string;
  nom_usage: string | null;
  nom_conjoint: string | null;
  prenoms_conjoint: string | null;
  statut: 'indexe' | 'saisi';
}

/**
 * What the window gets: only what the results list shows (kind, date, titulaire, numéro/année, status). The list
 * may hold 10,000 rows (issue 11: drawn in ≤ 100 ms); every byte more per row is parsed, kept and copied 10,000
 * times, so the names the titulaire is built from stay here. Opening the act (etatCivil.acte) gives the rest.
 */
export interface SearchHit {
  id: number;
  type: Kind;
  annee: number;
  numero: number;
  date_acte: string;
  titulaire: string;
  statut: 'indexe' | 'saisi';
}

/** above this many matches, walking the date index beats sorting (measured with `npm run bench`) */
const MANY = 2000;
const COLS =
  'a.id, a.type, a.annee, a.numero, a.date_acte, a.nom, a.prenoms, a.nom_usage, a.nom_conjoint, a.prenoms_conjoint, a.statut';

/** The rows for `text`, newest act first; `more` when the limit cut the list. Empty text finds nothing. */
export function searchActes(db: Db, text: string, limit: number): { rows: SearchHit[]; more: boolean } {
  const q = parseSearch(text);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.from !== null) {
    where.push('a.annee BETWEEN ? AND ?');
    params.push(q.from, q.to);
  }
  if (q.kinds.length) {
    where.push(`a.type IN (${q.kinds.map(() => '?').join(', ')})`);
    params.push(...q.kinds);
  }
  let rows: SearchRow[];
  if (q.terms.length) {
    const match = ftsMatch(q.terms);
    const and = where.length ? ` AND ${where.join(' AND ')}` : '';
    // Few matches: sort them. Thousands (a one-letter prefix): walk the date index newest first and stop at
    // the limit, keeping only the matching ids — sorting 30,000 rows would cost ten times more.
    const many =
      (
        db
          .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM acte_fts WHERE acte_fts MATCH ? LIMIT ?)')
          .get(match, MANY) as { n: number }
      ).n >= MANY;
    rows = (
      many
        ? db.prepare(
            `SELECT ${COLS} FROM acte_etat_civil a INDEXED BY acte_date WHERE a.id IN (SELECT rowid FROM acte_fts WHERE acte_fts MATCH ?)${and} ORDER BY a.date_acte DESC, a.id DESC LIMIT ?`,
          )
        : db.prepare(
            `SELECT ${COLS} FROM acte_fts f JOIN acte_etat_civil a ON a.id = f.rowid WHERE acte_fts MATCH ?${and} ORDER BY a.date_acte DESC, a.id DESC LIMIT ?`,
          )
    ).all(match, ...params, limit + 1) as SearchRow[];
  } else if (where.length) {
    rows = db
      .prepare(
        `SELECT ${COLS} FROM acte_etat_civil a WHERE ${where.join(' AND ')} ORDER BY a.date_acte DESC, a.id DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as SearchRow[];
  } else return { rows: [], more: false };
  const more = rows.length > limit;
  return {
    rows: rows.slice(0, limit).map((r) => ({
      id: r.id,
      type: r.type,
      annee: r.annee,
      numero: r.numero,
      date_acte: r.date_acte,
      titulaire: titulaireOf(r),
      statut: r.statut,
    })),
    more,
  };
}

/** « Léa MARTIN (usage DUPONT) » or both spouses for a marriage. */
export function titulaireOf(
  r: Pick<SearchRow, 'nom' | 'prenoms' | 'nom_usage' | 'nom_conjoint' | 'prenoms_conjoint'>,
): string {
  const one =
    `${r.prenoms} ${r.nom.toLocaleUpperCase('fr-FR')}${r.nom_usage ? ` (usage ${r.nom_usage.toLocaleUpperCase('fr-FR')})` : ''}`.trim();
  return r.nom_conjoint
    ? `${one} et ${(r.prenoms_conjoint ?? '').trim()} ${r.nom_conjoint.toLocaleUpperCase('fr-FR')}`.trim()
    : one;
}
