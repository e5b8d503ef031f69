import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { cachedFontkit } from './font-cache';
import { SIGNATURE_BLOCKS_KEY } from './pdf-common';
import { activeContentProblem } from './pdf-active';
import { tailProblem, xrefProblem } from './pdf-structure';
import { resourcesDir } from './resources';

/**
 * A small flowing-text PDF writer for the commune's documents (convocation, délibération, liste, PV,
 * registre). A4, embedded Liberation Sans (every French name prints, and the PDF does not depend on the
 * reader's fonts), a header with the commune's name on every page and « Page n / N » at the bottom.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
// colours made at use, not at load: pdf-lib loads at the first PDF, not at start-up (scripts/lazy-vendor.mjs)
const BLACK = () => rgb(0, 0, 0);
const GREY = () => rgb(0.3, 0.3, 0.3);

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;
function fonts() {
  if (!fontBytes) {
    const dir = path.join(resourcesDir(), 'fonts');
    fontBytes = {
      regular: fs.readFileSync(path.join(dir, 'LiberationSans-Regular.ttf')),
      bold: fs.readFileSync(path.join(dir, 'LiberationSans-Bold.ttf')),
    };
  }
  return fontBytes;
}

export interface PdfMeta {
  title: string;
  commune: string;
  subject?: string;
  createdAt: Date;
  /** header line on each page, e.g. « Commune de X — Séance du 20 novembre 2026 » */
  header: string;
  /** first sheet number, for the register's continuous numbering */
  firstPageNumber?: number;
  /** « Page n / N » (default) or « Feuillet n » for the register */
  numbering?: 'pages' | 'feuillets';
}

