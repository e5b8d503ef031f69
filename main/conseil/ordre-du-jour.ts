// The ordre du jour of a séance being prepared: its items (added, changed, withdrawn, moved) and their annexes
// as readable PDFs typed for ACTES; frozen once the séance is open.
import { z } from 'zod';
import { AppError, parseOrThrow, trimmed } from '../kernel';
import type { ConseilCtx } from './context';
import { readablePdf } from '../documents';
import { checkMatiere, communeClassification } from './classification';
import {
  assertEditable,
  eluIdsEnExercice,
  getPoint,
  getSeance,
  pointsOf,
  type PointRow,
  type SeanceRow,
} from './seances';

export const pointInputSchema = z.object({
  titre: trimmed('Objet du point', 500),
  rapporteur_elu_id: z.number().int().positive().nullable().optional(),
  projet: z.string().max(100_000).default(''),
  matiere: z
    .string({ error: 'Matière : choisissez-la dans la classification ACTES.' })
    .regex(/^\d+(\.\d+){0,4}$/, { error: 'Matière : code de la classification ACTES, par exemple 7.1.' }),
  icpe: z.boolean().default(false),
  compte_administratif: z.boolean().default(false),
  scrutin: z.enum(['main_levee', 'scrutin_public', 'scrutin_secret', 'nomination']).default('main_levee'),
});

/** An item added to the ordre du jour (last) or changed, once its matière, rapporteur and timing are checked. */
export function savePoint(
  c: ConseilCtx,
  seanceId: number,
  pointId: number | null,
  input: unknown,
  convocationStillPossible: (s: SeanceRow) => string | null,
): number {
  const p = parseOrThrow(pointInputSchema, input);
  const s = getSeance(c.db, seanceId);
  assertEditable(s, 'Ordre du jour');
  const bad = checkMatiere(communeClassification(c.db, c.docs), p.matiere);
  if (bad) throw new AppError('INVALID', bad, { matiere: bad });
  if (p.rapporteur_elu_id && !eluIdsEnExercice(c.db, s.date).includes(p.rapporteur_elu_id))
    throw new AppError('INVALID', 'Rapporteur : il doit être membre du conseil en exercice à la date de la séance.', {
      rapporteur_elu_id: 'Rapporteur : élu non en exercice.',
    });
  if (pointId === null && s.statut === 'convoquee') {
    // A late item needs its own convocation in time (L2121-11 / L2121-12).
    const late = convocationStillPossible(s);
    if (late) throw new AppError('RULE', late);
  }
  const values: PointValues = [
    p.titre,
    p.rapporteur_elu_id ?? null,
    p.projet,
    p.matiere,
    p.icpe ? 1 : 0,
    p.compte_administratif ? 1 : 0,
    p.scrutin,
  ];
  return pointId === null
    ? insertPoint(c, seanceId, values, p.titre)
    : updatePoint(c, seanceId, pointId, values, p.titre);
}

type PointValues = (string | number | null)[];

