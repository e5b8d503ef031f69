/**
 * Product rule « dates jj/mm/aaaa, times 24 h, on screen and on paper »: a French month name as a whole word,
 * to assert that no printed date spells its month (« 20 novembre 2026 »). Use it on generated text only: a
 * décret's title (« décret n° 2017-890 du 6 mai 2017 ») is a citation, not a date Clocher prints.
 */
export const MONTH_WORD = /\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/i;

/** A printed date in words, « 20 novembre 2026 » or « 1er août 2026 », the form the rule forbids. */
export const DATE_IN_WORDS =
  /\b(1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/i;
