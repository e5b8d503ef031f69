/**
 * Types the renderer may import (`import type` only): results flow from the implementations. They are read
 * from each domain's handler map, not from the host's registry, so the contract never imports the host
 * (architecture §2; `npm run cycles` counts type imports). A domain missing here fails to compile below
 * (`Implemented[N]` for a name it serves); the registry checks the same maps against the contract.
 */
import type { appHandlers } from '../app/handlers';
import type { auditHandlers } from '../audit/handlers';
import type { authHandlers } from '../auth/handlers';
import type { backupHandlers } from '../backup/handlers';
import type { communeHandlers } from '../commune/handlers';
import type { conseilHandlers } from '../conseil/handlers';
import type { courrierHandlers } from '../courrier/handlers';
import type { mailHandlers } from '../courrier/mail/handlers';
import type { dashboardHandlers } from '../dashboard/handlers';
import type { documentsHandlers } from '../documents/handlers';
import type { etatCivilHandlers } from '../etat-civil/handlers';
import type { ErrorValue } from '../kernel';
import type { parapheurHandlers } from '../parapheur/handlers';
import type { setupHandlers } from '../setup/handlers';
import type { syncHandlers } from '../sync/handlers';
import type { HandlerArgs, HandlerName } from './schemas';

export type { HandlerName, HandlerArgs, ErrorValue };
export type { EventName, EventPayload } from './schemas';

/** The union of the domain handler maps, as main/host/registry.ts merges them. */
export type Implemented = typeof appHandlers &
  typeof authHandlers &
  typeof communeHandlers &
  typeof setupHandlers &
  typeof dashboardHandlers &
  typeof auditHandlers &
  typeof backupHandlers &
  typeof conseilHandlers &
  typeof courrierHandlers &
  typeof documentsHandlers &
  typeof parapheurHandlers &
  typeof syncHandlers &
  typeof mailHandlers &
  typeof etatCivilHandlers;
export type HandlerResult<N extends HandlerName> = Awaited<ReturnType<Implemented[N]>>;

export type Reply<T = unknown> = { id: number; ok: true; value: T } | { id: number; ok: false; error: ErrorValue };
