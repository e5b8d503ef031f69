/**
 * The bridge between a stored request and the pure rule « who may obtain what » (rules/delivrance.ts,
 * décret 2017-890 arts. 29-33, Code du patrimoine L213-2): plain values in, the decision out.
 */
import { AppError } from '../kernel';
import type { DemandeRow } from './demandes';

export interface CounterDecision {
  issue: 'granted' | 'incomplete' | 'refused';
  article: string;
  raison: string;
  simpleRenseignement?: boolean;
}

export function decisionFor(_d: DemandeRow, _acte: { dateActe: string; registreClosLe: string | null } | null, _decesLe: string | null, _today: string): CounterDecision {
  throw new AppError('RULE', 'La règle « qui peut obtenir quoi » n’est pas encore branchée.');
}

export const refusCourriel = () => 'Un acte de l’état civil n’est jamais délivré par courriel : une copie envoyée par courriel n’a aucune valeur authentique (IGREC n° 72-1, décret 2017-890 art. 27). Il est remis au guichet ou envoyé par la poste.';
