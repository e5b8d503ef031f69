/** Operations on a registered courrier: one transaction each (the handler opens it), journaled. */
import { z } from 'zod';
import { AppError, dateCourte, isoDate, parseOrThrow, trimmed } from '../kernel';
import type { CourrierCtx } from './context';
import { getCourrier, procedureOf, storeDecision, type CourrierRow } from './courrier';
import { mayAnswer, mayAssign, mayWrite } from './rights';
import { CLASSEMENTS, CLASSEMENT_LABELS } from './rules/classification';

const ref = (c: CourrierRow) => `${c.sens === 'arrivee' ? 'arrivée' : 'départ'} n° ${c.annee}-${c.numero}`;

function arrivee(ctx: CourrierCtx, id: number): CourrierRow {
  const c = getCourrier(ctx.db, id);
  if (c.sens !== 'arrivee') throw new AppError('RULE', 'Cette opération ne concerne que les courriers reçus.');
  return c;
}

const qualification = z.object({
  classement: z.enum(CLASSEMENTS, { error: 'Nature de la demande : choisissez une catégorie.' }),
  procedureCode: z.string().max(60).nullable().optional(),
  recuPremiereAdmin: isoDate('Reçue d’abord par une autre administration le').nullable().optional(),
});

/** Classify (domain-rules §3.4 « encode »): the silence rule and the deadlines follow. */
export function classify(ctx: CourrierCtx, id: number, input: unknown) {
  mayWrite(ctx.role);
  const c = arrivee(ctx, id);
  const q = parseOrThrow(qualification, input);
  if (q.procedureCode && q.classement !== 'demande')
    throw new AppError('INVALID', 'Procédure : seulement pour une demande relevant d’une procédure.', {
      procedureCode: 'Seulement pour une demande.',
    });
  if (q.procedureCode && !procedureOf(ctx.db, q.procedureCode))
    throw new AppError('INVALID', 'Procédure inconnue : choisissez-la dans la liste.', {
      procedureCode: 'Procédure inconnue.',
    });
  if (q.recuPremiereAdmin && q.recuPremiereAdmin > c.date_enregistrement)
    throw new AppError(
      'INVALID',
      'La réception par la première administration ne peut pas suivre la nôtre (CRPA L114-2).',
      { recuPremiereAdmin: 'Après notre réception.' },
    );
  ctx.db
    .prepare(
      "UPDATE courrier SET classement = ?, procedure_code = ?, recu_premiere_admin = ?, statut = CASE statut WHEN 'a_traiter' THEN 'en_cours' ELSE statut END WHERE id = ?",
    )
    .run(q.classement, q.procedureCode ?? null, q.recuPremiereAdmin ?? null, id);
  const crpa = storeDecision(ctx.db, id);
  ctx.audit({
    action: 'courrier.classe',
    summary: `Courrier ${ref(c)} : ${CLASSEMENT_LABELS[q.classement]}`,
    objectType: 'courrier',
    objectId: id,
    details: { classement: q.classement, procedure: q.procedureCode ?? null },
  });
  return crpa;
}

export function assign(ctx: CourrierCtx, id: number, assigne: 'secretaire' | 'maire' | 'adjoint' | null) {
  mayAssign(ctx.role);
  const c = getCourrier(ctx.db, id);
  ctx.db.prepare('UPDATE courrier SET assigne = ? WHERE id = ?').run(assigne, id);
  ctx.audit({
    action: 'courrier.attribue',
    summary: `Courrier ${ref(c)} attribué : ${assigne ?? 'personne'}`,
    objectType: 'courrier',
    objectId: id,
  });
}

const STATUTS = { a_traiter: 'à traiter', en_cours: 'en cours', repondu: 'répondu', classe: 'classé' } as const;

