/**
 * The incremental reader and writer (issue 10) against pdf-lib's full parse and qpdf, without a token: every
 * cross-reference form it claims to read gives the same pages and fields as the full parse; every form it
 * must not handle is refused (the signer then takes the full parse); its update passes qpdf --check, and a
 * wrong /Prev or offset does not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PDFContext,
  PDFDocument,
  PDFName,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { Tokens } from './pdf-tokens';
import { PdfReader } from './pdf-reader';
import { appendUpdate, type UpdateBase } from './pdf-update';
import { existingSignatures, viewOf } from './pdf-view';
import { Unreadable } from './pdf-xref';
import { samplePdf } from '../../test-support/signing/pdf-tools';
import { hybrid, qpdf, qpdfCheck, withObjectStreams } from '../../test-support/signing/pdf-variants';
import { requireTool, toolMissing } from '../../test-support/support';

const noQpdf = toolMissing('qpdf');
if (noQpdf) console.warn(`[signing] ${noQpdf}`);

/** The reader's view of pages and fields equals pdf-lib's full parse. */
async function sameAsFullParse(pdf: Uint8Array): Promise<PdfReader> {
  const reader = new PdfReader(pdf);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  expect(reader.pageCount()).toBe(doc.getPageCount());
  for (let i = 0; i < doc.getPageCount(); i++) {
    expect(reader.page(i).ref).toBe(doc.getPage(i).ref);
    expect(reader.pageWidth(i)).toBe(doc.getPage(i).getWidth());
  }
  expect(existingSignatures(reader)).toEqual(existingSignatures(viewOf(doc)));
  expect(reader.size).toBe(doc.context.largestObjectNumber + 1);
  return reader;
}

const base = (r: PdfReader): UpdateBase => ({
  startxref: r.startxref,
  size: r.size,
  trailer: r.trailer,
  xrefStream: r.usesXrefStream,
});

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-reader-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const save = (name: string, b: Uint8Array) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, b);
  return f;
};

/** An update changing the catalog (a new /Lang) and adding one object, as the signer does. */
function update(pdf: Uint8Array, tamper?: (b: UpdateBase) => UpdateBase): Buffer {
  const r = new PdfReader(pdf);
  r.catalog.set(PDFName.of('Lang'), PDFString.of('fr-FR'));
  r.ctx.register(r.ctx.obj({ Note: PDFString.of('ajout') }));
  const objects: [PDFRef, PDFObject][] = [[r.rootRef, r.catalog], ...r.ctx.enumerateIndirectObjects()];
  return appendUpdate(pdf, objects, tamper ? tamper(base(r)) : base(r));
}

