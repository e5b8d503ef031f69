import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFContext,
} from '@cantoo/pdf-lib';

/**
 * Our own structural check of an uploaded PDF (ISO 32000-1 §7.5), because pdf-lib's loader is lenient: it
 * scans objects one after the other, ignores the cross-reference table, skips garbage and even guesses the
 * catalog. A file cut in the middle of a copy can still « load » there, then fail at the préfecture or in a
 * signature. Here the trailer must be whole and every cross-reference section must point at real objects.
 */
export const TRUNCATED =
  "ce PDF est incomplet (sa fin manque) : il a sans doute été coupé pendant une copie ou un téléchargement. Enregistrez-le à nouveau depuis l'original, puis recommencez.";
export const BAD_XREF =
  'ce PDF est endommagé (sa table des objets ne correspond pas à son contenu). Ouvrez-le et enregistrez-le à nouveau (« Imprimer » vers PDF), ou scannez à nouveau le document.';
export const NO_CATALOG =
  'ce PDF est endommagé (son sommaire interne est introuvable). Enregistrez-le à nouveau depuis l’original, ou scannez à nouveau le document.';

const latin1 = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, Math.min(to, b.byteLength) - from)).toString('latin1');

/** Before any parsing: `%PDF-` header (§7.5.2), `%%EOF` in the last 1024 bytes and a `startxref` offset inside the file (§7.5.5). */
export function tailProblem(bytes: Uint8Array): string | null {
  const tail = latin1(bytes, Math.max(0, bytes.byteLength - 1024), bytes.byteLength);
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) return TRUNCATED;
  const m = /startxref\s+(\d+)\s+$/.exec(tail.slice(0, eof));
  if (!m) return TRUNCATED;
  return Number(m[1]) < bytes.byteLength ? null : TRUNCATED;
}

/** Offset of the last cross-reference section, from the trailer (tailProblem must have passed). */
export function startXref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.byteLength - 1024), bytes.byteLength);
  return Number(/startxref\s+(\d+)\s+$/.exec(tail.slice(0, tail.lastIndexOf('%%EOF')))![1]);
}

interface Section {
  root: PDFRef | null;
  prev: number | null;
  xrefStm: number | null;
}

const objectAt = (bytes: Uint8Array, offset: number) =>
  /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, offset, offset + 48));

/** An in-use entry must point at the header `num gen obj` of that very object (§7.5.4). */
function entryOk(bytes: Uint8Array, num: number, gen: number, offset: number): boolean {
  const m = objectAt(bytes, offset);
  return !!m && Number(m[1]) === num && Number(m[2]) === gen;
}

/** A classic `xref` table and its `trailer` dictionary (§7.5.4, §7.5.5). */
function tableSection(bytes: Uint8Array, offset: number): Section | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.indexOf('trailer', offset, 'latin1');
  if (end < 0) return null;
  const tokens = latin1(bytes, offset, end).trim().split(/\s+/);
  if (tokens[0] !== 'xref') return null;
  let t = 1;
  while (t < tokens.length) {
    const first = Number(tokens[t]);
    const count = Number(tokens[t + 1]);
    t += 2;
    if (!Number.isInteger(first) || !Number.isInteger(count) || tokens.length < t + count * 3) return null;
    for (let i = 0; i < count; i++, t += 3) {
      const [off = '', gen = '', kind] = [tokens[t], tokens[t + 1], tokens[t + 2]];
      if (!/^\d+$/.test(off) || !/^\d+$/.test(gen) || (kind !== 'n' && kind !== 'f')) return null;
      if (kind === 'n' && !entryOk(bytes, first + i, Number(gen), Number(off))) return null;
    }
  }
  const stop = buf.indexOf('startxref', end, 'latin1');
  const trailer = latin1(bytes, end, stop < 0 ? end + 65536 : stop);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const prev = /\/Prev\s+(\d+)/.exec(trailer);
  const stm = /\/XRefStm\s+(\d+)/.exec(trailer);
  return {
    root: root ? PDFRef.of(Number(root[1]), Number(root[2])) : null,
    prev: prev ? Number(prev[1]) : null,
    xrefStm: stm ? Number(stm[1]) : null,
  };
}

const num = (d: PDFDict, key: string) => {
  const v = d.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : null;
};

/**
 * Undo the PNG predictor (§7.4.4.4, PNG filter types 0–4, one byte per sample) that writers put on xref
 * streams; pdf-lib's decoder does not. Null for a predictor we do not know (TIFF), or a malformed row.
 */
