/**
 * Test TIFFs written by hand (TIFF 6.0 §2): uncompressed 8-bit grayscale pages, each in two strips, in either
 * byte order, chained as a multi-page file. Each page's pixels are a pattern of its index, so a test can tell them apart.
 */
export function pagePixels(page: number, w: number, h: number): Buffer {
  return Buffer.from(Array.from({ length: w * h }, (_, i) => (page * 37 + i) & 0xff));
}

export function multiPageTiff(pages: { w: number; h: number }[], le = true): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    if (le) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(v);
    else b.writeUInt32BE(v);
    return b;
  };
  const push = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  push(Buffer.concat([Buffer.from(le ? 'II' : 'MM', 'latin1'), u16(42), u32(0)])); // first IFD patched below
  const ifdOffsets: number[] = [];
  pages.forEach((p, page) => {
    const pixels = pagePixels(page, p.w, p.h);
    const half = Math.ceil(p.h / 2) * p.w;
    const strips = [pixels.subarray(0, half), pixels.subarray(half)];
    const stripAt: number[] = [];
    for (const s of strips) {
      stripAt.push(at);
      push(Buffer.from(s));
      if (at & 1) push(Buffer.alloc(1));
    }
    const software = Buffer.from(`Scanner mairie, page ${page + 1}\0`, 'latin1');
    const softwareAt = at;
    push(software);
    if (at & 1) push(Buffer.alloc(1));
    const entries: [number, number, number, Buffer][] = [
      [256, 3, 1, Buffer.concat([u16(p.w), Buffer.alloc(2)])], // ImageWidth
      [257, 3, 1, Buffer.concat([u16(p.h), Buffer.alloc(2)])], // ImageLength
      [258, 3, 1, Buffer.concat([u16(8), Buffer.alloc(2)])], // BitsPerSample
      [259, 3, 1, Buffer.concat([u16(1), Buffer.alloc(2)])], // Compression: none
      [262, 3, 1, Buffer.concat([u16(1), Buffer.alloc(2)])], // BlackIsZero
      [273, 3, 2, Buffer.concat([u16(stripAt[0]!), u16(stripAt[1]!)])], // StripOffsets (SHORT, inline)
      [277, 3, 1, Buffer.concat([u16(1), Buffer.alloc(2)])], // SamplesPerPixel
      [278, 3, 1, Buffer.concat([u16(Math.ceil(p.h / 2)), Buffer.alloc(2)])], // RowsPerStrip
      [279, 3, 2, Buffer.concat([u16(strips[0]!.length), u16(strips[1]!.length)])], // StripByteCounts
      [305, 2, software.length, u32(softwareAt)], // Software (out of line)
    ];
    ifdOffsets.push(at);
    push(u16(entries.length));
    for (const [tag, type, count, value] of entries) push(Buffer.concat([u16(tag), u16(type), u32(count), value]));
    push(u32(0));
  });
  const out = Buffer.concat(parts);
  const w32 = (v: number, pos: number) => (le ? out.writeUInt32LE(v, pos) : out.writeUInt32BE(v, pos));
  w32(ifdOffsets[0]!, 4);
  ifdOffsets.forEach((o, i) => {
    const n = le ? out.readUInt16LE(o) : out.readUInt16BE(o);
    w32(ifdOffsets[i + 1] ?? 0, o + 2 + n * 12);
  });
  return out;
}
