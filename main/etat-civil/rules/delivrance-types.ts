// The shapes of a delivery request and of its decision (décret n° 2017-890 arts. 27 to 33), kept apart from
// the decision function itself (delivrance.ts, which re-exports them).
import type { Kind } from './kinds';
import type { Canal, Civilite, DocumentDemande, Livraison, QualiteDemandeur } from './delivrance-vocabulaire';

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
