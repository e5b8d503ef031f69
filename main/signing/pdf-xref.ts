/**
 * The cross-reference sections of a PDF, read without parsing its objects (issue 10: an act is signed by
 * incremental update without pdf-lib's full parse). ISO 32000-1 §7.5.4 (classic table), §7.5.5 (trailer),
 * §7.5.6 (incremental updates, /Prev), §7.5.8 (cross-reference streams, /W /Index, PNG predictors §7.4.4.4).
 * Anything unusual throws Unreadable; the signer then falls back to the full parse (pades.ts), which keeps
 * today's French messages for a corrupt or encrypted file.
 */
import zlib from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFContext,
  type PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { Tokens, Unreadable } from './pdf-tokens';

export { Unreadable };

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'packed'; stream: number; index: number };

export interface XrefSection {
  /** the trailer dictionary (for a cross-reference stream, its own dictionary) */
  trailer: PDFDict;
  isStream: boolean;
  /** what this section says of object n, or undefined when it says nothing */
  entry(n: number): XrefEntry | undefined;
  /** the highest object number it lists (checked against /Size: new objects must not collide) */
  maxObject: number;
}

const MAX_SECTIONS = 64; // a signed act has one section per signature; a loop of /Prev ends here
const isWs = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

export function skipWs(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWs(bytes[i])) i++;
  return i;
}

/** A non-negative integer at i: [value, index after it]. */
export function readInt(bytes: Uint8Array, i: number): [number, number] {
  if (!isDigit(bytes[i])) throw new Unreadable(`integer expected at ${i}`);
  let v = 0;
  while (isDigit(bytes[i])) v = v * 10 + bytes[i++]! - 0x30;
  if (!Number.isSafeInteger(v)) throw new Unreadable(`integer too large at ${i}`);
  return [v, i];
}

export function expectKeyword(bytes: Uint8Array, i: number, word: string): number {
  for (let k = 0; k < word.length; k++)
    if (bytes[i + k] !== word.charCodeAt(k)) throw new Unreadable(`${word} expected`);
  return i + word.length;
}

/** One object parsed from its bytes at i (pdf-tokens.ts): nothing else of the file is read. */
export function parseAt(bytes: Uint8Array, i: number, ctx: PDFContext, lengthOf?: (ref: PDFRef) => number): PDFObject {
  return new Tokens(bytes, i, ctx, lengthOf).object();
}

/** `N G obj` at i, checked against the expected object; returns the index after `obj`. */
export function objectHeader(bytes: Uint8Array, i: number, num: number, gen: number): number {
  const [n, a] = readInt(bytes, skipWs(bytes, i));
  const [g, b] = readInt(bytes, skipWs(bytes, a));
  if (n !== num || g !== gen) throw new Unreadable(`object ${num} ${gen} expected at ${i}, found ${n} ${g}`);
  return expectKeyword(bytes, skipWs(bytes, b), 'obj');
}

/** The offset given by the last `startxref` (§7.5.5). */
export function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(Math.max(0, bytes.length - 1024));
  const at = tail.lastIndexOf('startxref');
  if (at < 0 || tail.indexOf('%%EOF', at) < 0) throw new Unreadable('no startxref');
  return readInt(tail, skipWs(tail, at + 'startxref'.length))[0];
}

