/**
 * A PDF read object by object through its cross-reference sections (pdf-xref.ts), for signing by incremental
 * update (issue 10): only the objects the signature needs are parsed — the trailer's /Root, the catalog and its
 * /AcroForm, the page tree down to one page, the fields — where pdf-lib's PDFDocument.load parses every object.
 * Objects in object streams (§7.5.7) are read by inflating just their stream. Any doubt throws Unreadable.
 */
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import {
  decodeStream,
  lastStartXref,
  objectHeader,
  parseAt,
  readInt,
  readSections,
  skipWs,
  Unreadable,
  type XrefEntry,
  type XrefSection,
} from './pdf-xref';
import type { PdfView } from './pdf-view';

const MAX_DEPTH = 32; // page tree depth; deeper is a loop or a hostile file

interface ObjectStream {
  data: Uint8Array;
  first: number;
  /** [object number, offset from /First] of each object, in order */
  index: [number, number][];
}

export class PdfReader implements PdfView {
  /** parsed objects and the update's new objects live here (the latter registered, the former only cached) */
  readonly ctx = PDFContext.create();
  readonly sections: XrefSection[];
  readonly trailer: PDFDict;
  readonly size: number;
  readonly rootRef: PDFRef;
  readonly catalog: PDFDict;
  private readonly cache = new Map<number, PDFObject>();
  private readonly streams = new Map<number, ObjectStream>();

  constructor(private readonly bytes: Uint8Array) {
    this.startxref = lastStartXref(bytes);
    this.sections = readSections(bytes, this.startxref, this.ctx);
    this.trailer = this.sections[0]!.trailer;
    const size = this.trailer.get(PDFName.of('Size'));
    const root = this.trailer.get(PDFName.of('Root'));
    if (!(size instanceof PDFNumber) || !(root instanceof PDFRef))
      throw new Unreadable('trailer without /Size or /Root');
    this.size = size.asNumber();
    // new objects are numbered from /Size: every object the file lists must be below it (§7.5.5)
    if (!Number.isInteger(this.size) || this.sections.some((s) => s.maxObject >= this.size))
      throw new Unreadable('/Size below an object number');
    this.rootRef = root;
    this.catalog = this.dictAt(root);
    this.ctx.largestObjectNumber = this.size - 1;
  }

  /** The startxref of the original file, for the update's /Prev. */
  readonly startxref: number;

  get usesXrefStream(): boolean {
    return this.sections[0]!.isStream;
  }

