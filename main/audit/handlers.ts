import type { Implementations } from '../context';
import type { auditApi } from './schemas';
import { listJournal } from './journal';

export const auditHandlers = {
  'journal.list': (ctx, filter) => listJournal(ctx.commune().db, filter),
} satisfies Implementations<typeof auditApi, 'journal.list'>;
