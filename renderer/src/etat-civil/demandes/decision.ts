/**
 * The decision as the window shows it. The core's Decision (main/etat-civil/rules/delivrance.ts) is mapped
 * here once, so the panel stays a plain view: reason and article as the rule wrote them, never rewritten.
 */
export interface DecisionView {
  issue: 'accordee' | 'incomplete' | 'refusee';
  motif: string;
  article: string | null;
  /** a non-entitled requester on a communicable act: non-certified copy (domain-rules §2.3) */
  simpleRenseignement: boolean;
  /** the 25-years-after-death variant of L213-2, flagged « à confirmer » (domain-rules §2.3) */
  aConfirmer: string | null;
  manquants: { label: string; article: string | null }[];
  /** documents the requester may have instead (e.g. the extrait sans filiation, décret 2017-890 art. 31) */
  proposer: { document: string; label: string }[];
  recours: string | null;
  /** a request for e-mail delivery: the explanation (IGREC n° 72-1), never a sending */
  courriel: string | null;
  derogation: { motif: string; par: string; le: string } | null;
}

/** « Proposer l’extrait sans filiation », « Proposer la copie intégrale ». */
export const proposerLabel = (label: string): string => {
  const l = label.charAt(0).toLowerCase() + label.slice(1);
  return /^[aeéiou]/i.test(l) ? `Proposer l’${l}` : `Proposer la ${l}`;
};
