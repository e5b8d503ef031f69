/**
 * The words of copies and extracts (domain-rules §2.7), pure: which documents an act of each kind gives, the
 * agreed forms « Né » / « Née » (never « Né(e) »), double names « (1re partie : … 2de partie : …) »
 * (arrêté du 1er juin 2006, annexe I, as amended in 2022), dates jj/mm/aaaa and hours « 14 h 30 » as in every
 * other Clocher PDF, the CIEC dates Jo / Mo / An (convention n° 16, art. 5).
 */
import { dateCourte as jjmmaaaa } from '../../kernel';
import type { DocumentKind } from './extrait-mentions';
import type { Kind } from './kinds';

/**
 * Why an act of this kind does not give this document, or null. Extracts (with or without filiation) exist for
 * birth and marriage acts only (décret n° 2017-890 art. 30 to 32 speak of extracts of naissance and mariage);
 * a death act is delivered as a copie intégrale — to anyone — or an extrait plurilingue (formule C, CIEC n° 16);
 * a reconnaissance or an enfant sans vie only as a copie intégrale.
 */
export function documentRefusedForKind(kind: Kind, document: DocumentKind): string | null {
  if (document === 'copie_integrale') return null;
  if (document === 'extrait_plurilingue') {
    if (kind === 'naissance' || kind === 'mariage' || kind === 'deces' || kind === 'transcription_deces') return null;
    return 'L’extrait plurilingue existe pour les actes de naissance, de mariage et de décès (convention CIEC n° 16, formules A, B et C) : délivrez une copie intégrale.';
  }
  if (kind === 'naissance' || kind === 'mariage') return null;
  if (kind === 'deces' || kind === 'transcription_deces')
    return 'Un acte de décès se délivre en copie intégrale, à toute personne, ou en extrait plurilingue : il n’a pas d’extrait avec ou sans filiation (décret n° 2017-890 art. 30 à 32).';
  return 'Cet acte se délivre seulement en copie intégrale : les extraits avec ou sans filiation concernent les actes de naissance et de mariage (décret n° 2017-890 art. 30 à 32).';
}

export type Sexe = 'M' | 'F' | null | undefined;

/** « Né » / « Née »; null when the sex is unknown (the caller then uses a form without agreement). */
export const ne = (sexe: Sexe, capital = true): string | null =>
  sexe === 'M' ? (capital ? 'Né' : 'né') : sexe === 'F' ? (capital ? 'Née' : 'née') : null;

export const sexeLabel = (sexe: Sexe): string | null => (sexe === 'M' ? 'masculin' : sexe === 'F' ? 'féminin' : null);

export interface NomParts {
  nom: string;
  nom_partie1?: string | null;
  nom_partie2?: string | null;
}

const upper = (s: string) => s.trim().toLocaleUpperCase('fr-FR');

/** « MARTIN DUPONT (1re partie : MARTIN 2de partie : DUPONT) », or « MARTIN » for a simple name. */
export function nomEcrit(p: NomParts): string {
  const nom = upper(p.nom);
  if (!p.nom_partie1?.trim() || !p.nom_partie2?.trim()) return nom;
  return `${nom} (1re partie : ${upper(p.nom_partie1)} 2de partie : ${upper(p.nom_partie2)})`;
}

/** « Jean Pierre MARTIN DUPONT (1re partie : … 2de partie : …) » */
export const personneEcrite = (p: NomParts & { prenoms: string }): string =>
  `${p.prenoms.trim()} ${nomEcrit(p)}`.trim();

/** « 03/02/2026 »: the kernel's one formatter, under the name the copies use. */
export { jjmmaaaa };

/** « 14 h 30 » from « 14:30 » (24-hour clock, the form of convocations and PVs) */
export const heureEcrite = (hhmm: string): string => {
  const [h, m] = hhmm.split(':');
  return `${Number(h)} h ${m ?? '00'}`;
};

/** « le 03/02/2026 à 14 h 30 à Orléans (Loiret) » — any part may be missing. */
export function quandOu(
  date: string | null | undefined,
  heure: string | null | undefined,
  lieu: string | null | undefined,
): string {
  return [
    date ? `le ${jjmmaaaa(date)}` : '',
    heure ? `à ${heureEcrite(heure)}` : '',
    lieu?.trim() ? `à ${lieu.trim()}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** CIEC dates: Jo / Mo / An in 2 / 2 / 4 digits (convention n° 16, art. 5). */
export function ciecDate(d: string | null | undefined): { jo: string; mo: string; an: string } | null {
  if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return null;
  return { jo: d.slice(8, 10), mo: d.slice(5, 7), an: d.slice(0, 4) };
}
