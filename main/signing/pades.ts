/**
 * PAdES-B-B by incremental update (signing.md §3): the original bytes are kept untouched, so an earlier
 * signature stays valid. Signature dictionary /Filter/Adobe.PPKLite /SubFilter/ETSI.CAdES.detached, an 8 KB
 * /Contents placeholder, a visible widget with a unique field name, /AcroForm /SigFlags 3.
 */
import crypto from 'node:crypto';
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFPage,
} from '@cantoo/pdf-lib';
// kernel/errors, not the kernel's index: the signing path loads no validation library (zod), issue 10
import { AppError } from '../kernel/errors';
import { buildCms, type Signer } from './cms';
import { stampAppearance, stampPlacement } from './stamp';

const CONTENTS_BYTES = 8192; // B-B with the chain; 16 KB+ once B-T timestamps arrive
const BYTERANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

export interface PdfSignatureRequest {
  signer: Signer;
  nom: string; // shown on the stamp and in /Name
  qualite: string; // « Maire », « Président de séance »…
  reason: string;
  location: string;
  at: Date;
  /** signatures the circuit expects to be already on the PDF (0 for a first signature) */
  expectedPrior: number;
}

type Snapshot = NonNullable<PDFDocument['context']['snapshot']>;

export interface ExistingSignature {
  field: string;
  name: string | null;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

async function loadForSigning(bytes: Uint8Array): Promise<PDFDocument> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0)
    throw new AppError('INVALID', "Ce fichier n'est pas un PDF : il ne peut pas être signé.");
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

const encrypted = () =>
  new AppError(
    'INVALID',
    'Ce PDF est protégé (chiffré ou avec mot de passe) : Clocher ne peut pas le signer. Demandez une version non protégée du document.',
  );
const corrupt = () =>
  new AppError(
    'INVALID',
    'Ce fichier PDF est endommagé ou illisible : il ne peut pas être signé. Regénérez-le ou demandez une nouvelle copie.',
  );

/** Signature fields already filled in the PDF. */
export function existingSignatures(doc: PDFDocument): ExistingSignature[] {
  const acro = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acro?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: ExistingSignature[] = [];
  for (let i = 0; fields && i < fields.size(); i++) {
    const f = fields.lookupMaybe(i, PDFDict);
    if (!f || f.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() !== '/Sig') continue;
    const v = f.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!v) continue;
    const t = f.lookup(PDFName.of('T'));
    const n = v.lookup(PDFName.of('Name'));
    const text = (x: unknown) => (x instanceof PDFHexString || x instanceof PDFString ? x.decodeText() : null);
    out.push({ field: text(t) ?? `#${i + 1}`, name: text(n) });
  }
  return out;
}

export async function readSignatures(bytes: Uint8Array): Promise<ExistingSignature[]> {
  return existingSignatures(await loadForSigning(bytes));
}

