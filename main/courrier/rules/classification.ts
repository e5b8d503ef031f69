/**
 * What the law attaches to an incoming courrier once classified (domain-rules §3.2–3.4): whether an
 * acknowledgement is owed, and what silence means, after how long, under which article.
 */
import { dateCourte } from '../../kernel';

export const CLASSEMENTS = ['information', 'demande', 'reclamation', 'document_administratif', 'verification'] as const;
export type Classement = (typeof CLASSEMENTS)[number];

export const CLASSEMENT_LABELS: Record<Classement, string> = {
  information: 'Information (pas une demande)',
  demande: 'Demande relevant d’une procédure',
  reclamation: 'Réclamation ou recours administratif',
  document_administratif: 'Demande de communication d’un document administratif',
  verification: 'Demande où la mairie vérifie seulement les conditions légales (ex. copie d’acte d’état civil)',
};

/** A row of the procedures table (migration 0300): the commune can add its own. */
export interface Procedure {
  code: string;
  libelle: string;
  regime: 'SVA' | 'SVR';
  /** exactly one of the two (migration 0310): most décrets count in months, some in days */
  delai_mois: number | null;
  delai_jours?: number | null;
  article: string;
}

export type Regime = 'SVA' | 'SVR';

export interface Qualification {
  /** an acknowledgement (AR, or AEE + ARE for an electronic submission) is owed */
  arRequis: boolean;
  /** why, or why not, with the article */
  arMotif: string;
  regime: Regime | null;
  delaiMois: number | null;
  delaiJours?: number | null;
  /** the article that fixes the silence rule (or why there is none) */
  article: string;
  /** what the sender may do after an implicit rejection (R112-5: délais et voies de recours) */
  recours: string | null;
}

const RECOURS_SVR =
  'Vous pourrez contester ce refus implicite par un recours gracieux auprès du maire ou par un recours contentieux devant le tribunal administratif dans un délai de deux mois à compter de la date à laquelle il est né (CJA R421-1 et R421-2).';
const RECOURS_CADA =
  'En cas de refus, exprès ou implicite, vous disposez de deux mois pour saisir la Commission d’accès aux documents administratifs (CADA), préalablement obligatoire à tout recours contentieux (CRPA R343-1).';

/** Classify: `procedure` applies to a demande only; a missing one means the general rule (SVA, L231-1). */
export function qualify(classement: Classement, procedure: Procedure | null): Qualification {
  switch (classement) {
    case 'information':
      return {
        arRequis: false,
        arMotif: 'Pas une demande : aucun accusé de réception n’est dû (CRPA L112-3).',
        regime: null,
        delaiMois: null,
        article: 'CRPA L112-3',
        recours: null,
      };
    case 'verification':
      return {
        arRequis: false,
        arMotif:
          'La mairie vérifie seulement les conditions légales (ex. copie d’acte d’état civil) : pas d’accusé de réception (CRPA L112-3, R112-4).',
        regime: null,
        delaiMois: null,
        article: 'CRPA L112-3 / R112-4',
        recours: null,
      };
    case 'reclamation':
      return {
        arRequis: true,
        arMotif: 'Accusé de réception dû (CRPA L112-3).',
        regime: 'SVR',
        delaiMois: 2,
        article: 'CRPA L231-4 2°',
        recours: RECOURS_SVR,
      };
    case 'document_administratif':
      return {
        arRequis: true,
        arMotif: 'Accusé de réception dû (CRPA L112-3).',
        regime: 'SVR',
        delaiMois: 1,
        article: 'CRPA R311-13',
        recours: RECOURS_CADA,
      };
    case 'demande': {
      const p = procedure ?? { regime: 'SVA', delai_mois: 2, delai_jours: null, article: 'CRPA L231-1' };
      return {
        arRequis: true,
        arMotif: 'Accusé de réception dû (CRPA L112-3).',
        regime: p.regime,
        delaiMois: p.delai_mois,
        delaiJours: p.delai_jours ?? null,
        article: p.article,
        recours: p.regime === 'SVR' ? RECOURS_SVR : null,
      };
    }
  }
}

/** What an acknowledgement says about silence (R112-5 1°, R112-11-1): acceptance → attestation, rejection → recours. */
export function silenceMention(q: Qualification, date: string | null): string | null {
  if (!q.regime || !date) return null;
  if (q.regime === 'SVA')
    return `À défaut de décision expresse, votre demande sera réputée acceptée le ${dateCourte(date)} (${q.article}). Vous pourrez alors obtenir, sur simple demande, une attestation de cette décision implicite d’acceptation (CRPA L232-3).`;
  return `À défaut de décision expresse, votre demande sera réputée rejetée le ${dateCourte(date)} (${q.article}). ${q.recours ?? ''}`.trim();
}

/** « 2 mois », « 15 jours »: the delay as the letters and the screens say it. */
export const delaiLabel = (d: { delaiMois: number | null; delaiJours?: number | null }): string =>
  d.delaiMois ? `${d.delaiMois} mois` : `${d.delaiJours ?? 0} jour${(d.delaiJours ?? 0) > 1 ? 's' : ''}`;
