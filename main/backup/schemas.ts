/** The backups' part of the contract: list, make, restore, export for another PC, import (pure zod). */
import { z } from 'zod';
import type { Access } from '../context';

const none = z.object({}).strict();
const backupFile = z.string().regex(/^[A-Za-z0-9_.-]{1,120}\.sqlite$/);

export const backupApi = {
  'backup.list': { args: none, access: 'backup.manage' },
  'backup.create': { args: none, access: 'backup.manage' },
  'backup.restore': { args: z.object({ file: backupFile }).strict(), access: 'backup.manage' },
  // « Exporter pour un autre PC » / import: the commune re-encrypted under a passphrase (main/backup/transfer.ts)
  'backup.export': { args: z.object({ passphrase: z.string().max(200) }).strict(), access: 'backup.manage' },
  'backup.import': {
    args: z.object({ uploadId: z.uuid(), passphrase: z.string().max(200) }).strict(),
    access: 'installation.manage',
  },
} as const satisfies Record<string, { args: z.ZodType; access: Access }>;
