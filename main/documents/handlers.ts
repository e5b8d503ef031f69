/** Files crossing the boundary: chunked uploads (architecture §3) and a stored document read back as a PDF. */
import type { Implementations } from '../context';
import type { documentsApi } from './schemas';
import { pdfValue } from './pdf-value';

export const documentsHandlers = {
  'documents.uploadStart': (ctx, { nom, size }) => ctx.core.uploads.start(ctx.conn.id, nom, size),
  'documents.uploadChunk': (ctx, { uploadId, offset, data }) =>
    ctx.core.uploads.chunk(ctx.conn.id, uploadId, offset, data),
  'documents.get': (ctx, { sha256 }) =>
    pdfValue(`${sha256.slice(0, 12)}.pdf`, ctx.core.communes.documentsOf(ctx.commune().id).read(sha256)),
} satisfies Implementations<typeof documentsApi, 'documents.uploadStart' | 'documents.uploadChunk' | 'documents.get'>;
