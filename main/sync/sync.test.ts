import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeS2low, type FakeS2low } from '../../e2e/fakes/s2low/index';
import { tempDir } from '../../test-support/helpers';
import { runningClock } from '../../test-support/support';
import { runSync, type SyncOptions } from './engine';
import { addDeliberations, connectedHarness, type Harness } from '../../test-support/sync-harness';
import { statusLabel, type OutboxRow } from './outbox';
import { enqueueRenvoi } from './requests';
import { connectorFor } from './settings';
import type { S2lowConnector } from './s2low/connector';

let fake: FakeS2low;
let h: Harness;
let conn: S2lowConnector;

const clock = runningClock(); // from TEST_NOW; the engine waits for the retry times it computes from it
const fast = (extra: Partial<SyncOptions> = {}): SyncOptions => ({
  db: h.db,
  docs: h.docs,
  connector: conn,
  backoff: { baseMs: 5, maxMs: 20 },
  pollDelayMs: 0,
  untilDrained: true,
  deadlineMs: 20_000,
  ...extra,
  now: extra.now ?? clock,
});
const rows = () => h.db.prepare('SELECT * FROM sync_outbox ORDER BY id').all() as OutboxRow[];
const acceptedOnce = () => [...fake.state.stats.acceptedByNumber.values()].every((n) => n === 1);

beforeAll(async () => {
  fake = await startFakeS2low({ anomaly: (n) => (n.endsWith('_666') ? "L'acte est illisible" : null) });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  ({ h, conn } = connectedHarness(fake, tempDir('clocher-sync-')));
});

