/**
 * The counter's calls to the core (handlers `etatCivil.demande.*`, main/etat-civil/demandes-schemas.ts), and
 * the one place where the core's answers are mapped to what the screens show.
 */
import { call, type HandlerResult } from '../../bridge';
import { toView, type CoreDecision, type DecisionView } from './decision';
import { toArgs, type DemandeArgs, type Draft } from './draft';

export type Fichier = { nom: string; mime: string; base64: string };
export type Demande = HandlerResult<'etatCivil.demande.get'>;
type Listed = HandlerResult<'etatCivil.demande.list'>[number];
export type Officier = HandlerResult<'etatCivil.demande.officiers'>[number];
export type OfficierChoix = { eluId: number } | { delegationId: number } | null;
export type Stats = HandlerResult<'etatCivil.demande.stats'>;

export const demandeurNom = (d: Pick<Listed, 'demandeur'>): string =>
  `${d.demandeur.prenoms ?? ''} ${String(d.demandeur.nom ?? '').toUpperCase()}`.trim();

/** What the request waits for, in words (the same steps as the core's « À faire », demandes-stats.ts). */
export function attente(d: Pick<Listed, 'statut' | 'decision' | 'livraison'>): string | null {
  const dec = d.decision as CoreDecision | null;
  if (d.statut === 'incomplete')
    return `complément demandé${dec?.outcome === 'incomplete' ? ` (${dec.manquants.map((m) => m.label).join(' ; ')})` : ''}`;
  if (d.statut === 'recue' && dec?.outcome === 'incomplete') return 'lettre de demande de complément à envoyer';
  if (d.statut === 'recue' && dec?.outcome === 'refused') return 'lettre de refus à envoyer, ou dérogation écrite';
  if (d.statut === 'a_produire') return 'document à produire';
  if (d.statut === 'produite')
    return d.livraison === 'envoi_postal' ? 'document à poster' : 'document à remettre au demandeur';
  return null;
}

export const decisionOf = (d: Pick<Demande, 'decision' | 'derogation'>): DecisionView | null =>
  d.decision ? toView(d.decision as CoreDecision, d.derogation) : null;

/** The request as the core holds it, back into the contract's input (to change one thing: the document, the delivery). */
export function asArgs(d: Demande): DemandeArgs {
  const { nom, prenoms, adresse, qualite, ...pieces } = d.demandeur as DemandeArgs['demandeur'];
  return {
    canal: d.canal,
    recueLe: d.recueLe,
    demandeur: { nom, prenoms, adresse, qualite, ...pieces },
    acteId: d.acteId,
    acteType: d.acteType,
    renseignements: d.renseignements,
    document: d.document,
    exemplaires: d.exemplaires,
    livraison: d.livraison,
    tousMariages: d.tousMariages,
    nationalite: d.nationalite,
  };
}

const pdf = (r: Fichier): Fichier => ({ nom: r.nom, mime: r.mime, base64: r.base64 });

export const api = {
  list: () => call('etatCivil.demande.list', {}),
  get: (id: number) => call('etatCivil.demande.get', { demandeId: id }),
  create: async (d: Draft): Promise<number> => (await call('etatCivil.demande.create', { demande: toArgs(d) })).id,
  update: (id: number, demande: DemandeArgs, complementRecuLe: string | null = null) =>
    call('etatCivil.demande.update', { demandeId: id, demande, complementRecuLe }),
  override: (id: number, motif: string) => call('etatCivil.demande.override', { demandeId: id, motif }),
  officiers: () => call('etatCivil.demande.officiers', {}),
  produce: async (id: number, officier: OfficierChoix) =>
    pdf(await call('etatCivil.demande.produce', { demandeId: id, officier })),
  lettre: async (id: number, lettre: 'complement' | 'refus', officier: OfficierChoix) =>
    pdf(await call('etatCivil.demande.lettre', { demandeId: id, lettre, officier })),
  recepisse: async (id: number) => pdf(await call('etatCivil.demande.recepisse', { demandeId: id })),
  piece: (id: number, pieceId: number) => call('etatCivil.demande.piece', { demandeId: id, pieceId }),
  remise: (id: number, mode: 'remise' | 'envoi', date: string) =>
    call('etatCivil.demande.remise', { demandeId: id, mode, date }),
  stats: (annee: number) => call('etatCivil.demande.stats', { annee }),
};
