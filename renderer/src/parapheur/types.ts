/** Types of the parapheur screens, straight from the core's handlers (never redeclared), and their French labels. */
import type { EventPayload, HandlerResult } from '../bridge';

export type DocItem = HandlerResult<'parapheur.list'>[number];
export type DocDetail = HandlerResult<'parapheur.get'>;
export type Step = DocDetail['circuit'][number];
export type Statut = DocItem['statut'];
export type ScanResult = HandlerResult<'signing.scan'>;
export type TokenReport = Extract<ScanResult, { ok: true }>['tokens'][number];
export type TokenCert = TokenReport['certificates'][number];
export type CertCheck = HandlerResult<'signing.certificate'>;
export type SessionStarted = HandlerResult<'parapheur.sessionStart'>;
export type SignResult = HandlerResult<'parapheur.signer'>['results'][number];
export type Delegation = HandlerResult<'parapheur.delegations'>[number];
export type Elu = HandlerResult<'commune.get'>['elus'][number];

/** The 'parapheur.progress' payload, as the contract declares it. */
export type Progress = EventPayload<'parapheur.progress'>;

export const STATUTS: { id: Statut; label: string; vide: string }[] = [
  { id: 'a_viser', label: 'À viser', vide: 'Aucun document n’attend le visa du secrétariat.' },
  { id: 'a_signer', label: 'À signer', vide: 'Aucun document n’attend de signature.' },
  { id: 'signe', label: 'Signés', vide: 'Aucun document signé pour l’instant.' },
  { id: 'refuse', label: 'Refusés', vide: 'Aucun document refusé.' },
];

export const KIND_LABELS: Record<DocItem['kind'], string> = {
  deliberation: 'Délibération',
  pv: 'Procès-verbal',
  arrete: 'Arrêté',
  etat_civil: 'Acte d’état civil',
  courrier: 'Courrier',
  pes: 'Bordereaux comptables (PES)',
};

/** Where a document comes from, in the secrétaire's words. */
export function sourceOf(d: Pick<DocItem, 'kind' | 'source_type' | 'titre'>): string {
  if (d.source_type === 'deliberation') return 'Conseil municipal : délibération adoptée';
  if (d.source_type === 'pv') return 'Conseil municipal : procès-verbal arrêté';
  return d.kind === 'pes'
    ? 'Fichier PES Aller importé (logiciel de comptabilité)'
    : `${KIND_LABELS[d.kind]} déposé dans le parapheur`;
}

export const STEP_STATUT: Record<Step['statut'], string> = { en_attente: 'en attente', fait: 'fait', refuse: 'refusé' };

/** The délégations the core knows, each with its article (CGCT) and what it may cover. */
export const ARTICLES = [
  {
    id: 'L2122-18',
    label: 'Délégation de fonctions à un adjoint ou conseiller (art. L2122-18 CGCT)',
    short: 'Fonctions',
    agent: false,
  },
  {
    id: 'L2122-19',
    label: 'Délégation de signature à un agent (art. L2122-19 CGCT)',
    short: 'Signature (agent)',
    agent: true,
  },
  {
    id: 'R2122-8',
    label: 'Délégation de signature à un agent pour le courrier (art. R2122-8 CGCT)',
    short: 'Courrier (agent)',
    agent: true,
  },
  {
    id: 'R2122-10',
    label: 'Délégation d’état civil à un agent titulaire (art. R2122-10 CGCT)',
    short: 'État civil (agent titulaire)',
    agent: true,
  },
] as const;
export type Article = (typeof ARTICLES)[number]['id'];

/** What each arrêté may cover (mirror of SCOPE in main/parapheur/delegations.ts). */
export const SCOPE: Record<Article, DocItem['kind'][]> = {
  'L2122-18': ['arrete', 'etat_civil', 'courrier', 'pes'],
  'L2122-19': ['arrete', 'courrier', 'pes'],
  'R2122-8': ['courrier'],
  'R2122-10': ['etat_civil'],
};

/** Filled backgrounds dark enough for white text at 4.5:1. */
export const FILL = { green: '#1b5e20', orange: '#9a3b00', blue: '#1864ab', gray: '#495057', red: '#a51d1d' } as const;

export const STATUT_COLOR: Record<Statut, string> = {
  a_viser: FILL.blue,
  a_signer: FILL.orange,
  signe: FILL.green,
  refuse: FILL.red,
};

/** Mantine's light Alert titles in orange, green or blue are too pale on their background (WCAG AA): dark text. */
export const DARK_TITLE = { title: { color: 'var(--mantine-color-text)' } };
