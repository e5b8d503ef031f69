/**
 * The core's side of the day's check and backup of each open commune (issue 9): `quick_check` of a 60 MiB base
 * took 651 ms and the backup (VACUUM INTO) 2 s inside « Se connecter ». They now start after the reply (a timer:
 * START_DELAY_MS) in a worker thread (check-worker.ts) with its own connection; the core hears the outcome as a
 * message, between two calls. One job per commune at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runDailyCheck, type DailyCheckJob, type DailyCheckResult } from '../backup';

export interface CheckOutcome {
  result: DailyCheckResult;
  /** the thread that ran it: 0 is the core's own (the inline fallback) */
  threadId: number;
}

/**
 * A stop waits this long for the step under way before it cuts it: within the 2 s the Electron shell gives the core
 * to close (main/electron/core-process.ts). A backup cut there is a `.partiel`, never taken for a backup.
 */
export const STOP_WAIT_MS = 1_500;

/** The worker's bundle beside the running one (dist/main/host/), or seen from dist/scripts/ and dist/bench/. */
export function defaultCheckScript(): string | null {
  const candidates = [
    path.join(__dirname, 'check-worker.js'),
    path.join(__dirname, '..', 'main', 'host', 'check-worker.js'),
  ];
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * The job starts this long after the reply: the window then loads its dashboard (the core answers dashboard.get,
 * Chromium draws) without a check reading 60 MiB on the same two cores (a mairie's PC, issue 9).
 */
export const START_DELAY_MS = 1_500;

interface Running {
  control: Int32Array;
  timer: NodeJS.Timeout | null;
  launch: () => void;
  worker: Worker | null;
  finished: Promise<void>;
  end: () => void;
}

export class DailyChecks {
  private readonly running = new Map<string, Running>();
  /** the last outcome of each commune's job (diagnostics, tests: which thread ran it) */
  readonly last = new Map<string, CheckOutcome>();

  /** `script`: the worker's file; null runs the job on the core's thread after the reply (sources run by vitest). */
  constructor(
    private readonly script: string | null,
    private readonly delayMs = START_DELAY_MS,
  ) {}

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Whether the worker of `id` holds its connection to the base right now. */
  isReading(id: string): boolean {
    const r = this.running.get(id);
    return !!r && Atomics.load(r.control, 2) === 1 && Atomics.load(r.control, 1) === 0;
  }

  /** Start the job for commune `id` after the current reply; `done` hears its outcome (never if it was stopped). */
  start(id: string, job: DailyCheckJob, done: (o: CheckOutcome) => void): void {
    if (this.running.has(id)) return;
    let end: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (end = resolve));
    const r: Running = {
      control: new Int32Array(new SharedArrayBuffer(12)),
      timer: null,
      launch: () => undefined,
      worker: null,
      finished,
      end,
    };
    const finish = (o: CheckOutcome | null) => {
      if (this.running.get(id) !== r) return;
      this.running.delete(id);
      r.end();
      if (!o) return;
      this.last.set(id, o);
      done(o);
    };
    const inline = () => finish({ result: runDailyCheck(job), threadId: 0 });
    r.launch = () => {
      if (!this.script) return inline();
      const worker = new Worker(this.script, { workerData: { job, control: r.control } });
      r.worker = worker;
      let heard = false;
      worker.on('message', (m: CheckOutcome) => {
        heard = true;
        finish(m);
      });
      // a worker that could not even start (its file unreadable): the job still runs, on this thread
      worker.on('error', () => (heard || Atomics.load(r.control, 1) !== 0 ? finish(null) : inline()));
      worker.on('exit', () => finish(null));
      worker.unref(); // a pending check never keeps the process alive: close() below is what waits for it
    };
    r.timer = setTimeout(() => {
      r.timer = null;
      r.launch();
    }, this.delayMs);
    r.timer.unref();
    this.running.set(id, r);
  }

  /**
   * Stop the job of `id`, synchronously (Core.close and a restore are synchronous): the worker is asked to stop
   * between steps and waited for, so its connection is closed and no backup is left half-written under a good
   * name (createBackup writes `.partiel` then renames). Past STOP_WAIT_MS it is cut; a `.partiel` it leaves is
   * never listed and is removed by the next backup (daily-check.ts).
   */
  stop(id: string): void {
    const r = this.running.get(id);
    if (!r) return;
    this.running.delete(id);
    if (r.timer) clearTimeout(r.timer);
    if (r.worker) {
      Atomics.store(r.control, 0, 1);
      Atomics.wait(r.control, 1, 0, STOP_WAIT_MS);
      // what the worker itself said when we let it go: its connection closed, or still reading (cut)
      this.stopped.set(id, Atomics.load(r.control, 1) === 1 ? 'fini' : 'coupe');
      void r.worker.terminate();
    }
    r.end();
  }
  /** how the last stop of each commune's worker went (tests, diagnostics) */
  readonly stopped = new Map<string, 'fini' | 'coupe'>();

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  /** Starts at once the jobs still waiting, and resolves when all have ended and been reported (tests, bench). */
  async settled(): Promise<void> {
    for (const r of this.running.values())
      if (r.timer) {
        clearTimeout(r.timer);
        r.timer = null;
        r.launch();
      }
    while (this.running.size) await Promise.all([...this.running.values()].map((r) => r.finished));
    await new Promise((resolve) => setImmediate(resolve)); // the reports, heard on the event loop, have run
  }
}
