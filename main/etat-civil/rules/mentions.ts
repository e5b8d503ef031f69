/**
 * Mentions marginales: the text is built from structured fields with the wordings of the circulaire du
 * 26 août 2020 (NOR JUSC2021489C, domain-rules §2.7): nature, date and place of the event, the authority that
 * decided or registered it (for a notarial act: notaire, office, CRPCEN number). Dates already in the act are
 * not repeated. [G: the wordings below follow the circulaire's tables as summarised in domain-rules; check
 * them against its annexes before the first real use.]
 */
import { dateCourte } from './dates';

export const NATURES = [
  'mariage',
  'divorce',
  'separation_corps',
  'pacs',
  'pacs_modification',
  'pacs_dissolution',
  'deces',
  'reconnaissance',
  'changement_nom',
  'changement_prenom',
  'rectification',
  'nationalite',
  'repertoire_civil',
] as const;
export type Nature = (typeof NATURES)[number];

export const NATURE_LABELS: Record<Nature, string> = {
  mariage: 'Mariage',
  divorce: 'Divorce',
  separation_corps: 'Séparation de corps',
  pacs: 'PACS',
  pacs_modification: 'Modification du PACS',
  pacs_dissolution: 'Dissolution du PACS',
  deces: 'Décès',
  reconnaissance: 'Reconnaissance',
  changement_nom: 'Changement de nom',
  changement_prenom: 'Changement de prénom',
  rectification: 'Rectification',
  nationalite: 'Nationalité',
  repertoire_civil: 'Répertoire civil',
};

/** The authority behind a mention: a court, an officier de l'état civil, or a notaire (with office and CRPCEN). */
export type Autorite =
  | { kind: 'tribunal'; nom: string } // « tribunal judiciaire de Tours »
  | { kind: 'officier'; commune: string }
  | { kind: 'notaire'; nom: string; office: string; crpcen: string }
  | { kind: 'procureur'; tribunal: string };

export interface MentionFields {
  nature: Nature;
  /** date of the event or of the decision (YYYY-MM-DD) */
  date: string;
  lieu?: string | null;
  /** titulaire's sex, for the agreement « Marié / Mariée » */
  sexe?: 'M' | 'F' | null;
  /** the other person: spouse, partner, auteur of the reconnaissance */
  autre?: { prenoms: string; nom: string } | null;
  autorite?: Autorite | null;
  /** new name or prénoms, the rectified text, the nationality event, the RC number */
  objet?: string | null;
}

export class MentionError extends Error {}

const e = (sexe: MentionFields['sexe']) => (sexe === 'F' ? 'e' : '');
/** Names are written prénoms then NOM in capitals in the registers' mentions. */
const personne = (p: { prenoms: string; nom: string }) =>
  `${p.prenoms.trim()} ${p.nom.trim().toLocaleUpperCase('fr-FR')}`;

function autorite(a: Autorite | null | undefined, nature: Nature): string {
  if (!a)
    throw new MentionError(
      `${NATURE_LABELS[nature]} : indiquez l’autorité (tribunal, officier de l’état civil ou notaire).`,
    );
  switch (a.kind) {
    case 'tribunal':
      return `du ${a.nom.trim()}`;
    case 'officier':
      return `de l’officier de l’état civil de ${a.commune.trim()}`;
    case 'procureur':
      return `du procureur de la République près le tribunal judiciaire de ${a.tribunal.trim()}`;
    case 'notaire':
      if (!/^\d{5}$/.test(a.crpcen))
        throw new MentionError('Notaire : le numéro CRPCEN a 5 chiffres (circulaire du 26 août 2020).');
      return `de Maître ${a.nom.trim()}, notaire à ${a.office.trim()} (CRPCEN ${a.crpcen})`;
  }
}

function need<T>(v: T | null | undefined, what: string, nature: Nature): T {
  if (v === null || v === undefined || (typeof v === 'string' && !v.trim()))
    throw new MentionError(`${NATURE_LABELS[nature]} : ${what} manquant(e).`);
  return v;
}

/** The mention's text, or a MentionError saying in French which field is missing. */
export function mentionText(f: MentionFields): string {
  const le = dateCourte(f.date);
  const n = f.nature;
  const lieu = () => need(f.lieu, 'lieu', n).trim();
  switch (n) {
    case 'mariage':
      return `Marié${e(f.sexe)} à ${lieu()} le ${le} avec ${personne(need(f.autre, 'conjoint', n))}.`;
    case 'divorce':
      if (f.autorite?.kind === 'notaire')
        return `Divorcé${e(f.sexe)} de ${personne(need(f.autre, 'conjoint', n))} par convention déposée au rang des minutes ${autorite(f.autorite, n)} le ${le}.`;
      return `Divorcé${e(f.sexe)} de ${personne(need(f.autre, 'conjoint', n))} par jugement ${autorite(f.autorite, n)} du ${le}.`;
    case 'separation_corps':
      return `Séparation de corps d’avec ${personne(need(f.autre, 'conjoint', n))} prononcée par jugement ${autorite(f.autorite, n)} du ${le}.`;
    case 'pacs':
      return `Pacte civil de solidarité conclu avec ${personne(need(f.autre, 'partenaire', n))}, enregistré le ${le} par ${registrar(f.autorite, n)}.`;
    case 'pacs_modification':
      return `Pacte civil de solidarité modifié par convention enregistrée le ${le} par ${registrar(f.autorite, n)}.`;
    case 'pacs_dissolution':
      return `Pacte civil de solidarité dissous, dissolution enregistrée le ${le} par ${registrar(f.autorite, n)}.`;
    case 'deces':
      return `Décédé${e(f.sexe)} à ${lieu()} le ${le}.`;
    case 'reconnaissance':
      return `Reconnu${e(f.sexe)} par ${personne(need(f.autre, 'auteur de la reconnaissance', n))} à ${lieu()} le ${le}.`;
    case 'changement_nom':
      return `Par décision ${autorite(f.autorite, n)} du ${le}, l’intéressé${e(f.sexe)} porte le nom : ${need(f.objet, 'nouveau nom', n).trim().toLocaleUpperCase('fr-FR')}.`;
    case 'changement_prenom':
      return `Par décision ${autorite(f.autorite, n)} du ${le}, l’intéressé${e(f.sexe)} porte les prénoms : ${need(f.objet, 'nouveaux prénoms', n).trim()}.`;
    case 'rectification':
      return `Acte rectifié par décision ${autorite(f.autorite, n)} du ${le} : ${need(f.objet, 'rectification', n).trim()}.`;
    case 'nationalite':
      return `${need(f.objet, 'objet (acquisition, réintégration, perte…)', n).trim()} le ${le}${f.autorite ? ` (décision ${autorite(f.autorite, n)})` : ''}.`;
    case 'repertoire_civil':
      return `RC n° ${need(f.objet, 'numéro d’inscription', n).trim()} (${le}).`;
  }
}

/** A PACS is registered by an officier de l'état civil (since 1 Nov 2017, loi 2016-1547) or a notaire. */
function registrar(a: Autorite | null | undefined, n: Nature): string {
  if (a?.kind === 'officier') return `l’officier de l’état civil de ${a.commune.trim()}`;
  if (a?.kind === 'notaire') return autorite(a, n).replace(/^de /, '');
  throw new MentionError(
    `${NATURE_LABELS[n]} : le PACS est enregistré par un officier de l’état civil ou un notaire (C. civ. art. 515-3).`,
  );
}
