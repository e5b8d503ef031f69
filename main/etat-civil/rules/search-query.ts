/**
 * The one search field (issue 11): any part of a nom (birth or usage), prénom, parents' names, a year or a
 * range, a kind. Names become FTS5 prefix terms; years and kinds become filters. Pure, so the bench and the
 * tests exercise exactly what the handler runs.
 */
import { KIND_WORDS, type Kind } from './kinds';

export interface SearchQuery {
  /** normalised name fragments, each matched as a prefix of a word (accent- and case-insensitive) */
  terms: string[];
  from: number | null;
  to: number | null;
  kinds: Kind[];
}

/** Lower case, without accents, as FTS5's `unicode61 remove_diacritics 2` indexes it. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr-FR');

const YEAR = /^(1[7-9]\d\d|2[01]\d\d)$/;
const RANGE = /^(1[7-9]\d\d|2[01]\d\d)(?:-|–|\.\.|à)(1[7-9]\d\d|2[01]\d\d)$/;

export function parseSearch(text: string): SearchQuery {
  const q: SearchQuery = { terms: [], from: null, to: null, kinds: [] };
  const years: number[] = [];
  const words = fold(text)
    .replace(/\s*(-|–|\.\.)\s*(?=\d{4}\b)/g, '$1')
    .split(/[\s,;]+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const range = RANGE.exec(w);
    if (range) years.push(Number(range[1]), Number(range[2]));
    else if (YEAR.test(w)) years.push(Number(w));
    else if (w === 'sans' && words[i + 1] === 'vie') {
      q.kinds.push('enfant_sans_vie');
      i++;
    } else if (KIND_WORDS[w]) q.kinds.push(KIND_WORDS[w]);
    else q.terms.push(...w.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  }
  if (years.length) {
    q.from = Math.min(...years);
    q.to = Math.max(...years);
  }
  q.kinds = [...new Set(q.kinds)];
  return q;
}

/** The FTS5 MATCH expression: every term is a quoted prefix; only letters and digits reach it. */
export const ftsMatch = (terms: readonly string[]): string =>
  terms.map((t) => `"${t.replace(/[^\p{L}\p{N}]/gu, '')}"*`).join(' AND ');

/** French alphabetical order of the tables (décret 2017-890): accents are secondary, case ignored. */
const COLLATOR = new Intl.Collator('fr-FR', { sensitivity: 'base', ignorePunctuation: false, numeric: true });
export const frenchCompare = (a: string, b: string): number => COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
