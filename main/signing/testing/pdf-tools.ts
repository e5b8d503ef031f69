/** Test helpers: sample PDFs, the shared independent verifier, CMS extraction. */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PdfWriter } from '../../documents/pdf';
import type { Signer } from '../cms';
import { Token, type TokenSession } from '../token';
import type { TestIdentity, TestPki } from './pki';

export const VERIFIER = path.join(__dirname, '../../../../shared/tools/verify-pdf-signatures');
export const verifierMissing = (): string | null =>
  fs.existsSync(VERIFIER) ? null : `${VERIFIER} absent : vérification indépendante des PDF ignorée`;

/** Run the shared verifier (pdfsig + qpdf); `ok` only on its « OK: » verdict with exit code 0. */
export function verifyPdf(file: string, caFile: string, n: number): { ok: boolean; out: string } {
  const r = spawnSync(VERIFIER, [file, caFile, String(n)], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  return { ok: r.status === 0 && /^OK: /m.test(out), out };
}

export async function samplePdf(pages = 2, title = 'Délibération n° 2026_042'): Promise<Buffer> {
  const w = await PdfWriter.create({ title, commune: 'Commune de Saint-Benoît-sur-Loire', createdAt: new Date('2026-11-20T19:30:00Z'), header: `Commune de Saint-Benoît-sur-Loire — ${title}` });
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
  const len = raw[1]! & 0x80 ? raw.subarray(2, 2 + (raw[1]! & 0x7f)).reduce((x, y) => x * 256 + y, 0) + 2 + (raw[1]! & 0x7f) : raw[1]! + 2;
  return { cms: raw.subarray(0, len), content: Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + c)]) };
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest();

/** A Signer over the SoftHSM token for one test identity (logged-in session kept by the caller). */
export function testSigner(session: TokenSession, who: TestIdentity, pki: TestPki, pinEach?: string): Signer {
  const key = session.key(who.id);
  return { certificate: who.certDer, chain: [pki.caDer], signDigest: (d) => session.signDigest(key.handle, d, key.alwaysAuthenticate ? (pinEach ?? pki.pin) : undefined) };
}

export function openSession(pki: TestPki, module = pki.module): { token: Token; session: TokenSession; slotId: string } {
  const token = Token.open(module);
  const slotId = token.slots()[0]!.slotId;
  return { token, session: token.login(slotId, pki.pin), slotId };
}

export const hasTool = (t: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
