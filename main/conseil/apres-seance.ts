import { z } from 'zod';
import { AppError } from '../api/errors';
import { parseOrThrow } from '../api/validate';
import { checkQuorum } from './rules/quorum';
import { voteResult, VoteError } from './rules/votes';
import { fullName, readIdentity } from '../commune/commune';
import type { Db } from '../db/sqlite';
import { PdfWriter } from '../documents/pdf';
import type { ConseilCtx } from './context';
import { deliberationsOf } from './deliberations';
import { listePdf } from './pdfs';
import { formatDateFr } from './rules/dates';
import { listeDeadline, pvPublicationDeadline } from './rules/publicite';
import { attendanceInput, elusById, openingPresence, pouvoirsFor } from './seance-day';
import { getSeance, pointsOf, type SeanceRow } from './seances';
import { attendanceFor } from './attendance';

/** Liste des délibérations examinées (L2121-25), as a PDF to post and put online. */
export async function listeDocument(db: Db, seanceId: number): Promise<Uint8Array> {
  const s = getSeance(db, seanceId);
  if (s.statut !== 'close') throw new AppError('CONFLICT', 'La liste des délibérations se fait après la séance.');
  return listePdf(db, s, deliberationsOf(db, seanceId));
}

export async function publishListe(c: ConseilCtx, seanceId: number, date: string): Promise<{ late: boolean; message: string }> {
  const s = getSeance(c.db, seanceId);
  if (s.statut !== 'close') throw new AppError('CONFLICT', 'La liste des délibérations se publie après la séance.');
  if (date > c.today || date < s.date) throw new AppError('INVALID', 'Date de publication : entre le jour de la séance et aujourd’hui.');
  if (s.liste_publiee_le) throw new AppError('CONFLICT', `La liste a déjà été publiée le ${formatDateFr(s.liste_publiee_le)} : téléchargez-la de nouveau si besoin.`);
  const pdf = await listeDocument(c.db, seanceId);
  const { sha256 } = c.docs.put(pdf);
  const deadline = listeDeadline(s.date);
  const late = date > deadline;
  const message = late
    ? `Liste publiée le ${formatDateFr(date)}, après le délai d'une semaine (au plus tard le ${formatDateFr(deadline)}, art. L2121-25 CGCT).`
    : `Liste publiée le ${formatDateFr(date)}, dans le délai d'une semaine (art. L2121-25 CGCT).`;
  c.db.prepare('UPDATE seance SET liste_publiee_le = ? WHERE id = ?').run(date, seanceId);
  c.audit({ action: 'conseil.liste-publiee', summary: message, objectType: 'seance', objectId: seanceId, details: { pdf: sha256 } });
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
  c.audit({ action: 'pv.brouillon', summary: `Projet de procès-verbal de la séance du ${formatDateFr(getSeance(c.db, seanceId).date)} enregistré`, objectType: 'seance', objectId: seanceId });
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
export async function arreterPv(c: ConseilCtx, seanceId: number, parSeanceId: number, input: unknown): Promise<{ arrete: boolean; message: string }> {
  const v = parseOrThrow(arretSchema, input);
  const pv = getPv(c.db, seanceId);
  const s = getSeance(c.db, seanceId);
  const next = getSeance(c.db, parSeanceId);
  if (pv.statut !== 'brouillon') throw new AppError('CONFLICT', 'Ce procès-verbal est déjà arrêté.');
  if (next.date <= s.date || next.statut !== 'en_cours')
    throw new AppError('RULE', 'Le procès-verbal est arrêté au commencement de la séance suivante, une fois celle-ci ouverte (art. L2121-15 CGCT).');
  if (!pv.debats.trim()) throw new AppError('RULE', 'Le procès-verbal doit contenir la teneur des discussions (art. L2121-15 CGCT) : complétez le projet.');
  const att = attendanceFor(attendanceInput(c.db, next, null), 1);
  const quorum = checkQuorum({ enExercice: att.enExercice, presents: att.presents.length });
  if (!quorum.reached) throw new AppError('RULE', `Le procès-verbal ne peut pas être arrêté : c'est un acte du conseil. ${quorum.message}`);
  let result;
  try {
    result = voteResult({ votants: att.votants, pour: v.pour, contre: v.contre, abstention: v.abstention, mode: 'main_levee' });
  } catch (e) {
    if (e instanceof VoteError) throw new AppError('INVALID', e.message);
    throw e;
  }
  if (!v.confirm)
    throw new AppError(
      'CONFIRM',
      `Arrêter le procès-verbal de la séance du ${formatDateFr(s.date)} (${v.pour} pour, ${v.contre} contre, ${v.abstention} abstention${v.abstention > 1 ? 's' : ''}) : ${result.adopted ? 'une fois arrêté, il ne se modifie plus ; il est ensuite signé puis publié dans la semaine (art. L2121-15 CGCT)' : 'le vote le rejette, il reste à l’état de projet'}. Confirmer ?`,
    );
  const vote = { presents: att.presents.length, votants: att.votants, pour: v.pour, contre: v.contre, abstention: v.abstention, message: result.message };
  if (!result.adopted) {
    c.db.transaction(() => c.audit({ action: 'pv.arret-rejete', summary: `Procès-verbal de la séance du ${formatDateFr(s.date)} non arrêté en séance du ${formatDateFr(next.date)} : ${result.message}`, objectType: 'seance', objectId: seanceId, details: vote }))();
    return { arrete: false, message: `Procès-verbal non arrêté : ${result.message} Il reste à l’état de projet.` };
  }
  const pdf = await pvPdf(c.db, s, pv.debats, next.date);
  const { sha256 } = c.docs.put(pdf);
  c.db.transaction(() => {
    c.db.prepare("UPDATE pv SET statut = 'arrete', arrete_le = ?, arrete_seance_id = ?, pdf_sha256 = ?, arret_vote = ? WHERE seance_id = ?").run(next.date, parSeanceId, sha256, JSON.stringify(vote), seanceId);
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
  if (pv.statut !== 'arrete') throw new AppError('CONFLICT', pv.statut === 'brouillon' ? "Le procès-verbal doit d'abord être arrêté." : 'Déjà signé.');
  if (signedSha256 && !c.docs.has(signedSha256)) throw new AppError('NOT_FOUND', 'Document signé introuvable.');
  c.db.prepare("UPDATE pv SET statut = 'signe', pdf_sha256 = coalesce(?, pdf_sha256) WHERE seance_id = ?").run(signedSha256, seanceId);
  c.audit({ action: 'pv.signe', summary: `Procès-verbal de la séance du ${formatDateFr(getSeance(c.db, seanceId).date)} signé par le président et le(s) secrétaire(s) de séance`, objectType: 'seance', objectId: seanceId });
}

export function publierPv(c: ConseilCtx, seanceId: number, date: string): { late: boolean; message: string } {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'signe') throw new AppError('RULE', 'Le procès-verbal est publié une fois arrêté et signé par le président et le(s) secrétaire(s) de séance (art. L2121-15 CGCT).');
  if (date > c.today || (pv.arrete_le && date < pv.arrete_le)) throw new AppError('INVALID', "Date de publication : entre l'arrêté du procès-verbal et aujourd'hui.");
  const deadline = pvPublicationDeadline(pv.arrete_le!);
  const late = date > deadline;
  const message = `Procès-verbal publié le ${formatDateFr(date)}${late ? `, après le délai d'une semaine (au plus tard le ${formatDateFr(deadline)})` : ", dans la semaine qui suit son arrêté"} (art. L2121-15 CGCT).`;
  c.db.prepare("UPDATE pv SET statut = 'publie', publie_le = ? WHERE seance_id = ?").run(date, seanceId);
  c.audit({ action: 'pv.publie', summary: message, objectType: 'seance', objectId: seanceId });
  return { late, message };
}

/** The PV with its mandatory content (L2121-15): date and hour, président, members present or represented, secrétaire(s), quorum, ordre du jour, délibérations and votes, discussions. */
async function pvPdf(db: Db, s: SeanceRow, debats: string, arreteLe: string): Promise<Uint8Array> {
  const c = readIdentity(db);
  const elus = elusById(db);
  const w = await PdfWriter.create({
    title: `Procès-verbal — séance du ${s.date.split('-').reverse().join('/')}`,
    commune: `Commune de ${c.nom}`,
    createdAt: new Date(`${arreteLe}T12:00:00Z`),
    header: `Commune de ${c.nom} — Procès-verbal de la séance du ${s.date.split('-').reverse().join('/')}`,
  });
  w.text('RÉPUBLIQUE FRANÇAISE', { align: 'center', bold: true, size: 10, after: 0 });
  w.text(`Département ${c.departement} — Commune de ${c.nom}`, { align: 'center', size: 10, after: 10 });
  w.heading('Procès-verbal de la séance du conseil municipal', 15);
  w.text(`Séance du ${formatDateFr(s.date)} à ${s.heure.replace(':', ' h ')}, ${s.lieu}.`, { bold: true });
  const opening = openingPresence(db, s.id);
  const name = (id: number) => fullName(elus.get(id)!);
  const president = s.president_elu_id ? name(s.president_elu_id) : '—';
  const present = [...opening].filter(([, st]) => st === 'present').map(([id]) => id);
  const pouvoirs = pouvoirsFor(db, s.id);
  const absent = [...opening].filter(([, st]) => st === 'absent' || st === 'excuse').map(([id]) => `${name(id)}${opening.get(id) === 'excuse' ? ' (excusé)' : ''}`);
  const secretaires = (db.prepare('SELECT elu_id FROM secretaire_seance WHERE seance_id = ?').all(s.id) as { elu_id: number }[]).map((r) => name(r.elu_id));
  const inputAll = attendanceInput(db, s, null);
  const first = attendanceFor(inputAll, 1);
  w.fields([
    ['Présidence', president],
    ['Présents à l’ouverture', present.map(name).join(', ') || '—'],
    ['Représentés', pouvoirs.map((p) => `${name(p.mandant)} (pouvoir à ${name(p.mandataire)})`).join(', ') || '—'],
    ['Absents', absent.join(', ') || '—'],
    ['Secrétaire(s) de séance', secretaires.join(', ') || '—'],
    ['Quorum', `${first.presents.length} présents sur ${first.enExercice} membres en exercice ; quorum ${Math.floor(first.enExercice / 2) + 1}${s.reconvocation_de ? ' (reconvocation : sans condition de quorum pour les seuls points reportés faute de quorum, art. L2121-17 al. 2 CGCT)' : ''}`],
  ]);
  w.heading('Ordre du jour', 12);
  const votes = new Map((db.prepare('SELECT v.*, o.id AS pid FROM vote v JOIN point_odj o ON o.id = v.point_id WHERE o.seance_id = ?').all(s.id) as { pid: number; message: string; mode: string }[]).map((v) => [v.pid, v]));
  const delibs = new Map(deliberationsOf(db, s.id).map((d) => [d.point_id, d]));
  for (const p of pointsOf(db, s.id)) {
    w.text(`${p.rang}. ${p.titre}`, { bold: true, after: 2 });
    const d = delibs.get(p.id);
    const v = votes.get(p.id);
    if (d && v) {
      w.text(`Délibération n° ${d.numero}. ${v.message}`, { indent: 10, after: 2 });
      if (v.mode === 'scrutin_public') {
        const nominatif = db.prepare('SELECT elu_id, choix FROM vote_nominatif WHERE point_id = ?').all(p.id) as { elu_id: number; choix: string }[];
        w.text(`Scrutin public (art. L2121-21 CGCT) : ${nominatif.map((n) => `${name(n.elu_id)} ${n.choix}`).join(' ; ')}`, { indent: 10, size: 9 });
      }
      if (v.mode === 'scrutin_secret') w.text('Vote au scrutin secret (art. L2121-21 CGCT).', { indent: 10, size: 9 });
    } else w.text(p.statut === 'reporte' ? 'Point reporté.' : p.statut === 'retire' ? "Point retiré de l'ordre du jour." : '—', { indent: 10 });
  }
  w.heading('Teneur des discussions', 12);
  w.text(debats);
  w.text(`Procès-verbal arrêté en séance du ${formatDateFr(arreteLe)}.`, { bold: true, after: 6 });
  w.signatures([{ title: 'Le président de séance', name: president }, ...secretaires.slice(0, 2).map((n) => ({ title: 'Le secrétaire de séance', name: n }))]);
  return w.save();
}
