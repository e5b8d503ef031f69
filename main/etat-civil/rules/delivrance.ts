/**
 * « Who may obtain what » at the état-civil counter (issue 12), as a pure function over plain values: no
 * database, no clock (`today` is a parameter). Décret n° 2017-890 du 6 mai 2017, arts. 27 to 33; Code du
 * patrimoine L213-2; CIEC Convention n° 16 art. 1 (domain-rules §2.1–2.3). Every answer names its articles in
 * its French text; the screen shows that text as it is, and the letters (../lettres/) print it.
 *
 * Order of the checks, and why: the document must exist for this kind of act; then the requester's right
 * (a tiers is refused before being asked for the parents' names); then the delivery (never by e-mail,
 * art. 27: said before anything is asked); then the pieces that make a right (mandate, text, authorisation)
 * and what the request must state (art. 29), all listed together in one letter.
 */
import type { Kind } from './kinds';
import { communicabilite, type Communicabilite } from './delivrance-communicabilite';
import { manquantsDemande, manquantsJustificatifs } from './delivrance-demande';
import { checkDemande } from './delivrance-entree';
import { documentExiste, droitAuDocument, type Droit } from './delivrance-droits';
import { addYears } from './dates';
import { motifAccorde, motifIncomplet, motifRefus, RECOURS_GENERAL, RECOURS_REFUS } from './delivrance-textes';

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

/** Who asks, under which quality, with the pieces that quality needs. Anything the window sends is checked. */
export interface Demandeur {
  /** null: the request does not say the requester's link to the person (asked back for a copie intégrale) */
  qualite: QualiteDemandeur | null;
  civilite?: Civilite | null;
  /** personne_elle_meme: majeure or émancipée (art. 30: « si elle est majeure ou émancipée ») */
  majeurOuEmancipe?: boolean;
  /** mandataire: the written mandate is attached (art. 30) */
  mandatEcrit?: boolean;
  /** habilitation_familiale: the judge's ruling (C. civ. art. 494-1) is attached */
  jugementHabilitation?: boolean;
  /** administration: the law or regulation it cites (art. 30: « dans les cas où les lois et règlements les y autorisent ») */
  texteInvoque?: string | null;
  /** généalogiste: the archives' consultation authorisation, and the mandate of a notaire, insurer or other interested person (art. 30) */
  autorisationArchives?: boolean;
  mandatGenealogiste?: boolean;
  /** avocat: the quality of the client, who must be entitled (art. 30); never itself an avocat */
  client?: Omit<Demandeur, 'client' | 'adressePostale'> | null;
  /** needed for a postal delivery */
  adressePostale?: string | null;
}

/** What the request says about the act (art. 29), whether or not the act was found in the registers. */
export interface ActeDemande {
  nom?: string | null;
  prenoms?: string | null;
  dateNaissance?: string | null;
  lieuNaissance?: string | null;
  parent1Nom?: string | null;
  parent1Prenoms?: string | null;
  parent2Nom?: string | null;
  parent2Prenoms?: string | null;
  /** the act names one parent only: the second parent's names cannot be asked */
  unSeulParent?: boolean;
  /** marriage, death, reconnaissance or delivery (enfant sans vie): date and place of the event */
  dateEvenement?: string | null;
  lieuEvenement?: string | null;
  /** reconnaissance: the déclarant (auteur) */
  declarantNom?: string | null;
  declarantPrenoms?: string | null;
}

/** The act in the registers, when found: its register (annual) and, if known, the death of its titulaire. */
export interface ActeRegistre {
  /** year of the (annual) register */
  registreAnnee: number;
  /** date of the last act, as recorded at the closing (instruction DAF/DPACI/RES/2009/018 p. 7); null: not recorded */
  registreClosLe: string | null;
  /** death of the person the act concerns (for a marriage: of the spouse who died last; null if either lives or unknown) */
  dateDecesTitulaire?: string | null;
}

export interface DemandeDelivrance {
  canal: Canal;
  typeActe: Kind;
  document: DocumentDemande;
  livraison: Livraison;
  demandeur: Demandeur;
  acte: ActeDemande;
  /** null: the act was only described, not found in the registers */
  registre: ActeRegistre | null;
  /** YYYY-MM-DD, the Paris day of the decision */
  today: string;
}

