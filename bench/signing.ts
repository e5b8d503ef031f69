/**
 * Benchmark (issue 4): 50 ten-page PDFs signed in one session on SoftHSM, then poppler's
 * `pdfsig -add-signature` on the same PDFs with the same token, NSS loading SoftHSM through modutil
 * (signing.md §7). Wired into `npm run bench` by scripts/; prints nothing itself.
 * Issue 10 goals: Clocher's time per document ≤ 8× the token's raw signature (SHA-256 of the document + RSA-2048
 * through pkcs11js, measured in the same run on the same session), and a peak memory ≤ 100 MiB — measured in a
 * fresh process (scripts/bench.ts --signing-child), so the rest of the bench does not count.
 */
import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { signPdf } from '../main/signing/pades';
import { createTestPki, softhsmMissing } from '../test-support/signing/pki';
import { hasTool, openSession, samplePdf, testSigner } from '../test-support/signing/pdf-tools';

export interface SigningBench {
  documents: number;
  pages: number;
  clocher: { totalMs: number; perDocMs: number; loginMs: number };
  /** the token's raw signature: SHA-256 of the document + C_Sign RSA-2048, per document */
  raw: { perSignMs: number } | null;
  /** Clocher per document / raw signature (goal ≤ 8) */
  rawRatio: number | null;
  /** MiB: resident and V8 heap sampled after each signed document; processMaxRssMiB = getrusage peak of the whole child (PKI and PDFs prepared too) */
  memory: { peakRssMiB: number; peakHeapMiB: number; processMaxRssMiB: number; startRssMiB: number };
  poppler: { totalMs: number; perDocMs: number } | null;
  ratio: number | null; // poppler per doc / Clocher per doc
  note: string | null;
}

export async function benchSigning(documents = 50, pages = 10): Promise<SigningBench> {
  const startRss = process.memoryUsage().rss; // the process with its code loaded, before the séance
  const missing = softhsmMissing();
  if (missing) return { documents, pages, clocher: { totalMs: 0, perDocMs: 0, loginMs: 0 }, raw: null, rawRatio: null, memory: { peakRssMiB: 0, peakHeapMiB: 0, processMaxRssMiB: 0, startRssMiB: 0 }, poppler: null, ratio: null, note: missing };
  const pki = createTestPki();
  try {
    // one ten-page PDF from the house writer, then distinct copies (a new /Title each), so generation is not timed
    const base = await samplePdf(pages, 'Délibération');
    // one after the other, so that preparing the bench does not set the process's memory peak
    const pdfs: Buffer[] = [];
    for (let i = 0; i < documents; i++) {
      const d = await PDFDocument.load(base);
      d.setTitle(`Délibération n° 2026_${String(i + 1).padStart(3, '0')}`);
      pdfs.push(Buffer.from(await d.save({ useObjectStreams: false })));
    }
    const dir = path.join(pki.dir, 'bench');
    fs.mkdirSync(dir);
    pdfs.forEach((b, i) => fs.writeFileSync(path.join(dir, `in-${i}.pdf`), b));

    const t0 = performance.now();
    const { token, session } = openSession(pki);
    const loginMs = performance.now() - t0;
    const signer = testSigner(session, pki.maire, pki);
    let peakHeap = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    for (const [i, pdf] of pdfs.entries()) {
      const out = await signPdf(pdf, { signer, nom: pki.maire.name, qualite: 'Maire', reason: `Délibération ${i + 1}`, location: 'Saint-Benoît-sur-Loire', at: new Date(), expectedPrior: 0 });
      fs.writeFileSync(path.join(dir, `clocher-${i}.pdf`), out);
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }
    const totalMs = performance.now() - t0;
    const raw = { perSignMs: await rawSignatureMs(session, pki, pdfs) };
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
      // Without -etsi: with it, pdfsig 22.12 writes nothing when the key is on SoftHSM (adbe.pkcs7.detached instead,
      // the same work: hash, token RSA signature, CMS). pdfsig then signs, and crashes while NSS shuts SoftHSM down (SIGSEGV in C_CloseAllSessions, seen with
      // gdb): the signed file is complete. So a SIGSEGV counts only if the output exists and verifies.
      const p0 = performance.now();
      let crashedAtExit = 0;
      for (let i = 0; i < documents && !note; i++) {
        const out = path.join(dir, `poppler-${i}.pdf`);
        const r = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, '-nss-pwd', pki.pin, '-kpw', pki.pin, '-add-signature', '-nick', nick, path.join(dir, `in-${i}.pdf`), out], { stdio: 'pipe', env: process.env });
        if (r.status === 0) continue;
        if (r.signal === 'SIGSEGV' && fs.existsSync(out)) crashedAtExit++;
        else note = `pdfsig -add-signature a échoué (statut ${r.status ?? r.signal}; ${String(r.stderr ?? '').trim().slice(0, 200) || 'sans message'}) : comparaison avec poppler non mesurée`;
      }
      const pTotal = performance.now() - p0;
      if (!note) {
        const check = spawnSync('pdfsig', [path.join(dir, 'poppler-0.pdf')], { encoding: 'utf8' });
        if (!/Signature is Valid\./.test(check.stdout ?? '')) note = "la signature produite par pdfsig n'est pas valide : comparaison avec poppler non mesurée";
        else {
          poppler = { totalMs: pTotal, perDocMs: pTotal / documents };
          if (crashedAtExit) note = `pdfsig a planté à la fermeture de NSS pour ${crashedAtExit}/${documents} documents (bogue SoftHSM/NSS à l'arrêt), après avoir écrit un PDF signé valide`;
        }
      }
    } else note = 'pdfsig, modutil ou certutil absent : comparaison avec poppler ignorée';
    const clocher = { totalMs, perDocMs: totalMs / documents, loginMs };
    const memory = { peakRssMiB: peakRss / 2 ** 20, peakHeapMiB: peakHeap / 2 ** 20, processMaxRssMiB: process.resourceUsage().maxRSS / 1024, startRssMiB: startRss / 2 ** 20 };
    return { documents, pages, clocher, raw, rawRatio: clocher.perDocMs / raw.perSignMs, memory, poppler, ratio: poppler ? poppler.perDocMs / clocher.perDocMs : null, note };
  } finally {
    pki.cleanup();
  }
}

/** The floor: what the token itself costs per document (SHA-256 of the bytes, then C_Sign through pkcs11js). */
async function rawSignatureMs(session: ReturnType<typeof openSession>['session'], pki: ReturnType<typeof createTestPki>, pdfs: Buffer[]): Promise<number> {
  const key = session.key(pki.maire.id);
  const sign = (b: Buffer) => session.signDigest(key.handle, crypto.createHash('sha256').update(b).digest(), key.alwaysAuthenticate ? pki.pin : undefined);
  await sign(pdfs[0]!); // warm-up, as Clocher's first document paid it
  const t0 = performance.now();
  for (const pdf of pdfs) await sign(pdf);
  return (performance.now() - t0) / pdfs.length;
}
