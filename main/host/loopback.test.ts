/**
 * The loopback host survives what any local process may send it: a malformed address, an oversized or
 * non-UTF-8 WebSocket frame, and a flood of connections. Loopback only, bounded loops.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir, testCore, type TestCore } from '../../test-support/helpers';
import {
  MAX_CONNECTIONS,
  MAX_FRAME_BYTES,
  MAX_PENDING,
  MAX_WINDOWS,
  startLoopback,
  type LoopbackServer,
} from './loopback';

let t: TestCore;
let host: LoopbackServer;
/** What would have ended a real host process (in vitest they are only reported at the end). */
const uncaught: unknown[] = [];
const collect = (e: unknown) => void uncaught.push(e);

beforeEach(async () => {
  uncaught.length = 0;
  process.on('uncaughtException', collect);
  t = testCore();
  const renderer = tempDir('clocher-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Clocher</title>');
  host = await startLoopback(t.core, renderer);
});
afterEach(async () => {
  process.off('uncaughtException', collect);
  await host.close();
  t.close();
});

/** Raw GET: the path goes out exactly as written (no client-side normalisation). */
const get = (p: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: Number(new URL(host.origin).port), path: p, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += String(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.setTimeout(2000, () => req.destroy(new Error(`pas de réponse à GET ${p} : l'hôte est tombé ?`)));
    req.on('error', reject);
    req.end();
  });

const bridge = () =>
  new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, { origin: host.origin });
const opened = (ws: WebSocket) =>
  new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );

/** The host still answers a page and a call: it did not fall over. */
async function stillServing(): Promise<void> {
  expect(uncaught.map(String)).toEqual([]);
  expect((await get('/')).status).toBe(200);
  const ws = bridge();
  await opened(ws);
  const reply = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
  ws.send(JSON.stringify({ id: 1, name: 'app.status', args: {} }));
  expect(JSON.parse(await reply)).toMatchObject({ id: 1, ok: true });
  ws.close();
}

describe('loopback host', () => {
  it('answers 400 to a malformed address (GET /%) and keeps serving', async () => {
    expect(await get('/%')).toEqual({ status: 400, body: 'Adresse mal formée.' });
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/%00')).status).toBe(200); // a NUL byte names no file: the page itself
    await stillServing();
  });

  it('closes a socket sending an oversized frame (1009) and keeps serving', async () => {
    const ws = bridge();
    await opened(ws);
    ws.on('error', () => undefined);
    const end = closed(ws);
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20));
    expect((await end).code).toBe(1009);
    await stillServing();
  });

  it('closes a socket sending a text frame that is not UTF-8 (1007) and keeps serving', async () => {
    const ws = bridge();
    await opened(ws);
    ws.on('error', () => undefined);
    const end = closed(ws);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await end).code).toBe(1007);
    await stillServing();
  });

  it(`refuses the window beyond ${MAX_WINDOWS} with a clear reason`, async () => {
    const windows = Array.from({ length: MAX_WINDOWS }, bridge);
    await Promise.all(windows.map(opened));
    const extra = bridge();
    const end = closed(extra);
    expect(await end).toEqual({
      code: 1013,
      reason: 'Trop de fenêtres Clocher ouvertes : fermez-en une puis rechargez la page.',
    });
    for (const w of windows) w.close();
    await Promise.all(windows.map(closed));
    await stillServing();
  });

  it(`closes a window with more than ${MAX_PENDING} requests waiting, with a clear reason`, async () => {
    const ws = bridge();
    await opened(ws);
    const end = closed(ws);
    // the whole burst in one TCP write, so the host reads it before it can answer any of it
    const socket = (ws as unknown as { _socket: net.Socket })._socket;
    socket.cork();
    for (let i = 0; i < MAX_PENDING * 2; i++) ws.send(JSON.stringify({ id: i, name: 'app.status', args: {} }));
    socket.uncork();
    expect(await end).toEqual({ code: 1013, reason: 'Trop de demandes en attente : rechargez la fenêtre.' });
    await stillServing();
  });

  it('survives a flood of connections and serves again once they are gone', async () => {
    const port = Number(new URL(host.origin).port);
    const flood: net.Socket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS + 200; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      flood.push(s);
    }
    await Promise.all(flood.map((s) => new Promise((r) => (s.once('connect', r), s.once('close', r)))));
    // beyond the cap the host drops new sockets at once instead of holding them
    const dropped = () => flood.filter((s) => s.destroyed).length;
    for (let i = 0; i < 100 && dropped() < 200; i++) await new Promise((r) => setTimeout(r, 50));
    expect(dropped()).toBeGreaterThanOrEqual(200);
    for (const s of flood) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await stillServing();
  });
});
