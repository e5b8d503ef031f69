/** PDFs from the core ({nom, mime, base64}); the helpers are shared in lib/files. */
export { downloadFile as downloadPdf, uploadFile } from '../lib/files';

export interface PdfValue {
  nom: string;
  mime: string;
  base64: string;
}
