/**
 * What signing reads and changes in a PDF, on either reader (issue 10): pdf-lib's fully parsed PDFDocument
 * (the fallback), or the incremental reader that parses only the objects it needs (pdf-reader.ts). The same
 * code finds the existing signatures, places the stamp (stamp.ts) and adds the signature field for both.
 */
import crypto from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';

/** A pdf-lib object class (their constructors are private: known by instanceof and prototype only). */
export interface PdfClass<T> {
  [Symbol.hasInstance](value: unknown): boolean;
  prototype: T;
}

export interface PdfView {
  catalog: PDFDict;
  /** the object a value designates: itself, or the indirect object its reference points to */
  deref(o: PDFObject | undefined): PDFObject | undefined;
  pageCount(): number;
  pageWidth(index: number): number;
}

export function viewOf(doc: PDFDocument): PdfView {
  return {
    catalog: doc.catalog,
    deref: (o) => (o === undefined ? undefined : doc.context.lookup(o)),
    pageCount: () => doc.getPageCount(),
    pageWidth: (i) => doc.getPage(i).getWidth(),
  };
}

/** As pdf-lib's lookupMaybe: undefined when absent or null, the object when of the type, else an error. */
export function maybe<T>(view: PdfView, value: PDFObject | undefined, type: PdfClass<T>): T | undefined {
  const o = view.deref(value);
  if (o === undefined || o === PDFNull) return undefined;
  if (o instanceof type) return o as T;
  throw new TypeError(`unexpected PDF object ${o.constructor.name}`);
}

export const key = (d: PDFDict | undefined, k: string): PDFObject | undefined => d?.get(PDFName.of(k));

export interface ExistingSignature {
  field: string;
  name: string | null;
}

/** Signature fields already filled in the PDF (/AcroForm /Fields with /FT /Sig and a /V, ISO 32000-1 §12.7.4.5). */
export function existingSignatures(view: PdfView): ExistingSignature[] {
  const acro = maybe(view, key(view.catalog, 'AcroForm'), PDFDict);
  const fields = maybe(view, key(acro, 'Fields'), PDFArray);
  const out: ExistingSignature[] = [];
  for (let i = 0; fields && i < fields.size(); i++) {
    const f = maybe(view, fields.get(i), PDFDict);
    if (!f || maybe(view, key(f, 'FT'), PDFName)?.asString() !== '/Sig') continue;
    const v = maybe(view, key(f, 'V'), PDFDict);
    if (!v) continue;
    const text = (x: unknown) => (x instanceof PDFHexString || x instanceof PDFString ? x.decodeText() : null);
    out.push({ field: text(view.deref(key(f, 'T'))) ?? `#${i + 1}`, name: text(view.deref(key(v, 'Name'))) });
  }
  return out;
}

/** Where the signature field goes and how changed existing objects are recorded for the update. */
export interface FieldTarget {
  view: PdfView;
  ctx: PDFContext;
  rootRef: PDFRef;
  page: { ref: PDFRef; node: PDFDict };
  /** an existing object the update must rewrite */
  changed(ref: PDFRef): void;
}

/** Add the widget to its page and the field to /AcroForm with /SigFlags 3 (signing.md §3; ISO 32000-1 §12.7.2). */
export function addSignatureField(
  t: FieldTarget,
  rect: [number, number, number, number],
  sigRef: PDFRef,
  apRef: PDFRef,
  n: number,
): void {
  const { ctx, view, page } = t;
  const name = `Signature${n + 1}-${crypto.randomBytes(4).toString('hex')}`; // unique (signing.md §3)
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(name),
      V: sigRef,
      P: page.ref,
      Rect: rect,
      F: 4,
      AP: { N: apRef },
    }),
  );
  pushInto(t, page.node, 'Annots', widget);
  t.changed(page.ref);

  const acroRaw = key(view.catalog, 'AcroForm');
  const acro = acroRaw instanceof PDFDict ? acroRaw : isRef(acroRaw) ? must(view, acroRaw, PDFDict) : null;
  if (acro) {
    pushInto(t, acro, 'Fields', widget);
    acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
    if (isRef(acroRaw)) t.changed(acroRaw);
  } else view.catalog.set(PDFName.of('AcroForm'), ctx.register(ctx.obj({ Fields: [widget], SigFlags: 3 })));
  t.changed(t.rootRef);
}

/**
 * Append to the array at holder[k]: an indirect array is rewritten as its own object, a direct one with its
 * holder; anything else is replaced by a new array (as the signer always did).
 */
function pushInto(t: FieldTarget, holder: PDFDict, k: string, item: PDFRef): void {
  const raw = key(holder, k);
  if (isRef(raw)) {
    must(t.view, raw, PDFArray).push(item);
    t.changed(raw);
  } else if (raw instanceof PDFArray) raw.push(item);
  else holder.set(PDFName.of(k), t.ctx.obj([item]));
}

const isRef = (o: PDFObject | undefined): o is PDFRef => o instanceof PDFRef;

/** As pdf-lib's lookup with a type: the object must be there and of that type. */
function must<T>(view: PdfView, ref: PDFRef, type: PdfClass<T>): T {
  const o = maybe(view, ref, type);
  if (o === undefined) throw new TypeError(`missing PDF object ${ref.tag}`);
  return o;
}
