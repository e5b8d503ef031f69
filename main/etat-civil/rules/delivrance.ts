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
import { communicabilite, type Communicabilite } from './delivrance-communicabilite';
import { manquantsDemande, manquantsJustificatifs } from './delivrance-demande';
import { checkDemande } from './delivrance-entree';
import { documentExiste, droitAuDocument, type Droit } from './delivrance-droits';
import { addYears } from './dates';
import { motifAccorde, motifIncomplet, motifRefus, RECOURS_GENERAL, RECOURS_REFUS } from './delivrance-textes';
import { DOCUMENT_LABELS, DOCUMENTS, LIVRAISON_LABELS } from './delivrance-vocabulaire';
import type { Decision, DemandeDelivrance, Demandeur, Manquant, Proposition } from './delivrance-types';

// The rest of the domain imports the delivery rules from here: the lists and the shapes are re-exported.
export {
  CANAL_LABELS,
  CANAUX,
  DOCUMENT_LABELS,
  DOCUMENTS,
  LIVRAISON_LABELS,
  LIVRAISONS,
  QUALITE_LABELS,
  QUALITES,
  qualiteLabel,
  type Canal,
  type Civilite,
  type DocumentDemande,
  type Livraison,
  type QualiteDemandeur,
} from './delivrance-vocabulaire';
export type {
  ActeDemande,
  ActeRegistre,
  ChampManquant,
  Decision,
  DemandeDelivrance,
  Demandeur,
  Manquant,
  Proposition,
} from './delivrance-types';

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