describe('the incremental reader reads what pdf-lib reads, object by object', () => {
  it('its tokenizer gives the objects pdf-lib’s own parser gives (names, numbers, strings, refs, streams)', () => {
    const ctx = PDFContext.create();
    const samples = [
      '<< /Type /Page /A#20B#2f 1 /Neg -3.5 /Dot .5 /Plus +7 /S (a\\) (nested \\(x) b) /H <4142 43> /E () >>',
      '[1 0 R 12 3 R 4 5 true false null /N [[]] <<>> 0.000001 -.25]',
      '<< /Kids [3 0 R 4 0 R] /Count 2 % a comment\n /MediaBox [0 0 595.28 841.89] >>',
      '<< /Length 11 /Filter /FlateDecode >>\nstream\r\nhello world\nendstream',
    ];
    for (const text of samples) {
      const bytes = Buffer.from(text, 'latin1');
      const ours = new Tokens(bytes, 0, ctx).object();
      const theirs = PDFObjectParser.forBytes(bytes, ctx).parseObject();
      expect(ours.toString()).toBe(theirs.toString());
      if (theirs instanceof PDFRawStream)
        expect(Buffer.from((ours as PDFRawStream).contents).toString()).toBe('hello world');
    }
    for (const bad of ['<< /A 1', '(open', '<< /L 99 >>\nstream\nshort\nendstream', 'R', '<< 1 2 >>'])
      expect(() => new Tokens(Buffer.from(bad, 'latin1'), 0, ctx).object(), bad).toThrow();
  });

  it('a classic table (the house writer): same pages, widths and fields', async () => {
    const r = await sameAsFullParse(await samplePdf(12));
    expect(r.usesXrefStream).toBe(false);
  });

  it('pdf-lib object streams: xref stream, catalog and pages inside /ObjStm', async () => {
    const pdf = await withObjectStreams(await samplePdf(3));
    expect(pdf.toString('latin1')).toContain('/ObjStm');
    const r = await sameAsFullParse(pdf);
    expect(r.usesXrefStream).toBe(true);
  });

  it('qpdf object streams with a PNG-predicted xref stream; a linearized file', async (ctx) => {
    requireTool(ctx, noQpdf);
    const packed = qpdf(await samplePdf(3), '--object-streams=generate');
    expect(packed.toString('latin1')).toMatch(/\/Predictor 12/);
    expect((await sameAsFullParse(packed)).usesXrefStream).toBe(true);
    const lin = qpdf(await samplePdf(3), '--linearize');
    expect(lin.toString('latin1')).toContain('/Linearized');
    await sameAsFullParse(lin);
  });

  it('refuses what it must not guess: hybrid, encrypted, truncated, /Size below an object, a moved object', async (ctx) => {
    const pdf = await samplePdf(2);
    expect(() => new PdfReader(hybrid(pdf))).toThrow(/hybrid/);
    expect(() => new PdfReader(pdf.subarray(0, pdf.length - 300))).toThrow(Unreadable);
    const text = pdf.toString('latin1');
    const size = /\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))!;
    const small = Buffer.from(text.replace(`/Size ${size[1]}`, `/Size ${Number(size[1]) - 3}`), 'latin1');
    expect(() => new PdfReader(small)).toThrow(/Size/);
    // the catalog's entry points 1 byte off: its header is checked, not trusted
    const r = new PdfReader(pdf);
    const shifted = Buffer.concat([Buffer.from(' '), pdf]);
    expect(() => new PdfReader(shifted)).toThrow(Unreadable);
    expect(r.lookup(r.rootRef)).toBe(r.catalog);
    expect(() => r.lookup(PDFRef.of(r.size + 5))).toThrow(/not in the cross-reference/);
    requireTool(ctx, noQpdf);
    expect(() => new PdfReader(qpdf(pdf, '--encrypt', 'u', 'o', '256', '--'))).toThrow(/encrypted/);
  });
});

describe('the incremental update it writes', () => {
  it('classic after classic, xref stream after xref stream: qpdf clean, pdf-lib reads the change', async (ctx) => {
    requireTool(ctx, noQpdf);
    for (const [name, pdf] of [
      ['classic', await samplePdf(2)],
      ['objstm', await withObjectStreams(await samplePdf(2))],
    ] as const) {
      const out = update(pdf);
      expect(out.subarray(0, pdf.length).equals(pdf)).toBe(true);
      const tail = out.subarray(pdf.length).toString('latin1');
      expect(tail.includes('/Type /XRef')).toBe(name === 'objstm'); // ISO 32000-1 §7.5.8.4
      const check = qpdfCheck(save(`${name}.pdf`, out));
      expect(check.ok, check.out).toBe(true);
      const back = await PDFDocument.load(out, { updateMetadata: false });
      expect(back.catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('fr-FR'));
      // and a second update on top reads through both sections
      const twice = update(out);
      expect(qpdfCheck(save(`${name}-2.pdf`, twice)).ok).toBe(true);
      await sameAsFullParse(twice);
    }
  });

  it('a wrong /Prev or a wrong startxref is caught by qpdf --check', async (ctx) => {
    requireTool(ctx, noQpdf);
    for (const pdf of [await samplePdf(2), await withObjectStreams(await samplePdf(2))]) {
      const badPrev = update(pdf, (b) => ({ ...b, startxref: b.startxref + 7 }));
      expect(qpdfCheck(save('bad-prev.pdf', badPrev)).ok).toBe(false);
      const good = update(pdf);
      const at = good.lastIndexOf('startxref');
      const badXref = Buffer.from(
        good.toString('latin1').slice(0, at) +
          good
            .toString('latin1')
            .slice(at)
            .replace(/\d+/, (d) => String(Number(d) - 5)),
        'latin1',
      );
      expect(qpdfCheck(save('bad-xref.pdf', badXref)).ok).toBe(false);
    }
  });
});
