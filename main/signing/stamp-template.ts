/**
 * A stamp drawn once (stamp.ts), written into each act as ready bytes (issue 10): each object of the stamp
 * (appearance stream, font dictionaries, widths, ToUnicode map, font program) is serialized once; an act only
 * gets new object numbers written into the few references, and the bytes copied at once when the file is
 * written. Each act still carries its own complete objects. Anything unexpected falls back to pdf-lib's copier.
 */
import {
  PDFInvalidObject,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';

interface Part {
  /** the object's text with its references cut out: text, reference index, text… */
  text: (string | number)[];
  /** a stream's contents, shared by every act (never changed) */
  contents: Uint8Array | null;
}

export interface StampTemplate {
  copyInto(target: PDFContext): PDFRef;
}

const REF = /(\d+) (\d+) R\b/g;

/** The objects reachable from `root` in `source`, serialized once; null when one cannot be (then pdf-lib copies). */
function serialize(source: PDFContext, root: PDFRef): Part[] | null {
  const order: PDFRef[] = [root];
  const index = new Map<string, number>([[root.tag, 0]]);
  const parts: Part[] = [];
  for (let i = 0; i < order.length; i++) {
    const obj = source.lookup(order[i]!);
    if (!obj) return null;
    const stream = obj instanceof PDFRawStream ? obj : null;
    if (!stream && !('toString' in obj)) return null;
    if (stream) stream.sizeInBytes(); // sets /Length
    const text = (stream ? stream.dict : (obj as PDFObject)).toString();
    const cut: (string | number)[] = [];
    let last = 0;
    for (const m of text.matchAll(REF)) {
      const ref = PDFRef.of(Number(m[1]), Number(m[2]));
      if (!source.lookup(ref)) return null; // not a reference after all: do not guess
      let k = index.get(ref.tag);
      if (k === undefined) {
        k = order.push(ref) - 1;
        index.set(ref.tag, k);
      }
      cut.push(text.slice(last, m.index), k);
      last = m.index! + m[0].length;
    }
    cut.push(text.slice(last));
    parts.push({ text: cut, contents: stream ? stream.getContents() : null });
  }
  return parts;
}

/** Bytes written at once (pdf-lib copies a PDFInvalidObject's bytes one at a time). */
function rawObject(chunks: Uint8Array[]): PDFInvalidObject {
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const o = PDFInvalidObject.of(chunks[0]!);
  o.sizeInBytes = () => size;
  o.copyBytesInto = (buffer: Uint8Array, offset: number) => {
    let at = offset;
    for (const c of chunks) {
      buffer.set(c, at);
      at += c.length;
    }
    return size;
  };
  return o;
}

const STREAM = Buffer.from('\nstream\n', 'latin1');
const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

export function stampTemplate(source: PDFContext, root: PDFRef): StampTemplate {
  const parts = serialize(source, root);
  if (!parts) return { copyInto: (target) => PDFObjectCopier.for(source, target).copy(root) };
  return {
    copyInto(target) {
      const refs = parts.map(() => target.nextRef());
      parts.forEach((p, i) => {
        const head = Buffer.from(
          p.text.map((t) => (typeof t === 'number' ? `${refs[t]!.objectNumber} 0 R` : t)).join(''),
          'latin1',
        );
        target.assign(refs[i]!, rawObject(p.contents ? [head, STREAM, p.contents, ENDSTREAM] : [head]));
      });
      return refs[0]!;
    },
  };
}
