/**
 * The same act in the cross-reference forms a signer meets (issue 10: the fast incremental-update path):
 * classic table (Clocher's house writer), pdf-lib's object streams and xref stream, qpdf's object streams with
 * a PNG-predicted xref stream, a linearized file, and a hybrid-reference file (ISO 32000-1 §7.5.8.4).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';

/** pdf-lib's object streams: an xref stream, most objects packed in /ObjStm (no predictor). */
export async function withObjectStreams(pdf: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** A file rewritten by qpdf with its arguments (e.g. --object-streams=generate, --linearize). */
export function qpdf(pdf: Uint8Array, ...args: string[]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-qpdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', [...args, path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return fs.readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A hybrid-reference file: an update whose classic trailer carries /XRefStm, pointing at a cross-reference
 * stream (here listing itself) that PDF 1.5 readers consult beside the table (§7.5.8.4).
 */
export function hybrid(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const n = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1]!;
  const streamAt = pdf.length + 1;
  const head = `\n${n} 0 obj\n<< /Type /XRef /Size ${n + 1} /W [1 4 2] /Index [${n} 1] /Root ${root} /Length 7 >>\nstream\n`;
  const entry = Buffer.alloc(7);
  entry[0] = 1;
  entry.writeUInt32BE(streamAt, 1);
  const end = '\nendstream\nendobj\n';
  const xrefAt = pdf.length + head.length + entry.length + end.length;
  const table =
    `xref\n0 1\n0000000000 65535 f \n${n} 1\n${String(streamAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${n + 1} /Root ${root} /Prev ${prev} /XRefStm ${streamAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(head, 'latin1'), entry, Buffer.from(end + table, 'latin1')]);
}

/** qpdf --check: exit 0 and no warning (it exits 3 on a repaired cross-reference). */
export function qpdfCheck(file: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('qpdf', ['--check', file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${x.stdout ?? ''}${x.stderr ?? ''}` };
  }
}
