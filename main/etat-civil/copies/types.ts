/**
 * The counter's documents (issue 12, domain-rules §2.1, §2.7): what the counter asks, what it gets back.
 * Stable: the counter's handlers and the window call these; extend, never rename.
 */
import { DOCUMENTS, DOCUMENT_LABELS as LABELS, type DocumentDemande } from './rules';

// the same four documents and labels as the rule that decides who may obtain them: one list
export const DOCUMENT_KINDS = DOCUMENTS;
export type DocumentKind = DocumentDemande;
export const DOCUMENT_LABELS: Record<DocumentKind, string> = LABELS;

/** The officier who signs (décret 2017-890 art. 27: name and quality on the document); the counter checks his délégation R2122-10. */
export interface Officier {
  nom: string;
  /** « Maire », « Adjoint au maire », « Agent délégué (arrêté n° A-2026-12, art. R2122-10 CGCT) » */
  qualite: string;
}

export interface ProduceInput {
  acteId: number;
  document: DocumentKind;
  /** copies printed one after the other in the same PDF (1 to 10) */
  copies: number;
  /** YYYY-MM-DD, printed « Délivré le jj/mm/aaaa » */
  delivreLe: string;
  officier: Officier;
  /** every marriage and divorce instead of the last marriage and its divorce (extracts, domain-rules §2.1) */
  toutesMentionsMariage?: boolean;
  /** the nationality mentions on an extrait sans filiation (always on an extrait avec filiation, §2.7) */
  nationalite?: boolean;
  /** a non-certified copy « à titre de simple renseignement »: no date, no signature block (§2.3) */
  simpleRenseignement?: boolean;
  /** copie intégrale: 'auto' = the keyed content when the act is « saisi », else the register page's scan */
  source?: 'auto' | 'saisie' | 'scan';
}

export interface ProducedDocument {
  pdf: Uint8Array;
  /** pages of the whole PDF (all copies) */
  pages: number;
  pagesParCopie: number;
  /** file name, e.g. « extrait-avec-filiation-naissance-12-2026.pdf » */
  nom: string;
  /** « Extrait avec filiation de l’acte de naissance n° 12 de 2026 » (journal, dashboard: no person's name) */
  titre: string;
  /** where a copie intégrale came from; null for an extract */
  source: 'saisie' | 'scan' | null;
  /** ids of the validated mentions printed, and those left out with the reason (for the screen and the journal) */
  mentions: { imprimees: number[]; ecartees: { id: number; raison: string }[] };
}
