/** French labels of the request's codes (the core sends codes; reasons and articles come from its rules). */
import type { HandlerArgs } from '../../../../main/api/types';

export type Option = { value: string; label: string };

type Args = HandlerArgs<'etatCivil.demande.create'>['demande'];
const options = <K extends string>(labels: Record<K, string>): Option[] =>
  Object.entries<string>(labels).map(([value, l]) => ({ value, label: l }));

/** décret 2017-890 art. 29: on site, by post, téléservice; the others are how a request reaches the mairie. */
export const CANAUX = options<Args['canal']>({
  guichet: 'Au guichet',
  courrier: 'Courrier postal',
  teleservice: 'Téléservice (service-public.fr…)',
  notaire: 'Notaire',
  administration: 'Administration',
  autre_commune: 'Autre commune',
  courriel: 'Courriel',
});

export const QUALITES = options<NonNullable<Args['demandeur']['qualite']>>({
  personne_elle_meme: 'La personne elle-même',
  ascendant: 'Ascendant (parent, grand-parent…)',
  descendant: 'Descendant (enfant, petit-enfant…)',
  conjoint: 'Conjoint (époux ou épouse)',
  partenaire_pacs: 'Partenaire de PACS',
  representant_legal: 'Représentant légal',
  heritier: 'Héritier',
  mandataire: 'Mandataire (mandat écrit)',
  habilitation_familiale: 'Personne habilitée (C. civ. art. 494-1)',
  avocat: 'Avocat (pour un client)',
  notaire: 'Notaire',
  administration: 'Administration (citant son texte)',
  procureur: 'Procureur de la République',
  officier_etat_civil: 'Officier de l’état civil',
  autorite_nationalite: 'Autorité de nationalité (C. civ. art. 26-1 et 31)',
  genealogiste: 'Généalogiste successoral',
  tiers: 'Autre personne (tiers)',
});

export const DOCUMENTS = options<Args['document']>({
  copie_integrale: 'Copie intégrale',
  extrait_avec_filiation: 'Extrait avec filiation',
  extrait_sans_filiation: 'Extrait sans filiation',
  extrait_plurilingue: 'Extrait plurilingue',
});

export const LIVRAISONS = options<Args['livraison']>({
  remise_guichet: 'Remise au guichet',
  envoi_postal: 'Envoi postal',
  courriel: 'Par courriel (impossible)',
});

export const STATUTS: Option[] = [
  { value: 'recue', label: 'Reçue' },
  { value: 'incomplete', label: 'Incomplète (en attente)' },
  { value: 'a_produire', label: 'À produire' },
  { value: 'produite', label: 'Produite' },
  { value: 'remise', label: 'Remise' },
  { value: 'envoyee', label: 'Envoyée' },
  { value: 'refusee', label: 'Refusée' },
];

export const STATUT_COLORS: Record<string, string> = {
  recue: 'gray.8',
  incomplete: 'violet.9',
  a_produire: 'blue.9',
  produite: 'grape.9',
  remise: 'teal.9',
  envoyee: 'teal.9',
  refusee: 'red.9',
};

export const label = (options: Option[], v: string | null | undefined): string =>
  options.find((o) => o.value === v)?.label ?? v ?? '—';
/** « 2026-11-23 » → « 23/11/2026 » */
export const jour = (d: string | null | undefined): string => (d ? d.slice(0, 10).split('-').reverse().join('/') : '—');