/** A classic table: subsection headers read now, each 20-byte entry only when asked for (§7.5.4). */
function classicSection(bytes: Uint8Array, at: number, ctx: PDFContext): XrefSection {
  let i = skipWs(bytes, expectKeyword(bytes, at, 'xref'));
  const subs: { first: number; count: number; pos: number }[] = [];
  let maxObject = 0;
  while (isDigit(bytes[i])) {
    const [first, a] = readInt(bytes, i);
    const [count, b] = readInt(bytes, skipWs(bytes, a));
    const pos = skipWs(bytes, b);
    subs.push({ first, count, pos });
    if (count > 0) maxObject = Math.max(maxObject, first + count - 1);
    i = skipWs(bytes, pos + count * 20); // each entry is exactly 20 bytes: a 19-byte table lands off and fails below
  }
  const trailer = parseAt(bytes, skipWs(bytes, expectKeyword(bytes, i, 'trailer')), ctx);
  if (!(trailer instanceof PDFDict)) throw new Unreadable('trailer is not a dictionary');
  const entry = (n: number): XrefEntry | undefined => {
    const s = subs.find((x) => n >= x.first && n < x.first + x.count);
    if (!s) return undefined;
    const p = s.pos + (n - s.first) * 20;
    const type = bytes[p + 17];
    if (bytes[p + 10] !== 0x20 || bytes[p + 16] !== 0x20 || !isWs(bytes[p + 18]) || !isWs(bytes[p + 19]))
      throw new Unreadable(`malformed xref entry for ${n}`);
    const [offset, e1] = readInt(bytes, p);
    const [gen, e2] = readInt(bytes, p + 11);
    if (e1 !== p + 10 || e2 !== p + 16) throw new Unreadable(`malformed xref entry for ${n}`);
    if (type === 0x66) return { kind: 'free' }; // f
    if (type !== 0x6e) throw new Unreadable(`malformed xref entry for ${n}`); // n
    return { kind: 'offset', offset, gen };
  };
  return { trailer, isStream: false, entry, maxObject };
}

const num = (d: PDFDict, key: string): number | undefined => {
  const v = d.get(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
};

/** A stream's decoded bytes: no filter or /FlateDecode, with an optional PNG predictor (§7.4.4.4). */
export function decodeStream(s: PDFRawStream, deref: (o: PDFObject | undefined) => PDFObject | undefined): Uint8Array {
  let filter = deref(s.dict.get(PDFName.of('Filter')));
  let params = deref(s.dict.get(PDFName.of('DecodeParms')));
  if (filter instanceof PDFArray && filter.size() === 1) {
    filter = deref(filter.get(0));
    params = params instanceof PDFArray ? deref(params.get(0)) : params;
  }
  if (filter !== undefined && filter !== PDFName.of('FlateDecode')) throw new Unreadable('unsupported filter');
  let data: Uint8Array;
  try {
    data = filter ? zlib.inflateSync(s.contents) : s.contents;
  } catch {
    throw new Unreadable('bad Flate data');
  }
  if (params === undefined) return data;
  if (!(params instanceof PDFDict)) throw new Unreadable('bad DecodeParms');
  const predictor = num(params, 'Predictor') ?? 1;
  if (predictor === 1) return data;
  const colors = num(params, 'Colors') ?? 1;
  const bpc = num(params, 'BitsPerComponent') ?? 8;
  const columns = num(params, 'Columns') ?? 1;
  if (predictor < 10 || bpc !== 8 || colors < 1 || columns < 1) throw new Unreadable('unsupported predictor');
  return unpredictPng(data, colors * columns, colors);
}

/** Undo the PNG row filters (None, Sub, Up, Average, Paeth), one filter byte before each row. */
function unpredictPng(data: Uint8Array, rowLength: number, bpp: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const at = r * rowLength;
    for (let c = 0; c < rowLength; c++) {
      const left = c >= bpp ? out[at + c - bpp]! : 0;
      const up = r > 0 ? out[at + c - rowLength]! : 0;
      const upLeft = r > 0 && c >= bpp ? out[at + c - rowLength - bpp]! : 0;
      const x = data[src + c]!;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + left;
      else if (filter === 2) v = x + up;
      else if (filter === 3) v = x + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new Unreadable('bad PNG row filter');
      out[at + c] = v & 0xff;
    }
  }
  return out;
}

