/**
 * What a request must state (décret n° 2017-890 art. 29) and the pieces a quality needs (art. 30), each as a
 * French label for the « lettre de demande de complément » with its article.
 */
import type { ActeDemande, ChampManquant, Civilite, DemandeDelivrance, Manquant } from './delivrance';
import { ART_30, DECRET, type Droit } from './delivrance-droits';

export const ART_29 = `art. 29 du ${DECRET}`;

const PERSONNE = 'de la personne que l’acte concerne';
const LABELS: Record<ChampManquant, string> = {
  nom: `le nom ${PERSONNE}`,
  prenoms: `les prénoms ${PERSONNE}`,
  date_naissance: `la date de naissance ${PERSONNE}`,
  lieu_naissance: `le lieu de naissance ${PERSONNE}`,
  parent1_nom: 'le nom du premier parent',
  parent1_prenoms: 'le prénom usuel du premier parent',
  parent2_nom: 'le nom du second parent',
  parent2_prenoms: 'le prénom usuel du second parent',
  date_evenement: 'la date de l’événement',
  lieu_evenement: 'le lieu de l’événement',
  declarant_nom: 'le nom de l’auteur de la reconnaissance',
  declarant_prenoms: 'les prénoms de l’auteur de la reconnaissance',
  lien: `votre lien avec la personne que l’acte concerne`,
  majorite: 'la preuve que vous êtes majeur ou émancipé (pièce d’identité)',
  mandat_ecrit: 'le mandat écrit de la personne qui vous a chargé de la demande',
  jugement_habilitation: 'le jugement d’habilitation familiale (C. civ. art. 494-1)',
  texte_administration: 'le texte de loi ou de règlement qui autorise votre administration à obtenir ce document',
  autorisation_archives:
    'l’autorisation de consultation des actes de l’état civil délivrée par l’administration des archives',
  mandat_genealogiste:
    'le mandat ou la demande d’un notaire, d’un organisme d’assurance ou d’une autre personne ayant un intérêt direct et légitime',
  qualite_client: 'la qualité de votre client (son lien avec la personne que l’acte concerne)',
  adresse_postale: 'votre adresse postale, pour l’envoi du document',
};

/** Labels of the event by kind of act, so the letter says « la date du mariage », not « de l’événement ». */
const EVENEMENT: Record<string, [string, string]> = {
  mariage: ['la date du mariage', 'le lieu du mariage'],
  deces: ['la date du décès', 'le lieu du décès'],
  transcription_deces: ['la date du décès', 'le lieu du décès'],
  enfant_sans_vie: ['la date de l’accouchement', 'le lieu de l’accouchement'],
  reconnaissance: ['la date de la reconnaissance', 'le lieu de la reconnaissance'],
};

export function manquant(
  champ: ChampManquant,
  article: string,
  typeActe?: string,
  civilite?: Civilite | null,
): Manquant {
  const ev = typeActe ? EVENEMENT[typeActe] : undefined;
  let label = LABELS[champ];
  if (civilite === 'Mme')
    label = label.replace('majeur ou émancipé', 'majeure ou émancipée').replace('vous a chargé ', 'vous a chargée ');
  if (ev && champ === 'date_evenement') label = ev[0];
  if (ev && champ === 'lieu_evenement') label = ev[1];
  if (typeActe === 'deces' || typeActe === 'transcription_deces')
    label = label.replace(PERSONNE, 'de la personne décédée');
  if (typeActe === 'enfant_sans_vie' && (champ === 'nom' || champ === 'prenoms'))
    label = champ === 'nom' ? 'le nom de la mère' : 'les prénoms de la mère';
  return { champ, label, article };
}

/** The pieces that make a right (art. 30), when they are missing. */
export function manquantsJustificatifs(
  droit: Extract<Droit, { kind: 'justificatifs' }>,
  civilite?: Civilite | null,
): Manquant[] {
  return droit.manquants.map((c) => manquant(c, ART_30, undefined, civilite));
}

const blank = (v: string | null | undefined) => !v?.trim();

/**
 * What the request must state for this document of this kind of act (art. 29), and an address for a postal
 * delivery. `entitled` false: a copy « à titre de simple renseignement » of an act found in the registers,
 * which needs nothing more than the act itself.
 */
export function manquantsDemande(d: DemandeDelivrance, entitled: boolean): Manquant[] {
  const fields = entitled ? requiredFields(d) : [];
  const out = fields
    .filter((f) => blank(d.acte[FIELD_OF[f]!] as string | null | undefined))
    .map((f) => manquant(f, ART_29, d.typeActe));
  if (d.livraison === 'envoi_postal' && blank(d.demandeur.adressePostale))
    out.push(manquant('adresse_postale', 'art. 27 du décret n° 2017-890 du 6 mai 2017'));
  return out;
}

const FIELD_OF: Record<string, keyof ActeDemande> = {
  nom: 'nom',
  prenoms: 'prenoms',
  date_naissance: 'dateNaissance',
  lieu_naissance: 'lieuNaissance',
  parent1_nom: 'parent1Nom',
  parent1_prenoms: 'parent1Prenoms',
  parent2_nom: 'parent2Nom',
  parent2_prenoms: 'parent2Prenoms',
  date_evenement: 'dateEvenement',
  lieu_evenement: 'lieuEvenement',
  declarant_nom: 'declarantNom',
  declarant_prenoms: 'declarantPrenoms',
};

/** Art. 29, paragraph by paragraph. */
function requiredFields(d: DemandeDelivrance): ChampManquant[] {
  const withFiliation = d.document !== 'extrait_sans_filiation';
  const parents: ChampManquant[] = d.acte.unSeulParent
    ? ['parent1_nom', 'parent1_prenoms']
    : ['parent1_nom', 'parent1_prenoms', 'parent2_nom', 'parent2_prenoms'];
  switch (d.typeActe) {
    case 'naissance':
      // « nom, prénoms, date et lieu de naissance … ainsi que les nom et prénom usuel de ses parents »
      return ['nom', 'prenoms', 'date_naissance', 'lieu_naissance', ...(withFiliation ? parents : [])];
    case 'mariage':
      // with filiation: the same, « en outre, la date et le lieu du mariage »; without: the marriage's date and place and the names
      return withFiliation
        ? ['nom', 'prenoms', 'date_naissance', 'lieu_naissance', ...parents, 'date_evenement', 'lieu_evenement']
        : ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'];
    case 'reconnaissance':
      // « les nom, prénoms du déclarant ainsi que la date et le lieu de la reconnaissance »
      return ['declarant_nom', 'declarant_prenoms', 'date_evenement', 'lieu_evenement'];
    default:
      // décès, enfant sans vie: « les nom et prénoms du défunt ou de la mère ainsi que la date et le lieu du décès ou de l’accouchement »
      return ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'];
  }
}
