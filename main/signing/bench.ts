/**
 * Benchmark (issue 4): 50 ten-page PDFs signed in one session on SoftHSM, then poppler's
 * `pdfsig -add-signature` on the same PDFs with the same token, NSS loading SoftHSM through modutil
 * (signing.md §7). Wired into `npm run bench` by scripts/; prints nothing itself.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { signPdf } from './pades';
import { createTestPki, softhsmMissing } from './testing/pki';
import { hasTool, openSession, samplePdf, testSigner } from './testing/pdf-tools';

export interface SigningBench {
  documents: number;
  pages: number;
  clocher: { totalMs: number; perDocMs: number; loginMs: number };
  poppler: { totalMs: number; perDocMs: number } | null;
  ratio: number | null; // poppler per doc / Clocher per doc
  note: string | null;
}

export async function benchSigning(documents = 50, pages = 10): Promise<SigningBench> {
  const missing = softhsmMissing();
  if (missing) return { documents, pages, clocher: { totalMs: 0, perDocMs: 0, loginMs: 0 }, poppler: null, ratio: null, note: missing };
  const pki = createTestPki();
  try {
    // one ten-page PDF from the house writer, then distinct copies (a new /Title each), so generation is not timed
    const base = await samplePdf(pages, 'Délibération');
    const pdfs = await Promise.all(
      Array.from({ length: documents }, async (_, i) => {
        const d = await PDFDocument.load(base);
        d.setTitle(`Délibération n° 2026_${String(i + 1).padStart(3, '0')}`);
        return Buffer.from(await d.save({ useObjectStreams: false }));
      }),
    );
    const dir = path.join(pki.dir, 'bench');
    fs.mkdirSync(dir);
    pdfs.forEach((b, i) => fs.writeFileSync(path.join(dir, `in-${i}.pdf`), b));

    const t0 = performance.now();
    const { token, session } = openSession(pki);
    const loginMs = performance.now() - t0;
    const signer = testSigner(session, pki.maire, pki);
    for (const [i, pdf] of pdfs.entries()) {
      const out = await signPdf(pdf, { signer, nom: pki.maire.name, qualite: 'Maire', reason: `Délibération ${i + 1}`, location: 'Saint-Benoît-sur-Loire', at: new Date(), expectedPrior: 0 });
      fs.writeFileSync(path.join(dir, `clocher-${i}.pdf`), out);
    }
    const totalMs = performance.now() - t0;
    session.logout();
    token.close();

    let poppler: SigningBench['poppler'] = null;
    let note: string | null = null;
    if (hasTool('pdfsig') && hasTool('modutil') && hasTool('certutil')) {
      const nss = path.join(dir, 'nssdb');
      fs.mkdirSync(nss);
      execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'], { stdio: 'ignore' });
      execFileSync('modutil', ['-dbdir', `sql:${nss}`, '-add', 'softhsm', '-libfile', pki.module, '-force'], { stdio: 'ignore', env: process.env });
      const nick = `${pki.label}:${pki.stranger.name}`; // the only CN held once on the token
      const p0 = performance.now();
      try {
        for (let i = 0; i < documents; i++)
          execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, '-nss-pwd', pki.pin, '-kpw', pki.pin, '-etsi', '-add-signature', '-nick', nick, path.join(dir, `in-${i}.pdf`), path.join(dir, `poppler-${i}.pdf`)], { stdio: 'pipe', env: process.env });
        const pTotal = performance.now() - p0;
        poppler = { totalMs: pTotal, perDocMs: pTotal / documents };
      } catch (e) {
        const r = e as { status?: number; signal?: string; stderr?: Buffer };
        note = `pdfsig -add-signature a échoué (statut ${r.status ?? r.signal}; ${String(r.stderr ?? '').trim().slice(0, 200) || 'sans message'}) : comparaison avec poppler non mesurée`;
      }
    } else note = 'pdfsig, modutil ou certutil absent : comparaison avec poppler ignorée';
    const clocher = { totalMs, perDocMs: totalMs / documents, loginMs };
    return { documents, pages, clocher, poppler, ratio: poppler ? poppler.perDocMs / clocher.perDocMs : null, note };
  } finally {
    pki.cleanup();
  }
}
