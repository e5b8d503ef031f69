/**
 * French agreement for the window: the same rules as the core's main/documents/french.ts (the renderer may
 * not import core code, architecture §2). Number (1 abstention, 2 abstentions) and gender from the élu's
 * civilité (adjointe, conseillère municipale, désignée); never « (s) » or « (e) » on screen.
 */
type Civilite = string | null | undefined;
const fem = (c: Civilite) => c === 'Mme';

const PLURALS: Record<string, string> = {
  voix: 'voix',
  'blanc ou nul': 'blancs ou nuls',
  'bulletin blanc ou nul': 'bulletins blancs ou nuls',
};
export const plural = (n: number, singular: string): string =>
  Math.abs(n) < 2 ? singular : (PLURALS[singular] ?? `${singular}s`);
export const count = (n: number, singular: string): string => `${n} ${plural(n, singular)}`;
export const accord = (masculine: string, c: Civilite, n = 1): string =>
  `${masculine}${fem(c) ? 'e' : ''}${n > 1 ? 's' : ''}`;

const FONCTIONS: Record<string, [string, string]> = {
  maire: ['maire', 'maire'],
  adjoint: ['adjoint', 'adjointe'],
  conseiller: ['conseiller municipal', 'conseillère municipale'],
};
/** « adjointe », « conseiller municipal » */
export const fonction = (f: string, c: Civilite): string => FONCTIONS[f]?.[fem(c) ? 1 : 0] ?? f;

/** Agreement of a group: feminine plural only when every member is a woman (French grammar). */
export const accordGroupe = (masculine: string, civilites: readonly Civilite[]): string =>
  accord(masculine, civilites.length > 0 && civilites.every(fem) ? 'Mme' : 'M.', civilites.length);

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
export const compareFr = (a: string, b: string): number => collator.compare(a, b);
