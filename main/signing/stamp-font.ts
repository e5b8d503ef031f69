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
  if (!e || !Array.isArray(e.glyphs) || typeof e.serializeFont !== 'function' || typeof e.embedFontStream !== 'function' || typeof e.isCFF !== 'function' || e.isCFF()) return;
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
