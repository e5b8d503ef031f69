/**
 * The matrix act kind × document × quality (décret n° 2017-890 arts. 30, 32, 33; CIEC Convention n° 16 art. 1):
 * which documents exist for a kind of act, and whether a requester has a right to one, needs a piece to have
 * it, or has none. Pure data and small functions; the French sentences name the articles.
 */
import type { Kind } from './kinds';
import type { ChampManquant, Demandeur, DocumentDemande, QualiteDemandeur } from './delivrance';
import { qualiteLabel } from './delivrance';

export const DECRET = 'décret n° 2017-890 du 6 mai 2017';
export const ART_30 = `art. 30 du ${DECRET}`;
export const ART_30_32 = `art. 30 et 32 du ${DECRET}`;
// The Défenseur des droits (RA-2022-002) quotes art. 33: « Les dépositaires des registres sont tenus de délivrer
// à tout requérant les extraits des actes de naissance et des actes de mariage sans indication de la filiation ».
export const ART_33 = `art. 33 du ${DECRET}`;
// Copies intégrales of décès and enfant sans vie to anyone: domain-rules §2.2 reads it in art. 30's last
// paragraph; lemaisnil.fr attributes it to art. 33. // à confirmer: the exact article number
export const ART_DECES = `art. 30 du ${DECRET}`;
export const ART_CIEC = 'art. 1 de la Convention CIEC n° 16 du 8 septembre 1976';
export const ART_EXTRAITS = `art. 32 et 33 du ${DECRET}`;

export type Droit =
  /** entitled; `qui` is the French reason (« la demandeuse est une descendante de la personne que l’acte concerne ») */
  | { kind: 'ok'; article: string; qui: string }
  /** entitled once these pieces are given */
  | { kind: 'justificatifs'; article: string; manquants: ChampManquant[] }
  | { kind: 'refuse'; article: string; raison: string };

const DECES: readonly Kind[] = ['deces', 'transcription_deces', 'enfant_sans_vie'];
const isDeces = (k: Kind) => DECES.includes(k);

/** Whether this document exists for this kind of act: extracts only of naissance and mariage (arts. 32, 33), plurilingue in formules A, B, C. */
export function documentExiste(
  k: Kind,
  doc: DocumentDemande,
): { ok: true } | { ok: false; article: string; motif: string } {
  if (doc === 'copie_integrale') return { ok: true };
  if (doc === 'extrait_plurilingue') {
    if (k === 'naissance' || k === 'mariage' || k === 'deces' || k === 'transcription_deces') return { ok: true };
    return {
      ok: false,
      article: 'Convention CIEC n° 16 du 8 septembre 1976',
      motif: `L’extrait plurilingue n’existe que pour les actes de naissance (formule A), de mariage (formule B) et de décès (formule C) (Convention CIEC n° 16 du 8 septembre 1976) ; pour cet acte, seule une copie intégrale peut être délivrée.`,
    };
  }
  if (k === 'naissance' || k === 'mariage') return { ok: true };
  const label = doc === 'extrait_avec_filiation' ? 'avec' : 'sans';
  return {
    ok: false,
    article: ART_EXTRAITS,
    motif: `Le décret ne prévoit d’extrait ${label} filiation que des actes de naissance et de mariage (${ART_EXTRAITS}) ; pour cet acte, seule une copie intégrale peut être délivrée.`,
  };
}

/** Qualities entitled to the copie intégrale of a naissance or mariage act under art. 30, once their piece is given. */
const ENTITLED: ReadonlySet<QualiteDemandeur> = new Set([
  'personne_elle_meme',
  'ascendant',
  'descendant',
  'conjoint',
  'partenaire_pacs',
  'representant_legal',
  'mandataire',
  'habilitation_familiale',
  'avocat',
  'notaire',
  'administration',
  'procureur',
  'officier_etat_civil',
  'autorite_nationalite',
  'genealogiste',
]);

/** The requester's right to this document of this kind of act (the document exists: see `documentExiste`). */
export function droitAuDocument(k: Kind, doc: DocumentDemande, dem: Demandeur): Droit {
  // Décès, transcription de décès, enfant sans vie: copie intégrale (and formule C) to anyone.
  if (isDeces(k))
    return {
      kind: 'ok',
      article: doc === 'extrait_plurilingue' ? `${ART_CIEC} ; ${ART_DECES}` : ART_DECES,
      qui: 'ce document est délivré à toute personne, sans justification',
    };
  if (doc === 'extrait_sans_filiation')
    return { kind: 'ok', article: ART_33, qui: 'cet extrait est délivré à toute personne, sans justification' };
  const article =
    doc === 'extrait_plurilingue' ? `${ART_CIEC} ; ${ART_30}` : doc === 'extrait_avec_filiation' ? ART_30_32 : ART_30;
  return droitArt30(k, dem, article, 0);
}

