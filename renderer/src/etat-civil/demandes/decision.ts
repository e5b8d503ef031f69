/**
 * The decision as the window shows it. The core's Decision (main/etat-civil/rules/delivrance.ts, kept as JSON
 * in the request) is mapped here once, so the panel stays a plain view: the reason and the articles as the
 * rule wrote them, never rewritten here.
 */
import { formatDateTime } from '../../lib/format';

/** The shape of rules/delivrance.ts `Decision` (the renderer may not import main/ code, only read its JSON). */
type Proposition = { document: string; simpleRenseignement: boolean; livraison: string | null; texte: string };
export type CoreDecision =
  | {
      outcome: 'granted';
      articles: string[];
      motif: string;
      simpleRenseignement: boolean;
      aConfirmer: string | null;
      avertissements: string[];
    }
  | {
      outcome: 'incomplete';
      articles: string[];
      motif: string;
      manquants: { champ: string; label: string; article: string }[];
      avertissements: string[];
    }
  | {
      outcome: 'refused';
      articles: string[];
      motif: string;
      proposer: Proposition[];
      recours: string;
      avertissements: string[];
    };

export interface Offre {
  /** the button's text: « Proposer l’extrait sans filiation », « Remettre au guichet » */
  label: string;
  document: string;
  livraison: string | null;
  texte: string;
}

export interface DecisionView {
  issue: 'accordee' | 'incomplete' | 'refusee';
  motif: string;
  article: string | null;
  /** a non-entitled requester on a communicable act: non-certified copy (domain-rules §2.3) */
  simpleRenseignement: boolean;
  /** the 25-years-after-death variant of L213-2, flagged « à confirmer » (domain-rules §2.3) */
  aConfirmer: string | null;
  manquants: { label: string; article: string | null }[];
  /** what may be offered instead: another document (art. 31), or a delivery by hand or post (art. 27) */
  proposer: Offre[];
  recours: string | null;
  /** notes from the rule (a request received by e-mail, answered by post…) */
  avertissements: string[];
  derogation: { motif: string; par: string; le: string } | null;
}

const DOCS: Record<string, string> = {
  copie_integrale: 'copie intégrale',
  extrait_avec_filiation: 'extrait avec filiation',
  extrait_sans_filiation: 'extrait sans filiation',
  extrait_plurilingue: 'extrait plurilingue',
};
const LIVRAISON_OFFRES: Record<string, string> = {
  remise_guichet: 'Remettre au guichet',
  envoi_postal: 'Envoyer par la poste',
};

/** « Proposer l’extrait sans filiation », « Proposer la copie intégrale ». */
export const proposerLabel = (doc: string): string => {
  const l = DOCS[doc] ?? doc;
  return /^[aeéiou]/i.test(l) ? `Proposer l’${l}` : `Proposer la ${l}`;
};

const ISSUES = { granted: 'accordee', incomplete: 'incomplete', refused: 'refusee' } as const;

export function toView(
  d: CoreDecision,
  derogation: { motif: string | null; par: string | null; le: string | null } | null,
): DecisionView {
  return {
    issue: ISSUES[d.outcome],
    motif: d.motif,
    article: d.articles.length ? d.articles.join(' ; ') : null,
    simpleRenseignement: d.outcome === 'granted' && d.simpleRenseignement,
    aConfirmer: d.outcome === 'granted' ? d.aConfirmer : null,
    manquants: d.outcome === 'incomplete' ? d.manquants.map((m) => ({ label: m.label, article: m.article })) : [],
    proposer:
      d.outcome === 'refused'
        ? d.proposer.map((p) => ({
            label: p.livraison
              ? (LIVRAISON_OFFRES[p.livraison] ?? p.texte)
              : `${proposerLabel(p.document)}${p.simpleRenseignement ? ' (copie non certifiée)' : ''}`,
            document: p.document,
            livraison: p.livraison,
            texte: p.texte,
          }))
        : [],
    recours: d.outcome === 'refused' ? d.recours : null,
    avertissements: d.avertissements,
    derogation: derogation?.le
      ? { motif: derogation.motif ?? '', par: derogation.par ?? '', le: formatDateTime(derogation.le) }
      : null,
  };
}
