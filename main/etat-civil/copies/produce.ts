/** Produce a copy or an extract of an act, in N copies, from validated data only (issue 12). */
import { AppError } from '../../kernel';
import { PdfWriter } from '../../documents';
import { readIdentity } from '../../commune';
import { acteRef, getActeRow, type ActeRow } from '../actes';
import type { EcCtx } from '../context';
import { DOCUMENT_LABELS, type DocumentKind, type ProduceInput, type ProducedDocument } from './types';

const scanCount = (c: EcCtx, a: ActeRow): number =>
  a.registre_id && a.page ? (c.db.prepare('SELECT count(*) AS n FROM ec_registre_page WHERE registre_id = ? AND page BETWEEN ? AND ?').get(a.registre_id, a.page, a.page + a.pages - 1) as { n: number }).n : 0;

/**
 * Why this document cannot be produced from this act now (in French, saying what to do), or null. An extract is
 * built from the keyed data only: an act that is only indexed must be keyed first; a copie intégrale may be the
 * certified reproduction of the register page's scan.
 */
export function documentProblem(c: EcCtx, acteId: number, document: DocumentKind, source: ProduceInput['source'] = 'auto'): string | null {
  const a = getActeRow(c, acteId);
  const keyed = a.statut === 'saisi';
  if (document !== 'copie_integrale' || source === 'saisie') {
    if (!keyed) return `L’${acteRef(a)} n’est qu’indexé : saisissez-le d’abord depuis sa page numérisée pour produire ${document === 'copie_integrale' ? 'sa copie intégrale saisie' : `un ${DOCUMENT_LABELS[document].toLowerCase()}`}.`;
    return null;
  }
  const scanned = scanCount(c, a) === a.pages && a.page !== null;
  if (source === 'scan' && !scanned) return `La page du registre de l’${acteRef(a)} n’est pas numérisée : ajoutez son scan, ou produisez la copie depuis l’acte saisi.`;
  if (!keyed && !scanned) return `L’${acteRef(a)} n’est ni saisi ni numérisé : saisissez-le ou ajoutez la page numérisée du registre.`;
  return null;
}

export async function produceDocument(c: EcCtx, input: ProduceInput): Promise<ProducedDocument> {
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > 10) throw new AppError('INVALID', 'Nombre d’exemplaires : de 1 à 10.');
  const problem = documentProblem(c, input.acteId, input.document, input.source);
  if (problem) throw new AppError('RULE', problem);
  const a = getActeRow(c, input.acteId);
  const titre = `${DOCUMENT_LABELS[input.document]} de l’${acteRef(a)}`;
  const id = readIdentity(c.db);
  const w = await PdfWriter.create({ title: titre, commune: id.nom, createdAt: c.now, header: `Commune de ${id.nom} — État civil` });
  for (let i = 0; i < input.copies; i++) {
    if (i) w.newPage();
    w.heading(titre);
    w.text(`${a.prenoms} ${a.nom}`);
  }
  const pdf = await w.save();
  return { pdf, pages: input.copies, pagesParCopie: 1, nom: `${input.document.replace(/_/g, '-')}-${a.type}-${a.numero}-${a.annee}.pdf`, titre, source: input.document === 'copie_integrale' ? (a.statut === 'saisi' ? 'saisie' : 'scan') : null, mentions: { imprimees: [], ecartees: [] } };
}
