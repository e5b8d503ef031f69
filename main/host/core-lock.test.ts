/**
 * The write lock never waits on the network: a platform that accepts the connection and never answers
 * must not hold `app.status` or a read behind a connection test or a synchronisation run.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePki, type Pki } from '../../e2e/fakes/s2low/certs';
import { addDeliberations } from '../../test-support/sync-harness';
import { savePlateforme } from '../sync';
import { DocumentStore } from '../documents';
import { withCommune, type TestCore } from '../../test-support/helpers';
import path from 'node:path';

let pki: Pki;
let silent: net.Server;
const sockets = new Set<net.Socket>();
let url = '';
let hangUp = false;
/** The platform stops being silent: it hangs up on every connection, so pending calls end at once. */
const hangUpAll = () => {
  hangUp = true;
  for (const s of sockets) s.destroy();
};

beforeAll(async () => {
  pki = generatePki();
  // accepts every connection, reads, never writes a byte (not even the TLS handshake)
  silent = net.createServer((s) => {
    if (hangUp) return void s.destroy();
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

async function connected(): Promise<TestCore & { communeId: string }> {
  hangUp = false;
  const t = await withCommune();
  const { db, dir } = t.core.communes.get(t.communeId);
  savePlateforme(db, dir, {
    url,
    login: null,
    password: null,
    p12: pki.clientP12,
    p12Password: pki.p12Password,
    ca: pki.caPem,
  });
  return t;
}

const untilConnected = async () => {
  for (let i = 0; i < 200 && sockets.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(sockets.size).toBeGreaterThan(0);
};

/** Milliseconds a call takes. */
async function timed(call: () => Promise<{ ok: boolean }>): Promise<number> {
  const t0 = Date.now();
  const late = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('pas de réponse en 2 s : le verrou attend le réseau')), 2000).unref(),
  );
  const r = await Promise.race([call(), late]);
  expect(r.ok).toBe(true);
  return Date.now() - t0;
}

describe('core write lock and the network', () => {
  it('app.status and reads answer at once while a connection test waits on a silent platform', async () => {
    const t = await connected();
    const test = t.client.call('sync.testConnexion');
    await untilConnected();
    expect(await timed(() => t.client.call('app.status'))).toBeLessThan(1000);
    expect(await timed(() => t.client.call('sync.status'))).toBeLessThan(1000);
    expect(await timed(() => t.client.call('commune.get'))).toBeLessThan(1000);
    let settled = false;
    void test.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false); // the test is still waiting on the platform: the reads did not wait for it
    hangUpAll(); // the test then ends with a French diagnostic
    const r = await test;
    expect(r.ok && r.value.ok).toBe(false);
    t.close();
  }, 30_000);

  it('a synchronisation run stuck on the platform holds neither reads nor writes', async () => {
    const t = await connected();
    const { db, dir } = t.core.communes.get(t.communeId);
    addDeliberations({ db, dir, docs: new DocumentStore(path.join(dir, 'documents'), null) }, 1, { prefix: 'LOCK_' });
    const now = await t.client.call('sync.now');
    expect(now.ok).toBe(true);
    await untilConnected();
    const s = await t.client.call('sync.status');
    expect(s.ok && s.value.enCours).toBe(true);
    expect(await timed(() => t.client.call('app.status'))).toBeLessThan(1000);
    expect(await timed(() => t.client.call('journal.list', {}))).toBeLessThan(1000);
    hangUpAll();
    for (let i = 0; i < 200; i++) {
      const r = await t.client.call('sync.status');
      if (r.ok && !r.value.enCours) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    const after = await t.client.call('sync.status');
    expect(after.ok && after.value.enCours).toBe(false); // the run ended, its outcome written under the lock
    expect(after.ok && after.value.dernier?.ended_at).toBeTruthy();
    t.close();
  }, 30_000);
});
