/**
 * The handlers' context, bound to the assembled contract: for the host (registry, app handlers) only. The
 * domains import their context from main/context/ and type their handlers by their own schemas.ts
 * (`Implementations<typeof xApi>`), so that no domain's types reach up here (architecture §2; `npm run cycles`
 * counts type imports too).
 */
import type { Implementations as DomainImplementations } from '../context';
import type { api, HandlerName } from './schemas';

export type { Connection, CoreServices, Ctx, DomainCtx, Session } from '../context';

/** The implementations of the names K of the assembled contract (the registry checks all of them). */
export type Implementations<K extends HandlerName> = DomainImplementations<typeof api, K>;