export type ChampManquant =
  | 'nom'
  | 'prenoms'
  | 'date_naissance'
  | 'lieu_naissance'
  | 'parent1_nom'
  | 'parent1_prenoms'
  | 'parent2_nom'
  | 'parent2_prenoms'
  | 'date_evenement'
  | 'lieu_evenement'
  | 'declarant_nom'
  | 'declarant_prenoms'
  | 'lien'
  | 'majorite'
  | 'mandat_ecrit'
  | 'jugement_habilitation'
  | 'texte_administration'
  | 'autorisation_archives'
  | 'mandat_genealogiste'
  | 'qualite_client'
  | 'adresse_postale';

export interface Manquant {
  champ: ChampManquant;
  /** French, as printed in the letter: « la date de naissance de la personne que l’acte concerne » */
  label: string;
  article: string;
}

export interface Proposition {
  document: DocumentDemande;
  /** a non-certified copy given « à titre de simple renseignement » (domain-rules §2.3) */
  simpleRenseignement: boolean;
  livraison: Livraison | null;
  /** French, one sentence */
  texte: string;
}

export type Decision =
  | {
      outcome: 'granted';
      document: DocumentDemande;
      articles: string[];
      /** French, naming the articles */
      motif: string;
      /** dated, signed and sealed (art. 27); false for a copy « à titre de simple renseignement » */
      certifiee: boolean;
      simpleRenseignement: boolean;
      /** the rule used is not settled (the 25-years-after-death variant): shown on the screen, French */
      aConfirmer: string | null;
      /** French notes the screen shows (e.g. a request received by e-mail, answered by post) */
      avertissements: string[];
    }
  | { outcome: 'incomplete'; manquants: Manquant[]; articles: string[]; motif: string; avertissements: string[] }
  | {
      outcome: 'refused';
      articles: string[];
      motif: string;
      proposer: Proposition[];
      recours: string;
      avertissements: string[];
    };

export const ARTICLE_LIVRAISON = 'art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1';
export const ARTICLE_CANAUX = 'art. 29 du décret n° 2017-890 du 6 mai 2017';

/** The decision for one request. Pure: the same input always gives the same answer; an input outside the lists throws (delivrance-entree.ts). */
export function decideDelivrance(d: DemandeDelivrance): Decision {
  checkDemande(d);
  const avertissements = d.canal === 'courriel' ? [AVERTISSEMENT_COURRIEL] : [];
  const existe = documentExiste(d.typeActe, d.document);
  if (!existe.ok) return refuse(d, existe.article, existe.motif, avertissements);

  const dem = majoriteParLaDate(d);
  if (dem !== d.demandeur) d = { ...d, demandeur: dem };
  const droit = droitAuDocument(d.typeActe, d.document, d.demandeur);
  if (droit.kind !== 'refuse') return entitled(d, droit, avertissements);
  const comm = communicabilite(d.typeActe, d.registre, d.today);
  if (!(comm.communicable && d.document !== 'extrait_plurilingue')) {
    if (d.livraison === 'courriel') avertissements.push(MOTIF_COURRIEL);
    return refuse(d, droit.article, motifRefus(d, droit, comm), avertissements, true, comm);
  }
  // Not entitled, but communicable: the same checks of the delivery and the address, then the copy.
  const early = livraisonOuManquants(d, [], avertissements);
  if (early) return early;
  // Not entitled, but the register is communicable to anyone (L213-2): a non-certified copy (domain-rules §2.3).
  return {
    outcome: 'granted',
    document: 'copie_integrale',
    articles: [comm.article],
    motif: `${comm.motif} Une copie non certifiée (ni datée ni signée) est délivrée à titre de simple renseignement ; elle ne vaut pas copie d’acte de l’état civil (art. 27 du décret n° 2017-890).`,
    certifiee: false,
    simpleRenseignement: true,
    aConfirmer: comm.aConfirmer,
    avertissements,
  };
}

/** Entitled, or entitled once its pieces are given. */
function entitled(d: DemandeDelivrance, droit: Exclude<Droit, { kind: 'refuse' }>, avertissements: string[]): Decision {
  const early = livraisonOuManquants(
    d,
    droit.kind === 'justificatifs' ? manquantsJustificatifs(droit, d.demandeur.civilite) : [],
    avertissements,
    true,
  );
  if (early) return early;
  if (droit.kind !== 'ok') throw new Error('unreachable: pieces missing but none listed');
  return {
    outcome: 'granted',
    document: d.document,
    articles: [droit.article],
    motif: motifAccorde(d, droit),
    certifiee: true,
    simpleRenseignement: false,
    aConfirmer: null,
    avertissements,
  };
}

