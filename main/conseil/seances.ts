// A séance of the conseil municipal: its row, its creation (with a reconvocation's carried items, L2121-17
// al. 2) and its changes; the items of its ordre du jour and their annexes are in ordre-du-jour.ts.
import { z } from 'zod';
import { AppError, isoDate, parseOrThrow, trimmed } from '../kernel';
import type { ConseilCtx } from './context';
import { readElus, readIdentity } from '../commune';
import type { Db } from '../db';
import { addDays, formatDateFr } from './rules/dates';
import { RECONVOCATION_MIN_DAYS } from './rules/quorum';
import { pointsToCarry, reconvocationRefusal, type CarryPlan } from './rules/reconvocation';

export type SeanceStatut = 'preparation' | 'convoquee' | 'en_cours' | 'close';
export interface SeanceRow {
  id: number;
  date: string;
  heure: string;
  lieu: string;
  nature: 'ordinaire' | 'demande' | 'urgence';
  statut: SeanceStatut;
  reconvocation_de: number | null;
  urgence_motif: string | null;
  president_elu_id: number | null;
  convocation_affichee_le: string | null;
  ouverte_a: string | null;
  levee_a: string | null;
  liste_publiee_le: string | null;
  created_at: string;
}
export interface PointRow {
  id: number;
  seance_id: number;
  rang: number;
  titre: string;
  rapporteur_elu_id: number | null;
  projet: string;
  matiere: string;
  icpe: number;
  compte_administratif: number;
  scrutin: 'main_levee' | 'scrutin_public' | 'scrutin_secret' | 'nomination';
  statut: 'a_examiner' | 'delibere' | 'reporte' | 'retire';
  /** the item of the séance without quorum this one was carried from (L2121-17 al. 2) */
  reconvoque_de: number | null;
  report_sans_quorum: number;
}

export const seanceInputSchema = z
  .object({
    date: isoDate('Date de la séance'),
    heure: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Heure : au format HH:MM, par exemple 20:30.' }),
    lieu: trimmed('Lieu', 200),
    nature: z.enum(['ordinaire', 'demande', 'urgence'], {
      error: 'Type de séance : ordinaire, à la demande d’un tiers ou en urgence.',
    }),
    urgence_motif: z.string().trim().max(1000).nullable().optional(),
    reconvocation_de: z.number().int().positive().nullable().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.nature === 'urgence' && !s.urgence_motif)
      ctx.addIssue({
        code: 'custom',
        path: ['urgence_motif'],
        message: "Motif de l'urgence : le maire en rend compte à l'ouverture de la séance (art. L2121-11 CGCT).",
      });
  });

export function getSeance(db: Db, id: number): SeanceRow {
  const s = db.prepare('SELECT * FROM seance WHERE id = ?').get(id) as SeanceRow | undefined;
  if (!s) throw new AppError('NOT_FOUND', 'Séance introuvable.');
  return s;
}

export const pointsOf = (db: Db, seanceId: number): PointRow[] =>
  db.prepare('SELECT * FROM point_odj WHERE seance_id = ? ORDER BY rang').all(seanceId) as PointRow[];

export function getPoint(db: Db, id: number): PointRow {
  const p = db.prepare('SELECT * FROM point_odj WHERE id = ?').get(id) as PointRow | undefined;
  if (!p) throw new AppError('NOT_FOUND', "Point de l'ordre du jour introuvable.");
  return p;
}

/** Élus in office on a given day (membres en exercice, L2121-17). */
export const eluIdsEnExercice = (db: Db, day: string): number[] =>
  readElus(db)
    .filter((e) => e.mandat_debut <= day && (!e.mandat_fin || e.mandat_fin >= day))
    .map((e) => e.id);

export function createSeance(c: ConseilCtx, input: unknown): number {
  const s = parseOrThrow(seanceInputSchema, input);
  if (s.date < c.today)
    throw new AppError('INVALID', `Date de la séance : le ${formatDateFr(s.date)} est déjà passé.`, {
      date: 'Date de la séance : elle est passée.',
    });
  const plan = s.reconvocation_de ? reconvocationPlan(c, s.reconvocation_de, s.date) : null;
  const id = Number(
    c.db
      .prepare(
        `INSERT INTO seance (date, heure, lieu, nature, statut, urgence_motif, reconvocation_de, created_at)
         VALUES (?, ?, ?, ?, 'preparation', ?, ?, ?)`,
      )
      .run(s.date, s.heure, s.lieu, s.nature, s.urgence_motif ?? null, s.reconvocation_de ?? null, c.now.toISOString())
      .lastInsertRowid,
  );
  if (plan) copyCarriedPoints(c, id, s.reconvocation_de!, plan);
  c.audit({
    action: 'seance.creee',
    summary: `Séance du conseil municipal créée : ${formatDateFr(s.date)} à ${s.heure.replace(':', ' h ')}, ${s.lieu}${s.reconvocation_de ? ' (reconvocation sans condition de quorum)' : ''}`,
    objectType: 'seance',
    objectId: id,
  });
  return id;
}

