/** The documents' part of the contract (pure zod): chunked uploads (architecture §3) and reading a stored PDF. */
import { z } from 'zod';
import type { Access } from '../context';

/** One chunk of an upload (base64, at most 6 MiB of text): shared by every domain that receives files. */
export const uploadChunkArgs = z
  .object({
    uploadId: z.uuid(),
    offset: z.number().int().min(0),
    data: z
      .string()
      .max(6 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

export const documentsApi = {
  'documents.uploadStart': {
    args: z.object({ nom: z.string().trim().min(1).max(200), size: z.number().int().min(0) }).strict(),
    access: 'commune.write',
  },
  'documents.uploadChunk': {
    args: uploadChunkArgs,
    access: 'commune.write',
  },
  'documents.get': { args: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), access: 'commune.read' },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
