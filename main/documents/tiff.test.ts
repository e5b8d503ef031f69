import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test-support/helpers';
import { requireTool, toolMissing } from '../../test-support/support';
import { multiPageTiff, pagePixels } from '../../test-support/tiff';
import { splitTiff } from './tiff';

/** The pixels of a one-page uncompressed TIFF, read back through its own strip offsets (an independent reading). */
function pixelsOf(t: Buffer): Buffer {
  const le = t.toString('latin1', 0, 2) === 'II';
  const r16 = (a: number) => (le ? t.readUInt16LE(a) : t.readUInt16BE(a));
  const r32 = (a: number) => (le ? t.readUInt32LE(a) : t.readUInt32BE(a));
  const ifd = r32(4);
  const entries = new Map<number, { type: number; count: number; at: number }>();
  for (let i = 0; i < r16(ifd); i++)
    entries.set(r16(ifd + 2 + i * 12), {
      type: r16(ifd + 4 + i * 12),
      count: r32(ifd + 6 + i * 12),
      at: ifd + 10 + i * 12,
    });
  expect(r32(ifd + 2 + r16(ifd) * 12)).toBe(0); // one page: no next IFD
  const arr = (tag: number) => {
    const e = entries.get(tag)!;
    const size = e.type === 3 ? 2 : 4;
    const base = e.count * size > 4 ? r32(e.at) : e.at;
    return Array.from({ length: e.count }, (_, i) => (size === 2 ? r16(base + i * 2) : r32(base + i * 4)));
  };
  const counts = arr(279);
  return Buffer.concat(arr(273).map((o, i) => t.subarray(o, o + counts[i]!)));
}

describe('multi-page TIFF', () => {
  const sizes = [
    { w: 40, h: 30 },
    { w: 21, h: 17 },
    { w: 64, h: 5 },
  ];
  for (const le of [true, false])
    it(`splits a 3-page TIFF (${le ? 'little' : 'big'}-endian) into 3 one-page TIFFs, pixels and tags kept`, () => {
      const pages = splitTiff(multiPageTiff(sizes, le), 'registre.tif');
      expect(pages).toHaveLength(3);
      pages.forEach((p, i) => {
        expect(splitTiff(p, 'page.tif')).toHaveLength(1);
        expect(pixelsOf(p).equals(pagePixels(i, sizes[i]!.w, sizes[i]!.h))).toBe(true);
        expect(p.includes(Buffer.from(`Scanner mairie, page ${i + 1}`))).toBe(true);
      });
    });

  it('a one-page TIFF comes back as it is', () => {
    const one = multiPageTiff([{ w: 8, h: 8 }]);
    expect(splitTiff(one, 'p.tif')[0]!.equals(one)).toBe(true);
  });

  it('a damaged, looping or truncated TIFF is refused in French, never read out of bounds', () => {
    const good = multiPageTiff(sizes);
    const loop = Buffer.from(good);
    const first = loop.readUInt32LE(4);
    loop.writeUInt32LE(first, first + 2 + loop.readUInt16LE(first) * 12); // page 1 points back to itself
    const outside = Buffer.from(good);
    outside.writeUInt32LE(good.length + 1000, 4);
    for (const bad of [loop, outside, good.subarray(0, 40), Buffer.from('II*\0')])
      expect(() => splitTiff(bad, 'registre.tif')).toThrow(
        expect.objectContaining({
          code: 'INVALID',
          message: expect.stringMatching(/^« registre\.tif » est un TIFF illisible ou endommagé : rien n’a été ajouté/),
        }),
      );
  });

  it('MuPDF (mutool draw, an independent reader) renders the source as 3 pages and each split page as 1', (ctx) => {
    requireTool(ctx, toolMissing('mutool'));
    const dir = tempDir();
    const count = (file: string) => {
      const out = fs.mkdtempSync(path.join(dir, 'rendu-'));
      execFileSync('mutool', ['draw', '-F', 'pgm', '-o', path.join(out, 'p%d.pgm'), file], { stdio: 'ignore' });
      return fs.readdirSync(out).filter((f) => fs.readFileSync(path.join(out, f)).subarray(0, 2).toString() === 'P5')
        .length;
    };
    fs.writeFileSync(path.join(dir, 'source.tif'), multiPageTiff(sizes));
    expect(count(path.join(dir, 'source.tif'))).toBe(3);
    splitTiff(multiPageTiff(sizes), 'source.tif').forEach((p, i) => {
      fs.writeFileSync(path.join(dir, `p${i}.tif`), p);
      expect(count(path.join(dir, `p${i}.tif`))).toBe(1);
    });
  });
});
