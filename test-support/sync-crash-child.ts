/**
 * Child process of the crash test (crash.test.ts): runs the synchronisation of the commune in argv[2]
 * until nothing is open, while the parent kills it with SIGKILL at random points. Exit 0 when drained.
 */
import { runSync } from '../main/sync/engine';
import { openHarness } from './sync-harness';
import { openCount } from '../main/sync/outbox';
import { connectorFor } from '../main/sync/settings';

async function main(): Promise<void> {
  const h = openHarness(process.argv[2] as string);
  const c = connectorFor(h.db, h.dir, 1500);
  if (typeof c === 'string') throw new Error(c);
  await runSync({
    db: h.db,
    docs: h.docs,
    connector: c,
    now: () => new Date() /* one clock across the killed and restarted processes: the machine's */,
    backoff: { baseMs: 5, maxMs: 50 },
    pollDelayMs: 0,
    untilDrained: true,
    deadlineMs: 30_000,
    concurrency: 4,
    pull: false,
    trigger: 'test',
  });
  c.close();
  process.exit(openCount(h.db) === 0 ? 0 : 3);
}
void main().catch((e) => {
  console.error(e);
  process.exit(2);
});
