// The lists the counter chooses from (document, requester's quality, channel, delivery) and their French
// labels: shared by the decision, the schemas, the letters and the screen (décret n° 2017-890 arts. 27 to 30).
export const DOCUMENTS = [
  'copie_integrale',
  'extrait_avec_filiation',
  'extrait_sans_filiation',
  'extrait_plurilingue',
] as const;
export type DocumentDemande = (typeof DOCUMENTS)[number];

export const DOCUMENT_LABELS: Record<DocumentDemande, string> = {
  copie_integrale: 'Copie intégrale',
  extrait_avec_filiation: 'Extrait avec filiation',
  extrait_sans_filiation: 'Extrait sans filiation',
  extrait_plurilingue: 'Extrait plurilingue',
};

export const QUALITES = [
  'personne_elle_meme',
  'ascendant',
  'descendant',
  'conjoint',
  'partenaire_pacs',
  'representant_legal',
  'heritier',
  'mandataire',
  'habilitation_familiale',
  'avocat',
  'notaire',
  'administration',
  'procureur',
  'officier_etat_civil',
  'autorite_nationalite',
  'genealogiste',
  'tiers',
] as const;
export type QualiteDemandeur = (typeof QUALITES)[number];

/** Labels without agreement (lists, selects); `qualiteLabel` agrees them with the requester's civilité. */
export const QUALITE_LABELS: Record<QualiteDemandeur, string> = {
  personne_elle_meme: 'La personne elle-même',
  ascendant: 'Ascendant (parent, grand-parent…)',
  descendant: 'Descendant (enfant, petit-enfant…)',
  conjoint: 'Conjoint (époux ou épouse)',
  partenaire_pacs: 'Partenaire de PACS',
  representant_legal: 'Représentant légal',
  heritier: 'Héritier',
  mandataire: 'Mandataire muni d’un mandat écrit',
  habilitation_familiale: 'Personne habilitée (habilitation familiale, C. civ. art. 494-1)',
  avocat: 'Avocat (pour un client)',
  notaire: 'Notaire',
  administration: 'Administration publique (citant le texte qui l’autorise)',
  procureur: 'Procureur de la République',
  officier_etat_civil: 'Officier de l’état civil',
  autorite_nationalite: 'Autorité chargée de la nationalité (C. civ. art. 26-1 et 31)',
  genealogiste: 'Généalogiste successoral',
  tiers: 'Autre personne (tiers)',
};

const FEMININ: Partial<Record<QualiteDemandeur, string>> = {
  ascendant: 'ascendante',
  descendant: 'descendante',
  conjoint: 'conjointe',
  representant_legal: 'représentante légale',
  heritier: 'héritière',
  avocat: 'avocate',
  procureur: 'procureure de la République',
  officier_etat_civil: 'officière de l’état civil',
  genealogiste: 'généalogiste successorale',
  habilitation_familiale: 'personne habilitée',
};
const MASCULIN: Record<QualiteDemandeur, string> = {
  personne_elle_meme: 'la personne que l’acte concerne',
  ascendant: 'ascendant',
  descendant: 'descendant',
  conjoint: 'conjoint',
  partenaire_pacs: 'partenaire de PACS',
  representant_legal: 'représentant légal',
  heritier: 'héritier',
  mandataire: 'mandataire',
  habilitation_familiale: 'personne habilitée',
  avocat: 'avocat',
  notaire: 'notaire',
  administration: 'administration publique',
  procureur: 'procureur de la République',
  officier_etat_civil: 'officier de l’état civil',
  autorite_nationalite: 'autorité chargée de la nationalité',
  genealogiste: 'généalogiste successoral',
  tiers: 'tiers',
};

export type Civilite = 'M.' | 'Mme';
/** « descendante », « avocat », « héritière » (lower case, inside a sentence), agreed with the civilité. */
export const qualiteLabel = (q: QualiteDemandeur, civilite?: Civilite | null): string =>
  civilite === 'Mme' ? (FEMININ[q] ?? MASCULIN[q]) : MASCULIN[q];

/** Art. 29: on site, by post, through a téléservice (State or commune); the others are how a request reaches us. */
export const CANAUX = [
  'guichet',
  'courrier',
  'teleservice',
  'notaire',
  'administration',
  'autre_commune',
  'courriel',
] as const;
export type Canal = (typeof CANAUX)[number];
export const CANAL_LABELS: Record<Canal, string> = {
  guichet: 'Au guichet de la mairie',
  courrier: 'Par courrier postal',
  teleservice: 'Par téléservice (service-public.fr ou site de la commune)',
  notaire: 'Par un notaire',
  administration: 'Par une administration',
  autre_commune: 'Transmise par une autre commune',
  courriel: 'Par courriel',
};

export const LIVRAISONS = ['remise_guichet', 'envoi_postal', 'courriel'] as const;
export type Livraison = (typeof LIVRAISONS)[number];
export const LIVRAISON_LABELS: Record<Livraison, string> = {
  remise_guichet: 'Remise au guichet',
  envoi_postal: 'Envoi postal',
  courriel: 'Envoi par courriel (impossible)',
};
