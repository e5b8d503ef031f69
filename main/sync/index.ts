/**
 * What other domains may use of the synchronisation (architecture §2: only through this file).
 * `enqueue` runs INSIDE the caller's transaction (architecture §4): the outbox row and the change that needs
 * sending commit together or not at all.
 */

export { enqueue, statusLabel, type NewItem, type OutboxRow, type OutboxState } from './outbox';
export { runSync, type SyncProgress, type SyncReport } from './engine';
export { SyncScheduler, isOpen, HALF_DAYS } from './scheduler';
export { communeClassification } from './inbound';
export { connectorFor, readPlateforme, savePlateforme } from './settings';
export type { ActePayload, ReponsePayload } from './s2low/push';
export type { Connector, PushIO, PushStep, PullIO, Diagnostic } from './connector';
export { classify as classifyTransport, TransportError } from './s2low/http';
export { onInboundMessage, registerSyncSide, type InboundMessage, type SideContext, type SyncSide } from './sides';

export { acteFromDeliberation } from './acte';
export { enqueueHelios } from './requests';
export { SYNC_ACTOR } from './effects';
export { sealClearSecrets } from './settings';
