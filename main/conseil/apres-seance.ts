import { AppError, parseOrThrow } from '../kernel';
import type { ConseilCtx } from './context';
import type { Db } from '../db';
import { z } from 'zod';
import { checkQuorum } from './rules/quorum';
import { voteResult, VoteError } from './rules/votes';
import { deliberationsOf } from './deliberations';
import { listePdf } from './pdfs';
import { formatDateFr } from './rules/dates';
import { listeDeadline, pvPublicationDeadline } from './rules/publicite';
import { pvPdf } from './pv-pdf';
import { attendanceInput } from './seance-day';
import { attendanceFor } from './attendance';
import { getSeance } from './seances';

/** Liste des délibérations examinées (L2121-25), as a PDF to post and put online. */
export async function listeDocument(db: Db, seanceId: number): Promise<Uint8Array> {
  const s = getSeance(db, seanceId);
  if (s.statut !== 'close') throw new AppError('CONFLICT', 'La liste des délibérations se fait après la séance.');
  return listePdf(db, s, deliberationsOf(db, seanceId));
}

export async function publishListe(
  c: ConseilCtx,
  seanceId: number,
  date: string,
): Promise<{ late: boolean; message: string }> {
  const s = getSeance(c.db, seanceId);
  if (s.statut !== 'close') throw new AppError('CONFLICT', 'La liste des délibérations se publie après la séance.');
  if (date > c.today || date < s.date)
    throw new AppError('INVALID', 'Date de publication : entre le jour de la séance et aujourd’hui.');
  if (s.liste_publiee_le)
    throw new AppError(
      'CONFLICT',
      `La liste a déjà été publiée le ${formatDateFr(s.liste_publiee_le)} : téléchargez-la de nouveau si besoin.`,
    );
  const pdf = await listeDocument(c.db, seanceId);
  const { sha256 } = c.docs.put(pdf);
  const deadline = listeDeadline(s.date);
  const late = date > deadline;
  const message = late
    ? `Liste publiée le ${formatDateFr(date)}, après le délai d'une semaine (au plus tard le ${formatDateFr(deadline)}, art. L2121-25 CGCT).`
    : `Liste publiée le ${formatDateFr(date)}, dans le délai d'une semaine (art. L2121-25 CGCT).`;
  c.db.prepare('UPDATE seance SET liste_publiee_le = ? WHERE id = ?').run(date, seanceId);
  c.audit({
    action: 'conseil.liste-publiee',
    summary: message,
    objectType: 'seance',
    objectId: seanceId,
    details: { pdf: sha256 },
  });
  return { late, message };
}

export interface PvRow {
  seance_id: number;
  statut: 'brouillon' | 'arrete' | 'signe' | 'publie';
  debats: string;
  arrete_le: string | null;
  arrete_seance_id: number | null;
  publie_le: string | null;
  pdf_sha256: string | null;
}

export function getPv(db: Db, seanceId: number): PvRow {
  const pv = db.prepare('SELECT * FROM pv WHERE seance_id = ?').get(seanceId) as PvRow | undefined;
  if (!pv) throw new AppError('NOT_FOUND', 'Le procès-verbal se rédige après la séance.');
  return pv;
}

export function savePvDebats(c: ConseilCtx, seanceId: number, debats: string): void {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'brouillon') throw new AppError('CONFLICT', 'Le procès-verbal est arrêté : il ne se modifie plus.');
  c.db.prepare('UPDATE pv SET debats = ? WHERE seance_id = ?').run(debats, seanceId);
  c.audit({
    action: 'pv.brouillon',
    summary: `Projet de procès-verbal de la séance du ${formatDateFr(getSeance(c.db, seanceId).date)} enregistré`,
    objectType: 'seance',
    objectId: seanceId,
  });
}

const arretSchema = z.object({
  pour: z.number().int().min(0),
  contre: z.number().int().min(0),
  abstention: z.number().int().min(0),
  confirm: z.boolean().optional(),
});

/**
 * The PV is arrêté at the beginning of the next séance (L2121-15): an act of the council, so it needs the
 * quorum of that séance (L2121-17) and a vote, recorded and journaled like any item; the secrétaire confirms
 * first (`confirm`), because an arrêté PV no longer changes. A PV rejected by the vote stays a draft.
 */
