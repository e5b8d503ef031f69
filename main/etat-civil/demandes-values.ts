/** The values a request takes (décret 2017-890 arts. 29-30), shared by the contract and the services. */
export const CANAUX = ['guichet', 'courrier', 'teleservice', 'notaire', 'administration', 'autre_commune', 'courriel'] as const;
export { DOCUMENT_KINDS as DOCUMENTS } from './copies/types';
export const LIVRAISONS = ['guichet', 'postal', 'courriel'] as const;
export const QUALITES = [
  'personne', 'ascendant', 'descendant', 'conjoint', 'partenaire_pacs', 'representant_legal', 'heritier', 'mandataire', 'habilitation_familiale',
  'avocat', 'notaire', 'administration', 'procureur', 'officier_etat_civil', 'autorite_nationalite', 'genealogiste', 'tiers',
] as const;