function unpredict(data: Uint8Array, parms: unknown): Uint8Array | null {
  const predictor = parms instanceof PDFDict ? (num(parms, 'Predictor') ?? 1) : 1;
  if (predictor === 1) return data;
  if (predictor < 10) return null;
  const cols = (parms instanceof PDFDict ? num(parms, 'Columns') : null) ?? 1;
  const out = new Uint8Array(Math.floor(data.length / (cols + 1)) * cols);
  for (let row = 0; (row + 1) * (cols + 1) <= data.length; row++) {
    const type = data[row * (cols + 1)];
    for (let i = 0; i < cols; i++) {
      const x = data[row * (cols + 1) + 1 + i] ?? 0;
      const a = i > 0 ? (out[row * cols + i - 1] ?? 0) : 0;
      const b = row > 0 ? (out[(row - 1) * cols + i] ?? 0) : 0;
      const c = i > 0 && row > 0 ? (out[(row - 1) * cols + i - 1] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][type ?? 5];
      if (pred === undefined) return null;
      out[row * cols + i] = (x + pred) & 0xff;
    }
  }
  return out;
}

/** A cross-reference stream (§7.5.8), decoded by pdf-lib but checked entry by entry here. */
function streamSection(bytes: Uint8Array, offset: number, ctx: PDFContext): Section | null {
  const m = objectAt(bytes, offset);
  if (!m) return null;
  const stream = ctx.lookup(PDFRef.of(Number(m[1]), Number(m[2])));
  if (!(stream instanceof PDFRawStream) || stream.dict.lookup(PDFName.of('Type')) !== PDFName.of('XRef')) return null;
  const w = stream.dict.lookup(PDFName.of('W'));
  const size = num(stream.dict, 'Size');
  if (!(w instanceof PDFArray) || w.size() !== 3 || size === null) return null;
  const widths = w.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : -1));
  if (widths.some((x) => x < 0 || x > 8)) return null;
  const index = stream.dict.lookup(PDFName.of('Index'));
  const ranges =
    index instanceof PDFArray ? index.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : -1)) : [0, size];
  let data: Uint8Array | null;
  try {
    data = unpredict(decodePDFRawStream(stream).decode(), stream.dict.lookup(PDFName.of('DecodeParms')));
  } catch {
    return null;
  }
  if (!data) return null;
  const field = (at: number, width: number, dflt: number) => {
    if (width === 0) return dflt;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[at + i] ?? 0);
    return v;
  };
  const [w0 = 0, w1 = 0, w2 = 0] = widths;
  let at = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const [first = -1, count = -1] = [ranges[r], ranges[r + 1]];
    if (first < 0 || count < 0) return null;
    for (let i = 0; i < count; i++, at += w0 + w1 + w2) {
      if (at + w0 + w1 + w2 > data.length) return null;
      const type = field(at, w0, 1);
      const f2 = field(at + w0, w1, 0);
      const f3 = field(at + w0 + w1, w2, 0);
      if (type === 1 && !entryOk(bytes, first + i, f3, f2)) return null;
      if (type === 2 && !(ctx.lookup(PDFRef.of(f2)) instanceof PDFRawStream)) return null;
    }
  }
  const root = stream.dict.get(PDFName.of('Root'));
  return { root: root instanceof PDFRef ? root : null, prev: num(stream.dict, 'Prev'), xrefStm: null };
}

/**
 * Walk the chain of cross-reference sections from `startxref` through every `/Prev` (incremental updates:
 * each signature adds one, §7.5.6) and check the catalog the trailer names is the one pdf-lib uses.
 */
export function xrefProblem(bytes: Uint8Array, ctx: PDFContext): string | null {
  const seen = new Set<number>();
  const todo = [startXref(bytes)];
  let root: PDFRef | null = null;
  while (todo.length) {
    const offset = todo.shift()!;
    if (seen.has(offset)) continue;
    if (seen.size > 10_000 || offset >= bytes.byteLength) return BAD_XREF;
    seen.add(offset);
    const isTable = /^\s*xref\b/.test(latin1(bytes, offset, offset + 16));
    const s = isTable ? tableSection(bytes, offset) : streamSection(bytes, offset, ctx);
    if (!s) return BAD_XREF;
    root ??= s.root;
    if (s.xrefStm !== null) todo.push(s.xrefStm);
    if (s.prev !== null) todo.push(s.prev);
  }
  const catalog = root ? ctx.lookup(root) : null;
  if (!root || !(catalog instanceof PDFDict) || catalog.lookup(PDFName.of('Type')) !== PDFName.of('Catalog'))
    return NO_CATALOG;
  // pdf-lib silently swaps in another catalog when the trailer's is not one (maybeRecoverRoot): refuse that.
  return ctx.trailerInfo.Root === root ? null : NO_CATALOG;
}
