// The séance on its day, opening side: who is in office, present and represented, the opening and the roll call
// (L2121-10 to L2121-12, L2121-17); proxies live in seance-pouvoirs.ts, the closing side in seance-closing.ts.
import { z } from 'zod';
import { AppError, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName, readElus, type EluRow, readIdentity } from '../commune';
import type { Db } from '../db';
import { attendanceFor, presentAt, type AttendanceInput } from './attendance';
import type { Presence } from './rules/pouvoirs';
import { checkQuorum } from './rules/quorum';
import { quorumExempt } from './rules/reconvocation';
import { convocationWarning } from './rules/ouverture';
import { convocationRule } from './rules/convocation';
import { eluIdsEnExercice, getPoint, getSeance, pointsOf, type PointRow, type SeanceRow } from './seances';

export const elusById = (db: Db): Map<number, EluRow> => new Map(readElus(db).map((e) => [e.id, e]));

export function openingPresence(db: Db, seanceId: number): Map<number, Presence> {
  const rows = db.prepare('SELECT elu_id, statut FROM presence WHERE seance_id = ?').all(seanceId) as {
    elu_id: number;
    statut: Presence;
  }[];
  return new Map(rows.map((r) => [r.elu_id, r.statut]));
}

export function pouvoirsFor(db: Db, seanceId: number) {
  return db
    .prepare(
      `SELECT p.id, p.mandant_elu_id AS mandant, p.mandataire_elu_id AS mandataire, p.signe_le, p.maladie FROM pouvoir p
       JOIN pouvoir_seance ps ON ps.pouvoir_id = p.id WHERE ps.seance_id = ? ORDER BY p.id`,
    )
    .all(seanceId) as { id: number; mandant: number; mandataire: number; signe_le: string; maladie: number }[];
}

export function attendanceInput(db: Db, s: SeanceRow, point: PointRow | null): AttendanceInput {
  const mouvements = (
    db.prepare('SELECT elu_id, avant_rang, type FROM mouvement WHERE seance_id = ? ORDER BY id').all(s.id) as {
      elu_id: number;
      avant_rang: number;
      type: 'arrivee' | 'depart';
    }[]
  ).map((m) => ({ eluId: m.elu_id, avantRang: m.avant_rang, type: m.type }));
  let interesses = point
    ? (db.prepare('SELECT elu_id FROM interesse WHERE point_id = ?').all(point.id) as { elu_id: number }[]).map(
        (r) => r.elu_id,
      )
    : [];
  let pouvoirs = pouvoirsFor(db, s.id).map((p) => ({ mandant: p.mandant, mandataire: p.mandataire }));
  if (point?.compte_administratif) {
    // L2121-14: the maire leaves for the vote of the compte administratif and gives no proxy for it.
    const maire = maireAt(db, s.date);
    if (maire) {
      interesses = [...new Set([...interesses, maire.id])];
      pouvoirs = pouvoirs.filter((p) => p.mandant !== maire.id);
    }
  }
  return {
    enExercice: eluIdsEnExercice(db, s.date),
    opening: openingPresence(db, s.id),
    mouvements,
    pouvoirs,
    interesses,
  };
}

export const maireAt = (db: Db, day: string): EluRow | undefined =>
  readElus(db).find((e) => e.fonction === 'maire' && e.mandat_debut <= day && (!e.mandat_fin || e.mandat_fin >= day));

/** Attendance and quorum for one item, as the séance screen shows it before the vote. */
export function pointSituation(db: Db, pointId: number) {
  const point = getPoint(db, pointId);
  const s = getSeance(db, point.seance_id);
  const att = attendanceFor(attendanceInput(db, s, point), point.rang);
  const quorum = checkQuorum({
    enExercice: att.enExercice,
    presents: att.presents.length + att.retires.length,
    retires: att.retires.length,
    reconvocation: quorumExempt(s, point),
  });
  return { point, attendance: att, quorum };
}

export function assertEnCours(s: SeanceRow): void {
  if (s.statut !== 'en_cours')
    throw new AppError('CONFLICT', s.statut === 'close' ? 'La séance est close.' : "Ouvrez d'abord la séance.");
}

/** The warning read before opening a séance whose convocation is missing or late (L2121-10 to L2121-12). */
export function openingWarning(db: Db, s: SeanceRow): string | null {
  const icpe = pointsOf(db, s.id).some((p) => p.icpe === 1 && p.statut !== 'retire');
  const rule = convocationRule(readIdentity(db).population, { urgence: s.nature === 'urgence', icpe });
  const envois = (
    db.prepare('SELECT elu_id, envoye_le FROM convocation_envoi WHERE seance_id = ?').all(s.id) as {
      elu_id: number;
      envoye_le: string;
    }[]
  ).map((e) => ({ eluId: e.elu_id, date: e.envoye_le }));
  return convocationWarning({
    seanceDate: s.date,
    rule,
    urgence: s.nature === 'urgence',
    enExercice: eluIdsEnExercice(db, s.date).length,
    envois,
  });
}

/**
 * Open the séance. A convocation missing or late does not forbid the séance, but the président is warned with
 * the article and must confirm (`confirm`); without it the core answers CONFIRM with the warning. The
 * confirmation itself is journaled.
 */
