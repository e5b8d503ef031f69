/**
 * French agreement for everything Clocher prints or shows: number (1 abstention, 2 abstentions) and gender
 * from each élu's civilité (adjointe, conseillère municipale, la secrétaire de séance, élue). Official
 * documents never carry « (s) » or « (e) »: a délibération names real people and real counts.
 * Pure functions, shared by the core (PDFs, messages) and the window.
 */
export type Civilite = 'M.' | 'Mme';
export type Fonction = 'maire' | 'adjoint' | 'conseiller';

const feminine = (c: Civilite | null | undefined): boolean => c === 'Mme';

/** Irregular plurals of the words we print; the rest take an « s ». */
const PLURALS: Record<string, string> = {
  voix: 'voix',
  'blanc ou nul': 'blancs ou nuls',
  'suffrage exprimé': 'suffrages exprimés',
  tour: 'tours',
};

/** « abstention » → « abstentions » for n ≥ 2 (French: 0 and 1 stay singular). */
export function plural(n: number, singular: string, pluralForm?: string): string {
  if (Math.abs(n) < 2) return singular;
  return pluralForm ?? PLURALS[singular] ?? `${singular}s`;
}

/** « 1 abstention », « 2 abstentions », « 0 abstention » */
export const count = (n: number, singular: string, pluralForm?: string): string =>
  `${n} ${plural(n, singular, pluralForm)}`;

/** Agree an adjective or participle: « élu » → « élue », « désigné » → « désignée », « excusé » → « excusée ». */
export function accord(masculine: string, c: Civilite | null | undefined, n = 1): string {
  const fem = feminine(c) ? `${masculine}e` : masculine;
  return n > 1 ? `${fem}s` : fem;
}

const FONCTIONS: Record<Fonction, [string, string]> = {
  maire: ['maire', 'maire'],
  adjoint: ['adjoint', 'adjointe'],
  conseiller: ['conseiller municipal', 'conseillère municipale'],
};

/** « adjointe », « conseiller municipal » (lower case, as inside a sentence). */
export const fonction = (f: Fonction, c: Civilite | null | undefined): string => FONCTIONS[f][feminine(c) ? 1 : 0];

/** « Adjointe » (capitalised, as a title). */
export const fonctionTitre = (f: Fonction, c: Civilite | null | undefined): string => capitalize(fonction(f, c));

/** Title of a signature block or a line: « Le secrétaire de séance » / « La secrétaire de séance ». */
export const secretaireDeSeance = (c: Civilite | null | undefined): string =>
  feminine(c) ? 'La secrétaire de séance' : 'Le secrétaire de séance';

/** « Le président de séance » / « La présidente de séance ». */
export const presidentDeSeance = (c: Civilite | null | undefined): string =>
  feminine(c) ? 'La présidente de séance' : 'Le président de séance';

/** Label for a list of secrétaires: « Secrétaire de séance » / « Secrétaires de séance ». */
export const secretairesLabel = (n: number): string => (n > 1 ? 'Secrétaires de séance' : 'Secrétaire de séance');

export const capitalize = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
/** French collation: Lécuyer before Leroux, accents do not push a name to the end. */
export const compareFr = (a: string, b: string): number => collator.compare(a, b);

/** Élus by name then first name, in French order. */
export const sortByName = <T extends { nom: string; prenom: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => compareFr(a.nom, b.nom) || compareFr(a.prenom, b.prenom));

/** « 23/11/2026 » from YYYY-MM-DD: the kernel's one formatter (product rule jj/mm/aaaa). */
export { dateCourte } from '../kernel';

/**
 * « 20:30 » from « 20:30 » or « 20:30:00 »: on paper as on screen, hours in 24 h and dates jj/mm/aaaa (the
 * product rule, issue 10: « Séance du 27/11/2026 à 20:30 »).
 */
export const heureFr = (hhmm: string): string => {
  const [h, m] = hhmm.split(':');
  return `${(h ?? '0').padStart(2, '0')}:${m ?? '00'}`;
};

/** « A, B et C » */
export function enumeration(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
