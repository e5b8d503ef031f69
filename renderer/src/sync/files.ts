/** Files to and from the core: chunked upload (documents.uploadStart / uploadChunk), download of a stored document. */
import { call } from '../bridge';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Send a file in chunks; the core refuses a file over its limit (French message) before anything is sent. */
export async function uploadFile(file: File): Promise<string> {
  const { uploadId, chunkBytes } = await call('documents.uploadStart', { nom: file.name, size: file.size });
  let offset = 0;
  while (offset < file.size) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    const r = await call('documents.uploadChunk', { uploadId, offset, data: toBase64(slice) });
    offset = r.received;
    if (r.complete) break;
  }
  return uploadId;
}

const MIME: Record<string, string> = { pdf: 'application/pdf', xml: 'application/xml', txt: 'text/plain', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** Download a document of the commune under its own name (a PES_Retour is XML, a courrier a PDF). */
export async function downloadDocument(doc: { nom: string; sha256: string }): Promise<void> {
  const { base64 } = await call('documents.get', { sha256: doc.sha256 });
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const ext = doc.nom.split('.').pop()?.toLowerCase() ?? '';
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.nom;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