describe('ACTES through the fake S²LOW', () => {
  it('sends délibérations, polls 1→2→3→4, stores the AR and marks the délibération', async () => {
    const ids = addDeliberations(h, 3, { prefix: 'T1_' });
    const events: string[] = [];
    const rep = await runSync(fast({ onProgress: (p) => events.push(p.phase) }));
    expect(rep.outcome).toBe('ok');
    expect(rows().map((r) => r.state)).toEqual(['recu', 'recu', 'recu']);
    const d = h.db
      .prepare('SELECT transmission, ar_identifiant, ar_date FROM deliberation WHERE id = ?')
      .get(ids[0]) as Record<string, string>;
    expect(d.transmission).toBe('ar_recu');
    expect(d.ar_identifiant).toBe(`045-214502494-20260115-T1_001-DE`);
    expect(statusLabel(rows()[0] as OutboxRow)).toMatch(
      /^reçu par la préfecture le \d{2}\/\d{2}\/\d{4} \(045-214502494-20260115-T1_001-DE\)$/,
    );
    expect(events).toContain('envoi');
    expect(events.at(-1)).toBe('termine');
    const arrivals = h.db.prepare("SELECT title FROM arrival WHERE source = 'prefecture'").all() as { title: string }[];
    expect(arrivals.length).toBe(3);
  });

  it('an AnomalieActe is a refusal with its reason, not retried, and shown', async () => {
    addDeliberations(h, 1, { prefix: 'T2_66' }); // numero T2_66001? → use explicit
    h.db
      .prepare("UPDATE sync_outbox SET payload = json_set(payload, '$.numero', 'T2_666'), idem_key = 'acte:T2_666'")
      .run();
    await runSync(fast());
    const r = rows()[0] as OutboxRow;
    expect(r.state).toBe('refuse');
    expect(statusLabel(r)).toBe("refusé : L'acte est illisible");
    const todo = h.db.prepare('SELECT title FROM todo').get() as { title: string };
    expect(todo.title).toMatch(/Corriger et renvoyer/);
    // the délibération itself goes back to the secrétaire, with the reason, and is not exécutoire
    const d = h.db.prepare('SELECT transmission, anomalie_motif FROM deliberation WHERE id = ?').get(r.ref_id) as {
      transmission: string;
      anomalie_motif: string;
    };
    expect(d).toEqual({ transmission: 'anomalie', anomalie_motif: "L'acte est illisible" });

    // Corrected, it is sent again under a derived numéro interne (unique per collectivité on the platform).
    const again = enqueueRenvoi(h.db, r.id, clock());
    await runSync({ ...fast(), untilDrained: true });
    const resent = h.db.prepare('SELECT * FROM sync_outbox WHERE id = ?').get(again) as OutboxRow;
    const { numero } = h.db.prepare('SELECT numero FROM deliberation WHERE id = ?').get(r.ref_id) as { numero: string };
    expect(JSON.parse(resent.payload).numero).toBe(`${numero}_R1`);
    expect(resent.state).toBe('recu');
    expect(h.db.prepare('SELECT transmission FROM deliberation WHERE id = ?').get(r.ref_id)).toEqual({
      transmission: 'ar_recu',
    });
    expect(() => enqueueRenvoi(h.db, again, clock())).toThrow(/Seul un envoi refusé/);
  });

  it('« Synchroniser maintenant » checks sent acts at once instead of waiting for the next poll', async () => {
    addDeliberations(h, 1, { prefix: 'M1_' });
    await runSync(fast({ untilDrained: false, pollDelayMs: 3_600_000 }));
    expect((rows()[0] as OutboxRow).state).toBe('envoye');
    const before = rows()[0] as OutboxRow;
    await runSync(fast({ untilDrained: false, pollDelayMs: 3_600_000, trigger: 'horaire' }));
    expect((rows()[0] as OutboxRow).updated_at).toBe(before.updated_at); // a scheduled run waits for the poll delay
    // each manual run asks the platform at once (the fake moves one status step per question: 1→2→3→4)
    for (let i = 0; i < 5 && (rows()[0] as OutboxRow).state !== 'recu'; i++)
      await runSync(fast({ untilDrained: false, pollDelayMs: 3_600_000, trigger: 'manuel' }));
    expect((rows()[0] as OutboxRow).state).toBe('recu');
  });

  it('a KO for a rule (decision date in the future, typologie) is permanent', async () => {
    addDeliberations(h, 2, { prefix: 'T3_' });
    h.db
      .prepare(
        "UPDATE sync_outbox SET payload = json_set(payload, '$.typeActe', '99_AU') WHERE idem_key = 'acte:T3_001'",
      )
      .run();
    h.db
      .prepare(
        "UPDATE sync_outbox SET payload = json_set(payload, '$.date', '2999-01-01') WHERE idem_key = 'acte:T3_002'",
      )
      .run();
    await runSync(fast());
    const [a, b] = rows() as [OutboxRow, OutboxRow];
    expect(a.state).toBe('refuse');
    expect(a.last_error).toMatch(/typologie 99_AU n'est pas autorisée/);
    expect(b.state).toBe('refuse');
    expect(b.last_error).toMatch(/futur/);
    expect(a.attempts).toBe(1);
  });

  for (const kind of ['http500', 'timeout', 'reset', 'lostAnswer'] as const) {
    it(`recovers from ${kind} on the POST without duplicate nor loss`, async () => {
      addDeliberations(h, 2, { prefix: `F${kind.slice(0, 3).toUpperCase()}_` });
      fake.inject(kind, { path: 'actes_transac_create', times: 2 });
      const rep = await runSync(fast());
      expect(rows().every((r) => r.state === 'recu')).toBe(true);
      expect(rep.retries).toBeGreaterThanOrEqual(kind === 'lostAnswer' ? 2 : 2);
      expect(acceptedOnce()).toBe(true);
      expect(fake.state.stats.duplicateRefusals).toBe(0);
    });
  }

  it('random faults and latency on every call: still exactly once', async () => {
    addDeliberations(h, 12, { prefix: 'RND_' });
    fake.setFaults({ latencyMs: 5, failRate: 0.1, timeoutRate: 0.03, resetRate: 0.1, lostAnswerRate: 0.15, seed: 7 });
    await runSync(fast({ deadlineMs: 40_000 }));
    fake.setFaults({});
    expect(rows().every((r) => r.state === 'recu')).toBe(true);
    expect(acceptedOnce()).toBe(true);
    expect(fake.state.stats.duplicateRefusals).toBe(0);
  }, 60_000);

  it('offline: the run stops at once, nothing is lost, items wait', async () => {
    addDeliberations(h, 5, { prefix: 'OFF_' });
    h.db
      .prepare("UPDATE setting SET value = json_set(value, '$.url', 'https://127.0.0.1:9') WHERE key = 'plateforme'")
      .run();
    const c = connectorFor(h.db, h.dir, 2000) as S2lowConnector;
    const rep = await runSync(fast({ connector: c, untilDrained: false }));
    expect(rep.outcome).toBe('hors_ligne');
    expect(rep.retries).toBe(1); // one failure, then the run stops: no error storm
    expect(rows().map((r) => statusLabel(r))).toEqual(Array(5).fill('en attente de connexion'));
  });
});
