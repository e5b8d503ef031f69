import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { PdfWriter } from '../documents';
import { signPdf } from './pades';
import { parisDateTime, stampPlacement } from './stamp';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { openSession, testSigner } from '../../test-support/signing/pdf-tools';
import type { Token, TokenSession } from './token';

/** A délibération-like PDF: two pages of text, then the président's and the secrétaire's blocks. */
async function actWithBlocks(): Promise<{ pdf: Uint8Array }> {
  const w = await PdfWriter.create({
    title: 'Délibération',
    commune: 'Commune de Test',
    createdAt: new Date('2026-11-23T12:00:00Z'),
    header: 'Commune de Test',
  });
  for (let i = 0; i < 60; i++) w.text(`Ligne ${i} du projet de délibération.`);
  w.signatures([
    { title: 'Le président de séance', name: 'Mme Hélène Lefèvre' },
    { title: 'La secrétaire de séance', name: 'Mme Odile Guérin' },
  ]);
  w.text('Acte certifié exécutoire.');
  w.newPage(); // a page after the blocks: the stamp must not go to the last page
  w.text('Annexe.');
  return { pdf: await w.save() };
}

const inside = (r: number[], box: number[]) =>
  r[0]! >= box[0]! && r[1]! >= box[1]! && r[2]! <= box[2]! && r[3]! <= box[3]!;

describe('the stamp’s date (CRPA L212-3: the date of the signature)', () => {
  it('is the Paris date and 24-hour time, in winter and across midnight in summer', () => {
    expect(parisDateTime(new Date('2026-11-23T19:58:00Z'))).toBe('le 23/11/2026 à 20:58 (heure de Paris)');
    expect(parisDateTime(new Date('2026-07-01T22:30:00Z'))).toBe('le 02/07/2026 à 00:30 (heure de Paris)');
  });
});

describe('visible signature stamps land in the document’s own signature blocks', () => {
  it('places the n-th stamp in the n-th recorded block, on its page; falls back to the last page without blocks', async () => {
    const { pdf } = await actWithBlocks();
    const doc = await PDFDocument.load(pdf);
    const blocks = doc.catalog.lookup(PDFName.of('ClocherSignatureBlocks'), PDFArray);
    expect(blocks.size()).toBe(2);
    const box = (i: number) =>
      [0, 1, 2, 3].map((k) =>
        blocks.lookup(i, PDFDict).lookup(PDFName.of('Rect'), PDFArray).lookup(k, PDFNumber).asNumber(),
      );
    const p0 = stampPlacement(doc, 0);
    const p1 = stampPlacement(doc, 1);
    expect(p0.page).toBe(1);
    expect(doc.getPageCount()).toBe(3);
    expect(inside(p0.rect, box(0))).toBe(true);
    expect(inside(p1.rect, box(1))).toBe(true);
    expect(p0.rect[0]).toBeLessThan(p1.rect[0]); // président first (left), then secrétaire
    expect(stampPlacement(doc, 2).page).toBe(2); // a third signer: bottom of the last page
    const bare = await PDFDocument.create();
    bare.addPage([595, 842]);
    expect(stampPlacement(bare, 0)).toEqual({ page: 0, rect: [359, 18, 559, 78] });
  });
});

const missing = softhsmMissing();
if (missing) console.warn(`[signing] stamp placement on a signed PDF skipped: ${missing}`);

describe.skipIf(missing)('signing places the widget in the block (SoftHSM2)', () => {
  let pki: TestPki;
  let token: Token;
  let session: TokenSession;
  beforeAll(() => {
    pki = createTestPki();
    ({ token, session } = openSession(pki));
  });
  afterAll(() => {
    session?.logout();
    token?.close();
    pki?.cleanup();
  });

  it('two signatures: the président in block 1, the secrétaire in block 2, on the blocks’ page', async () => {
    const { pdf } = await actWithBlocks();
    const at = new Date('2026-11-23T10:58:00Z');
    const base = { reason: 'Délibération n° 2026_001', location: 'Test', at };
    const once = await signPdf(pdf, {
      ...base,
      signer: testSigner(session, pki.maire, pki),
      nom: pki.maire.name,
      qualite: 'Présidente de séance',
      expectedPrior: 0,
    });
    const twice = await signPdf(once, {
      ...base,
      signer: testSigner(session, pki.adjoint, pki),
      nom: pki.adjoint.name,
      qualite: 'Secrétaire de séance',
      expectedPrior: 1,
    });
    const doc = await PDFDocument.load(twice);
    const expected = [stampPlacement(doc, 0), stampPlacement(doc, 1)];
    const annots = doc.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray);
    const rects = [0, 1].map((i) =>
      [0, 1, 2, 3].map((k) =>
        annots.lookup(i, PDFDict).lookup(PDFName.of('Rect'), PDFArray).lookup(k, PDFNumber).asNumber(),
      ),
    );
    expect(rects).toEqual(expected.map((p) => p.rect));
    expect(doc.getPage(2).node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.size() ?? 0).toBe(0);
  });
});
