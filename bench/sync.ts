/**
 * Benchmark of the synchronisation (a benchmark, not a test): drain N acts against the fake S²LOW with
 * latency and random failures (HTTP 500, resets, answers lost after acceptance). Reports total time, retries,
 * duplicates (acts accepted more than once: must be 0) and lost items (not acknowledged: must be 0).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeS2low } from '../e2e/fakes/s2low/index';
import { runSync } from '../main/sync/engine';
import { addDeliberations, configure, openHarness } from '../test-support/sync-harness';
import { connectorFor } from '../main/sync/settings';

export interface SyncBenchResult {
  acts: number;
  latencyMs: number;
  failureRate: number;
  concurrency: number;
  totalMs: number;
  requests: number;
  retries: number;
  faults: Record<string, number>;
  duplicates: number;
  duplicateRefusals: number;
  lost: number;
}

export async function benchSync(
  o: { acts?: number; latencyMs?: number; failureRate?: number; concurrency?: number; seed?: number } = {},
): Promise<SyncBenchResult> {
  const acts = o.acts ?? 200;
  const latencyMs = o.latencyMs ?? 300;
  const failureRate = o.failureRate ?? 0.05;
  const concurrency = o.concurrency ?? 8;
  // the failures are split between the kinds the fake can inject
  const fake = await startFakeS2low({
    faults: {
      latencyMs,
      failRate: failureRate / 3,
      resetRate: failureRate / 3,
      lostAnswerRate: failureRate / 3,
      seed: o.seed ?? 2026,
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-bench-sync-'));
  const h = openHarness(dir);
  try {
    configure(h, fake);
    addDeliberations(h, acts, { prefix: 'B_' });
    const conn = connectorFor(h.db, h.dir, 10_000);
    if (typeof conn === 'string') throw new Error(conn);
    const t0 = performance.now();
    const rep = await runSync({
      db: h.db,
      docs: h.docs,
      connector: conn,
      now: () => new Date() /* a benchmark runs in real time */,
      backoff: { baseMs: 200, maxMs: 5000 },
      pollDelayMs: 0,
      concurrency,
      untilDrained: true,
      deadlineMs: 15 * 60_000,
      pull: false,
      trigger: 'test',
    });
    const totalMs = Math.round(performance.now() - t0);
    conn.close();
    const accepted = fake.state.stats.acceptedByNumber;
    const acknowledged = (
      h.db.prepare("SELECT count(*) AS n FROM sync_outbox WHERE state = 'recu'").get() as { n: number }
    ).n;
    return {
      acts,
      latencyMs,
      failureRate,
      concurrency,
      totalMs,
      requests: fake.state.stats.requests,
      retries: rep.retries,
      faults: { ...fake.state.stats.faults },
      duplicates: [...accepted.values()].reduce((s, n) => s + Math.max(0, n - 1), 0),
      duplicateRefusals: fake.state.stats.duplicateRefusals,
      lost: acts - acknowledged,
    };
  } finally {
    h.db.close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
