import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/**
 * Ranking of the ACTES matière picker. A secrétaire types a code she knows (« 7.1 », « 5.2 ») or a word
 * (« budget »): the exact code comes first, then its sub-matières, then codes that start with it (7.10), and
 * only then codes that merely contain it (1.7.1) — so « 5.2 » then Enter picks 5.2, never 1.5.2.
 * Words match without accents or case (« decisions » finds « Décisions budgétaires »).
 */
export interface MatiereOption {
  code: string;
  label: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const isCode = (q: string) => /^\d+(\.\d+)*\.?$/.test(q);

/** Compare codes segment by segment as numbers: 7.2 before 7.10. */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

function codeTier(code: string, q: string): number | null {
  const query = q.replace(/\.$/, '');
  if (code === query) return 0;
  if (code.startsWith(`${query}.`)) return 1;
  if (code.startsWith(query)) return 2;
  if (code.includes(query)) return 3;
  return null;
}

function textTier(o: MatiereOption, words: string[]): number | null {
  const hay = fold(`${o.code} ${o.label}`);
  if (!words.every((w) => hay.includes(w))) return null;
  const last = fold(o.label.split('›').pop() ?? o.label).trim();
  return last.startsWith(words.join(' ')) ? 0 : last.includes(words[0]!) ? 1 : 2;
}

/** The options matching `search`, best first; all options in code order when the search is empty. */
export function rankMatieres<T extends MatiereOption>(options: readonly T[], search: string): T[] {
  const q = fold(search.trim());
  if (!q) return [...options].sort((a, b) => compareCodes(a.code, b.code));
  const words = q.split(/\s+/).filter(Boolean);
  const tier = (o: T) => (isCode(q) ? codeTier(o.code, q) : textTier(o, words));
  return options
    .map((o) => ({ o, t: tier(o) }))
    .filter((x): x is { o: T; t: number } => x.t !== null)
    .sort((a, b) => a.t - b.t || compareCodes(a.o.code, b.o.code))
    .map((x) => x.o);
}

/** The same ranking as a Mantine Select filter (options are « code — chemin », value = code). */
export const matiereFilter: OptionsFilter = ({ options, search, limit }) => {
  const items = (options as ComboboxParsedItem[]).filter((o): o is ComboboxItem => 'value' in o);
  return rankMatieres(
    items.map((i) => ({ ...i, code: i.value })),
    search,
  )
    .slice(0, limit)
    .map(({ code: _code, ...item }) => item);
};
