import { AppError } from '../kernel';
import type { Db } from '../db';
import type { ConseilCtx } from './context';
import { deliberationsOf } from './deliberations';
import { listePdf } from './pdfs';
import { formatDateFr } from './rules/dates';
import { listeDeadline, pvPublicationDeadline } from './rules/publicite';
import { pvPdf } from './pv-pdf';
import { getSeance } from './seances';

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

/** The PV is arrêté at the beginning of the next séance (L2121-15), then signed by the président and secrétaire(s). */
export async function arreterPv(c: ConseilCtx, seanceId: number, parSeanceId: number): Promise<void> {
  const pv = getPv(c.db, seanceId);
  const s = getSeance(c.db, seanceId);
  const next = getSeance(c.db, parSeanceId);
  if (pv.statut !== 'brouillon') throw new AppError('CONFLICT', 'Ce procès-verbal est déjà arrêté.');
  if (next.date <= s.date || next.statut !== 'en_cours')
    throw new AppError('RULE', 'Le procès-verbal est arrêté au commencement de la séance suivante, une fois celle-ci ouverte (art. L2121-15 CGCT).');
  if (!pv.debats.trim()) throw new AppError('RULE', 'Le procès-verbal doit contenir la teneur des discussions (art. L2121-15 CGCT) : complétez le projet.');
  const pdf = await pvPdf(c.db, s, pv.debats, next.date);
  const { sha256 } = c.docs.put(pdf);
  c.db.prepare("UPDATE pv SET statut = 'arrete', arrete_le = ?, arrete_seance_id = ?, pdf_sha256 = ? WHERE seance_id = ?").run(next.date, parSeanceId, sha256, seanceId);
  c.audit({
    action: 'pv.arrete',
    summary: `Procès-verbal de la séance du ${formatDateFr(s.date)} arrêté en séance du ${formatDateFr(next.date)} ; à signer puis publier au plus tard le ${formatDateFr(pvPublicationDeadline(next.date))}`,
    objectType: 'seance',
    objectId: seanceId,
    details: { pdf: sha256 },
  });
}

export function signerPv(c: ConseilCtx, seanceId: number, signedSha256: string | null): void {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'arrete') throw new AppError('CONFLICT', pv.statut === 'brouillon' ? "Le procès-verbal doit d'abord être arrêté." : 'Déjà signé.');
  if (signedSha256 && !c.docs.has(signedSha256)) throw new AppError('NOT_FOUND', 'Document signé introuvable.');
  c.db.prepare("UPDATE pv SET statut = 'signe', pdf_sha256 = coalesce(?, pdf_sha256) WHERE seance_id = ?").run(signedSha256, seanceId);
  c.audit({ action: 'pv.signe', summary: `Procès-verbal de la séance du ${formatDateFr(getSeance(c.db, seanceId).date)} signé par le président et le ou les secrétaires de séance`, objectType: 'seance', objectId: seanceId });
}

export function publierPv(c: ConseilCtx, seanceId: number, date: string): { late: boolean; message: string } {
  const pv = getPv(c.db, seanceId);
  if (pv.statut !== 'signe') throw new AppError('RULE', 'Le procès-verbal est publié une fois arrêté et signé par le président et le ou les secrétaires de séance (art. L2121-15 CGCT).');
  if (date > c.today || (pv.arrete_le && date < pv.arrete_le)) throw new AppError('INVALID', "Date de publication : entre l'arrêté du procès-verbal et aujourd'hui.");
  const deadline = pvPublicationDeadline(pv.arrete_le!);
  const late = date > deadline;
  const message = `Procès-verbal publié le ${formatDateFr(date)}${late ? `, après le délai d'une semaine (au plus tard le ${formatDateFr(deadline)})` : ", dans la semaine qui suit son arrêté"} (art. L2121-15 CGCT).`;
  c.db.prepare("UPDATE pv SET statut = 'publie', publie_le = ? WHERE seance_id = ?").run(date, seanceId);
  c.audit({ action: 'pv.publie', summary: message, objectType: 'seance', objectId: seanceId });
  return { late, message };
}