/** Never by e-mail (art. 27; IGREC n° 72-1): said before asking for anything; then every missing item at once. */
function livraisonOuManquants(
  d: DemandeDelivrance,
  pieces: Manquant[],
  avertissements: string[],
  entitledPath = false,
): Decision | null {
  if (d.livraison === 'courriel') return refuse(d, ARTICLE_LIVRAISON, MOTIF_COURRIEL, avertissements);
  const manquants = pieces.concat(manquantsDemande(d, entitledPath));
  if (!manquants.length) return null;
  return { outcome: 'incomplete', manquants, ...motifIncomplet(manquants), avertissements };
}

/**
 * A request received by e-mail: art. 29 lists on site, post and téléservice, not e-mail (AN answer of 26 Aug
 * 2025, domain-rules §2.2). Decided: it is not refused for that — the requester loses nothing — but handled as
 * a written request whose answer goes by post or at the guichet, with this note shown and printed.
 * // à confirmer: whether a commune may instead answer only by asking for a proper channel.
 */
export const AVERTISSEMENT_COURRIEL =
  'Demande reçue par courriel : ce n’est pas l’un des moyens prévus (sur place, par courrier ou par téléservice, art. 29 du décret n° 2017-890). Elle est traitée comme une demande écrite, et la réponse part par courrier postal ou au guichet, jamais par courriel.';
export const MOTIF_COURRIEL =
  'Un acte de l’état civil ne peut pas être envoyé par courriel : il est remis au guichet ou envoyé par la poste, revêtu de la signature et du sceau de l’officier de l’état civil ; une copie envoyée par courriel n’aurait aucune valeur authentique (art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1). Le document peut vous être remis au guichet ou envoyé par courrier postal.';

function refuse(
  d: DemandeDelivrance,
  article: string,
  motif: string,
  avertissements: string[],
  droit = false,
  comm?: Communicabilite,
): Decision {
  const proposer = propositions(d, article === ARTICLE_LIVRAISON);
  // the plurilingue refused on a communicable register: the non-certified copy is still there (domain-rules §2.3)
  if (comm?.communicable && d.document !== 'copie_integrale') {
    proposer.push({
      document: 'copie_integrale',
      simpleRenseignement: true,
      livraison: null,
      texte: `Copie non certifiée de l’acte, à titre de simple renseignement (${comm.article}).`,
    });
  }
  return {
    outcome: 'refused',
    articles: [article],
    motif,
    proposer,
    recours: droit ? RECOURS_REFUS : RECOURS_GENERAL,
    avertissements,
  };
}

/** The person herself, majority not stated: 18 years reached by the birth date she gives (C. civ. art. 414) settles it. */
function majoriteParLaDate(d: DemandeDelivrance): Demandeur {
  const dem = d.demandeur;
  const born = d.acte.dateNaissance;
  if (
    dem.qualite !== 'personne_elle_meme' ||
    dem.majeurOuEmancipe != null ||
    !born ||
    !/^\d{4}-\d{2}-\d{2}$/.test(born)
  )
    return dem;
  return addYears(born, 18) <= d.today ? { ...dem, majeurOuEmancipe: true } : dem;
}

/** What may be offered instead: the same document by hand or post, or the other documents of this act the requester may have. */
function propositions(d: DemandeDelivrance, livraisonSeule: boolean): Proposition[] {
  if (livraisonSeule) {
    return (['remise_guichet', 'envoi_postal'] as const).map((l) => ({
      document: d.document,
      simpleRenseignement: false,
      livraison: l,
      texte: `${DOCUMENT_LABELS[d.document]} : ${LIVRAISON_LABELS[l].toLowerCase()}.`,
    }));
  }
  const out: Proposition[] = [];
  for (const doc of DOCUMENTS) {
    if (doc === d.document || !documentExiste(d.typeActe, doc).ok) continue;
    const droit: Droit = droitAuDocument(d.typeActe, doc, d.demandeur);
    if (droit.kind === 'refuse') continue;
    out.push({
      document: doc,
      simpleRenseignement: false,
      livraison: null,
      texte: `${DOCUMENT_LABELS[doc]} (${droit.article}).`,
    });
  }
  return out;
}