function droitArt30(
  k: Kind,
  dem: Omit<Demandeur, 'client'> & { client?: Demandeur['client'] },
  article: string,
  depth: number,
): Droit {
  const q = dem.qualite;
  if (q === null) return { kind: 'justificatifs', article, manquants: ['lien'] };
  const elle = dem.civilite === 'Mme';
  const un = (label: string) => `${elle ? 'une' : 'un'} ${label}`;
  const demandeur = depth > 0 ? (elle ? 'la cliente' : 'le client') : elle ? 'la demandeuse' : 'le demandeur';
  const label = qualiteLabel(q, dem.civilite);
  // Art. 30: the child's heirs may also obtain the copie intégrale of a reconnaissance.
  if (q === 'heritier' && k === 'reconnaissance')
    return { kind: 'ok', article, qui: `${demandeur} est ${un(label)} de l’enfant reconnu` };
  if (!ENTITLED.has(q))
    return { kind: 'refuse', article, raison: raisonTiers(k, demandeur, q === 'heritier' ? `${un(label)}` : null) };
  const pieces = (missing: ChampManquant[], qui: string): Droit =>
    missing.length ? { kind: 'justificatifs', article, manquants: missing } : { kind: 'ok', article, qui };
  switch (q) {
    case 'personne_elle_meme':
      if (dem.majeurOuEmancipe === false)
        return {
          kind: 'refuse',
          article,
          raison: `la personne que l’acte concerne ne peut l’obtenir elle-même que si elle est majeure ou émancipée ; son représentant légal peut en faire la demande`,
        };
      return pieces(
        dem.majeurOuEmancipe ? [] : ['majorite'],
        `${demandeur} est la personne que l’acte concerne, ${elle ? 'majeure ou émancipée' : 'majeur ou émancipé'}`,
      );
    case 'mandataire':
      return pieces(
        dem.mandatEcrit ? [] : ['mandat_ecrit'],
        `${demandeur} est ${un('mandataire')} muni${elle ? 'e' : ''} d’un mandat écrit`,
      );
    case 'habilitation_familiale':
      return pieces(
        dem.jugementHabilitation ? [] : ['jugement_habilitation'],
        `${demandeur} est habilité${elle ? 'e' : ''} par le juge (habilitation familiale, C. civ. art. 494-1)`,
      );
    case 'administration':
      return pieces(
        dem.texteInvoque?.trim() ? [] : ['texte_administration'],
        `l’administration cite le texte qui l’y autorise : ${dem.texteInvoque?.trim() ?? ''}`,
      );
    case 'genealogiste': {
      const missing: ChampManquant[] = [
        ...(dem.autorisationArchives ? [] : ['autorisation_archives' as const]),
        ...(dem.mandatGenealogiste ? [] : ['mandat_genealogiste' as const]),
      ];
      return pieces(
        missing,
        `${demandeur} est ${un(label)}, avec l’autorisation de l’administration des archives et un mandat`,
      );
    }
    case 'avocat':
      return droitAvocat(k, dem, article, depth, demandeur, label);
    case 'autorite_nationalite':
      return {
        kind: 'ok',
        article,
        qui: 'la demande émane d’une autorité chargée de la nationalité (C. civ. art. 26-1 et 31)',
      };
    default:
      return { kind: 'ok', article, qui: `${demandeur} est ${article30Role(q, elle, label)}` };
  }
}

/** Art. 30: an avocat obtains what the client may obtain; the client's quality is carried. */
function droitAvocat(
  k: Kind,
  dem: Pick<Demandeur, 'client' | 'civilite'>,
  article: string,
  depth: number,
  demandeur: string,
  label: string,
): Droit {
  const client = dem.client;
  if (!client || client.qualite === null || client.qualite === 'avocat' || depth > 0)
    return { kind: 'justificatifs', article, manquants: ['qualite_client'] };
  const inner = droitArt30(k, client, article, depth + 1);
  const clientLabel = qualiteLabel(client.qualite, client.civilite);
  if (inner.kind === 'refuse')
    return {
      kind: 'refuse',
      article,
      raison: `${demandeur} est ${dem.civilite === 'Mme' ? 'une' : 'un'} ${label} dont le client (${clientLabel}) n’y a pas droit : ${inner.raison}`,
    };
  if (inner.kind === 'justificatifs') return inner;
  return {
    kind: 'ok',
    article,
    qui: `${demandeur} est ${dem.civilite === 'Mme' ? 'une' : 'un'} ${label} agissant pour un client qui y a droit (${clientLabel})`,
  };
}

function article30Role(q: QualiteDemandeur, elle: boolean, label: string): string {
  const det = elle ? 'une' : 'un';
  switch (q) {
    case 'ascendant':
    case 'descendant':
      return `${det} ${label} de la personne que l’acte concerne`;
    case 'conjoint':
      return `${elle ? 'la conjointe' : 'le conjoint'} de la personne que l’acte concerne`;
    case 'partenaire_pacs':
      return `${elle ? 'la' : 'le'} partenaire de PACS de la personne que l’acte concerne`;
    case 'representant_legal':
      return `${elle ? 'la représentante légale' : 'le représentant légal'} de la personne que l’acte concerne`;
    case 'procureur':
      return `${elle ? 'la' : 'le'} ${label}`;
    default:
      return `${det} ${label}`;
  }
}

function raisonTiers(k: Kind, demandeur: string, heritier: string | null): string {
  const qui = heritier
    ? `${demandeur} est ${heritier}, qualité qui ne donne droit qu’à la copie intégrale d’un acte de reconnaissance`
    : `${demandeur} n’a pas de lien avec la personne que l’acte concerne qui y donne droit`;
  const liste =
    'la personne que l’acte concerne (majeure ou émancipée), ses ascendants et descendants, son conjoint ou partenaire de PACS, son représentant légal, un mandataire muni d’un mandat écrit, la personne habilitée par le juge, un avocat pour un client qui y a droit, un notaire, le procureur de la République, l’officier de l’état civil, les autorités chargées de la nationalité, une administration citant le texte qui l’y autorise et un généalogiste successoral autorisé et mandaté';
  return `${qui} ; seuls peuvent l’obtenir ${liste}${k === 'reconnaissance' ? ', ainsi que les héritiers de l’enfant' : ''}`;
}
