// The séance after the roll call until it is lifted: secrétaire(s) de séance, élus intéressés, items postponed,
// and the closing that opens the procès-verbal (L2121-15, L2131-11, L2121-17, L2121-25 CGCT).
import { AppError } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName } from '../commune';
import { presentAt } from './attendance';
import { getPoint, getSeance, pointsOf } from './seances';
import { assertEnCours, attendanceInput, elusById, pointSituation } from './seance-day';

/** Secrétaire(s) de séance: one or more members, appointed by the council (L2121-15). */
export function setSecretaires(c: ConseilCtx, seanceId: number, eluIds: number[]): void {
  const s = getSeance(c.db, seanceId);
  assertEnCours(s);
  if (eluIds.length === 0)
    throw new AppError(
      'RULE',
      'Le conseil nomme un ou plusieurs de ses membres pour remplir les fonctions de secrétaire de séance (art. L2121-15 CGCT).',
    );
  const input = attendanceInput(c.db, s, null);
  const elus = elusById(c.db);
  for (const id of eluIds)
    if (!presentAt(input, id, 1))
      throw new AppError(
        'RULE',
        `${fullName(elus.get(id)!)} n'est pas présent : le secrétaire de séance est un membre présent (art. L2121-15 CGCT).`,
      );
  c.db.prepare('DELETE FROM secretaire_seance WHERE seance_id = ?').run(seanceId);
  for (const id of eluIds)
    c.db.prepare('INSERT INTO secretaire_seance (seance_id, elu_id) VALUES (?, ?)').run(seanceId, id);
  c.audit({
    action: 'seance.secretaire',
    summary: `Secrétaire(s) de séance : ${eluIds.map((id) => fullName(elus.get(id)!)).join(', ')}`,
    objectType: 'seance',
    objectId: seanceId,
  });
}

export function setInteresses(c: ConseilCtx, pointId: number, eluIds: number[]): void {
  const point = getPoint(c.db, pointId);
  assertEnCours(getSeance(c.db, point.seance_id));
  if (point.statut === 'delibere') throw new AppError('CONFLICT', 'Ce point est déjà voté.');
  c.db.prepare('DELETE FROM interesse WHERE point_id = ?').run(pointId);
  for (const id of eluIds) c.db.prepare('INSERT INTO interesse (point_id, elu_id) VALUES (?, ?)').run(pointId, id);
  const elus = elusById(c.db);
  const names = eluIds.map((id) => fullName(elus.get(id)!)).join(', ');
  c.audit({
    action: 'seance.interesses',
    summary: eluIds.length
      ? `Point ${point.rang} : ${names} intéressé(s), ne prennent pas part au vote (art. L2131-11 CGCT)`
      : `Point ${point.rang} : aucun élu intéressé`,
    objectType: 'point',
    objectId: pointId,
  });
}

/** An item not deliberated (no quorum, postponed by the council): it can be carried to another séance. */
export function reporterPoint(c: ConseilCtx, pointId: number, motif: string): void {
  const point = getPoint(c.db, pointId);
  assertEnCours(getSeance(c.db, point.seance_id));
  if (point.statut === 'delibere') throw new AppError('CONFLICT', 'Ce point est déjà voté.');
  // Postponed for lack of quorum: only then may a reconvocation take it without quorum (L2121-17 al. 2).
  const sansQuorum = !pointSituation(c.db, pointId).quorum.reached;
  c.db
    .prepare("UPDATE point_odj SET statut = 'reporte', report_sans_quorum = ? WHERE id = ?")
    .run(sansQuorum ? 1 : 0, pointId);
  c.audit({
    action: 'seance.point-reporte',
    summary: `Point ${point.rang} reporté : ${motif}`,
    objectType: 'point',
    objectId: pointId,
  });
}

export function closeSeance(c: ConseilCtx, seanceId: number): void {
  const s = getSeance(c.db, seanceId);
  assertEnCours(s);
  const open = pointsOf(c.db, seanceId).filter((p) => p.statut === 'a_examiner');
  if (open.length)
    throw new AppError(
      'CONFLICT',
      `Il reste ${open.length} point${open.length > 1 ? 's' : ''} à examiner (${open.map((p) => p.rang).join(', ')}) : votez-les ou reportez-les avant de lever la séance.`,
    );
  if (!c.db.prepare('SELECT 1 FROM secretaire_seance WHERE seance_id = ?').get(seanceId))
    throw new AppError('RULE', 'Aucun secrétaire de séance nommé (art. L2121-15 CGCT).');
  c.db.transaction(() => {
    c.db.prepare("UPDATE seance SET statut = 'close', levee_a = ? WHERE id = ?").run(c.now.toISOString(), seanceId);
    c.db.prepare('INSERT OR IGNORE INTO pv (seance_id) VALUES (?)').run(seanceId);
    c.audit({
      action: 'seance.levee',
      summary: `Séance levée ; liste des délibérations à publier dans la semaine (art. L2121-25 CGCT), procès-verbal à rédiger`,
      objectType: 'seance',
      objectId: seanceId,
    });
  })();
}
