/** Files to and from the core: chunked upload (shared in lib/files), download of a stored document under its own name. */
import { call } from '../bridge';
import { downloadFile } from '../lib/files';

export { uploadFile } from '../lib/files';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  xml: 'application/xml',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Download a document of the commune under its own name (a PES_Retour is XML, a courrier a PDF). */
export async function downloadDocument(doc: { nom: string; sha256: string }): Promise<void> {
  const { base64 } = await call('documents.get', { sha256: doc.sha256 });
  const ext = doc.nom.split('.').pop()?.toLowerCase() ?? '';
  downloadFile({ nom: doc.nom, mime: MIME[ext] ?? 'application/octet-stream', base64 });
}
