/**
 * What other parts of Clocher may use of the état civil (architecture §2: only through this file): its
 * handlers and contract for the registry, its « À faire » for the dashboard, and the search for the bench
 * and, next, the counter (copies and extracts, issue 12).
 */
export { etatCivilHandlers } from './handlers';
export { etatCivilApi } from './schemas';
export { refreshEtatCivilTodos } from './todos';
export { searchActes, titulaireOf, type SearchRow } from './search';
export { etatCivilQualite, REFUS_ETAT_CIVIL } from './access';
export { KINDS, KIND_LABELS, type Kind } from './rules/kinds';
export { ftsMatch, parseSearch } from './rules/search-query';
export {
  DOCUMENT_KINDS,
  DOCUMENT_LABELS,
  documentProblem,
  produceDocument,
  type DocumentKind,
  type Officier,
  type ProduceInput,
  type ProducedDocument,
} from './copies';
export { delivreesCeMois } from './demandes-stats';
// DOCUMENT_LABELS comes from ./copies (the same labels as the rule's): one name, one export
export {
  ARTICLE_CANAUX,
  ARTICLE_LIVRAISON,
  CANAL_LABELS,
  CANAUX,
  DOCUMENTS,
  LIVRAISON_LABELS,
  LIVRAISONS,
  QUALITE_LABELS,
  QUALITES,
  decideDelivrance,
  qualiteLabel,
  type ActeDemande,
  type ActeRegistre,
  type Canal,
  type ChampManquant,
  type Decision,
  type DemandeDelivrance,
  type Demandeur,
  type DocumentDemande,
  type Livraison,
  type Manquant,
  type Proposition,
  type QualiteDemandeur,
} from './rules/delivrance';
export {
  acteDecrit,
  lettreComplement,
  lettreComplementPdf,
  lettrePdf,
  lettreRefus,
  lettreRefusPdf,
  recepisseDemande,
  recepisseDemandePdf,
  type DecisionIncomplete,
  type DecisionRefus,
  type Lettre,
  type LettreContexte,
} from './lettres';
export {
  documentRefusedForKind,
  mentionsForDocument,
  RAISONS_MENTIONS,
  type MentionInfo,
  type MentionSelection,
} from './copies';
