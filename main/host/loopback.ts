/**
 * Loopback transport, for development and tests only (never packaged): an HTTP server on 127.0.0.1 with a
 * random port serves the built renderer, and a WebSocket carries the same messages as Electron's IPC.
 * A per-run token, given to the browser in the URL fragment (never sent in a request), and an Origin
 * check keep other local pages and processes out. Nothing a local process sends may bring the host down: a
 * malformed address gets a 400, an oversized or non-UTF-8 frame closes that socket only (RFC 6455 §7.4.1:
 * 1009, 1007), and connections are capped (HTTP and WebSocket) with a clear close reason.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CSP, CONTENT_TYPES as TYPES } from './csp';
import type { Core } from './core';

/** A window sends JSON requests and upload chunks (chunks are ≤ 1 MB, architecture §3): 8 MB is ample. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
/** One secrétaire, a few windows at most; beyond that it is a runaway script, not a person. */
export const MAX_WINDOWS = 16;
/** Sockets of any kind (page assets, WebSockets): new ones beyond this are dropped by the kernel side. */
export const MAX_CONNECTIONS = 256;
/** Requests of one window waiting for their answer: the window awaits each call; a flood is a script. */
export const MAX_PENDING = 64;
/** RFC 6455 §7.4.1: 1013 « try again later » (the server is overloaded). */
const TOO_MANY = 1013;

export interface LoopbackServer {
  url: string; // with #token=… fragment, to open in the browser
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** `fixedToken`: a host restarted by scripts/start.mjs keeps the token its window already holds. */
export async function startLoopback(
  core: Core,
  rendererDir: string,
  port = 0,
  fixedToken?: string,
): Promise<LoopbackServer> {
  const token = fixedToken ?? crypto.randomBytes(32).toString('base64url');
  const root = path.resolve(rendererDir);
  const server = http.createServer((req, res) => {
    let file: string;
    try {
      file = path.resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)}`);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Adresse mal formée.');
      return; // `GET /%`: decodeURIComponent throws, and an exception here would end the host
    }
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    fs.readFile(file, (err, data) => {
      if (err) res.writeHead(404).end();
      else res.writeHead(200, headers).end(data);
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const addr = server.address();
  const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}`;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    skipUTF8Validation: false,
    perMessageDeflate: false,
  });
  wss.on('error', () => undefined);
  const expected = Buffer.from(token);

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy()); // a reset during the handshake must not be an uncaught error
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const tokenOk = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    if (url.pathname !== '/bridge' || req.headers.origin !== origin || !tokenOk) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate()); // 1009 (too big), 1007 (not UTF-8): that socket only
      if (wss.clients.size > MAX_WINDOWS)
        ws.close(TOO_MANY, 'Trop de fenêtres Clocher ouvertes : fermez-en une puis rechargez la page.');
      else serve(core, ws);
    });
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(core: Core, ws: WebSocket): void {
  const conn = core.connect((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  let pending = 0;
  ws.on('message', async (data) => {
    if (++pending > MAX_PENDING) {
      ws.close(TOO_MANY, 'Trop de demandes en attente : rechargez la fenêtre.');
      return;
    }
    let msg: unknown;
    try {
      msg = JSON.parse(String(data));
    } catch {
      msg = null;
    }
    const reply = await core.dispatch(conn, msg);
    pending--;
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  });
  ws.on('close', () => core.disconnect(conn));
}