/** A new item, last of the ordre du jour. */
function insertPoint(c: ConseilCtx, seanceId: number, values: PointValues, titre: string): number {
  const rang =
    ((c.db.prepare('SELECT max(rang) AS m FROM point_odj WHERE seance_id = ?').get(seanceId) as { m: number | null })
      .m ?? 0) + 1;
  const id = Number(
    c.db
      .prepare(
        'INSERT INTO point_odj (seance_id, rang, titre, rapporteur_elu_id, projet, matiere, icpe, compte_administratif, scrutin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(seanceId, rang, ...values).lastInsertRowid,
  );
  c.audit({
    action: 'odj.point-ajoute',
    summary: `Point ${rang} ajouté à l'ordre du jour : ${titre}`,
    objectType: 'point',
    objectId: id,
  });
  return id;
}

/** An item of this séance changed in place; its rank stays. */
function updatePoint(c: ConseilCtx, seanceId: number, pointId: number, values: PointValues, titre: string): number {
  const cur = getPoint(c.db, pointId);
  if (cur.seance_id !== seanceId) throw new AppError('NOT_FOUND', "Point de l'ordre du jour introuvable.");
  c.db
    .prepare(
      'UPDATE point_odj SET titre=?, rapporteur_elu_id=?, projet=?, matiere=?, icpe=?, compte_administratif=?, scrutin=? WHERE id = ?',
    )
    .run(...values, pointId);
  c.audit({
    action: 'odj.point-modifie',
    summary: `Point ${cur.rang} modifié : ${titre}`,
    objectType: 'point',
    objectId: pointId,
  });
  return pointId;
}

export function removePoint(c: ConseilCtx, pointId: number): void {
  const p = getPoint(c.db, pointId);
  const s = getSeance(c.db, p.seance_id);
  assertEditable(s, 'Retrait impossible');
  if (s.statut === 'convoquee') {
    c.db.prepare("UPDATE point_odj SET statut = 'retire' WHERE id = ?").run(pointId);
    c.audit({
      action: 'odj.point-retire',
      summary: `Point ${p.rang} retiré de l'ordre du jour (convocations déjà parties) : ${p.titre}`,
      objectType: 'point',
      objectId: pointId,
    });
    return;
  }
  c.db.prepare('DELETE FROM annexe WHERE point_id = ?').run(pointId);
  c.db.prepare('DELETE FROM point_odj WHERE id = ?').run(pointId);
  // keep ranks contiguous: 1, 2, 3…
  const rest = pointsOf(c.db, p.seance_id);
  rest.forEach((r, i) => c.db.prepare('UPDATE point_odj SET rang = ? WHERE id = ?').run(100_000 + i, r.id));
  rest.forEach((r, i) => c.db.prepare('UPDATE point_odj SET rang = ? WHERE id = ?').run(i + 1, r.id));
  c.audit({
    action: 'odj.point-supprime',
    summary: `Point supprimé de l'ordre du jour : ${p.titre}`,
    objectType: 'seance',
    objectId: p.seance_id,
  });
}

export function movePoint(c: ConseilCtx, pointId: number, direction: 'haut' | 'bas'): void {
  const p = getPoint(c.db, pointId);
  assertEditable(getSeance(c.db, p.seance_id), 'Ordre du jour');
  const other = c.db
    .prepare('SELECT * FROM point_odj WHERE seance_id = ? AND rang = ?')
    .get(p.seance_id, direction === 'haut' ? p.rang - 1 : p.rang + 1) as PointRow | undefined;
  if (!other) return;
  c.db.prepare('UPDATE point_odj SET rang = 100000 WHERE id = ?').run(p.id);
  c.db.prepare('UPDATE point_odj SET rang = ? WHERE id = ?').run(p.rang, other.id);
  c.db.prepare('UPDATE point_odj SET rang = ? WHERE id = ?').run(other.rang, p.id);
}

/** An annex must be a readable PDF; it is stored once, by content. */
export async function readAnnexe(bytes: Buffer, nom: string): Promise<{ pages: number }> {
  const r = await readablePdf(bytes);
  if ('error' in r) throw new AppError('INVALID', `Annexe « ${nom} » refusée : ${r.error} Rien n'a été enregistré.`);
  return r;
}

export function addAnnexe(
  c: ConseilCtx,
  pointId: number,
  nom: string,
  bytes: Buffer,
  pages: number,
  typePj: string | null = null,
): number {
  const p = getPoint(c.db, pointId);
  assertEditable(getSeance(c.db, p.seance_id), 'Annexe');
  if (typePj) {
    // ACTES types each transmitted piece with a typologie of the act's nature (here 1, délibérations).
    const types = communeClassification(c.db, c.docs).natures.find((n) => n.code === '1')?.typesPJ ?? [];
    if (!types.some((t) => t.code === typePj))
      throw new AppError(
        'INVALID',
        `Type de pièce ${typePj} inconnu pour une délibération dans la classification ACTES.`,
        { typePj: 'Type de pièce inconnu.' },
      );
  }
  const { sha256, size } = c.docs.put(bytes);
  const id = Number(
    c.db
      .prepare(
        'INSERT INTO annexe (point_id, nom, sha256, taille, pages, type_pj, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(pointId, nom, sha256, size, pages, typePj, c.now.toISOString()).lastInsertRowid,
  );
  c.audit({
    action: 'odj.annexe-ajoutee',
    summary: `Annexe ajoutée au point ${p.rang} : ${nom} (${pages} page${pages > 1 ? 's' : ''})`,
    objectType: 'point',
    objectId: pointId,
  });
  return id;
}
