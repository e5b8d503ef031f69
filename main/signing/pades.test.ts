import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lintPadesCms } from './cms-read';
import { readSignatures, signPdf, type PdfSignatureRequest } from './pades';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import {
  extractCms,
  openSession,
  samplePdf,
  sha256,
  testSigner,
  verifierMissing,
  verifyPdf,
} from '../../test-support/signing/pdf-tools';
import type { Token, TokenSession } from './token';
import { requireTool, toolMissing } from '../../test-support/support';

const missing = softhsmMissing();
const noVerifier = verifierMissing();
if (missing) console.warn(`[signing] ${missing}`);
if (noVerifier) console.warn(`[signing] ${noVerifier}`);

describe.skipIf(missing)('PAdES-B-B on SoftHSM2', () => {
  let pki: TestPki;
  let token: Token;
  let session: TokenSession;
  let out: string;
  const at = new Date('2026-11-23T10:58:00Z');
  const req = (who: 'maire' | 'adjoint', expectedPrior = 0): PdfSignatureRequest => ({
    signer: testSigner(session, pki[who], pki),
    nom: pki[who].name,
    qualite: who === 'maire' ? 'Maire, présidente de séance' : 'Secrétaire de séance',
    reason: 'Délibération n° 2026_042',
    location: 'Saint-Benoît-sur-Loire',
    at,
    expectedPrior,
  });
  const save = (name: string, b: Buffer) => {
    const f = path.join(out, name);
    fs.writeFileSync(f, b);
    return f;
  };

  beforeAll(() => {
    pki = createTestPki();
    ({ token, session } = openSession(pki));
    out = path.join(pki.dir, 'pdfs');
    fs.mkdirSync(out);
  });
  afterAll(() => {
    session?.logout();
    token?.close();
    pki?.cleanup();
  });

  it('signs: original bytes kept; CMS lint clean, a wrong ESS certHash caught', async () => {
    const pdf = await samplePdf(2);
    const signed = await signPdf(pdf, req('maire'));
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true);
    const { cms } = extractCms(signed, 0);
    expect(lintPadesCms(cms)).toEqual([]);
    // ESS certHash lint: a wrong hash is caught (OpenSSL itself does not check it, signing.md §7)
    const bad = Buffer.from(cms);
    const h = sha256(pki.maire.certDer);
    bad.set(Buffer.alloc(32, 7), bad.indexOf(h));
    expect(lintPadesCms(bad)).toContain('ESS certHash does not match the signer certificate');
  });

  it('signs: valid and trusted for pdfsig, qpdf and openssl cms; tamper and append detected', async (ctx) => {
    requireTool(ctx, noVerifier ?? toolMissing('openssl'));
    const pdf = await samplePdf(2);
    const signed = await signPdf(pdf, req('maire'));
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true);
    const file = save('signed.pdf', signed);
    const v = verifyPdf(file, pki.caFile, 1);
    expect(v.out).toContain('Signer Certificate Common Name: Hélène Lefèvre');
    expect(v.ok, v.out).toBe(true);
    const { cms, content } = extractCms(signed, 0);
    fs.writeFileSync(path.join(out, 'sig.der'), cms);
    fs.writeFileSync(path.join(out, 'content.bin'), content);
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path.join(out, 'sig.der'),
        '-content',
        path.join(out, 'content.bin'),
        '-CAfile',
        pki.caFile,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { stdio: 'pipe' },
    );
    {
      // one byte changed inside the signed range
      const tampered = Buffer.from(signed);
      const i = tampered.indexOf('/Creator');
      expect(i).toBeGreaterThan(0);
      tampered[i + 1] = 'c'.charCodeAt(0); // /creator: same size, still a sound PDF, another digest
      const t = verifyPdf(save('tampered.pdf', tampered), pki.caFile, 1);
      expect(t.ok).toBe(false);
      expect(t.out).toMatch(/Digest Mismatch|FAIL/);
      const appended = Buffer.concat([signed, Buffer.from('\n% ajout après signature\n')]);
      const a = verifyPdf(save('appended.pdf', appended), pki.caFile, 1);
      expect(a.ok).toBe(false);
      expect(a.out).toMatch(/not cover the whole document|Not total document signed/);
    }
  });

  it('two signatures (présidente and secrétaire de séance) by incremental update: both valid', async (ctx) => {
    requireTool(ctx, noVerifier ?? toolMissing('pdftotext'));
    const pdf = await samplePdf(3, 'Procès-verbal de la séance du 20 novembre 2026');
    const one = await signPdf(pdf, req('maire'));
    // a second signature the circuit does not expect is refused
    await expect(signPdf(one, req('adjoint', 0))).rejects.toThrow(/porte déjà une signature \(Hélène Lefèvre\)/);
    const two = await signPdf(one, req('adjoint', 1));
    expect(two.subarray(0, one.length).equals(one)).toBe(true);
    expect((await readSignatures(two)).map((s) => s.name)).toEqual(['Hélène Lefèvre', 'Noël Chevalier']);
    const fields = (await readSignatures(two)).map((s) => s.field);
    expect(new Set(fields).size).toBe(2);
    expect(lintPadesCms(extractCms(two, 1).cms)).toEqual([]);
    const v = verifyPdf(save('pv-2-signatures.pdf', two), pki.caFile, 2);
    expect(v.ok, v.out).toBe(true);
    const text = execFileSync('pdftotext', [save('pv-text.pdf', two), '-']).toString();
    expect(text).toContain('Signé électroniquement par');
  });

  it('refuses a corrupt and a non-PDF file, in French', async () => {
    const pdf = await samplePdf(1);
    await expect(signPdf(Buffer.from('bonjour, ceci est un courrier'), req('maire'))).rejects.toThrow(
      /n'est pas un PDF/,
    );
    const corrupt = Buffer.concat([pdf.subarray(0, 200), Buffer.alloc(300, 0x41)]);
    await expect(signPdf(corrupt, req('maire'))).rejects.toThrow(/endommagé/);
  });

  it('refuses a password-protected PDF (made by qpdf), in French', async (ctx) => {
    requireTool(ctx, toolMissing('qpdf'));
    const plain = save('plain.pdf', await samplePdf(1));
    const enc = path.join(out, 'enc.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', plain, enc]);
    await expect(signPdf(fs.readFileSync(enc), req('maire'))).rejects.toThrow(/protégé/);
  });
});
