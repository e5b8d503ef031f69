/**
 * A request as typed in the form, and its translation into the core's contract (etatCivil.demande.create,
 * main/etat-civil/demandes-schemas.ts), which validates it again field by field.
 */
import type { HandlerArgs } from '../../../../main/api/types';

export type DemandeArgs = HandlerArgs<'etatCivil.demande.create'>['demande'];
type Renseignements = NonNullable<DemandeArgs['renseignements']>;

export interface Draft {
  canal: DemandeArgs['canal'];
  recueLe: string;
  livraison: DemandeArgs['livraison'];
  nom: string;
  prenoms: string;
  civilite: '' | 'M.' | 'Mme';
  adresse: string;
  /** '' : the request does not say the requester's link (the core asks it back) */
  qualite: string;
  /** la personne elle-même: '' not stated (her birth date then settles it), 'oui', 'non' */
  majeur: '' | 'oui' | 'non';
  mandatEcrit: boolean;
  jugementHabilitation: boolean;
  texteInvoque: string;
  autorisationArchives: boolean;
  mandatGenealogiste: boolean;
  clientQualite: string;
  acteId: number | null;
  acteType: DemandeArgs['acteType'];
  r: Record<Exclude<keyof Renseignements, 'unSeulParent'>, string>;
  unSeulParent: boolean;
  document: DemandeArgs['document'];
  exemplaires: number;
  tousMariages: boolean;
  nationalite: boolean;
}

export const blankDraft = (today: string): Draft => ({
  canal: 'guichet',
  recueLe: today,
  livraison: 'remise_guichet',
  nom: '',
  prenoms: '',
  civilite: '',
  adresse: '',
  qualite: '',
  majeur: '',
  mandatEcrit: false,
  jugementHabilitation: false,
  texteInvoque: '',
  autorisationArchives: false,
  mandatGenealogiste: false,
  clientQualite: '',
  acteId: null,
  acteType: 'naissance',
  r: {
    nom: '',
    prenoms: '',
    dateNaissance: '',
    lieuNaissance: '',
    parent1Nom: '',
    parent1Prenoms: '',
    parent2Nom: '',
    parent2Prenoms: '',
    dateEvenement: '',
    lieuEvenement: '',
    declarantNom: '',
    declarantPrenoms: '',
    decesConnuLe: '',
  },
  unSeulParent: false,
  document: 'copie_integrale',
  exemplaires: 1,
  tousMariages: false,
  nationalite: false,
});

type Qualite = NonNullable<DemandeArgs['demandeur']['qualite']>;
const orNull = (s: string) => s.trim() || null;

/** The form's state as the contract wants it: empty texts become null (« not stated »), never ''. */
export function toArgs(d: Draft): DemandeArgs {
  const pieces = {
    mandatEcrit: d.mandatEcrit,
    jugementHabilitation: d.jugementHabilitation,
    texteInvoque: orNull(d.texteInvoque),
    autorisationArchives: d.autorisationArchives,
    mandatGenealogiste: d.mandatGenealogiste,
  };
  return {
    canal: d.canal,
    recueLe: d.recueLe,
    livraison: d.livraison,
    demandeur: {
      nom: d.nom,
      prenoms: d.prenoms,
      adresse: orNull(d.adresse),
      qualite: (d.qualite || null) as Qualite | null,
      civilite: d.civilite || null,
      ...(d.majeur ? { majeurOuEmancipe: d.majeur === 'oui' } : {}),
      ...pieces,
      client: d.qualite === 'avocat' ? { qualite: (d.clientQualite || null) as Qualite | null, ...pieces } : null,
    },
    acteId: d.acteId,
    acteType: d.acteType,
    renseignements: {
      ...(Object.fromEntries(Object.entries(d.r).map(([k, v]) => [k, orNull(v)])) as Renseignements),
      unSeulParent: d.unSeulParent,
    },
    document: d.document,
    exemplaires: d.exemplaires,
    tousMariages: d.tousMariages,
    nationalite: d.nationalite,
  };
}

/**
 * A recorded request back into the form (« Compléter / modifier la demande », etatCivil.demande.update): null
 * becomes '' so that toArgs(fromArgs(a)) gives back what the core holds, plus what the secrétaire typed.
 */
export function fromArgs(a: DemandeArgs): Draft {
  const p = a.demandeur;
  const r = a.renseignements ?? {};
  const blank = blankDraft(a.recueLe);
  return {
    ...blank,
    canal: a.canal,
    recueLe: a.recueLe,
    livraison: a.livraison,
    nom: p.nom,
    prenoms: p.prenoms ?? '',
    civilite: p.civilite ?? '',
    adresse: p.adresse ?? '',
    qualite: p.qualite ?? '',
    majeur: p.majeurOuEmancipe === undefined || p.majeurOuEmancipe === null ? '' : p.majeurOuEmancipe ? 'oui' : 'non',
    mandatEcrit: !!p.mandatEcrit,
    jugementHabilitation: !!p.jugementHabilitation,
    texteInvoque: p.texteInvoque ?? '',
    autorisationArchives: !!p.autorisationArchives,
    mandatGenealogiste: !!p.mandatGenealogiste,
    clientQualite: p.client?.qualite ?? '',
    acteId: a.acteId,
    acteType: a.acteType,
    r: Object.fromEntries(Object.keys(blank.r).map((k) => [k, (r as Record<string, unknown>)[k] ?? ''])) as Draft['r'],
    unSeulParent: !!r.unSeulParent,
    document: a.document,
    exemplaires: a.exemplaires ?? 1,
    tousMariages: !!a.tousMariages,
    nationalite: !!a.nationalite,
  };
}

/** The core's field keys (« demande.demandeur.nom ») as the form's (« nom »). */
export function fieldKey(path: string): string {
  return path
    .replace(/^demande\./, '')
    .replace(/^demandeur\./, '')
    .replace(/^renseignements\./, 'r.');
}

/** Said at once when e-mail is asked (domain-rules §2.2); the core's decision says it again with its article. */
export const COURRIEL_REFUS =
  'Un acte de l’état civil n’est jamais envoyé par courriel : une copie reçue par courriel n’a aucune valeur authentique (art. 27 du décret n° 2017-890 ; IGREC n° 72-1). Il est remis au guichet ou envoyé par la poste.';
