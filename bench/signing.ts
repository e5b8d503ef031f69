/**
 * Benchmark (issue 4): 50 ten-page PDFs signed in one session on SoftHSM, then poppler's
 * `pdfsig -add-signature` on the same PDFs with the same token, NSS loading SoftHSM through modutil
 * (signing.md §7). Wired into `npm run bench` by scripts/; prints nothing itself.
 * Issue 10 goals: Clocher's time per document ≤ 8× the token's raw signature (SHA-256 of the document + RSA-2048
 * through pkcs11js, measured in the same run on the same session), and a peak memory ≤ 100 MiB — measured in a
 * fresh process running only the séance (bench/signing-child.ts; the PKI and the acts are prepared by another,
 * bench/signing-prepare.ts, so this file imports only the signing path: no PKI, no PDF writer),
 * beside that process's baseline, so the rest of the bench does not count.
 */
import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { signPdf } from '../main/signing/pades';
import { Token } from '../main/signing/token';
import { hasTool } from '../test-support/support';

export interface SigningBench {
  documents: number;
  pages: number;
  /** cpuPerDocMs: CPU time of the process (SoftHSM's included) per act: what the machine's load does not change */
  clocher: { totalMs: number; perDocMs: number; loginMs: number; cpuPerDocMs: number };
  /** the token's raw signature: SHA-256 of the document + C_Sign RSA-2048, per document (wall and CPU time) */
  raw: { perSignMs: number; cpuPerSignMs: number } | null;
  /** Clocher per document / raw signature (goal ≤ 8), in wall time and in CPU time */
  rawRatio: number | null;
  cpuRatio: number | null;
  /**
   * MiB. peakRssMiB: resident memory of the process during the séance (sampled every 2 ms and after each act);
   * baseRssMiB: the same process just before the séance (code loaded, preparation collected); seanceRssMiB: what
   * the séance adds; startRssMiB: before the bench prepared anything; processMaxRssMiB: getrusage peak of the whole child
   */
  memory: {
    peakRssMiB: number;
    baseRssMiB: number;
    seanceRssMiB: number;
    peakHeapMiB: number;
    processMaxRssMiB: number;
    startRssMiB: number;
  };
  poppler: { totalMs: number; perDocMs: number } | null;
  ratio: number | null; // poppler per doc / Clocher per doc
  note: string | null;
}

/** What the preparation (bench/signing-prepare.ts) leaves on disk for the séance: the test token, the signatory, and the acts (in-<i>.pdf). */
export interface SigningFixture {
  dir: string;
  pkiDir: string;
  conf: string;
  module: string;
  pin: string;
  label: string;
  caDer: string; // base64
  maire: { id: string; name: string; certDer: string };
  strangerName: string;
  documents: number;
  pages: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The séance on a prepared fixture, then poppler beside it. Reads each act from disk, as Clocher reads it from
 * the document store. `settle`: a full garbage collection before the séance, when the caller can run one.
 */
export async function benchSigningSeance(f: SigningFixture, settle?: () => void): Promise<SigningBench> {
  const { documents, pages, dir } = f;
  const startRss = process.memoryUsage().rss;
  process.env.SOFTHSM2_CONF = f.conf; // SoftHSM reads it at C_Initialize
  const input = (i: number) => fs.readFileSync(path.join(dir, `in-${i}.pdf`));
  const certificate = Buffer.from(f.maire.certDer, 'base64');
  const chain = [Buffer.from(f.caDer, 'base64')];
  // The PDF libraries are a lazy vendor group (scripts/lazy-vendor.mjs): loaded here, before the baseline, as in
  // the core where the house writer has used them before any séance; the séance's time is then its acts'.
  if (typeof PDFDocument.load !== 'function') throw new Error('pdf-lib absent');
  settle?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 2); // rss() alone: memoryUsage() walks the heap

  const t0 = performance.now();
  const c0 = cpuMs();
  const token = Token.open(f.module);
  const session = token.login(token.slots()[0]!.slotId, f.pin);
  const loginMs = performance.now() - t0;
  const key = session.key(f.maire.id);
  const signDigest = (d: Buffer) => session.signDigest(key.handle, d, key.alwaysAuthenticate ? f.pin : undefined);
  const signer = { certificate, chain, signDigest };
  let peakHeap = process.memoryUsage().heapUsed;
  for (let i = 0; i < documents; i++) {
    const out = await signPdf(input(i), {
      signer,
      nom: f.maire.name,
      qualite: 'Maire',
      reason: `Délibération ${i + 1}`,
      location: 'Saint-Benoît-sur-Loire',
      at: new Date(),
      expectedPrior: 0,
    });
    fs.writeFileSync(path.join(dir, `clocher-${i}.pdf`), out);
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }
  const totalMs = performance.now() - t0;
  const cpuPerDocMs = (cpuMs() - c0) / documents;
  clearInterval(sampler);
  const raw = await rawSignatureMs(
    signDigest,
    Array.from({ length: documents }, (_, i) => input(i)),
  );
  session.logout();
  token.close();

