/**
 * Signing by the fast incremental-update path (issue 10), checked by tools this project did not write (the
 * shared verify-pdf-signatures: qpdf --check, pdfsig valid and trusted, the last covering the whole file):
 * taken for Clocher's own acts, for a classic table and for xref streams, signature after signature; a
 * hybrid-reference file goes through pdf-lib's full parse and still signs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { afterEach, vi } from 'vitest';
import { PdfWriter } from '../documents/pdf';
import { readSignatures, signPdf, type PdfSignatureRequest } from './pades';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { openSession, samplePdf, testSigner, verifierMissing, verifyPdf } from '../../test-support/signing/pdf-tools';
import { hybrid, qpdf, withObjectStreams } from '../../test-support/signing/pdf-variants';
import type { Token, TokenSession } from './token';
import { requireTool } from '../../test-support/support';

const missing = softhsmMissing();
const noVerifier = verifierMissing();
if (missing) console.warn(`[signing] ${missing}`);
if (noVerifier) console.warn(`[signing] ${noVerifier}`);

/** A délibération as the conseil writes it: text, then the président's and the secrétaire's blocks. */
async function deliberation(): Promise<Buffer> {
  const w = await PdfWriter.create({
    title: 'Délibération n° 2026_042',
    commune: 'Commune de Saint-Benoît-sur-Loire',
    createdAt: new Date('2026-11-20T19:30:00Z'),
    header: 'Commune de Saint-Benoît-sur-Loire',
  });
  for (let i = 0; i < 80; i++) w.text(`Considérant ${i + 1} du projet de délibération.`);
  w.signatures([
    { title: 'La présidente de séance', name: 'Mme Hélène Lefèvre' },
    { title: 'Le secrétaire de séance', name: 'M. Noël Chevalier' },
  ]);
  return Buffer.from(await w.save());
}

afterEach(() => vi.restoreAllMocks());

describe.skipIf(missing)('the fast incremental-update path on SoftHSM2', () => {
  let pki: TestPki;
  let token: Token;
  let session: TokenSession;
  let out: string;
  const at = new Date('2026-11-23T10:58:00Z');
  // three different certificates: pdfsig (NSS) reports « Unknown issue » for a certificate met twice in one
  // file, with pdf-lib's full parse as well (checked): a verifier quirk, not a signature fault
  const who = ['maire', 'adjoint', 'stranger'] as const;
  const req = (n: number): PdfSignatureRequest => ({
    signer: testSigner(session, pki[who[n]!], pki),
    nom: pki[who[n]!].name,
    qualite: ['Présidente de séance', 'Secrétaire de séance', 'Conseiller municipal'][n]!,
    reason: 'Délibération n° 2026_042',
    location: 'Saint-Benoît-sur-Loire',
    at,
    expectedPrior: n,
  });
  /** Sign, asserting which way was taken (the full parse is pdf-lib's PDFDocument.load), and verify independently. */
  async function sign(pdf: Buffer, n: number, name: string, way: 'fast' | 'full'): Promise<Buffer> {
    const load = vi.spyOn(PDFDocument, 'load');
    const signed = await signPdf(pdf, req(n));
    expect(load.mock.calls.length, `${name}: ${way} path`).toBe(way === 'fast' ? 0 : 1);
    load.mockRestore();
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true); // earlier bytes, so earlier signatures, untouched
    const file = path.join(out, `${name}-${n + 1}.pdf`);
    fs.writeFileSync(file, signed);
    const v = verifyPdf(file, pki.caFile, n + 1);
    expect(v.ok, v.out).toBe(true);
    expect((v.out.match(/Signature is Valid\./g) ?? []).length).toBe(n + 1);
    return signed;
  }

  beforeAll(() => {
    pki = createTestPki();
    ({ token, session } = openSession(pki));
    out = path.join(pki.dir, 'fast');
    fs.mkdirSync(out);
  });
  afterAll(() => {
    session?.logout();
    token?.close();
    pki?.cleanup();
  });

  it('a délibération of the house writer: three signatures, each by the fast path, all valid', async (ctx) => {
    requireTool(ctx, noVerifier);
    let pdf = await deliberation();
    for (let n = 0; n < 3; n++) pdf = await sign(pdf, n, 'deliberation', 'fast');
    expect((await readSignatures(pdf)).map((s) => s.name)).toEqual([
      pki.maire.name,
      pki.adjoint.name,
      pki.stranger.name,
    ]);
    // the circuit expecting fewer signatures is refused with the same message as before (decided by the full parse)
    await expect(signPdf(pdf, { ...req(0), expectedPrior: 1 })).rejects.toThrow(/porte déjà des signatures/);
  });

  it('pdf-lib object streams (xref stream): two signatures by the fast path, the updates as xref streams', async (ctx) => {
    requireTool(ctx, noVerifier);
    const pdf = await withObjectStreams(await samplePdf(3));
    const one = await sign(pdf, 0, 'objstm', 'fast');
    const two = await sign(one, 1, 'objstm', 'fast');
    for (const [before, after] of [
      [pdf, one],
      [one, two],
    ] as const)
      expect(after.subarray(before.length).toString('latin1')).toContain('/Type /XRef'); // ISO 32000-1 §7.5.8.4
  });

  it('qpdf object streams with a PNG predictor, and a linearized file: signed by the fast path', async (ctx) => {
    requireTool(ctx, noVerifier);
    await sign(qpdf(await samplePdf(2), '--object-streams=generate'), 0, 'qpdf-objstm', 'fast');
    await sign(qpdf(await samplePdf(2), '--linearize'), 0, 'linearized', 'fast');
  });

  it('indirect /Annots, /AcroForm and /Fields: each array rewritten as its own object, two signatures valid', async (ctx) => {
    requireTool(ctx, noVerifier);
    const doc = await PDFDocument.load(await samplePdf(2), { updateMetadata: false });
    const c = doc.context;
    doc.getPage(1).node.set(PDFName.of('Annots'), c.register(c.obj([])));
    doc.catalog.set(PDFName.of('AcroForm'), c.register(c.obj({ Fields: c.register(c.obj([])) })));
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    const two = await sign(await sign(pdf, 0, 'indirect', 'fast'), 1, 'indirect', 'fast');
    const back = await PDFDocument.load(two, { updateMetadata: false });
    const acro = back.catalog.get(PDFName.of('AcroForm'));
    expect(acro).toBeInstanceOf(PDFRef);
    const fields = back.context.lookup(acro as PDFRef, PDFDict).get(PDFName.of('Fields'));
    expect(fields).toBeInstanceOf(PDFRef);
    expect(back.context.lookup(fields as PDFRef, PDFArray).size()).toBe(2);
    expect(back.getPage(1).node.get(PDFName.of('Annots'))).toBeInstanceOf(PDFRef);
  });

  it('a hybrid-reference file falls back to the full parse and still signs', async (ctx) => {
    requireTool(ctx, noVerifier);
    await sign(hybrid(await samplePdf(2)), 0, 'hybrid', 'full');
  });
});
