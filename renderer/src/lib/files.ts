/** Files to and from the core: the CSP forbids frames and objects, so documents are downloaded; uploads go in chunks. */
import { call } from '../bridge';

export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Save a document sent by the core ({nom, mime, base64}) under its own name. */
export function downloadFile(file: { nom: string; mime: string; base64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64) as BlobPart], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.nom;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Send a file to the core in chunks; `onProgress` gets 0..1. The size is announced first: a file over the
 * limit is refused by the core (French message) before anything is sent. Returns the uploadId to hand over.
 */
export async function uploadFile(
  file: File,
  onProgress: (ratio: number) => void = () => undefined,
  scope: 'commune' | 'etat-civil' = 'commune',
): Promise<string> {
  // a register scan goes through the état civil's own upload, open to its officiers (main/etat-civil/handlers.ts)
  const start = (nom: string, size: number) =>
    scope === 'etat-civil'
      ? call('etatCivil.uploadStart', { nom, size })
      : call('documents.uploadStart', { nom, size });
  const send = (a: { uploadId: string; offset: number; data: string }) =>
    scope === 'etat-civil' ? call('etatCivil.uploadChunk', a) : call('documents.uploadChunk', a);
  const { uploadId, chunkBytes } = await start(file.name, file.size);
  let offset = 0;
  onProgress(0);
  while (offset < file.size) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    const r = await send({ uploadId, offset, data: toBase64(slice) });
    offset = r.received;
    onProgress(file.size ? offset / file.size : 1);
    if (r.complete) break;
  }
  return uploadId;
}