export function setStatut(ctx: CourrierCtx, id: number, statut: keyof typeof STATUTS) {
  const c = getCourrier(ctx.db, id);
  mayAnswer(ctx.role, c);
  ctx.db.prepare('UPDATE courrier SET statut = ? WHERE id = ?').run(statut, id);
  ctx.audit({
    action: 'courrier.statut',
    summary: `Courrier ${ref(c)} : ${STATUTS[statut]}`,
    objectType: 'courrier',
    objectId: id,
  });
}

const piecesInput = z.object({
  pieces: trimmed('Pièces manquantes', 4000),
  delai: isoDate('Date limite pour les fournir'),
});

/** L114-5: list the missing pieces and the deadline; the SVA clock waits, the SVR one is suspended. */
export function requestPieces(ctx: CourrierCtx, id: number, input: unknown) {
  mayWrite(ctx.role);
  const c = arrivee(ctx, id);
  const p = parseOrThrow(piecesInput, input);
  if (p.delai <= ctx.today)
    throw new AppError(
      'INVALID',
      'Date limite : elle doit être après aujourd’hui pour laisser le temps de répondre (CRPA L114-5).',
      { delai: 'Après aujourd’hui.' },
    );
  if (c.pieces_recues_le) throw new AppError('RULE', 'Les pièces manquantes ont déjà été reçues pour ce courrier.');
  ctx.db
    .prepare('UPDATE courrier SET pieces_manquantes = ?, pieces_demandees_le = ?, pieces_delai = ? WHERE id = ?')
    .run(p.pieces, ctx.today, p.delai, id);
  const crpa = storeDecision(ctx.db, id);
  ctx.audit({
    action: 'courrier.pieces.demandees',
    summary: `Courrier ${ref(c)} : pièces manquantes demandées avant le ${dateCourte(p.delai)} (CRPA L114-5)`,
    objectType: 'courrier',
    objectId: id,
  });
  return crpa;
}

export function piecesReceived(ctx: CourrierCtx, id: number, date: string) {
  mayWrite(ctx.role);
  const c = arrivee(ctx, id);
  if (!c.pieces_demandees_le) throw new AppError('RULE', 'Aucune pièce n’a été demandée pour ce courrier.');
  if (date < c.pieces_demandees_le || date > ctx.today)
    throw new AppError('INVALID', 'Date de réception des pièces : entre la demande et aujourd’hui.', {
      date: 'Date impossible.',
    });
  ctx.db.prepare('UPDATE courrier SET pieces_recues_le = ? WHERE id = ?').run(date, id);
  const crpa = storeDecision(ctx.db, id);
  ctx.audit({
    action: 'courrier.pieces.recues',
    summary: `Courrier ${ref(c)} : pièces manquantes reçues le ${dateCourte(date)} ; nouvelle échéance ${crpa.decision.date ? dateCourte(crpa.decision.date) : '—'} (CRPA L114-5)`,
    objectType: 'courrier',
    objectId: id,
  });
  return crpa;
}

const transmission = z.object({
  administration: trimmed('Administration compétente', 300),
  adresse: z.string().trim().max(500).nullable().optional(),
});

/** L114-2: not ours; forwarded to the competent administration, and the sender told (letter in documents.ts). */
export function forward(ctx: CourrierCtx, id: number, input: unknown) {
  mayWrite(ctx.role);
  const c = arrivee(ctx, id);
  const t = parseOrThrow(transmission, input);
  if (c.transmis_le)
    throw new AppError('RULE', `Ce courrier a déjà été transmis à ${c.transmis_a ?? 'une autre administration'}.`);
  const to = t.adresse ? `${t.administration}, ${t.adresse}` : t.administration;
  ctx.db
    .prepare("UPDATE courrier SET transmis_a = ?, transmis_le = ?, statut = 'classe' WHERE id = ?")
    .run(to, ctx.today, id);
  const crpa = storeDecision(ctx.db, id);
  ctx.audit({
    action: 'courrier.transmis',
    summary: `Courrier ${ref(c)} transmis à ${t.administration} (CRPA L114-2)`,
    objectType: 'courrier',
    objectId: id,
  });
  return crpa;
}