/** A reconvocation after a séance without quorum: that séance closed, items to carry, 3 days apart (L2121-17 al. 2). */
function reconvocationPlan(c: ConseilCtx, failedId: number, date: string): CarryPlan {
  const failed = getSeance(c.db, failedId);
  if (failed.statut !== 'close')
    throw new AppError('CONFLICT', 'Une reconvocation se prépare une fois la séance sans quorum levée.');
  const plan = carryPlan(c.db, failed.id);
  const refusal = reconvocationRefusal(plan);
  if (refusal) throw new AppError('RULE', refusal);
  const min = addDays(failed.date, RECONVOCATION_MIN_DAYS);
  if (date < min)
    throw new AppError(
      'RULE',
      `Art. L2121-17 CGCT : la nouvelle séance doit avoir lieu à ${RECONVOCATION_MIN_DAYS} jours au moins d'intervalle, soit le ${formatDateFr(min)} au plus tôt.`,
      {
        date: `Au plus tôt le ${formatDateFr(min)} (art. L2121-17).`,
      },
    );
  return plan;
}

/** The carried items, copied to the new séance in their order, each remembering its source. */
function copyCarriedPoints(c: ConseilCtx, id: number, failedId: number, plan: CarryPlan): void {
  // The reconvened séance deliberates without quorum on the items carried from the séance without quorum,
  // and only on them (L2121-17 al. 2); each copy remembers its source so it is never carried twice.
  const byId = new Map(pointsOf(c.db, failedId).map((p) => [p.id, p]));
  plan.carried.forEach((src, i) => {
    const p = byId.get(src.id)!;
    c.db
      .prepare(
        `INSERT INTO point_odj (seance_id, rang, titre, rapporteur_elu_id, projet, matiere, icpe, compte_administratif, scrutin, reconvoque_de)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        i + 1,
        p.titre,
        p.rapporteur_elu_id,
        p.projet,
        p.matiere,
        p.icpe,
        p.compte_administratif,
        p.scrutin,
        p.id,
      );
  });
}

/** What a reconvocation of `failedId` would carry (L2121-17 al. 2), over every copy already carried. */
export function carryPlan(db: Db, failedId: number): CarryPlan {
  const points = pointsOf(db, failedId).map((p) => ({
    id: p.id,
    rang: p.rang,
    titre: p.titre,
    statut: p.statut,
    reportSansQuorum: p.report_sans_quorum === 1,
  }));
  const copies = db
    .prepare(
      'SELECT c.reconvoque_de AS sourceId, c.statut FROM point_odj c JOIN point_odj src ON src.id = c.reconvoque_de WHERE src.seance_id = ?',
    )
    .all(failedId) as { sourceId: number; statut: PointRow['statut'] }[];
  return pointsToCarry(points, copies);
}
export function assertEditable(s: SeanceRow, what: string): void {
  if (s.statut === 'en_cours' || s.statut === 'close')
    throw new AppError(
      'CONFLICT',
      `${what} : la séance est ${s.statut === 'close' ? 'close' : 'en cours'}, l'ordre du jour ne change plus.`,
    );
}

export function updateSeance(c: ConseilCtx, id: number, input: unknown): void {
  const s = parseOrThrow(seanceInputSchema, input);
  const cur = getSeance(c.db, id);
  assertEditable(cur, 'Modification impossible');
  if (cur.statut === 'convoquee' && (s.date !== cur.date || s.heure !== cur.heure || s.lieu !== cur.lieu))
    throw new AppError(
      'CONFLICT',
      'Les convocations sont parties : pour changer la date, l’heure ou le lieu, créez une nouvelle séance et convoquez à nouveau.',
    );
  if (s.date < c.today)
    throw new AppError('INVALID', 'Date de la séance : elle est passée.', {
      date: 'Date de la séance : elle est passée.',
    });
  c.db
    .prepare('UPDATE seance SET date = ?, heure = ?, lieu = ?, nature = ?, urgence_motif = ? WHERE id = ?')
    .run(s.date, s.heure, s.lieu, s.nature, s.urgence_motif ?? null, id);
  c.audit({
    action: 'seance.modifiee',
    summary: `Séance du ${formatDateFr(s.date)} modifiée`,
    objectType: 'seance',
    objectId: id,
  });
}

export const communeName = (db: Db): string => readIdentity(db).nom;
