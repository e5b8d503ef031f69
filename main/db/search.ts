/**
 * The one rule every search of Clocher follows: case and accents are ignored (« decision modificative »
 * finds « Décision modificative »). Text columns are searched through an FTS5 index with the tokenizer
 * `unicode61 remove_diacritics 2`, which folds the indexed text the same way `normaliseForSearch` folds
 * the query; lists filtered in memory use `normaliseForSearch` on both sides.
 */
export const normaliseForSearch = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Every word of the query, as a prefix, must appear (FTS5 MATCH syntax, each word quoted: no operator injection). */
export function ftsQuery(text: string): string | null {
  const words = normaliseForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export const matchesSearch = (haystack: string, query: string): boolean =>
  normaliseForSearch(haystack).includes(normaliseForSearch(query));
