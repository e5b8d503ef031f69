/**
 * Archive communicability of an act (Code du patrimoine L213-2 I 4° e; domain-rules §2.3): the registers of
 * births, reconnaissances and marriages become communicable to anyone 75 years after their closing; the
 * death registers at once. The 25-years-after-death variant is applied but flagged « à confirmer ».
 */
import type { ActeRegistre } from './delivrance';
import { addYears, dateCourte } from './dates';
import type { Kind } from './kinds';

export const ART_L213_2 = 'art. L213-2 I 4° e du code du patrimoine';
export const A_CONFIRMER_25_ANS =
  'Règle des 25 ans après le décès (art. L213-2 I 4° du code du patrimoine) appliquée aux registres de l’état civil : son articulation avec le délai de 75 ans à compter de la clôture du registre reste à confirmer.';

export interface Communicabilite {
  communicable: boolean;
  article: string;
  /** French, with the date from which the register is communicable */
  motif: string;
  aConfirmer: string | null;
  /** YYYY-MM-DD from which it is (or will be) communicable to anyone by the 75 years; null when unknown */
  depuis: string | null;
}

/**
 * The closing date is the date of the register's last act (instruction DAF/DPACI/RES/2009/018 p. 7). When it
 * was not recorded, 31 December of the register's year is used: a register is annual and holds only that
 * year's acts, so its last act is on that day at the latest, and this date can never open a register early.
 * An act only described (not found in the registers) is never communicable by this rule.
 * The 75 years are reached on the anniversary of the closing (that day included).
 */
export function communicabilite(k: Kind, r: ActeRegistre | null, today: string): Communicabilite {
  if (k === 'deces' || k === 'transcription_deces' || k === 'enfant_sans_vie') {
    return {
      communicable: true,
      article: 'art. L213-1 du code du patrimoine',
      motif:
        'Les registres de décès sont communicables à toute personne dès leur établissement (art. L213-1 du code du patrimoine).',
      aConfirmer: null,
      depuis: null,
    };
  }
  if (!r)
    return {
      communicable: false,
      article: ART_L213_2,
      motif:
        'L’acte n’a pas été retrouvé dans les registres : sa communicabilité ne peut pas être établie (art. L213-2 I 4° e du code du patrimoine).',
      aConfirmer: null,
      depuis: null,
    };
  const closing = r.registreClosLe ?? `${r.registreAnnee}-12-31`;
  const depuis = addYears(closing, 75);
  if (depuis <= today) {
    return {
      communicable: true,
      article: ART_L213_2,
      motif: `Le registre, clos le ${dateCourte(closing)}, est communicable à toute personne depuis le ${dateCourte(depuis)}, 75 ans après sa clôture (${ART_L213_2}).`,
      aConfirmer: null,
      depuis,
    };
  }
  const deces = r.dateDecesTitulaire ? addYears(r.dateDecesTitulaire, 25) : null;
  if (deces && deces <= today) {
    return {
      communicable: true,
      article: 'art. L213-2 I 4° du code du patrimoine',
      motif: `La personne que l’acte concerne est décédée le ${dateCourte(r.dateDecesTitulaire!)}, il y a plus de 25 ans : l’acte est communicable à toute personne depuis le ${dateCourte(deces)} (art. L213-2 I 4° du code du patrimoine, règle à confirmer).`,
      aConfirmer: A_CONFIRMER_25_ANS,
      depuis,
    };
  }
  return {
    communicable: false,
    article: ART_L213_2,
    motif: `Le registre ne sera communicable à toute personne qu’à partir du ${dateCourte(depuis)}, 75 ans après sa clôture (${ART_L213_2}).`,
    aConfirmer: null,
    depuis,
  };
}