export { SIGNATURE_BLOCKS_KEY }; // defined in pdf-common.ts, shared with the signature stamp
export interface SignatureBlock {
  page: number; // 0-based page index
  rect: [number, number, number, number]; // x1 y1 x2 y2, in PDF points
  title: string;
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly blocks: SignatureBlock[] = [];
  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly meta: PdfMeta,
  ) {
    this.newPage();
  }

  static async create(meta: PdfMeta): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(cachedFontkit); // parsed once per process (font-cache.ts)
    const f = fonts();
    const regular = await doc.embedFont(f.regular, { subset: true });
    const bold = await doc.embedFont(f.bold, { subset: true });
    doc.setTitle(meta.title);
    doc.setAuthor(meta.commune);
    doc.setSubject(meta.subject ?? meta.title);
    doc.setCreator('Clocher');
    doc.setProducer('Clocher');
    doc.setLanguage('fr-FR');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    return new PdfWriter(doc, regular, bold, meta);
  }

  private get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.page.drawText(this.meta.header, { x: MARGIN, y: A4[1] - 36, size: 8, font: this.regular, color: GREY() });
    this.y = A4[1] - MARGIN - 10;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** Wrap text to lines of at most `width` points (words longer than a line are cut). */
  wrap(text: string, size: number, font: PDFFont = this.regular, width = this.width): string[] {
    const out: string[] = [];
    for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) out.push(line);
          let w = word;
          while (font.widthOfTextAtSize(w, size) > width) {
            let n = w.length;
            while (n > 1 && font.widthOfTextAtSize(w.slice(0, n), size) > width) n--;
            out.push(w.slice(0, n));
            w = w.slice(n);
          }
          line = w;
        }
      }
      out.push(line);
    }
    return out;
  }

  text(
    text: string,
    opts: { size?: number; bold?: boolean; indent?: number; align?: 'left' | 'center' | 'right'; after?: number } = {},
  ): this {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.bold : this.regular;
    const indent = opts.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(text, size, font, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const w = font.widthOfTextAtSize(line, size);
      const x =
        opts.align === 'center'
          ? MARGIN + (this.width - w) / 2
          : opts.align === 'right'
            ? MARGIN + this.width - w
            : MARGIN + indent;
      this.page.drawText(line, { x, y: this.y, size, font, color: BLACK() });
    }
    this.y -= opts.after ?? size * 0.5;
    return this;
  }

  heading(text: string, size = 14): this {
    this.ensure(size * 3);
    this.y -= size * 0.6;
    return this.text(text, { size, bold: true, after: size * 0.6 });
  }

  spacer(h = 8): this {
    this.y -= h;
    return this;
  }

  /** label: value lines, labels in bold */
  fields(rows: readonly (readonly [string, string])[]): this {
    for (const [label, value] of rows) this.text(`${label} : ${value}`, { after: 2 });
    return this.spacer(6);
  }

  /** A simple table; column widths are fractions of the text width. */
  table(columns: readonly { title: string; width: number }[], rows: readonly (readonly string[])[], size = 9): this {
    const widths = columns.map((c) => c.width * this.width);
    const lineHeight = size * 1.3;
    const drawRow = (cells: readonly string[], font: PDFFont) => {
      const wrapped = cells.map((c, i) => this.wrap(c, size, font, (widths[i] ?? 50) - 6));
      const h = Math.max(...wrapped.map((w) => w.length)) * lineHeight + 4;
      this.ensure(h);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((l, j) =>
          this.page.drawText(l, { x: x + 3, y: this.y - (j + 1) * lineHeight, size, font, color: BLACK() }),
        );
        x += widths[i] ?? 0;
      });
      this.y -= h;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 1 },
        end: { x: MARGIN + this.width, y: this.y + 1 },
        thickness: 0.3,
        color: GREY(),
      });
    };
    drawRow(
      columns.map((c) => c.title),
      this.bold,
    );
    for (const r of rows) drawRow(r, this.regular);
    return this.spacer(8);
  }

  /** Signature blocks side by side: a title, a name, and room to sign by hand or electronically. */
  signatures(blocks: readonly { title: string; name: string }[]): this {
    const h = 90;
    this.ensure(h);
    const w = this.width / Math.max(blocks.length, 1);
    const pageIndex = this.doc.getPages().indexOf(this.page);
    blocks.forEach((b, i) => {
      const x = MARGIN + i * w;
      this.page.drawText(b.title, { x, y: this.y - 12, size: 10, font: this.bold });
      this.page.drawText(b.name, { x, y: this.y - 26, size: 10, font: this.regular });
      const box = { x, y: this.y - h + 4, width: w - 16, height: 52 };
      this.page.drawRectangle({ ...box, borderColor: GREY(), borderWidth: 0.5 });
      this.blocks.push({
        page: pageIndex,
        rect: [box.x, box.y, box.x + box.width, box.y + box.height],
        title: b.title,
      });
    });
    this.y -= h + 6;
    return this;
  }

  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const first = this.meta.firstPageNumber ?? 1;
    pages.forEach((p, i) => {
      const label =
        this.meta.numbering === 'feuillets' ? `Feuillet n° ${first + i}` : `Page ${i + 1} / ${pages.length}`;
      const w = this.regular.widthOfTextAtSize(label, 8);
      p.drawText(label, { x: A4[0] - MARGIN - w, y: 30, size: 8, font: this.regular, color: GREY() });
    });
    if (this.blocks.length) {
      const ctx = this.doc.context;
      const list = this.blocks.map((b) => ctx.obj({ Page: b.page, Rect: b.rect, T: PDFHexString.fromText(b.title) }));
      this.doc.catalog.set(PDFName.of(SIGNATURE_BLOCKS_KEY), ctx.obj(list));
    }
    return this.doc.save({ useObjectStreams: false });
  }
}

const ENCRYPTED = 'ce PDF est protégé par un mot de passe ; enregistrez-le sans protection.';

/**
 * Check that bytes are a readable, plain PDF (an annex, a scan, a document to sign), without trusting the file
 * name: whole (our own structural check, pdf-structure.ts), parsed strictly (pdf-lib without its repairs:
 * `throwOnInvalidObject`), with at least one page, and without active content (pdf-active.ts).
 */
export async function readablePdf(bytes: Uint8Array): Promise<{ pages: number } | { error: string }> {
  if (bytes.byteLength < 8 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    return { error: "ce fichier n'est pas un PDF." };
  const tail = tailProblem(bytes);
  if (tail) return { error: tail };
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.isEncrypted) return { error: ENCRYPTED };
    const problem = xrefProblem(bytes, doc.context) ?? activeContentProblem(doc.context);
    if (problem) return { error: problem };
    const pages = doc.getPageCount();
    if (pages === 0) return { error: 'ce PDF ne contient aucune page.' };
    return { pages };
  } catch (e) {
    const msg = String((e as Error).message ?? '');
    if (/encrypt/i.test(msg)) return { error: ENCRYPTED };
    return { error: 'ce PDF est endommagé ou illisible.' };
  }
}
