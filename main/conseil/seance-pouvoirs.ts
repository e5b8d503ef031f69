// Proxies (pouvoirs) for a séance: given, extended to a following séance, withdrawn (L2121-20 CGCT).
import { z } from 'zod';
import { AppError, isoDate, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import { fullName } from '../commune';
import type { Db } from '../db';
import { checkPouvoir } from './rules/pouvoirs';
import { eluIdsEnExercice, getSeance, type SeanceRow } from './seances';
import { elusById, openingPresence, pouvoirsFor } from './seance-day';

const pouvoirSchema = z.object({
  mandantId: z.number().int().positive(),
  mandataireId: z.number().int().positive(),
  signeLe: isoDate('Date du pouvoir'),
  maladie: z.boolean().default(false),
  /** an earlier written proxy extended to this séance (same document, up to three consecutive séances) */
  pouvoirId: z.number().int().positive().nullable().optional(),
});
type PouvoirInput = z.infer<typeof pouvoirSchema>;

/** Chronological index of each séance, to judge "consecutive séances". */
function seanceIndex(db: Db): Map<number, number> {
  const ids = (db.prepare('SELECT id FROM seance ORDER BY date, heure, id').all() as { id: number }[]).map((r) => r.id);
  return new Map(ids.map((id, i) => [id, i]));
}

export function addPouvoir(c: ConseilCtx, seanceId: number, input: unknown, scanSha256: string | null): number {
  const p = parseOrThrow(pouvoirSchema, input);
  const s = getSeance(c.db, seanceId);
  if (s.statut === 'close') throw new AppError('CONFLICT', 'La séance est close.');
  if (p.signeLe > c.today || p.signeLe > s.date)
    throw new AppError(
      'INVALID',
      'Date du pouvoir : il est daté au plus tard du jour de la séance, et pas dans le futur.',
    );
  const elus = elusById(c.db);
  const inOffice = eluIdsEnExercice(c.db, s.date);
  for (const id of [p.mandantId, p.mandataireId])
    if (!inOffice.includes(id))
      throw new AppError(
        'INVALID',
        'Le mandant et le mandataire sont des membres du conseil en exercice (art. L2121-20 CGCT).',
      );
  const opening = openingPresence(c.db, seanceId);
  const existing = pouvoirsFor(c.db, seanceId);
  const seances = seancesCovered(c.db, p, seanceId);
  const refusal = checkPouvoir(
    {
      mandant: { id: p.mandantId, nom: fullName(elus.get(p.mandantId)!) },
      mandataire: { id: p.mandataireId, nom: fullName(elus.get(p.mandataireId)!) },
      seances,
      maladie: p.maladie,
    },
    {
      presence: (id) => (s.statut === 'en_cours' ? opening.get(id) : id === p.mandantId ? 'excuse' : 'present'),
      heldBy: (id) => {
        const held = existing.find((x) => x.mandataire === id);
        return held ? fullName(elus.get(held.mandant)!) : undefined;
      },
      alreadyGiven: (id) => existing.some((x) => x.mandant === id),
    },
  );
  if (refusal) throw new AppError('RULE', refusal);
  return recordPouvoir(c, s, p, scanSha256, elus);
}

/**
 * The séances a written proxy covers, this one last, as chronological indexes: an earlier proxy extended to
 * this séance brings the séances it already covered (L2121-20: up to three consecutive séances).
 */
function seancesCovered(db: Db, p: PouvoirInput, seanceId: number): number[] {
  const idx = seanceIndex(db);
  let seances = [idx.get(seanceId)!];
  if (p.pouvoirId) {
    const doc = db.prepare('SELECT * FROM pouvoir WHERE id = ?').get(p.pouvoirId) as
      { mandant_elu_id: number; mandataire_elu_id: number } | undefined;
    if (!doc || doc.mandant_elu_id !== p.mandantId || doc.mandataire_elu_id !== p.mandataireId)
      throw new AppError('NOT_FOUND', 'Pouvoir introuvable pour ces deux élus.');
    const covered = (
      db.prepare('SELECT seance_id FROM pouvoir_seance WHERE pouvoir_id = ?').all(p.pouvoirId) as {
        seance_id: number;
      }[]
    ).map((r) => idx.get(r.seance_id)!);
    seances = [...covered, ...seances];
  }
  return seances;
}

/** The proxy written (or an earlier one extended), the mandant marked represented if the séance is open. */
function recordPouvoir(
  c: ConseilCtx,
  s: SeanceRow,
  p: PouvoirInput,
  scanSha256: string | null,
  elus: ReturnType<typeof elusById>,
): number {
  const seanceId = s.id;
  return c.db.transaction(() => {
    const id =
      p.pouvoirId ??
      Number(
        c.db
          .prepare(
            'INSERT INTO pouvoir (mandant_elu_id, mandataire_elu_id, signe_le, maladie, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(p.mandantId, p.mandataireId, p.signeLe, p.maladie ? 1 : 0, scanSha256, c.now.toISOString())
          .lastInsertRowid,
      );
    c.db.prepare('INSERT INTO pouvoir_seance (pouvoir_id, seance_id) VALUES (?, ?)').run(id, seanceId);
    if (s.statut === 'en_cours')
      c.db
        .prepare(
          "INSERT INTO presence (seance_id, elu_id, statut) VALUES (?, ?, 'represente') ON CONFLICT (seance_id, elu_id) DO UPDATE SET statut = 'represente'",
        )
        .run(seanceId, p.mandantId);
    c.audit({
      action: 'seance.pouvoir',
      summary: `Pouvoir de ${fullName(elus.get(p.mandantId)!)} à ${fullName(elus.get(p.mandataireId)!)} (signé le ${p.signeLe.split('-').reverse().join('/')})`,
      objectType: 'seance',
      objectId: seanceId,
    });
    return id;
  })();
}

export function removePouvoir(c: ConseilCtx, seanceId: number, pouvoirId: number): void {
  const s = getSeance(c.db, seanceId);
  if (s.statut === 'close') throw new AppError('CONFLICT', 'La séance est close.');
  if (c.db.prepare('SELECT 1 FROM vote v JOIN point_odj o ON o.id = v.point_id WHERE o.seance_id = ?').get(seanceId))
    throw new AppError(
      'CONFLICT',
      'Des points ont déjà été votés avec ce pouvoir : il ne peut plus être retiré pour cette séance.',
    );
  const p = pouvoirsFor(c.db, seanceId).find((x) => x.id === pouvoirId);
  if (!p) throw new AppError('NOT_FOUND', 'Pouvoir introuvable.');
  c.db.prepare('DELETE FROM pouvoir_seance WHERE pouvoir_id = ? AND seance_id = ?').run(pouvoirId, seanceId);
  c.db
    .prepare("UPDATE presence SET statut = 'excuse' WHERE seance_id = ? AND elu_id = ? AND statut = 'represente'")
    .run(seanceId, p.mandant);
  c.audit({
    action: 'seance.pouvoir-retire',
    summary: `Pouvoir retiré pour cette séance (révocable à tout moment, art. L2121-20 CGCT)`,
    objectType: 'seance',
    objectId: seanceId,
  });
}
