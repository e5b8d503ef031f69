/**
 * Copie intégrale as the certified reproduction of the register page(s) from their scan, with the mentions
 * typed below (an act only indexed, or a commune that prefers the page: issue 12). JPEG and PDF pages are
 * embedded as they are; TIFF is refused with what to do (no converter in Clocher yet: the window downloads it).
 */
import type { PDFEmbeddedPage, PDFImage } from '@cantoo/pdf-lib';
import { AppError } from '../../kernel';
import type { EcCtx } from '../context';
import { readPage } from '../registres';
import { certification, enTete, mentionsBlock, officierBlock } from './blocks';
import type { ActeData, Mention } from './data';
import { MARGIN, type Sheet } from './sheet';
import type { ProduceInput } from './types';

export type ScanPage = { page: number; mime: string; bytes: Uint8Array };
type Embedded = { page: number; w: number; h: number } & ({ image: PDFImage } | { pdf: PDFEmbeddedPage });

export const TIFF_REFUSE =
  'La page numérisée est au format TIFF, que Clocher ne sait pas encore reproduire dans une copie : numérisez-la de nouveau en PDF ou JPEG, ou saisissez l’acte pour produire sa copie intégrale.';

/** The act's pages from the register's scans, in order; a missing page or a TIFF is a clear refusal. */
export function scanPagesOf(c: EcCtx, d: ActeData): ScanPage[] {
  const a = d.acte;
  if (!a.registre_id || !a.page)
    throw new AppError('RULE', 'Cet acte n’a pas de page de registre indiquée : indiquez-la, ou saisissez l’acte.');
  const out: ScanPage[] = [];
  for (let p = a.page; p < a.page + a.pages; p++) {
    const f = readPage(c, a.registre_id, p);
    if (f.mime === 'image/tiff') throw new AppError('RULE', TIFF_REFUSE);
    out.push({ page: p, mime: f.mime, bytes: f.bytes });
  }
  return out;
}

/** Embedded once, drawn in every copy. */
export async function embedScans(s: Sheet, pages: readonly ScanPage[]): Promise<Embedded[]> {
  const out: Embedded[] = [];
  for (const p of pages) {
    try {
      if (p.mime === 'image/jpeg') {
        const img = await s.doc.embedJpg(p.bytes);
        out.push({ page: p.page, image: img, w: img.width, h: img.height });
      } else {
        const [emb] = await s.doc.embedPdf(p.bytes, [0]);
        out.push({ page: p.page, pdf: emb!, w: emb!.width, h: emb!.height });
      }
    } catch {
      throw new AppError('INVALID', `La page ${p.page} numérisée du registre est illisible : numérisez-la de nouveau.`);
    }
  }
  return out;
}

export function drawScanCopy(
  s: Sheet,
  d: ActeData,
  input: ProduceInput,
  mentions: readonly Mention[],
  scans: readonly Embedded[],
): void {
  enTete(
    s,
    d,
    `Copie intégrale d’acte de ${d.acte.type === 'mariage' ? 'mariage' : d.acte.type === 'naissance' ? 'naissance' : 'l’état civil'}`,
    'Reproduction certifiée de la page du registre',
    input,
  );
  scans.forEach((sc, i) => {
    if (i) s.newPage();
    s.text(`Page ${sc.page}${d.registre ? ` du ${d.registre.toLowerCase()}` : ''}`, { size: 9, after: 4 });
    // at most 38 % of the height on the last page: the mentions and the officier's block fit below it
    const maxH = (i === scans.length - 1 ? 0.38 : 0.8) * 841.89;
    const scale = Math.min(s.width / sc.w, maxH / sc.h, s.y / sc.h);
    const w = sc.w * scale,
      h = sc.h * scale;
    const x = MARGIN + (s.width - w) / 2,
      y = s.y - h;
    if ('image' in sc) s.page.drawImage(sc.image, { x, y, width: w, height: h });
    else s.page.drawPage(sc.pdf, { x, y, width: w, height: h });
    s.box(x, y, w, h);
    s.y = y - 6;
  });
  mentionsBlock(s, mentions, true);
  certification(s, input, 'Copie intégrale certifiée conforme à l’original du registre.');
  officierBlock(s, d, input);
}
