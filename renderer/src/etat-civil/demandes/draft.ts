/** A request as typed in the form, before it is sent to the core (which validates it again, field by field). */
export interface Draft {
  canal: string;
  recue_le: string;
  demandeur_nom: string;
  demandeur_prenoms: string;
  demandeur_adresse: string;
  qualite: string;
  justificatifs: { majeur: boolean; mandat: boolean; habilitation: boolean; autorisation: boolean; texte: string; client: string };
  acte_id: number | null;
  acte_type: string;
  renseignements: {
    nom: string;
    prenoms: string;
    date_naissance: string;
    lieu_naissance: string;
    date_deces: string;
    lieu_deces: string;
    parent1_nom: string;
    parent1_prenoms: string;
    parent2_nom: string;
    parent2_prenoms: string;
  };
  document: string;
  exemplaires: number;
  livraison: string;
  toutesMentions: boolean;
  nationalite: boolean;
}

export const blankDraft = (today: string): Draft => ({
  canal: 'guichet',
  recue_le: today,
  demandeur_nom: '',
  demandeur_prenoms: '',
  demandeur_adresse: '',
  qualite: 'personne',
  justificatifs: { majeur: true, mandat: false, habilitation: false, autorisation: false, texte: '', client: 'personne' },
  acte_id: null,
  acte_type: 'naissance',
  renseignements: { nom: '', prenoms: '', date_naissance: '', lieu_naissance: '', date_deces: '', lieu_deces: '', parent1_nom: '', parent1_prenoms: '', parent2_nom: '', parent2_prenoms: '' },
  document: 'copie_integrale',
  exemplaires: 1,
  livraison: 'guichet',
  toutesMentions: false,
  nationalite: false,
});

/** Said at once when e-mail is asked (domain-rules §2.2); the core's decision says it again with its article. */
export const COURRIEL_REFUS =
  'Un acte d’état civil n’est jamais envoyé par courriel : une copie reçue par courriel n’a aucune valeur authentique (IGREC n° 72-1 ; décret n° 2017-890, art. 27). Il est remis au guichet ou envoyé par la poste ; la demande elle-même se fait au guichet, par courrier ou par téléservice (art. 29).';
