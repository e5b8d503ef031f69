import type { Implementations } from '../api/handler';
import { listJournal } from './journal';

export const auditHandlers = {
  'journal.list': (ctx, filter) => listJournal(ctx.commune().db, filter),
} satisfies Implementations<'journal.list'>;
