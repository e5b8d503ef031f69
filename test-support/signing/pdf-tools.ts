/** Test helpers: sample PDFs, the shared independent verifier, CMS extraction. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { PdfWriter } from '../../main/documents/pdf';
import type { Signer } from '../../main/signing/cms';
import { Token, type TokenSession } from '../../main/signing/token';
import type { TestIdentity, TestPki } from './pki';
import { fileMissing, hasTool, toolMissing } from '../support';

export const VERIFIER = path.join(__dirname, '../../../shared/tools/verify-pdf-signatures');
/** Why the independent verifier cannot run here (the script, or pdfsig / certutil / qpdf it calls), or null. */
export const verifierMissing = (): string | null =>
  fileMissing(VERIFIER, 'vérificateur indépendant des PDF') ?? toolMissing('pdfsig', 'certutil', 'qpdf');

/** Why xmlsec1 cannot verify XAdES here, or null. */
export const xmlsecMissing = (): string | null => toolMissing('xmlsec1');

/** xmlsec1 on a signed PES: the Bordereau and SignedProperties ids declared, the test root CA trusted. */
export function verifyPes(file: string, caFile: string, sigId?: string): { ok: boolean; out: string } {
  const args = [
    '--verify',
    '--id-attr:Id',
    'Bordereau',
    '--id-attr:Id',
    'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
    '--id-attr:Id',
    'http://www.w3.org/2000/09/xmldsig#:Signature',
  ];
  if (sigId) args.push('--node-id', sigId);
  const r = spawnSync('xmlsec1', [...args, '--trusted-pem', caFile, file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

/** Run the shared verifier (pdfsig + qpdf); `ok` only on its « OK: » verdict with exit code 0. */
export function verifyPdf(file: string, caFile: string, n: number): { ok: boolean; out: string } {
  const r = spawnSync(VERIFIER, [file, caFile, String(n)], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  return { ok: r.status === 0 && /^OK: /m.test(out), out };
}

export async function samplePdf(pages = 2, title = 'Délibération n° 2026_042'): Promise<Buffer> {
  const w = await PdfWriter.create({
    title,
    commune: 'Commune de Saint-Benoît-sur-Loire',
    createdAt: new Date('2026-11-20T19:30:00Z'),
    header: `Commune de Saint-Benoît-sur-Loire — ${title}`,
  });
  w.heading(title, 15);
  for (let p = 0; p < pages; p++) {
    w.text(`Page de contenu ${p + 1}. `.repeat(120));
    if (p < pages - 1) w.newPage();
  }
  return Buffer.from(await w.save());
}

/** The DER CMS of the n-th signature (0-based, in file order), without the zero padding. */
export function extractCms(pdf: Buffer, n: number): { cms: Buffer; content: Buffer } {
  const re = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/g;
  const all = [...pdf.toString('latin1').matchAll(re)];
  const m = all[n];
  if (!m) throw new Error(`no signature #${n}`);
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = pdf.subarray(a + 1, b - 1).toString('latin1');
  const raw = Buffer.from(hex, 'hex');
  // DER length of the outer SEQUENCE
  const len =
    raw[1]! & 0x80
      ? raw.subarray(2, 2 + (raw[1]! & 0x7f)).reduce((x, y) => x * 256 + y, 0) + 2 + (raw[1]! & 0x7f)
      : raw[1]! + 2;
  return { cms: raw.subarray(0, len), content: Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + c)]) };
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest();

/** A Signer over the SoftHSM token for one test identity (logged-in session kept by the caller). */
export function testSigner(session: TokenSession, who: TestIdentity, pki: TestPki, pinEach?: string): Signer {
  const key = session.key(who.id);
  return {
    certificate: who.certDer,
    chain: [pki.caDer],
    signDigest: (d) => session.signDigest(key.handle, d, key.alwaysAuthenticate ? (pinEach ?? pki.pin) : undefined),
  };
}

export function openSession(
  pki: TestPki,
  module = pki.module,
): { token: Token; session: TokenSession; slotId: string } {
  const token = Token.open(module);
  const slotId = token.slots()[0]!.slotId;
  return { token, session: token.login(slotId, pki.pin), slotId };
}

export { hasTool };
