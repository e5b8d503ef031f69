/**
 * The PDFs S²LOW makes after the AR (protocol §2.5): the bordereau d'acquittement, and the act stamped
 * « Reçu en préfecture » (S²LOW's pdf-stamp service). Made here with @cantoo/pdf-lib and standard Helvetica.
 */
import { PDFDocument, rgb, StandardFonts } from '@cantoo/pdf-lib';

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The posted PDF with a visible stamp on page 1, added by an incremental update (the original bytes stay a
 * prefix of the result, as a signature over them stays valid). A file pdf-lib cannot read is returned as
 * posted, unstamped (the platform cannot stamp it either).
 */
export async function stampPdf(posted: Buffer, dateReception: string, idActe: string): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(posted, { forIncrementalUpdate: true, updateMetadata: false });
  } catch {
    return posted;
  }
  const page = doc.getPages()[0];
  if (!page) return posted;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const { width, height } = page.getSize();
  const lines = [`Reçu en préfecture le ${frDate(dateReception)}`, `ID : ${idActe}`];
  const size = 8;
  const w = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, size))) + 12;
  const x = Math.max(10, width - w - 20);
  const y = height - 20 - lines.length * (size + 3) - 6;
  page.drawRectangle({
    x,
    y,
    width: w,
    height: lines.length * (size + 3) + 8,
    borderColor: rgb(0, 0, 0.6),
    borderWidth: 1,
    color: rgb(1, 1, 1),
  });
  lines.forEach((l, i) =>
    page.drawText(l, { x: x + 6, y: y + 6 + (lines.length - 1 - i) * (size + 3), size, font, color: rgb(0, 0, 0.6) }),
  );
  return Buffer.from(await doc.commit());
}

export interface BordereauInfo {
  authority: string;
  siren: string;
  idActe: string;
  transactionId: number;
  number: string;
  nature: string;
  classification: string;
  decisionDate: string;
  subject: string;
  dateReception: string;
  files: { filename: string; posted_filename: string }[];
}

/** « Bordereau d'acquittement de transaction »: one A4 page. */
export async function bordereauPdf(b: BordereauInfo): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle("Bordereau d'acquittement de transaction");
  doc.setCreationDate(new Date(`${b.dateReception}T12:00:00Z`));
  doc.setModificationDate(new Date(`${b.dateReception}T12:00:00Z`));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595.28, 841.89]);
  let y = 790;
  const line = (t: string, f = font, size = 10) => {
    // WinAnsi only: anything else (rare in an objet) becomes « ? »
    page.drawText(t.replace(/[^\u0020-\u00ff€’‘“”–—…œŒ]/g, '?').slice(0, 110), { x: 50, y, size, font: f });
    y -= size + 6;
  };
  line("Bordereau d'acquittement de transaction", bold, 16);
  y -= 8;
  line(`Collectivité : ${b.authority} (SIREN ${b.siren})`);
  line(`Identifiant de l'acte : ${b.idActe}`, bold);
  line(`Identifiant de la transaction : ${b.transactionId}`);
  line(`Numéro de l'acte : ${b.number}`);
  line(`Nature : ${b.nature}`);
  line(`Classification : ${b.classification}`);
  line(`Date de la décision : ${frDate(b.decisionDate)}`);
  line(`Objet : ${b.subject}`);
  line(`Date de réception de l'accusé de réception : ${frDate(b.dateReception)}`, bold);
  y -= 8;
  line('Fichiers transmis :', bold);
  for (const f of b.files) line(`- ${f.posted_filename} (${f.filename})`, font, 9);
  return Buffer.from(await doc.save());
}
