/**
 * Every date the synchronisation writes comes from the core's injected clock (issue 10): a run, its pushes,
 * the requests the secrétaire queues, an e-mail's envoyeLe. The test clock is far from the machine's date
 * (2031), so a date taken from the machine's clock shows.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../test-support/helpers';
import { openHarness, type Harness } from '../../test-support/sync-harness';
import type { Connector, PushIO } from './connector';
import { runSync } from './engine';
import { classify as classifyTransport } from './s2low/http';
import { statusLabel, type OutboxRow } from './outbox';
import { enqueueClassificationRequest, enqueueHelios } from './requests';

const FIXED = new Date('2031-03-14T10:00:00Z');
let h: Harness;
beforeEach(() => void (h = openHarness(tempDir('clocher-clock-'))));
afterEach(() => h.db.close());

it('queued requests and a whole run are dated by the injected clock, and so is what a connector records', async () => {
  const helios = enqueueHelios(h.db, { sha256: 'a'.repeat(64), nom: 'PES.xml' }, FIXED);
  const classification = enqueueClassificationRequest(h.db, '2031-03-14', FIXED);
  let seen: PushIO | null = null;
  const connector: Connector = {
    name: 'plateforme',
    push: async (_i, io) => {
      seen = io;
      return { state: 'recu', result: { date: io.today, envoyeLe: io.now().toISOString() } };
    },
    pull: async () => undefined,
    test: async () => ({ ok: true, message: '', steps: [] }),
    close: () => undefined,
    classify: classifyTransport,
  };
  await runSync({ db: h.db, docs: h.docs, connector, now: () => FIXED, pull: false, trigger: 'test' });
  expect(seen).not.toBeNull();
  const rows = h.db
    .prepare('SELECT id, state, created_at, updated_at, result FROM sync_outbox ORDER BY id')
    .all() as (OutboxRow & { created_at: string; updated_at: string })[];
  expect(rows.map((r) => [r.id, r.state, r.created_at, r.updated_at])).toEqual([
    [helios, 'recu', FIXED.toISOString(), FIXED.toISOString()],
    [classification, 'recu', FIXED.toISOString(), FIXED.toISOString()],
  ]);
  expect(JSON.parse(rows[0]!.result as string)).toMatchObject({ date: '2031-03-14', envoyeLe: FIXED.toISOString() });
  expect(h.db.prepare('SELECT started_at, ended_at FROM sync_run').all()).toEqual([
    { started_at: FIXED.toISOString(), ended_at: FIXED.toISOString() },
  ]);
});

it('an e-mail row without its retry time says when in words, without a date from the machine', () => {
  const label = statusLabel({
    kind: 'mail',
    state: 'a_envoyer',
    remote_status: null,
    result: null,
    last_error: 'en attente de connexion : le serveur ne répond pas',
  });
  expect(label).toBe(
    'pas encore parti : le serveur ne répond pas — nouvel essai automatique à la prochaine synchronisation',
  );
});