export async function arreterPv(
  c: ConseilCtx,
  seanceId: number,
  parSeanceId: number,
  input: unknown,
): Promise<{ arrete: boolean; message: string }> {
  const v = parseOrThrow(arretSchema, input);
  const pv = getPv(c.db, seanceId);
  const s = getSeance(c.db, seanceId);
  const next = getSeance(c.db, parSeanceId);
  if (pv.statut !== 'brouillon') throw new AppError('CONFLICT', 'Ce procès-verbal est déjà arrêté.');
  if (next.date <= s.date || next.statut !== 'en_cours')
    throw new AppError(
      'RULE',
      'Le procès-verbal est arrêté au commencement de la séance suivante, une fois celle-ci ouverte (art. L2121-15 CGCT).',
    );
  if (!pv.debats.trim())
    throw new AppError(
      'RULE',
      'Le procès-verbal doit contenir la teneur des discussions (art. L2121-15 CGCT) : complétez le projet.',
    );
  const att = attendanceFor(attendanceInput(c.db, next, null), 1);
  const quorum = checkQuorum({ enExercice: att.enExercice, presents: att.presents.length });
  if (!quorum.reached)
    throw new AppError(
      'RULE',
      `Le procès-verbal ne peut pas être arrêté : c'est un acte du conseil. ${quorum.message}`,
    );
  let result;
  try {
    result = voteResult({
      votants: att.votants,
      pour: v.pour,
      contre: v.contre,
      abstention: v.abstention,
      mode: 'main_levee',
    });
  } catch (e) {
    if (e instanceof VoteError) throw new AppError('INVALID', e.message);
    throw e;
  }
  if (!v.confirm)
    throw new AppError(
      'CONFIRM',
      `Arrêter le procès-verbal de la séance du ${formatDateFr(s.date)} (${v.pour} pour, ${v.contre} contre, ${v.abstention} abstention${v.abstention > 1 ? 's' : ''}) : ${result.adopted ? 'une fois arrêté, il ne se modifie plus ; il est ensuite signé puis publié dans la semaine (art. L2121-15 CGCT)' : 'le vote le rejette, il reste à l’état de projet'}. Confirmer ?`,
    );
  const vote = {
    presents: att.presents.length,
    votants: att.votants,
    pour: v.pour,
    contre: v.contre,
    abstention: v.abstention,
    message: result.message,
  };
  if (!result.adopted) {
    c.db.transaction(() =>
      c.audit({
        action: 'pv.arret-rejete',
        summary: `Procès-verbal de la séance du ${formatDateFr(s.date)} non arrêté en séance du ${formatDateFr(next.date)} : ${result.message}`,
        objectType: 'seance',
        objectId: seanceId,
        details: vote,
      }),
    )();
    return { arrete: false, message: `Procès-verbal non arrêté : ${result.message} Il reste à l’état de projet.` };
  }
  const pdf = await pvPdf(c.db, s, pv.debats, next.date);
  const { sha256 } = c.docs.put(pdf);
  c.db.transaction(() => {
    c.db
      .prepare(
        "UPDATE pv SET statut = 'arrete', arrete_le = ?, arrete_seance_id = ?, pdf_sha256 = ?, arret_vote = ? WHERE seance_id = ?",
      )
      .run(next.date, parSeanceId, sha256, JSON.stringify(vote), seanceId);
    c.audit({
      action: 'pv.arrete',
      summary: `Procès-verbal de la séance du ${formatDateFr(s.date)} arrêté en séance du ${formatDateFr(next.date)} (${result.message}) ; à signer puis publier au plus tard le ${formatDateFr(pvPublicationDeadline(next.date))}`,
      objectType: 'seance',
      objectId: seanceId,
      details: { pdf: sha256, vote },
    });
  })();
  return { arrete: true, message: `Procès-verbal arrêté : ${result.message}` };
}

export function signerPv(c: ConseilCtx, seanceId: number, signedSha256: string | null): void {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'arrete')
    throw new AppError(
      'CONFLICT',
      pv.statut === 'brouillon' ? "Le procès-verbal doit d'abord être arrêté." : 'Déjà signé.',
    );
  if (signedSha256 && !c.docs.has(signedSha256)) throw new AppError('NOT_FOUND', 'Document signé introuvable.');
  c.db
    .prepare("UPDATE pv SET statut = 'signe', pdf_sha256 = coalesce(?, pdf_sha256) WHERE seance_id = ?")
    .run(signedSha256, seanceId);
  c.audit({
    action: 'pv.signe',
    summary: `Procès-verbal de la séance du ${formatDateFr(getSeance(c.db, seanceId).date)} signé par le président et le ou les secrétaires de séance`,
    objectType: 'seance',
    objectId: seanceId,
  });
}

export function publierPv(c: ConseilCtx, seanceId: number, date: string): { late: boolean; message: string } {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'signe')
    throw new AppError(
      'RULE',
      'Le procès-verbal est publié une fois arrêté et signé par le président et le ou les secrétaires de séance (art. L2121-15 CGCT).',
    );
  if (date > c.today || (pv.arrete_le && date < pv.arrete_le))
    throw new AppError('INVALID', "Date de publication : entre l'arrêté du procès-verbal et aujourd'hui.");
  const deadline = pvPublicationDeadline(pv.arrete_le!);
  const late = date > deadline;
  const message = `Procès-verbal publié le ${formatDateFr(date)}${late ? `, après le délai d'une semaine (au plus tard le ${formatDateFr(deadline)})` : ', dans la semaine qui suit son arrêté'} (art. L2121-15 CGCT).`;
  c.db.prepare("UPDATE pv SET statut = 'publie', publie_le = ? WHERE seance_id = ?").run(date, seanceId);
  c.audit({ action: 'pv.publie', summary: message, objectType: 'seance', objectId: seanceId });
  return { late, message };
}
