/**
 * Who may do what in the register, checked in the core whatever the window sends. Citizens' letters are
 * personal data: the secrétaire, the maire and the adjoints read them, not every councillor nor support
 * (RGPD art. 5-1-c). The secrétaire registers and files; the maire assigns; an élu answers what is assigned to him.
 */
import { AppError } from '../kernel';
import type { Role } from '../auth';
import type { CourrierRow } from './courrier';

const READERS: readonly Role[] = ['secretaire', 'maire', 'adjoint'];

export function mayRead(role: Role): void {
  if (!READERS.includes(role))
    throw new AppError('FORBIDDEN', 'Le registre du courrier est réservé au secrétariat, au maire et aux adjoints.');
}

export function mayAssign(role: Role): void {
  if (role !== 'secretaire' && role !== 'maire')
    throw new AppError('FORBIDDEN', 'Seuls le maire et le secrétariat attribuent un courrier.');
}

/** Answer: the secrétaire always; the maire or an adjoint when the courrier is assigned to him. */
export function mayAnswer(role: Role, c: CourrierRow): void {
  if (role === 'secretaire') return;
  if ((role === 'maire' || role === 'adjoint') && c.assigne === role) return;
  throw new AppError('FORBIDDEN', 'Vous ne pouvez répondre qu’aux courriers qui vous sont attribués.');
}

export function mayWrite(role: Role): void {
  if (role !== 'secretaire') throw new AppError('FORBIDDEN', 'Seul le secrétariat enregistre et traite les courriers.');
}