  /** The object a value designates: itself, or the indirect object its reference points to. */
  deref = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? this.lookup(o) : o);

  lookup(ref: PDFRef): PDFObject {
    const hit = this.cache.get(ref.objectNumber);
    if (hit) return hit;
    const e = this.entry(ref.objectNumber);
    let obj: PDFObject;
    if (e.kind === 'offset') {
      if (e.gen !== ref.generationNumber) throw new Unreadable(`generation of ${ref.tag}`);
      obj = parseAt(this.bytes, objectHeader(this.bytes, e.offset, ref.objectNumber, e.gen), this.ctx, this.lengthOf);
    } else if (e.kind === 'packed' && ref.generationNumber === 0) obj = this.packed(ref.objectNumber, e);
    else throw new Unreadable(`${ref.tag} is free`);
    this.cache.set(ref.objectNumber, obj);
    return obj;
  }

  private lengthOf = (ref: PDFRef): number => {
    const n = this.lookup(ref);
    if (!(n instanceof PDFNumber)) throw new Unreadable('bad stream /Length');
    return n.asNumber();
  };

  dictAt(ref: PDFObject | undefined): PDFDict {
    const d = this.deref(ref);
    if (!(d instanceof PDFDict)) throw new Unreadable('dictionary expected');
    return d;
  }

  /** The newest entry for an object: the first section, newest first, that lists it (§7.5.6). */
  private entry(n: number): XrefEntry {
    for (const s of this.sections) {
      const e = s.entry(n);
      if (e) return e;
    }
    throw new Unreadable(`object ${n} not in the cross-reference`);
  }

  private packed(n: number, e: { stream: number; index: number }): PDFObject {
    let s = this.streams.get(e.stream);
    if (!s) {
      const raw = this.lookup(PDFRef.of(e.stream, 0));
      if (!(raw instanceof PDFRawStream) || raw.dict.get(PDFName.of('Type')) !== PDFName.of('ObjStm'))
        throw new Unreadable('not an object stream');
      const count = this.deref(raw.dict.get(PDFName.of('N')));
      const first = this.deref(raw.dict.get(PDFName.of('First')));
      if (!(count instanceof PDFNumber) || !(first instanceof PDFNumber)) throw new Unreadable('bad object stream');
      const data = decodeStream(raw, this.deref);
      const index: [number, number][] = [];
      let i = 0;
      for (let k = 0; k < count.asNumber(); k++) {
        const [num, a] = readInt(data, skipWs(data, i));
        const [off, b] = readInt(data, skipWs(data, a));
        index.push([num, off]);
        i = b;
      }
      s = { data, first: first.asNumber(), index };
      this.streams.set(e.stream, s);
    }
    const at = s.index[e.index];
    if (!at || at[0] !== n) throw new Unreadable(`object ${n} not at its place in its object stream`);
    return parseAt(s.data, s.first + at[1], this.ctx);
  }

  pageCount(): number {
    const n = this.countOf(this.dictAt(this.catalog.get(PDFName.of('Pages'))));
    if (n < 1) throw new Unreadable('no page');
    return n;
  }

  /**
   * The index-th page (0-based), down the page tree by /Count (§7.7.3.2) with its inherited /MediaBox
   * (§7.7.3.4). Kids are walked from the nearer end: the stamp's page is mostly the last one, reached without
   * parsing the pages before it.
   */
  page(index: number): { ref: PDFRef; node: PDFDict; mediaBox: PDFArray } {
    let node = this.dictAt(this.catalog.get(PDFName.of('Pages')));
    let mediaBox = this.deref(node.get(PDFName.of('MediaBox')));
    let at = index;
    let size = this.countOf(node);
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      if (at < 0 || at >= size) throw new Unreadable(`page ${index} not found`);
      const kids = this.deref(node.get(PDFName.of('Kids')));
      if (!(kids instanceof PDFArray)) throw new Unreadable('page tree node without /Kids');
      const back = at >= size / 2;
      let skip = back ? size - 1 - at : at; // pages to pass over, from the walking end
      let next: { ref: PDFRef; node: PDFDict; size: number } | undefined;
      for (let k = 0; k < kids.size() && !next; k++) {
        const ref = kids.get(back ? kids.size() - 1 - k : k);
        if (!(ref instanceof PDFRef)) throw new Unreadable('direct page object');
        const kid = this.dictAt(ref);
        const kidSize = kid.get(PDFName.of('Type')) === PDFName.of('Page') ? 1 : this.countOf(kid);
        if (skip < kidSize) next = { ref, node: kid, size: kidSize };
        else skip -= kidSize;
      }
      if (!next) throw new Unreadable(`page ${index} not found`);
      at = back ? next.size - 1 - skip : skip;
      node = next.node;
      size = next.size;
      mediaBox = this.deref(node.get(PDFName.of('MediaBox'))) ?? mediaBox;
      if (node.get(PDFName.of('Type')) === PDFName.of('Page')) {
        if (!(mediaBox instanceof PDFArray)) throw new Unreadable('page without /MediaBox');
        return { ref: next.ref, node, mediaBox };
      }
    }
    throw new Unreadable('page tree too deep');
  }

  private countOf(node: PDFDict): number {
    const count = this.deref(node.get(PDFName.of('Count')));
    if (!(count instanceof PDFNumber) || !Number.isInteger(count.asNumber()) || count.asNumber() < 0)
      throw new Unreadable('bad /Count');
    return count.asNumber();
  }

  pageWidth(index: number): number {
    const box = this.page(index).mediaBox;
    const n = [0, 2].map((k) => this.deref(box.get(k)));
    if (box.size() !== 4 || !n.every((x) => x instanceof PDFNumber)) throw new Unreadable('bad /MediaBox');
    return Math.abs((n[0] as PDFNumber).asNumber() - (n[1] as PDFNumber).asNumber()); // as pdf-lib's getWidth
  }
}