  let poppler: SigningBench['poppler'] = null;
  let note: string | null = null;
  if (hasTool('pdfsig') && hasTool('modutil') && hasTool('certutil')) {
    const nss = path.join(dir, 'nssdb');
    fs.mkdirSync(nss);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'], { stdio: 'ignore' });
    execFileSync('modutil', ['-dbdir', `sql:${nss}`, '-add', 'softhsm', '-libfile', f.module, '-force'], {
      stdio: 'ignore',
      env: process.env,
    });
    const nick = `${f.label}:${f.strangerName}`; // the only CN held once on the token
    // Without -etsi: with it, pdfsig 22.12 writes nothing when the key is on SoftHSM (adbe.pkcs7.detached instead,
    // the same work: hash, token RSA signature, CMS). pdfsig then signs, and crashes while NSS shuts SoftHSM down (SIGSEGV in C_CloseAllSessions, seen with
    // gdb): the signed file is complete. So a SIGSEGV counts only if the output exists and verifies.
    const p0 = performance.now();
    let crashedAtExit = 0;
    for (let i = 0; i < documents && !note; i++) {
      const out = path.join(dir, `poppler-${i}.pdf`);
      const r = spawnSync(
        'pdfsig',
        [
          '-nssdir',
          `sql:${nss}`,
          '-nss-pwd',
          f.pin,
          '-kpw',
          f.pin,
          '-add-signature',
          '-nick',
          nick,
          path.join(dir, `in-${i}.pdf`),
          out,
        ],
        { stdio: 'pipe', env: process.env },
      );
      if (r.status === 0) continue;
      if (r.signal === 'SIGSEGV' && fs.existsSync(out)) crashedAtExit++;
      else
        note = `pdfsig -add-signature a échoué (statut ${r.status ?? r.signal}; ${
          String(r.stderr ?? '')
            .trim()
            .slice(0, 200) || 'sans message'
        }) : comparaison avec poppler non mesurée`;
    }
    const pTotal = performance.now() - p0;
    if (!note) {
      const check = spawnSync('pdfsig', [path.join(dir, 'poppler-0.pdf')], { encoding: 'utf8' });
      if (!/Signature is Valid\./.test(check.stdout ?? ''))
        note = "la signature produite par pdfsig n'est pas valide : comparaison avec poppler non mesurée";
      else {
        poppler = { totalMs: pTotal, perDocMs: pTotal / documents };
        if (crashedAtExit)
          note = `pdfsig a planté à la fermeture de NSS pour ${crashedAtExit}/${documents} documents (bogue SoftHSM/NSS à l'arrêt), après avoir écrit un PDF signé valide`;
      }
    }
  } else note = 'pdfsig, modutil ou certutil absent : comparaison avec poppler ignorée';
  const clocher = { totalMs, perDocMs: totalMs / documents, loginMs, cpuPerDocMs };
  const mib = (b: number) => b / 2 ** 20;
  const memory = {
    peakRssMiB: mib(peakRss),
    baseRssMiB: mib(baseRss),
    seanceRssMiB: mib(peakRss - baseRss),
    peakHeapMiB: mib(peakHeap),
    processMaxRssMiB: process.resourceUsage().maxRSS / 1024,
    startRssMiB: mib(startRss),
  };
  return {
    documents,
    pages,
    clocher,
    raw,
    rawRatio: clocher.perDocMs / raw.perSignMs,
    cpuRatio: cpuPerDocMs / raw.cpuPerSignMs,
    memory,
    poppler,
    ratio: poppler ? poppler.perDocMs / clocher.perDocMs : null,
    note,
  };
}

export const skipped = (documents: number, pages: number, note: string): SigningBench => ({
  documents,
  pages,
  clocher: { totalMs: 0, perDocMs: 0, loginMs: 0, cpuPerDocMs: 0 },
  raw: null,
  rawRatio: null,
  cpuRatio: null,
  memory: { peakRssMiB: 0, baseRssMiB: 0, seanceRssMiB: 0, peakHeapMiB: 0, processMaxRssMiB: 0, startRssMiB: 0 },
  poppler: null,
  ratio: null,
  note,
});

/** The floor: what the token itself costs per document (SHA-256 of the bytes, then C_Sign through pkcs11js), wall and CPU time. */
async function rawSignatureMs(
  signDigest: (d: Buffer) => Promise<Buffer>,
  pdfs: Buffer[],
): Promise<{ perSignMs: number; cpuPerSignMs: number }> {
  const sign = (b: Buffer) => signDigest(crypto.createHash('sha256').update(b).digest());
  await sign(pdfs[0]!); // warm-up, as Clocher's first document paid it
  const t0 = performance.now();
  const c0 = cpuMs();
  for (const pdf of pdfs) await sign(pdf);
  return { perSignMs: (performance.now() - t0) / pdfs.length, cpuPerSignMs: (cpuMs() - c0) / pdfs.length };
}
