/** French labels of the request's codes (the core sends codes; reasons and articles come from its rules). */
export type Option = { value: string; label: string };

export const CANAUX: Option[] = [
  { value: 'guichet', label: 'Au guichet' },
  { value: 'courrier', label: 'Courrier postal' },
  { value: 'teleservice', label: 'Téléservice (service-public.fr…)' },
  { value: 'notaire', label: 'Notaire' },
  { value: 'administration', label: 'Administration' },
  { value: 'autre_commune', label: 'Autre commune' },
  { value: 'courriel', label: 'Courriel' },
];

export const QUALITES: Option[] = [
  { value: 'personne', label: 'La personne elle-même' },
  { value: 'ascendant', label: 'Ascendant (parent, grand-parent)' },
  { value: 'descendant', label: 'Descendant (enfant, petit-enfant)' },
  { value: 'conjoint', label: 'Conjoint' },
  { value: 'partenaire_pacs', label: 'Partenaire de PACS' },
  { value: 'representant_legal', label: 'Représentant légal' },
  { value: 'heritier', label: 'Héritier' },
  { value: 'mandataire', label: 'Mandataire (mandat écrit)' },
  { value: 'habilitation_familiale', label: 'Habilitation familiale (C. civ. art. 494-1)' },
  { value: 'avocat', label: 'Avocat' },
  { value: 'notaire', label: 'Notaire' },
  { value: 'administration', label: 'Administration (citant son texte)' },
  { value: 'procureur', label: 'Procureur de la République' },
  { value: 'officier_etat_civil', label: 'Officier de l’état civil' },
  { value: 'autorite_nationalite', label: 'Autorité de nationalité (C. civ. art. 26-1 et 31)' },
  { value: 'genealogiste', label: 'Généalogiste successoral' },
  { value: 'tiers', label: 'Autre personne (tiers)' },
];

export const DOCUMENTS: Option[] = [
  { value: 'copie_integrale', label: 'Copie intégrale' },
  { value: 'extrait_avec_filiation', label: 'Extrait avec filiation' },
  { value: 'extrait_sans_filiation', label: 'Extrait sans filiation' },
  { value: 'extrait_plurilingue', label: 'Extrait plurilingue' },
];

export const LIVRAISONS: Option[] = [
  { value: 'guichet', label: 'Remise au guichet' },
  { value: 'postal', label: 'Envoi postal' },
  { value: 'courriel', label: 'Par courriel (demandé)' },
];

export const STATUTS: Option[] = [
  { value: 'recue', label: 'Reçue' },
  { value: 'incomplete', label: 'Incomplète (en attente)' },
  { value: 'a_produire', label: 'À produire' },
  { value: 'produite', label: 'Produite' },
  { value: 'remise', label: 'Remise' },
  { value: 'envoyee', label: 'Envoyée' },
  { value: 'refusee', label: 'Refusée' },
];

export const STATUT_COLORS: Record<string, string> = { recue: 'gray.8', incomplete: 'orange.9', a_produire: 'blue.9', produite: 'grape.9', remise: 'teal.9', envoyee: 'teal.9', refusee: 'red.9' };

export const label = (options: Option[], v: string | null | undefined): string => options.find((o) => o.value === v)?.label ?? v ?? '—';
/** « 2026-11-23 » → « 23/11/2026 » */
export const jour = (d: string | null | undefined): string => (d ? d.slice(0, 10).split('-').reverse().join('/') : '—');
