/**
 * An incremental update written after the original bytes (ISO 32000-1 §7.5.6): the new and changed objects,
 * then a cross-reference section for them alone with /Prev to the previous one, the trailer, startxref and
 * %%EOF. After a file whose last section is a cross-reference stream the update's section is one too
 * (§7.5.8.4: a PDF 1.5 file's updates keep its form); otherwise a classic table (§7.5.4), as pdf-lib writes.
 * The original bytes are copied untouched, so an earlier signature stays valid (signing.md §3).
 */
import zlib from 'node:zlib';
import { PDFName, type PDFDict, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';

export interface UpdateBase {
  /** offset of the original's last cross-reference section (its startxref): the update's /Prev */
  startxref: number;
  /** the original's /Size: the update's objects are numbered from it */
  size: number;
  /** the original's last trailer, whose /Root, /Info and /ID the update repeats (§7.5.6) */
  trailer: PDFDict;
  xrefStream: boolean;
}

interface Placed {
  ref: PDFRef;
  obj: PDFObject;
  head: string;
  offset: number;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** The original followed by one update holding `objects` (each written once, in object-number order). */
export function appendUpdate(original: Uint8Array, objects: [PDFRef, PDFObject][], base: UpdateBase): Buffer {
  const sorted = [...objects].sort((a, b) => a[0].objectNumber - b[0].objectNumber);
  let at = original.length + 1; // the update starts on a new line
  const placed: Placed[] = sorted.map(([ref, obj]) => {
    const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    const p = { ref, obj, head, offset: at };
    at += head.length + obj.sizeInBytes() + '\nendobj\n'.length;
    return p;
  });
  const maxObject = Math.max(base.size - 1, ...sorted.map(([r]) => r.objectNumber));
  const tail = base.xrefStream
    ? xrefStream(placed, base, maxObject + 1, at)
    : xrefTable(placed, base, maxObject + 1, at);
  const out = Buffer.allocUnsafe(at + tail.length);
  out.set(original, 0);
  out[original.length] = 0x0a;
  for (const p of placed) {
    let i = p.offset + out.write(p.head, p.offset, 'latin1');
    i += p.obj.copyBytesInto(out, i);
    out.write('\nendobj\n', i, 'latin1');
  }
  out.set(tail, at);
  return out;
}

/** The trailer entries an update repeats (§7.5.6), without /Size; never /Encrypt (an encrypted file is not read here). */
function carried(base: UpdateBase): string {
  return ['Root', 'Info', 'ID']
    .map((k) => [k, base.trailer.get(PDFName.of(k))] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `/${k} ${v!.toString()}`)
    .join(' ');
}

/** Consecutive object numbers, grouped: [first, entries] (§7.5.4 subsections, §7.5.8.2 /Index). */
function groups<T extends { ref: PDFRef }>(items: T[]): [number, T[]][] {
  const out: [number, T[]][] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1].length === it.ref.objectNumber) last[1].push(it);
    else out.push([it.ref.objectNumber, [it]]);
  }
  return out;
}

/** A classic table (20-byte entries), the trailer, startxref and %%EOF. */
function xrefTable(placed: Placed[], base: UpdateBase, size: number, at: number): Buffer {
  const lines = ['xref', '0 1', '0000000000 65535 f '];
  for (const [first, items] of groups(placed)) {
    lines.push(`${first} ${items.length}`);
    for (const p of items)
      lines.push(`${String(p.offset).padStart(10, '0')} ${String(p.ref.generationNumber).padStart(5, '0')} n `);
  }
  const trailer = `trailer\n<< /Size ${size} ${carried(base)} /Prev ${base.startxref} >>`;
  return latin1(`${lines.join('\n')}\n${trailer}\nstartxref\n${at}\n%%EOF\n`);
}

/** A cross-reference stream numbered `size` listing the update's objects and itself (§7.5.8), startxref, %%EOF. */
function xrefStream(placed: Placed[], base: UpdateBase, size: number, at: number): Buffer {
  const self = { ref: { objectNumber: size, generationNumber: 0 } as PDFRef, offset: at };
  const rows = [...placed, self];
  const w = Math.max(4, Math.ceil(Math.log2(at + 1) / 8)); // bytes for the largest offset
  const data = Buffer.alloc(rows.length * (1 + w + 2));
  rows.forEach((r, k) => {
    const p = k * (1 + w + 2);
    data[p] = 1;
    data.writeUIntBE(r.offset, p + 1, w);
    data.writeUInt16BE(r.ref.generationNumber, p + 1 + w);
  });
  const body = zlib.deflateSync(data);
  const index = groups(rows)
    .map(([first, items]) => `${first} ${items.length}`)
    .join(' ');
  const dict = `<< /Type /XRef /Size ${size + 1} /W [1 ${w} 2] /Index [${index}] ${carried(base)} /Prev ${base.startxref} /Filter /FlateDecode /Length ${body.length} >>`;
  return Buffer.concat([
    latin1(`${size} 0 obj\n${dict}\nstream\n`),
    body,
    latin1(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`),
  ]);
}
