import zlib from 'node:zlib';
import type { PDFFont, PDFRef } from '@cantoo/pdf-lib';

/**
 * The stamp's font subset, encoded and compressed once per glyph set (issue 10, séance de signature): in a
 * séance the same élu signs every act, so every stamp uses the same glyphs — stampAppearance first encodes
 * STAMP_GLYPHS (fixed text and every digit of the date) so that the subset depends only on the signatory's name
 * and title. Each PDF still gets its own font objects; only the bytes of the FontFile2 stream are reused.
 * This reaches into pdf-lib's subset embedder: when its shape is not the expected one, nothing is changed.
 */
export const STAMP_GLYPHS = 'Signé électroniquement par le 0123456789/: à (heure de Paris)';

interface SubsetEmbedder {
  glyphs: ({ id: number } | undefined)[];
  isCFF(): boolean;
  serializeFont(): Promise<Uint8Array>;
  embedFontStream(context: PDFFont['doc']['context']): Promise<PDFRef>;
}

const MAX_SUBSETS = 32; // a few signatories per commune; bounded so a long-running core does not grow
const subsets = new Map<string, Buffer>();

export function shareSubsetStream(font: PDFFont): void {
  const e = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  if (
    !e ||
    !Array.isArray(e.glyphs) ||
    typeof e.serializeFont !== 'function' ||
    typeof e.embedFontStream !== 'function' ||
    typeof e.isCFF !== 'function' ||
    e.isCFF()
  )
    return;
  const embedder = e as SubsetEmbedder;
  embedder.embedFontStream = async (context) => {
    const key = embedder.glyphs.map((g) => g?.id ?? -1).join(',');
    let z = subsets.get(key);
    if (!z) {
      z = zlib.deflateSync(await embedder.serializeFont());
      if (subsets.size >= MAX_SUBSETS) subsets.delete(subsets.keys().next().value as string);
      subsets.set(key, z);
    }
    return context.register(context.stream(z, { Filter: 'FlateDecode' }));
  };
}

interface CmapFont {
  glyphForCodePoint(cp: number): unknown;
}

/**
 * The stamp's text through the font's cmap alone (issue 10): pdf-lib asks fontkit for a full OpenType layout of
 * each line, whose first use decodes the font's GSUB and GPOS tables (about 100 ms at a séance's first stamp),
 * yet keeps only the glyphs, one per character for the stamp's French text in precomposed form (NFC: no
 * ligature, no combining mark). The shared fontkit font is not touched: this embedder alone gets a view of it.
 * When pdf-lib's shape is not the expected one, nothing is changed.
 */
export function layoutByCmap(font: PDFFont): void {
  const e = (font as unknown as { embedder?: { font?: Partial<CmapFont> } }).embedder;
  const base = e?.font;
  if (!e || !base || typeof base.glyphForCodePoint !== 'function') return;
  const cmap = base as CmapFont;
  e.font = Object.create(base, {
    layout: {
      value: (text: string) => ({ glyphs: Array.from(text, (ch) => cmap.glyphForCodePoint(ch.codePointAt(0)!)) }),
    },
  }) as CmapFont;
}
