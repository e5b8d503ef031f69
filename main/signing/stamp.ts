/**
 * The visible signature stamp (CRPA L212-3: the signatory's identity and title, the date, and a mention that
 * the act was signed electronically). Embedded Liberation Sans, so every French name prints and the PDF
 * stays PDF/A-friendly (signing.md §3: standard-14 fonts are not embedded).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFFont,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { stampTemplate, type StampTemplate } from './stamp-template';
// kernel/time, not the kernel's index: the signing path loads no validation library (zod), issue 10
import { parisDateHeure } from '../kernel/time';
// documents' pure public file, not its index: the séance loads no database code (issue 10)
import { cachedFontkit, SIGNATURE_BLOCKS_KEY, resourcesDir } from '../documents/pdf-common';
import { layoutByCmap, shareSubsetStream, STAMP_GLYPHS } from './stamp-font';
import { key, maybe, viewOf, type PdfView } from './pdf-view';

export const STAMP = { width: 200, height: 60, margin: 36, gap: 8 };

let ttf: Buffer | null = null;
const fontBytes = () => (ttf ??= fs.readFileSync(path.join(resourcesDir(), 'fonts', 'LiberationSans-Regular.ttf')));

/** « le 23/11/2026 à 10:58 (heure de Paris) »: the kernel's Paris formatters, built once (issue 10) */
export function parisDateTime(d: Date): string {
  return `le ${parisDateHeure(d)} (heure de Paris)`;
}

/** Where the n-th stamp goes on the page: bottom right, then leftwards, then one row up. */
export function stampRect(pageWidth: number, n: number): [number, number, number, number] {
  const perRow = Math.max(1, Math.floor((pageWidth - 2 * STAMP.margin + STAMP.gap) / (STAMP.width + STAMP.gap)));
  const col = n % perRow;
  const row = Math.floor(n / perRow);
  const x = pageWidth - STAMP.margin - STAMP.width - col * (STAMP.width + STAMP.gap);
  const y = STAMP.margin / 2 + row * (STAMP.height + STAMP.gap);
  return [x, y, x + STAMP.width, y + STAMP.height];
}

/**
 * Where the n-th signature goes: in the document's own n-th signature block (« Le président de séance »,
 * then « Le secrétaire de séance »…), recorded in the catalog when Clocher wrote the PDF; the stamp keeps
 * its proportions and is centred in the block. A PDF without recorded blocks (an uploaded one), or a
 * signature beyond the blocks, gets the bottom-right corner of the last page (stampRect).
 */
export function stampPlacement(
  doc: PDFDocument | PdfView,
  n: number,
): { page: number; rect: [number, number, number, number] } {
  const view = doc instanceof PDFDocument ? viewOf(doc) : doc;
  const last = view.pageCount() - 1;
  const fallback = () => ({ page: last, rect: stampRect(view.pageWidth(last), n) });
  const list = maybe(view, key(view.catalog, SIGNATURE_BLOCKS_KEY), PDFArray);
  const block = list && n < list.size() ? maybe(view, list.get(n), PDFDict) : undefined;
  const page = maybe(view, key(block, 'Page'), PDFNumber)?.asNumber();
  const r = maybe(view, key(block, 'Rect'), PDFArray);
  const nums = r ? [0, 1, 2, 3].map((i) => maybe(view, r.get(i), PDFNumber)?.asNumber()) : [];
  if (
    page === undefined ||
    !Number.isInteger(page) ||
    page < 0 ||
    page > last ||
    nums.length !== 4 ||
    nums.some((x) => x === undefined)
  )
    return fallback();
  const [x1, y1, x2, y2] = nums as [number, number, number, number];
  const scale = Math.min((x2 - x1) / STAMP.width, (y2 - y1) / STAMP.height, 1);
  if (!(scale > 0.3)) return fallback(); // a block too small to read a stamp in
  const w = STAMP.width * scale;
  const h = STAMP.height * scale;
  const x = x1 + (x2 - x1 - w) / 2;
  const y = y1 + (y2 - y1 - h) / 2;
  return { page, rect: [x, y, x + w, y + h] };
}

/** Shrink a line until it fits the stamp width (the width is linear in the size: one text layout per line). */
function fit(font: PDFFont, line: string, size: number, width: number): number {
  const perPoint = font.widthOfTextAtSize(line, 1);
  let s = size;
  while (s > 5 && perPoint * s > width) s -= 0.5;
  return s;
}

/**
 * A form XObject for the widget's /AP /N, registered in the document. In a séance the same élu signs every act
 * within a few minutes, so the stamp (its text laid out, its font subset embedded) is drawn once per
 * signatory, title and minute in a scratch document, and its objects copied into each act (issue 10): each
 * act still carries its own complete font objects.
 */
export async function stampAppearance(
  target: PDFDocument | PDFContext,
  who: { nom: string; qualite: string },
  at: Date,
): Promise<PDFRef> {
  const key = JSON.stringify([who.nom, who.qualite, parisDateTime(at)]);
  let t = templates.get(key);
  if (!t) {
    const scratch = await PDFDocument.create({ updateMetadata: false });
    const ref = await drawStamp(scratch, who, at);
    await scratch.flush(); // embeds the font subset into the scratch document
    t = stampTemplate(scratch.context, ref);
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
    templates.set(key, t);
  }
  return t.copyInto(target instanceof PDFContext ? target : target.context);
}

const MAX_TEMPLATES = 8; // a few signatories and minutes; bounded so a long-running core does not grow
const templates = new Map<string, StampTemplate>();

async function drawStamp(doc: PDFDocument, who: { nom: string; qualite: string }, at: Date): Promise<PDFRef> {
  doc.registerFontkit(cachedFontkit); // parsed once per process (font-cache.ts)
  const font = await doc.embedFont(fontBytes(), { subset: true });
  layoutByCmap(font); // one glyph per character, without decoding GSUB/GPOS (stamp-font.ts)
  shareSubsetStream(font);
  font.encodeText(STAMP_GLYPHS); // the subset's first glyphs, always the same (stamp-font.ts)
  const { width: W, height: H } = STAMP;
  const lines: [string, number][] = [
    ['Signé électroniquement par', 7.5],
    [who.nom.normalize('NFC'), 9.5],
    [who.qualite.normalize('NFC'), 8],
    [parisDateTime(at), 7.5],
  ];
  const ops: string[] = [
    'q',
    '0.96 0.97 1 rg',
    `0 0 ${W} ${H} re f`,
    '0.16 0.29 0.55 RG 0.8 w',
    `0.4 0.4 ${W - 0.8} ${H - 0.8} re S`,
    'BT',
    '0.08 0.12 0.25 rg',
  ];
  let y = H - 13;
  for (const [text, size] of lines) {
    const s = fit(font, text, size, W - 12);
    ops.push(`/F1 ${s} Tf`, `1 0 0 1 6 ${y.toFixed(2)} Tm`, `${font.encodeText(text).toString()} Tj`);
    y -= s + 5;
  }
  ops.push('ET', 'Q');
  const stream = doc.context.stream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, W, H],
    Resources: { Font: { F1: font.ref } },
  });
  stream.dict.set(PDFName.of('FormType'), PDFNumber.of(1));
  return doc.context.register(stream);
}