/** A cross-reference stream (§7.5.8): its dictionary is the trailer; entries read from /W and /Index. */
function streamSection(bytes: Uint8Array, at: number, ctx: PDFContext): XrefSection {
  const [n, a] = readInt(bytes, skipWs(bytes, at));
  const [g] = readInt(bytes, skipWs(bytes, a));
  const obj = parseAt(bytes, objectHeader(bytes, at, n, g), ctx);
  if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Type')) !== PDFName.of('XRef'))
    throw new Unreadable('not a cross-reference stream');
  const direct = (o: PDFObject | undefined) => o; // §7.5.8.2: the values of an xref stream's dictionary are direct
  const data = decodeStream(obj, direct);
  const wArr = obj.dict.get(PDFName.of('W'));
  const w = wArr instanceof PDFArray && wArr.size() === 3 ? [0, 1, 2].map((k) => wArr.get(k)) : [];
  if (!w.every((x) => x instanceof PDFNumber)) throw new Unreadable('bad /W');
  const [w0, w1, w2] = w.map((x) => (x as PDFNumber).asNumber()) as [number, number, number];
  const rowLen = w0 + w1 + w2;
  if ([w0, w1, w2].some((x) => !Number.isInteger(x) || x < 0 || x > 8) || rowLen === 0) throw new Unreadable('bad /W');
  const size = num(obj.dict, 'Size');
  if (size === undefined) throw new Unreadable('xref stream without /Size');
  const idx = obj.dict.get(PDFName.of('Index'));
  const ranges: { first: number; count: number; row: number }[] = [];
  let row = 0;
  let maxObject = 0;
  const pairs =
    idx instanceof PDFArray ? idx.asArray() : idx === undefined ? [PDFNumber.of(0), PDFNumber.of(size)] : [];
  if (pairs.length % 2 || pairs.length === 0 || !pairs.every((p) => p instanceof PDFNumber))
    throw new Unreadable('bad /Index');
  for (let k = 0; k < pairs.length; k += 2) {
    const first = (pairs[k] as PDFNumber).asNumber();
    const count = (pairs[k + 1] as PDFNumber).asNumber();
    ranges.push({ first, count, row });
    row += count;
    if (count > 0) maxObject = Math.max(maxObject, first + count - 1);
  }
  if (row * rowLen > data.length) throw new Unreadable('xref stream too short');
  const field = (p: number, width: number) => {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 256 + data[p + k]!;
    return v;
  };
  const entry = (objNum: number): XrefEntry | undefined => {
    const r = ranges.find((x) => objNum >= x.first && objNum < x.first + x.count);
    if (!r) return undefined;
    const p = (r.row + objNum - r.first) * rowLen;
    const type = w0 === 0 ? 1 : field(p, w0);
    const f1 = field(p + w0, w1);
    const f2 = field(p + w0 + w1, w2);
    if (type === 1) return { kind: 'offset', offset: f1, gen: f2 };
    if (type === 2) return { kind: 'packed', stream: f1, index: f2 };
    return { kind: 'free' }; // type 0, or an unknown type: a reference to the null object (§7.5.8.3)
  };
  return { trailer: obj.dict, isStream: true, entry, maxObject };
}

/**
 * Every cross-reference section of the file, newest first, following /Prev (§7.5.6). Only the section headers
 * are read here (entries on demand), so /Size can be checked against every object the file lists.
 */
export function readSections(bytes: Uint8Array, startxref: number, ctx: PDFContext): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let at: number | undefined = startxref;
  while (at !== undefined) {
    if (seen.has(at) || sections.length >= MAX_SECTIONS || at >= bytes.length) throw new Unreadable('bad /Prev');
    seen.add(at);
    const s: XrefSection = bytes[at] === 0x78 ? classicSection(bytes, at, ctx) : streamSection(bytes, at, ctx); // 'x'ref
    // a hybrid-reference file (§7.5.8.4: /XRefStm) and an encrypted one go through the full parse
    if (s.trailer.has(PDFName.of('XRefStm')) || s.trailer.has(PDFName.of('Encrypt')))
      throw new Unreadable('hybrid or encrypted');
    sections.push(s);
    const prev: PDFObject | undefined = s.trailer.get(PDFName.of('Prev'));
    if (prev !== undefined && !(prev instanceof PDFNumber)) throw new Unreadable('bad /Prev');
    at = prev?.asNumber();
  }
  return sections;
}
