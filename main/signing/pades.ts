/**
 * PAdES-B-B by incremental update (signing.md §3): the original bytes are kept untouched, so an earlier
 * signature stays valid. Signature dictionary /Filter/Adobe.PPKLite /SubFilter/ETSI.CAdES.detached, an 8 KB
 * /Contents placeholder, a visible widget with a unique field name, /AcroForm /SigFlags 3.
 */
import crypto from 'node:crypto';
import { PDFHexString, PDFInvalidObject } from '@cantoo/pdf-lib';
// kernel/errors, not the kernel's index: the signing path loads no validation library (zod), issue 10
import { AppError } from '../kernel/errors';
import { buildCms, type Signer } from './cms';
import { assertPdf, fastTarget, fullTarget, loadForSigning, type SigningTarget } from './pades-target';
import { addSignatureField, existingSignatures, viewOf, type ExistingSignature } from './pdf-view';
import { stampAppearance, stampPlacement } from './stamp';

export type { ExistingSignature };

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

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The signatures already in the PDF; the file read in full, so an import refuses a corrupt or encrypted PDF. */
export async function readSignatures(bytes: Uint8Array): Promise<ExistingSignature[]> {
  return existingSignatures(viewOf(await loadForSigning(bytes)));
}

const ZEROS = Buffer.alloc(CONTENTS_BYTES * 2, '0'); // the /Contents placeholder, made once (issue 10)

function sigDictBytes(r: PdfSignatureRequest): Uint8Array {
  const hex = (s: string) => PDFHexString.fromText(s).toString();
  const head = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTERANGE_PLACEHOLDER} /Contents <`;
  const tail = `> /M (${pdfDate(r.at)}) /Name ${hex(r.nom)} /Reason ${hex(r.reason)} /Location ${hex(r.location)} >>`;
  return Buffer.concat([Buffer.from(head, 'latin1'), ZEROS, Buffer.from(tail, 'latin1')]);
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

/** The file with its signature field, stamp and placeholder (not yet signed): one incremental update. */
async function withPlaceholder(t: SigningTarget, r: PdfSignatureRequest): Promise<Buffer> {
  const prior = existingSignatures(t.view);
  if (prior.length > r.expectedPrior) {
    const who = prior.map((p) => p.name ?? 'signataire inconnu').join(', ');
    throw new AppError(
      'CONFLICT',
      `Ce PDF porte déjà ${prior.length > 1 ? 'des signatures' : 'une signature'} (${who}) que le circuit ne prévoit pas : il n'est pas signé une seconde fois. Vérifiez le document avec le secrétariat.`,
    );
  }
  const place = stampPlacement(t.view, prior.length);
  const page = t.page(place.page);
  const sigRef = t.ctx.register(rawObject(sigDictBytes(r)));
  const apRef = await stampAppearance(t.ctx, { nom: r.nom, qualite: r.qualite }, r.at);
  addSignatureField({ ...t, page }, place.rect, sigRef, apRef, prior.length);
  return t.write();
}

/**
 * Sign a PDF: returns the new bytes (the original bytes followed by one incremental update).
 * Refuses an encrypted or corrupt PDF, and one that already bears a signature the circuit did not expect.
 * Issue 10: the file is first read through its cross-reference, only the objects the signature needs; on
 * anything unusual (or a refusal) it is read again in full by pdf-lib, which alone decides a refusal.
 */
export async function signPdf(bytes: Uint8Array, r: PdfSignatureRequest): Promise<Buffer> {
  assertPdf(bytes);
  let out: Buffer | null = null;
  try {
    out = await withPlaceholder(fastTarget(bytes), r);
  } catch {
    out = null; // the full parse below signs it, or refuses it with its French message
  }
  out ??= await withPlaceholder(await fullTarget(bytes), r);
  return fill(out, r.signer);
}