export function openSeance(c: ConseilCtx, seanceId: number, confirm = false): void {
  const s = getSeance(c.db, seanceId);
  if (s.statut === 'en_cours') return;
  if (s.statut === 'close') throw new AppError('CONFLICT', 'La séance est close.');
  if (s.date !== c.today)
    throw new AppError(
      'CONFLICT',
      `La séance est prévue le ${s.date.split('-').reverse().join('/')} : elle ne peut être ouverte que ce jour-là.`,
    );
  if (pointsOf(c.db, seanceId).every((p) => p.statut === 'retire'))
    throw new AppError('RULE', "La séance n'a pas d'ordre du jour (art. L2121-10 CGCT).");
  const warning = openingWarning(c.db, s);
  if (warning && !confirm) throw new AppError('CONFIRM', `${warning} Ouvrir la séance quand même ?`);
  const maire = maireAt(c.db, s.date);
  c.db.transaction(() => {
    if (warning)
      c.audit({
        action: 'seance.ouverture-confirmee',
        summary: `Séance ouverte malgré l'avertissement : ${warning}`,
        objectType: 'seance',
        objectId: seanceId,
      });
    c.db
      .prepare(
        "UPDATE seance SET statut = 'en_cours', ouverte_a = ?, president_elu_id = coalesce(president_elu_id, ?) WHERE id = ?",
      )
      .run(c.now.toISOString(), maire?.id ?? null, seanceId);
    // everyone in office starts as absent until marked; the secrétaire marks presences on the roll call
    const ins = c.db.prepare("INSERT OR IGNORE INTO presence (seance_id, elu_id, statut) VALUES (?, ?, 'absent')");
    for (const id of eluIdsEnExercice(c.db, s.date)) ins.run(seanceId, id);
    // proxies handed in before the séance
    for (const p of pouvoirsFor(c.db, seanceId))
      c.db
        .prepare("UPDATE presence SET statut = 'represente' WHERE seance_id = ? AND elu_id = ?")
        .run(seanceId, p.mandant);
    c.audit({
      action: 'seance.ouverte',
      summary: `Séance du ${s.date.split('-').reverse().join('/')} ouverte`,
      objectType: 'seance',
      objectId: seanceId,
    });
  })();
}

const presenceSchema = z.object({
  eluId: z.number().int().positive(),
  statut: z.enum(['present', 'absent', 'excuse']),
});

export function setPresence(c: ConseilCtx, seanceId: number, input: unknown): void {
  const p = parseOrThrow(presenceSchema, input);
  const s = getSeance(c.db, seanceId);
  assertEnCours(s);
  if (!eluIdsEnExercice(c.db, s.date).includes(p.eluId))
    throw new AppError('INVALID', "Cet élu n'est pas en exercice.");
  if (c.db.prepare('SELECT 1 FROM vote v JOIN point_odj o ON o.id = v.point_id WHERE o.seance_id = ?').get(seanceId))
    throw new AppError(
      'CONFLICT',
      'Des points ont déjà été votés : enregistrez une arrivée ou un départ en cours de séance plutôt que de modifier l’appel.',
    );
  if (p.statut === 'present' && pouvoirsFor(c.db, seanceId).some((x) => x.mandant === p.eluId))
    throw new AppError(
      'CONFLICT',
      `${fullName(elusById(c.db).get(p.eluId)!)} a donné un pouvoir pour cette séance : retirez-le d'abord.`,
    );
  if (p.statut !== 'present' && pouvoirsFor(c.db, seanceId).some((x) => x.mandataire === p.eluId))
    throw new AppError(
      'CONFLICT',
      `${fullName(elusById(c.db).get(p.eluId)!)} porte un pouvoir : retirez-le d'abord, ou enregistrez un départ en cours de séance.`,
    );
  c.db
    .prepare(
      'INSERT INTO presence (seance_id, elu_id, statut) VALUES (?, ?, ?) ON CONFLICT (seance_id, elu_id) DO UPDATE SET statut = excluded.statut',
    )
    .run(seanceId, p.eluId, p.statut);
  const e = elusById(c.db).get(p.eluId)!;
  c.audit({
    action: 'seance.presence',
    summary: `${fullName(e)} : ${{ present: 'présent', absent: 'absent', excuse: 'excusé' }[p.statut]}`,
    objectType: 'seance',
    objectId: seanceId,
  });
}

const mouvementSchema = z.object({
  eluId: z.number().int().positive(),
  avantRang: z.number().int().min(1),
  type: z.enum(['arrivee', 'depart']),
});

/** An élu arrives or leaves during the séance: from item `avantRang` on. */
export function addMouvement(c: ConseilCtx, seanceId: number, input: unknown): void {
  const m = parseOrThrow(mouvementSchema, input);
  const s = getSeance(c.db, seanceId);
  assertEnCours(s);
  const point = pointsOf(c.db, seanceId).find((p) => p.rang === m.avantRang);
  if (!point) throw new AppError('INVALID', "Point de l'ordre du jour introuvable.");
  if (point.statut === 'delibere')
    throw new AppError(
      'CONFLICT',
      `Le point ${m.avantRang} est déjà voté : le mouvement vaut à partir du point suivant.`,
    );
  const here = presentAt(attendanceInput(c.db, s, null), m.eluId, m.avantRang);
  if (m.type === 'arrivee' && here) throw new AppError('CONFLICT', 'Cet élu est déjà présent.');
  if (m.type === 'depart' && !here) throw new AppError('CONFLICT', "Cet élu n'est pas présent.");
  c.db
    .prepare('INSERT INTO mouvement (seance_id, elu_id, avant_rang, type) VALUES (?, ?, ?, ?)')
    .run(seanceId, m.eluId, m.avantRang, m.type);
  const e = elusById(c.db).get(m.eluId)!;
  c.audit({
    action: `seance.${m.type}`,
    summary: `${fullName(e)} ${m.type === 'arrivee' ? 'arrive' : 'quitte la séance'} avant le point ${m.avantRang}`,
    objectType: 'seance',
    objectId: seanceId,
  });
}
