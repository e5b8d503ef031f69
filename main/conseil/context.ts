import type { DomainCtx } from '../context';

/** What the conseil domain needs from the core for one call: the context every domain shares (ctx.data()). */
export type ConseilCtx = DomainCtx;
