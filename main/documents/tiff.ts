/**
 * A multi-page TIFF (what most register scanners write: one file for a whole register) split into one TIFF per
 * page, so that each page is attached as its own register page. Pure JS and lossless: the pages are not decoded,
 * their compressed strips or tiles are copied as they are under a new one-page header (TIFF 6.0, Adobe 1992,
 * §2 « Image File Structure »). Every offset is checked against the file: a hostile or damaged file is refused,
 * never read out of bounds, and a loop of IFDs stops.
 */
import { AppError } from '../kernel';

/** bytes per value of each TIFF field type (TIFF 6.0 §2, plus type 13 IFD of the TIFF-PM spec) */
const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
/** offsets into the file, paired with their byte counts: the page's image data, copied and re-pointed */
const DATA_TAGS: [offsets: number, counts: number][] = [
  [273, 279], // StripOffsets, StripByteCounts
  [324, 325], // TileOffsets, TileByteCounts
  [513, 514], // JPEGInterchangeFormat, …Length (old-style JPEG)
];
/** pointers to other structures that a one-page file does not carry (sub-IFDs, EXIF, GPS, free space) */
const DROPPED = new Set([288, 289, 330, 34665, 34853, 40965]);
export const MAX_TIFF_PAGES = 5000;

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** the value's bytes, in the file's byte order */
  bytes: Buffer;
}

const unreadable = (nom: string) =>
  new AppError(
    'INVALID',
    `« ${nom} » est un TIFF illisible ou endommagé : rien n’a été ajouté. Numérisez-le à nouveau, ou enregistrez-le en PDF.`,
  );

/** The pages of a TIFF, each as a complete one-page TIFF; a one-page TIFF comes back as it is. */
export function splitTiff(src: Uint8Array, nom: string): Buffer[] {
  const buf = Buffer.from(src.buffer, src.byteOffset, src.byteLength);
  const le = buf.toString('latin1', 0, 2) === 'II';
  if (buf.length < 8 || (!le && buf.toString('latin1', 0, 2) !== 'MM')) throw unreadable(nom);
  const u16 = (at: number) => (check(buf, at, 2, nom), le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number) => (check(buf, at, 4, nom), le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  if (u16(2) === 43)
    throw new AppError(
      'INVALID',
      `« ${nom} » est un TIFF de très grande taille (BigTIFF) : enregistrez-le en PDF, puis ajoutez le PDF.`,
    );
  if (u16(2) !== 42) throw unreadable(nom);
  const ifds: number[] = [];
  for (let at = u32(4); at !== 0; at = u32(at + 2 + u16(at) * 12)) {
    if (ifds.includes(at) || ifds.length >= MAX_TIFF_PAGES) throw unreadable(nom); // a loop, or an absurd count
    ifds.push(at);
  }
  if (ifds.length === 0) throw unreadable(nom);
  if (ifds.length === 1) return [Buffer.from(buf)];
  return ifds.map((at) => onePage(readIfd(buf, at, u16, u32, nom), le, buf, nom));
}

function check(buf: Buffer, at: number, n: number, nom: string): void {
  if (!Number.isSafeInteger(at) || at < 0 || n < 0 || at + n > buf.length) throw unreadable(nom);
}

function readIfd(
  buf: Buffer,
  at: number,
  u16: (a: number) => number,
  u32: (a: number) => number,
  nom: string,
): Entry[] {
  const out: Entry[] = [];
  for (let i = 0, n = u16(at); i < n; i++) {
    const e = at + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const count = u32(e + 4);
    const size = TYPE_SIZE[type];
    if (!size || DROPPED.has(tag)) continue; // an unknown type cannot be copied safely: left out
    const len = size * count;
    const from = len <= 4 ? e + 8 : u32(e + 8);
    check(buf, from, len, nom);
    out.push({ tag, type, count, bytes: Buffer.from(buf.subarray(from, from + len)) });
  }
  return out;
}

/** One page: header | IFD | out-of-line values | image data, each value on a word boundary (TIFF 6.0 §2). */
function onePage(entries: Entry[], le: boolean, src: Buffer, nom: string): Buffer {
  const rd = (b: Buffer, i: number, type: number) =>
    type === 3
      ? le
        ? b.readUInt16LE(i * 2)
        : b.readUInt16BE(i * 2)
      : le
        ? b.readUInt32LE(i * 4)
        : b.readUInt32BE(i * 4);
  const byTag = new Map(entries.map((e) => [e.tag, e]));
  const data: { tag: number; pieces: Buffer[] }[] = [];
  for (const [offTag, countTag] of DATA_TAGS) {
    const offs = byTag.get(offTag);
    const counts = byTag.get(countTag);
    if (!offs) continue;
    if (!counts || counts.count !== offs.count || ![3, 4].includes(offs.type) || ![3, 4].includes(counts.type))
      throw unreadable(nom);
    const pieces: Buffer[] = [];
    for (let i = 0; i < offs.count; i++) {
      const at = rd(offs.bytes, i, offs.type);
      const n = rd(counts.bytes, i, counts.type);
      check(src, at, n, nom);
      pieces.push(src.subarray(at, at + n));
    }
    data.push({ tag: offTag, pieces });
    // offsets are rewritten as LONG: a page's new offsets may not fit in a SHORT
    byTag.set(offTag, { tag: offTag, type: 4, count: offs.count, bytes: Buffer.alloc(offs.count * 4) });
  }
  if (!data.length) throw unreadable(nom);
  const list = [...byTag.values()].sort((a, b) => a.tag - b.tag);
  const even = (n: number) => n + (n & 1);
  const ifdSize = 2 + list.length * 12 + 4;
  let valuesAt = 8 + ifdSize;
  const valueOffset = new Map<Entry, number>();
  for (const e of list)
    if (e.bytes.length > 4) {
      valueOffset.set(e, valuesAt);
      valuesAt = even(valuesAt + e.bytes.length);
    }
  // image data after the values, each piece on a word boundary; its new offsets fill the LONG arrays
  let dataAt = valuesAt;
  for (const d of data) {
    const offs = byTag.get(d.tag)!;
    d.pieces.forEach((p, i) => {
      if (le) offs.bytes.writeUInt32LE(dataAt, i * 4);
      else offs.bytes.writeUInt32BE(dataAt, i * 4);
      dataAt = even(dataAt + p.length);
    });
  }
  const out = Buffer.alloc(dataAt);
  const w16 = (v: number, at: number) => (le ? out.writeUInt16LE(v, at) : out.writeUInt16BE(v, at));
  const w32 = (v: number, at: number) => (le ? out.writeUInt32LE(v, at) : out.writeUInt32BE(v, at));
  out.write(le ? 'II' : 'MM', 0, 'latin1');
  w16(42, 2);
  w32(8, 4);
  w16(list.length, 8);
  list.forEach((e, i) => {
    const at = 10 + i * 12;
    w16(e.tag, at);
    w16(e.type, at + 2);
    w32(e.count, at + 4);
    const off = valueOffset.get(e);
    if (off === undefined) e.bytes.copy(out, at + 8);
    else {
      w32(off, at + 8);
      e.bytes.copy(out, off);
    }
  });
  w32(0, 8 + ifdSize - 4); // the only page: no next IFD
  let at = valuesAt;
  for (const d of data)
    for (const p of d.pieces) {
      p.copy(out, at);
      at = even(at + p.length);
    }
  return out;
}
