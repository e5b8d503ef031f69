/**
 * Worker thread entry (bundled as dist/main/host/check-worker.js, scripts/build.mjs): the day's check and backup of
 * one commune, off the core's event loop (issue 9), on a connection of its own (WAL lets it read while the core
 * writes). `control` is shared with the core: [0] set by the core to ask for a stop between steps; [1] set here
 * once the connection is closed, so a closing core can wait for it synchronously (daily-check.ts, Core.close);
 * [2] set here while the connection is open.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { runDailyCheck, type DailyCheckJob } from '../backup';

const { job, control } = workerData as { job: DailyCheckJob; control: Int32Array };
let result;
try {
  result = runDailyCheck(
    job,
    () => Atomics.load(control, 0) !== 0,
    () => Atomics.store(control, 2, 1),
  );
} finally {
  Atomics.store(control, 1, 1);
  Atomics.notify(control, 1);
}
parentPort?.postMessage({ result, threadId });
