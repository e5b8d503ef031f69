/** Files of the parapheur; the download and chunked upload helpers are shared in lib/files. */
import { toBase64 } from '../lib/files';

export { downloadFile as download, uploadFile as upload, toBase64 } from '../lib/files';

/** A trusted root as PEM: a PEM file is kept as is, a DER file is wrapped. */
export async function certificateAsPem(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----'))
    return text.slice(text.indexOf('-----BEGIN CERTIFICATE-----'), text.indexOf('-----END CERTIFICATE-----') + 25);
  const b64 = toBase64(bytes)
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
