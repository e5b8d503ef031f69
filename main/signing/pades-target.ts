/**
 * The PDF a signature is added to, opened one of two ways (issue 10). The fast way reads only the objects the
 * signature needs through the cross-reference (pdf-reader.ts) and writes the update itself (pdf-update.ts);
 * the full way parses the whole file with pdf-lib and saves incrementally, and is the only one that refuses a
 * file, with the French messages below. pades.ts tries the fast way and falls back on anything unusual.
 */
import { ParseSpeeds, PDFDocument, type PDFContext, type PDFDict, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
// kernel/errors, not the kernel's index: the signing path loads no validation library (zod), issue 10
import { AppError } from '../kernel/errors';
import { PdfReader } from './pdf-reader';
import { appendUpdate } from './pdf-update';
import { viewOf, type PdfView } from './pdf-view';

export interface SigningTarget {
  view: PdfView;
  /** new objects are registered here, numbered after the file's own */
  ctx: PDFContext;
  rootRef: PDFRef;
  page(index: number): { ref: PDFRef; node: PDFDict };
  /** an existing object the update must rewrite */
  changed(ref: PDFRef): void;
  /** the original bytes followed by the update */
  write(): Promise<Buffer>;
}

export const encrypted = () =>
  new AppError(
    'INVALID',
    'Ce PDF est protégé (chiffré ou avec mot de passe) : Clocher ne peut pas le signer. Demandez une version non protégée du document.',
  );
export const corrupt = () =>
  new AppError(
    'INVALID',
    'Ce fichier PDF est endommagé ou illisible : il ne peut pas être signé. Regénérez-le ou demandez une nouvelle copie.',
  );

export function assertPdf(bytes: Uint8Array): void {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0)
    throw new AppError('INVALID', "Ce fichier n'est pas un PDF : il ne peut pas être signé.");
}

export async function loadForSigning(bytes: Uint8Array): Promise<PDFDocument> {
  assertPdf(bytes);
  let doc: PDFDocument;
  try {
    // Fastest: parse in one go (a ten-page act is a few hundred objects), without yielding every 100 objects
    doc = await PDFDocument.load(bytes, {
      forIncrementalUpdate: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (e) {
    if ((e as Error).name === 'EncryptedPDFError' || /encrypt/i.test(String((e as Error).message))) throw encrypted();
    throw corrupt();
  }
  if (doc.isEncrypted) throw encrypted();
  if (doc.getPageCount() === 0) throw corrupt();
  return doc;
}

/** The whole file parsed by pdf-lib; refuses an encrypted or corrupt PDF in French. */
export async function fullTarget(bytes: Uint8Array): Promise<SigningTarget> {
  const doc = await loadForSigning(bytes);
  // Issue 10: with the snapshot attached, every dict or array pdf-lib creates or changes is searched for in
  // every object of the document (PDFContext.registerObjectChange), most of a document's time. New objects
  // are saved anyway (numbered after the snapshot) and addSignatureField reports each existing object it
  // changes, so the automatic tracking is detached while the update is built, and the snapshot given to the
  // writer directly.
  const snap = doc.context.snapshot;
  if (!snap) throw new Error('document not loaded for an incremental update');
  doc.context.snapshot = undefined;
  return {
    view: viewOf(doc),
    ctx: doc.context,
    rootRef: doc.context.trailerInfo.Root as PDFRef,
    page: (i) => doc.getPage(i),
    changed: (ref) => snap.markRefForSave(ref),
    async write() {
      const update = await doc.saveIncremental(snap, { useObjectStreams: false, objectsPerTick: Infinity });
      const out = Buffer.allocUnsafe(bytes.length + update.length);
      out.set(bytes, 0);
      out.set(update, bytes.length);
      return out;
    },
  };
}

/** Only the needed objects, through the cross-reference; throws (Unreadable or a parse error) on anything unusual. */
export function fastTarget(bytes: Uint8Array): SigningTarget {
  const reader = new PdfReader(bytes);
  const changed = new Set<PDFRef>();
  return {
    view: reader,
    ctx: reader.ctx,
    rootRef: reader.rootRef,
    page: (i) => reader.page(i),
    changed: (ref) => void changed.add(ref),
    write() {
      const objects: [PDFRef, PDFObject][] = [...changed].map((ref) => [ref, reader.lookup(ref)]);
      objects.push(...reader.ctx.enumerateIndirectObjects());
      return Promise.resolve(
        appendUpdate(bytes, objects, {
          startxref: reader.startxref,
          size: reader.size,
          trailer: reader.trailer,
          xrefStream: reader.usesXrefStream,
        }),
      );
    },
  };
}
