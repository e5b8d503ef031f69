/**
 * The page layout of copies and extracts: A4, Liberation Sans embedded (every Latin letter of the CIEC
 * languages prints: convention n° 16 art. 4), flowing text, boxes that can be struck through (art. 7), scans,
 * and N copies in one PDF, each with « Exemplaire i / N — page j / M » (issue 12). The shared PdfWriter numbers
 * the pages of the whole file and draws no boxes, hence this small writer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { cachedFontkit, resourcesDir } from '../../documents';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 50;
// colours made at first use: pdf-lib loads when a document is drawn, not at the core's start-up (lazy-vendor)
const GREY = () => rgb(0.35, 0.35, 0.35);
const BLACK = () => rgb(0, 0, 0);

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

/**
 * Widths per character, shared by every document of the process (same two fonts): wrapping measured whole lines
 * again for every word (a fontkit layout each time), most of an extrait plurilingue's time. Kerning is left out:
 * a line may come out a point shorter, never longer than its measure.
 */
const advance = { regular: new Map<string, number>(), bold: new Map<string, number>() };
export function textWidth(font: PDFFont, bold: boolean, text: string, size: number): number {
  const cache = bold ? advance.bold : advance.regular;
  let w = 0;
  for (const ch of text) {
    let a = cache.get(ch);
    if (a === undefined) cache.set(ch, (a = font.widthOfTextAtSize(ch, 1000)));
    w += a;
  }
  return (w * size) / 1000;
}

export interface TextOpts {
  size?: number;
  bold?: boolean;
  indent?: number;
  align?: 'left' | 'center';
  after?: number;
  color?: ReturnType<typeof rgb>;
}

export class Sheet {
  page!: PDFPage;
  y = 0;
  private readonly copyOfPage: number[] = [];
  private copy = 0;
  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly header: string,
    private readonly copies: number,
  ) {}

  static async create(meta: {
    title: string;
    commune: string;
    createdAt: Date;
    header: string;
    copies: number;
  }): Promise<Sheet> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(cachedFontkit);
    const f = fonts();
    const [regular, bold] = [
      await doc.embedFont(f.regular, { subset: true }),
      await doc.embedFont(f.bold, { subset: true }),
    ];
    doc.setTitle(meta.title);
    doc.setAuthor(meta.commune);
    doc.setSubject(meta.title);
    doc.setCreator('Clocher');
    doc.setProducer('Clocher');
    doc.setLanguage('fr-FR');
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    return new Sheet(doc, regular, bold, meta.header, meta.copies);
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  /** Each copy starts on a new page. */
  startCopy(n: number): void {
    this.copy = n;
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.copyOfPage.push(this.copy);
    if (this.header)
      this.page.drawText(this.header, { x: MARGIN, y: A4[1] - 32, size: 8, font: this.regular, color: GREY() });
    this.y = A4[1] - MARGIN - 6;
  }

  ensure(h: number): void {
    if (this.y - h < MARGIN + 14) this.newPage();
  }

  wrap(text: string, size: number, font: PDFFont, width: number): string[] {
    const bold = font === this.bold;
    const out: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (textWidth(font, bold, candidate, size) <= width || !line) line = candidate;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  text(s: string, o: TextOpts = {}): this {
    const size = o.size ?? 11;
    const font = o.bold ? this.bold : this.regular;
    const indent = o.indent ?? 0;
    for (const line of this.wrap(s, size, font, this.width - indent)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      const x =
        o.align === 'center' ? MARGIN + (this.width - textWidth(font, !!o.bold, line, size)) / 2 : MARGIN + indent;
      this.page.drawText(line, { x, y: this.y, size, font, color: o.color ?? BLACK() });
    }
    this.y -= o.after ?? size * 0.4;
    return this;
  }

  spacer(h: number): this {
    this.y -= h;
    return this;
  }

  /** Text at a fixed place (boxes of the CIEC form). */
  at(s: string, x: number, y: number, size = 9, bold = false, color = BLACK()): void {
    this.page.drawText(s, { x, y, size, font: bold ? this.bold : this.regular, color });
  }

  /** A box; struck through by a diagonal and a horizontal line when it cannot be filled (CIEC n° 16, art. 7). */
  box(x: number, y: number, w: number, h: number, struck = false): void {
    this.page.drawRectangle({ x, y, width: w, height: h, borderColor: GREY(), borderWidth: 0.6 });
    if (struck) {
      this.page.drawLine({
        start: { x: x + 2, y: y + h / 2 },
        end: { x: x + w - 2, y: y + h / 2 },
        thickness: 1,
        color: BLACK(),
      });
      this.page.drawLine({
        start: { x: x + 2, y: y + 2 },
        end: { x: x + w - 2, y: y + h - 2 },
        thickness: 0.5,
        color: GREY(),
      });
    }
  }

  /** « Exemplaire i / N — page j / M » on every page, counted within its copy. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const copy = this.copyOfPage[i] ?? 1;
      const ofCopy = this.copyOfPage.filter((c) => c === copy).length;
      const j = this.copyOfPage.slice(0, i + 1).filter((c) => c === copy).length;
      const label = `Exemplaire ${copy} / ${this.copies} — page ${j} / ${ofCopy}`;
      p.drawText(label, {
        x: A4[0] - MARGIN - this.regular.widthOfTextAtSize(label, 8),
        y: 28,
        size: 8,
        font: this.regular,
        color: GREY(),
      });
    });
    return this.doc.save({ useObjectStreams: false });
  }
}
