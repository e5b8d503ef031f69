/**
 * Who may act on the current step of a document's circuit. A refusal sends the document back to the
 * secrétaire (domain-rules §4.3): only the person the step waits for may say no, never a bystander.
 */
import { AppError } from '../kernel';
import type { Session } from '../context';
import type { Db } from '../db';
import { authorityFor, type StepContext } from './delegations';
import { currentStep, getDocument, type DocumentRow, type StepRow } from './queue';

/** The step as the délégations rules see it: its kind, its expected élu, the séance's président and date. */
export function stepContextOf(db: Db, d: DocumentRow, step: StepRow): StepContext {
  const seance = d.seance_id
    ? (db.prepare('SELECT date, president_elu_id FROM seance WHERE id = ?').get(d.seance_id) as
        { date: string; president_elu_id: number | null } | undefined)
    : undefined;
  const role = step.role === 'secretaire' ? 'maire' : step.role;
  return {
    kind: d.kind,
    role,
    stepEluId: step.elu_id,
    seancePresidentId: seance?.president_elu_id ?? step.elu_id,
    seanceDate: seance?.date ?? null,
  };
}

/**
 * May this user refuse the document now? At a visa step: the secrétariat. At a signature step: the élu who
 * may sign it, by the same rules as the signature itself (président or maire and secrétaire de séance,
 * L2121-15 / L2121-23; the maire or an élu délégataire in force, L2122-18). Throws FORBIDDEN otherwise.
 */
export function checkMayRefuse(db: Db, session: Session, documentId: number, day: string): void {
  const d = getDocument(db, documentId);
  const step = currentStep(db, documentId);
  if (!step || d.statut === 'refuse' || d.statut === 'signe')
    throw new AppError('CONFLICT', `« ${d.titre} » n'est pas en attente : il ne peut pas être refusé.`);
  if (step.type === 'visa') {
    if (session.role !== 'secretaire')
      throw new AppError(
        'FORBIDDEN',
        `« ${d.titre} » attend le visa du secrétariat : seul le secrétariat de mairie peut le refuser à cette étape.`,
      );
    return;
  }
  const refuse = (why: string) =>
    new AppError(
      'FORBIDDEN',
      `Seul le signataire attendu (${step.libelle.toLowerCase()}) peut refuser « ${d.titre} », connecté avec son compte d’élu${why}.`,
    );
  if (session.eluId === null) throw refuse('');
  try {
    authorityFor(db, { eluId: session.eluId }, stepContextOf(db, d, step), day);
  } catch (e) {
    if (e instanceof AppError && e.code === 'RULE') throw refuse(` : ${e.message}`);
    throw e;
  }
}

/** The same check as a yes/no, for the list: the window offers « Refuser » only to whom the core would allow it. */
export function mayRefuse(db: Db, session: Session, documentId: number, day: string): boolean {
  try {
    checkMayRefuse(db, session, documentId, day);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}
