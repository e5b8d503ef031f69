/**
 * The séance de signature's preparation, as its own built entry (dist/bench/signing-prepare.js, issue 10): the
 * test token and PKI (node-forge), the house PDF writer and the 50 acts are made here, so the séance's process
 * (bench/signing-child.ts) never loads this code and its baseline memory is the signing path's alone.
 * `node dist/bench/signing-prepare.js [documents] [pages]` prints one JSON line: a SigningFixture, or
 * `{ "missing": reason }` when SoftHSM or its tools are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { createTestPki, softhsmMissing } from '../test-support/signing/pki';
import { samplePdf } from '../test-support/signing/pdf-tools';
import type { SigningFixture } from './signing';

/** The test token and the acts (in-<i>.pdf), written to disk. */
export async function prepareSigning(documents: number, pages: number): Promise<SigningFixture> {
  const pki = createTestPki();
  const dir = path.join(pki.dir, 'bench');
  fs.mkdirSync(dir);
  // one ten-page PDF from the house writer, then distinct copies (a new /Title each), so generation is not timed
  const base = await samplePdf(pages, 'Délibération');
  for (let i = 0; i < documents; i++) {
    const d = await PDFDocument.load(base);
    d.setTitle(`Délibération n° 2026_${String(i + 1).padStart(3, '0')}`);
    fs.writeFileSync(path.join(dir, `in-${i}.pdf`), await d.save({ useObjectStreams: false }));
  }
  const b64 = (b: Buffer) => b.toString('base64');
  return {
    dir,
    pkiDir: pki.dir,
    conf: pki.conf,
    module: pki.module,
    pin: pki.pin,
    label: pki.label,
    caDer: b64(pki.caDer),
    maire: { id: pki.maire.id, name: pki.maire.name, certDer: b64(pki.maire.certDer) },
    strangerName: pki.stranger.name,
    documents,
    pages,
  };
}

async function main(): Promise<void> {
  const [documents = 50, pages = 10] = process.argv
    .slice(2)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const missing = softhsmMissing();
  process.stdout.write(`${JSON.stringify(missing ? { missing } : await prepareSigning(documents, pages))}\n`);
}

main().catch((e) => {
  console.error(`bench signature (préparation) : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
