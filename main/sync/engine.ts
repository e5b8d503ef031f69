/**
 * One synchronisation run (architecture §6): push the due outbox items through the connector, a few at a
 * time, each step persisted in one transaction with its effects; then pull what the platform has for us.
 * Offline (or certificate refused) → the run stops at once and everything waits: no error storm.
 * Its phases: push (drain.ts), the §2.5 retry of missing AR documents (pieces-retry.ts), pull, finish.
 */
import type { Db } from '../db';
import type { DocumentStore } from '../documents';
import type { Connector } from './connector';
import { pullSink } from './inbound';
import { DEFAULT_BACKOFF, openCount, type Backoff } from './outbox';
import { catchUpPieces } from './pieces-retry';
import { drain } from './drain';
import { Offline, STOP_RUN, type Run } from './run';

export interface SyncProgress {
  phase: 'envoi' | 'reception' | 'termine' | 'hors_ligne';
  done: number;
  total: number;
  message: string;
}

export interface SyncOptions {
  db: Db;
  docs: DocumentStore;
  connector: Connector;
  /** the core's clock (Core.clock): every date the run writes comes from it, never from the machine's */
  now: () => Date;
  backoff?: Backoff;
  /** delay before polling a sent item again (S²LOW answers in minutes) */
  pollDelayMs?: number;
  concurrency?: number;
  pull?: boolean;
  /** keep going until nothing is open (bench, tests) or this deadline passes */
  untilDrained?: boolean;
  deadlineMs?: number;
  trigger?: 'demarrage' | 'horaire' | 'manuel' | 'test';
  onProgress?: (p: SyncProgress) => void;
  /**
   * The core's write lock around each step's transaction: the network I/O runs outside it (a silent platform
   * holds nothing), the writes never interleave with a window's handler. Default: run directly (tests, bench).
   */
  exclusive?: <T>(fn: () => T) => Promise<T>;
}

export interface SyncReport {
  outcome: 'ok' | 'hors_ligne' | 'erreur';
  message: string;
  steps: number;
  retries: number;
  sent: number;
  received: number;
  refused: number;
  open: number;
}

export async function runSync(o: SyncOptions): Promise<SyncReport> {
  const run = startRun(o);
  try {
    await drain(run);
    await catchUpPieces(run);
    if (o.pull !== false) await pull(run);
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
    run.rep.outcome = 'hors_ligne';
    run.rep.message = `Synchronisation reportée : ${e.message}. Tout est conservé et partira à la prochaine connexion.`;
    run.emit({ phase: 'hors_ligne', done: 0, total: 0, message: run.rep.message });
  }
  return finish(run);
}

function startRun(o: SyncOptions): Run {
  const now = o.now;
  const runId = Number(
    o.db
      .prepare('INSERT INTO sync_run (started_at, trigger) VALUES (?, ?)')
      .run(now().toISOString(), o.trigger ?? 'manuel').lastInsertRowid,
  );
  return {
    o,
    now,
    backoff: o.backoff ?? DEFAULT_BACKOFF,
    pollDelay: o.pollDelayMs ?? 5 * 60_000,
    rep: { outcome: 'ok', message: '', steps: 0, retries: 0, sent: 0, received: 0, refused: 0, open: 0 },
    runId,
    // a budget of real elapsed time (the run must end), not a date: the machine's clock is right here
    deadline: Date.now() + (o.deadlineMs ?? 10 * 60_000),
    emit: (p) => o.onProgress?.(p),
    locked: o.exclusive ?? (async <T>(fn: () => T): Promise<T> => fn()),
  };
}

/** Receive what the platform has for us; an interrupted reception resumes at the next run. */
async function pull(run: Run): Promise<void> {
  const { o, rep } = run;
  run.emit({
    phase: 'reception',
    done: 0,
    total: 1,
    message: 'Réception des messages de la préfecture et du comptable',
  });
  try {
    await o.connector.pull(pullSink(o.db, o.docs, run.now, rep));
  } catch (e) {
    const t = o.connector.classify(e);
    if (STOP_RUN.has(t.failure)) throw new Offline(t.message);
    rep.outcome = 'erreur';
    rep.message = `Réception interrompue : ${t.message}. Elle reprendra à la prochaine synchronisation.`;
  }
}

/** Close the run's journal line and tell the window. */
function finish(run: Run): SyncReport {
  const { o, rep } = run;
  rep.open = openCount(o.db);
  if (rep.outcome === 'ok')
    rep.message = `Synchronisation terminée : ${rep.sent} envoyé(s), ${rep.received} reçu(s), ${rep.refused} refusé(s), ${rep.open} en cours.`;
  o.db
    .prepare('UPDATE sync_run SET ended_at = ?, outcome = ?, summary = ? WHERE id = ?')
    .run(run.now().toISOString(), rep.outcome, rep.message, run.runId);
  run.emit({ phase: 'termine', done: 1, total: 1, message: rep.message });
  return rep;
}
