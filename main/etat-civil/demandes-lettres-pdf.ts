/**
 * Plain values for the letters of lettres/ (t12-rights): the commune, the requester, the act asked for, the
 * decision as kept, the date and the signatory. Only this file knows their signatures.
 */
import { AppError } from '../kernel';
import type { EcCtx } from './context';
import type { DemandeRow } from './demandes';

export type LettreKind = 'complement' | 'refus' | 'recepisse';
export interface Signataire {
  nom: string;
  qualite: string;
}

export async function renderLettre(_c: EcCtx, _d: DemandeRow, _kind: LettreKind, _signataire: Signataire): Promise<Uint8Array> {
  throw new AppError('RULE', 'Les lettres ne sont pas encore disponibles dans cette version.');
}
