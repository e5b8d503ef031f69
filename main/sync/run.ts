// One synchronisation run's settings and counters, and the failures that stop it (architecture §6), shared by
// its phases: engine.ts, drain.ts, pieces-retry.ts.
import type { ArPieces } from './connector';
import type { Backoff } from './outbox';
import type { SyncOptions, SyncProgress, SyncReport } from './engine';

/** Offline, certificate refused, bad settings or login: the run stops at once and everything waits. */
export const STOP_RUN = new Set(['offline', 'tls', 'config', 'auth']);

export class Offline extends Error {}

/** One run's settings and counters, shared by its steps. */
export interface Run {
  o: SyncOptions;
  now: () => Date;
  backoff: Backoff;
  pollDelay: number;
  rep: SyncReport;
  runId: number;
  deadline: number;
  emit: (p: SyncProgress) => void;
  locked: <T>(fn: () => T) => Promise<T>;
}

/** Into the store before the transaction (content-addressed: a crash leaves at most an unreferenced file). */
export const storePieces = (run: Run, p: ArPieces | undefined) => ({
  bordereau: p?.bordereau ? run.o.docs.put(p.bordereau.bytes).sha256 : null,
  tampon: p?.tampon ? run.o.docs.put(p.tampon.bytes).sha256 : null,
});
