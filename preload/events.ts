/**
 * The events the window may listen to. A copy of EVENTS from main/api/schemas.ts, kept here so that the
 * sandboxed preload bundle does not pull zod in; events.test.ts proves both lists are equal.
 */
export const PRELOAD_EVENTS = [
  'session.locked',
  'core.restarted',
  'commune.changed',
  'parapheur.progress',
  'sync.progress',
  'signing.tokenChanged',
  'etatCivil.progress',
] as const;
