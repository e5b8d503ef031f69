/** Letters of a request: complément asked (the request waits), refusal (closed), receipt on request. */
import { AppError } from '../kernel';
import type { Session } from '../api/handler';
import type { EcCtx } from './context';
import type { OfficierChoisi } from './demandes-schemas';

export async function lettreDemande(_c: EcCtx, _s: Session, _id: number, _lettre: 'complement' | 'refus', _choix: OfficierChoisi | null): Promise<{ pdf: Uint8Array; nom: string; pieceId: number }> {
  throw new AppError('RULE', 'Les lettres ne sont pas encore branchées.');
}

export async function recepisseDemande(_c: EcCtx, _id: number): Promise<{ pdf: Uint8Array; nom: string; pieceId: number }> {
  throw new AppError('RULE', 'Le récépissé n’est pas encore branché.');
}
