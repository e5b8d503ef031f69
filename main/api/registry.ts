/** The union of the domain handler maps: what the window may ask of the core. */
import { auditHandlers } from '../audit/handlers';
import { authHandlers } from '../auth/handlers';
import { backupHandlers } from '../backup/handlers';
import { communeHandlers } from '../commune/handlers';
import { appHandlers } from '../host/app-handlers';
import type { Implementations } from './handler';
import type { HandlerName } from './schemas';

export const implementations = {
  ...appHandlers,
  ...authHandlers,
  ...communeHandlers,
  ...auditHandlers,
  ...backupHandlers,
} satisfies Implementations<HandlerName>;

export type Implemented = typeof implementations;
