import fontkit from '@cantoo/fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';

/**
 * fontkit with the parsed fonts kept for the life of the process (issue 10: parsing Liberation Sans again for
 * every document was about half of the signing time per act in a séance de signature). pdf-lib still embeds
 * (subsets) the font per document — a fresh subset per embedder — so only the read-only parsed tables are shared.
 * Keyed by the bytes' identity: the callers hold the font file in one module-level Buffer; a WeakMap lets any
 * other buffer be collected.
 */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Parsed = ReturnType<Fontkit['create']>;
const parsed = new WeakMap<Uint8Array, Map<string, Parsed>>();

/**
 * fontkit keeps the first Glyph object it makes for a glyph id, with the characters known then; one made while
 * decomposing « Ç » (the font's ccmp) has none, so a « C » laid out later by any document sharing the parsed font
 * lost its text (pdftotext, copy-paste, screen readers: « formule C » read « formule »). Making the glyphs of
 * Latin-1, Latin Extended-A and the French punctuation first, each from its own code point, prevents it.
 */
function warm(font: Parsed): void {
  const f = font as { glyphForCodePoint?: (codePoint: number) => unknown } | null;
  if (typeof f?.glyphForCodePoint !== 'function') return; // a font collection: nothing laid out from it here
  for (let cp = 0x20; cp <= 0x17f; cp++) f.glyphForCodePoint(cp);
  for (const ch of '’‘“”«»–—…€') f.glyphForCodePoint(ch.codePointAt(0)!);
}

export const cachedFontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string): Parsed {
    let byName = parsed.get(bytes);
    if (!byName) parsed.set(bytes, (byName = new Map()));
    const key = postscriptName ?? '';
    let font = byName.get(key);
    if (font === undefined) {
      font = (fontkit as unknown as Fontkit).create(bytes, postscriptName);
      warm(font);
      byName.set(key, font);
    }
    return font;
  },
};