function sigDictBytes(r: PdfSignatureRequest): Uint8Array {
  const hex = (s: string) => PDFHexString.fromText(s).toString();
  const dict = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTERANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}> /M (${pdfDate(r.at)}) /Name ${hex(r.nom)} /Reason ${hex(r.reason)} /Location ${hex(r.location)} >>`;
  return Buffer.from(dict, 'latin1');
}

/**
 * The signature dictionary as written bytes: a PDFInvalidObject is never put in an object stream, so its
 * /ByteRange and /Contents stay patchable (signing.md §3). pdf-lib copies such bytes one at a time into the
 * file; the 16 KB of /Contents are copied at once instead (issue 10).
 */
function rawObject(bytes: Uint8Array): PDFInvalidObject {
  const o = PDFInvalidObject.of(bytes);
  o.copyBytesInto = (buffer: Uint8Array, offset: number) => {
    buffer.set(bytes, offset);
    return bytes.length;
  };
  return o;
}

/** Add the widget to its page (stampPlacement) and the field to /AcroForm, marking every changed object for the update. */
function addField(
  doc: PDFDocument,
  snap: Snapshot,
  page: PDFPage,
  rect: [number, number, number, number],
  sigRef: PDFRef,
  apRef: PDFRef,
  n: number,
): void {
  const ctx = doc.context;
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
  const annotsRaw = page.node.get(PDFName.of('Annots'));
  if (annotsRaw instanceof PDFRef) {
    ctx.lookup(annotsRaw, PDFArray).push(widget);
    snap.markRefForSave(annotsRaw);
  } else if (annotsRaw instanceof PDFArray) annotsRaw.push(widget);
  else page.node.set(PDFName.of('Annots'), ctx.obj([widget]));
  snap.markRefForSave(page.ref);

  const acroRaw = doc.catalog.get(PDFName.of('AcroForm'));
  const acro = acroRaw instanceof PDFRef ? ctx.lookup(acroRaw, PDFDict) : acroRaw instanceof PDFDict ? acroRaw : null;
  if (acro) {
    const fieldsRaw = acro.get(PDFName.of('Fields'));
    if (fieldsRaw instanceof PDFRef) {
      ctx.lookup(fieldsRaw, PDFArray).push(widget);
      snap.markRefForSave(fieldsRaw);
    } else if (fieldsRaw instanceof PDFArray) fieldsRaw.push(widget);
    else acro.set(PDFName.of('Fields'), ctx.obj([widget]));
    acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
    if (acroRaw instanceof PDFRef) snap.markRefForSave(acroRaw);
  } else doc.catalog.set(PDFName.of('AcroForm'), ctx.register(ctx.obj({ Fields: [widget], SigFlags: 3 })));
  snap.markRefForSave(ctx.trailerInfo.Root as PDFRef);
}

/** Fill /ByteRange and /Contents of the LAST placeholder in the file. */
async function fill(out: Buffer, signer: Signer): Promise<Buffer> {
  const br = out.lastIndexOf(BYTERANGE_PLACEHOLDER);
  if (br < 0) throw new Error('signature placeholder not found');
  const start = out.indexOf('/Contents <', br) + '/Contents '.length; // at '<'
  const end = start + CONTENTS_BYTES * 2 + 2; // after '>'
  const range = `/ByteRange [0 ${start} ${end} ${out.length - end}]`;
  if (range.length > BYTERANGE_PLACEHOLDER.length) throw new Error('ByteRange too long');
  out.write(range.padEnd(BYTERANGE_PLACEHOLDER.length, ' '), br, 'latin1');
  const digest = crypto.createHash('sha256').update(out.subarray(0, start)).update(out.subarray(end)).digest();
  const cms = await buildCms(signer, digest);
  if (cms.length > CONTENTS_BYTES)
    throw new AppError(
      'INTERNAL',
      'La signature est plus grande que la place réservée dans le PDF : appelez le support.',
    );
  out.write(cms.toString('hex').toUpperCase(), start + 1, 'latin1');
  return out;
}

/**
 * Sign a PDF: returns the new bytes (the original bytes followed by one incremental update).
 * Refuses an encrypted or corrupt PDF, and one that already bears a signature the circuit did not expect.
 */
export async function signPdf(bytes: Uint8Array, r: PdfSignatureRequest): Promise<Buffer> {
  const doc = await loadForSigning(bytes);
  const prior = existingSignatures(doc);
  if (prior.length > r.expectedPrior) {
    const who = prior.map((p) => p.name ?? 'signataire inconnu').join(', ');
    throw new AppError(
      'CONFLICT',
      `Ce PDF porte déjà ${prior.length > 1 ? 'des signatures' : 'une signature'} (${who}) que le circuit ne prévoit pas : il n'est pas signé une seconde fois. Vérifiez le document avec le secrétariat.`,
    );
  }
  const place = stampPlacement(doc, prior.length);
  const page = doc.getPage(place.page);
  // Issue 10: with the snapshot attached, every dict or array pdf-lib creates or changes is searched for in
  // every object of the document (PDFContext.registerObjectChange), most of a document's time. New objects
  // are saved anyway (numbered after the snapshot) and addField marks each existing object it changes, so the
  // automatic tracking is detached while the update is built, and the snapshot given to the writer directly.
  const snap = doc.context.snapshot;
  if (!snap) throw new Error('document not loaded for an incremental update');
  doc.context.snapshot = undefined;
  const sigRef = doc.context.register(rawObject(sigDictBytes(r)));
  const apRef = await stampAppearance(doc, { nom: r.nom, qualite: r.qualite }, r.at);
  addField(doc, snap, page, place.rect, sigRef, apRef, prior.length);
  const update = await doc.saveIncremental(snap, { useObjectStreams: false, objectsPerTick: Infinity });
  const out = Buffer.allocUnsafe(bytes.length + update.length);
  out.set(bytes, 0);
  out.set(update, bytes.length);
  return fill(out, r.signer);
}
