/** Files from the core are downloaded (the CSP forbids frames and objects); files go up in chunks. */
import { call } from '../bridge';

export function download(file: { nom: string; mime: string; base64: string }): void {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.nom;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Send a file in chunks (documents.uploadStart, then uploadChunk); returns the uploadId for the handler. */
export async function upload(file: File, onProgress: (ratio: number) => void = () => undefined): Promise<string> {
  const { uploadId, chunkBytes } = await call('documents.uploadStart', { nom: file.name, size: file.size });
  let offset = 0;
  onProgress(0);
  while (offset < file.size) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    const r = await call('documents.uploadChunk', { uploadId, offset, data: toBase64(slice) });
    offset = r.received;
    onProgress(file.size ? offset / file.size : 1);
    if (r.complete) break;
  }
  return uploadId;
}

/** A trusted root as PEM: a PEM file is kept as is, a DER file is wrapped. */
export async function certificateAsPem(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text.slice(text.indexOf('-----BEGIN CERTIFICATE-----'), text.indexOf('-----END CERTIFICATE-----') + 25);
  const b64 = toBase64(bytes).replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
