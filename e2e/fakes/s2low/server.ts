/**
 * The fake S²LOW's transport (protocol §1): HTTPS on 127.0.0.1 only, client certificate REQUIRED at the TLS
 * level (like Apache's `SSLVerifyClient require`), HTTP Basic when the certificate is shared, text answers
 * in ISO-8859-1, multipart bodies, and fault injection (latency, HTTP 500, timeout, reset mid-upload,
 * answer lost after the server has accepted).
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Busboy from 'busboy';
import type { PostedFile } from './validate';

export type FaultKind = 'http500' | 'timeout' | 'reset' | 'lostAnswer';

export interface Faults {
  latencyMs?: number;
  /** probabilities per request, 0..1 */
  failRate?: number;
  timeoutRate?: number;
  /** POSTs only: the socket is destroyed while the body arrives (nothing is recorded) */
  resetRate?: number;
  /** POSTs only: the request is fully processed, then the socket is destroyed instead of answering */
  lostAnswerRate?: number;
  seed?: number;
}

export interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  fields: Record<string, string[]>;
  files: PostedFile[];
  bodyBytes: number;
}

export interface Answer {
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  body: Buffer | string;
}

export type Router = (r: Req) => Answer | Promise<Answer>;

/** `OK`/`KO` text answer, ISO-8859-1 (§1 « Legacy API C »). */
export const text = (body: string, status = 200): Answer => ({
  status,
  type: 'text/plain; charset=ISO-8859-1',
  body: Buffer.from(body, 'latin1'),
});
export const json = (v: unknown): Answer => ({ type: 'application/json', body: JSON.stringify(v) });
export const xml = (body: string, status = 200): Answer => ({
  status,
  type: 'application/xml; charset=ISO-8859-1',
  body: Buffer.from(body, 'latin1'),
});

/** A tiny deterministic PRNG (mulberry32, shared with the large-commune generator) so that fault runs can be replayed. */
import { mulberry32 as rng } from '../../../bench/devdata/random';

export { rng };

export interface ServerConfig {
  key: string;
  cert: string;
  ca: string;
  login: string | null;
  password: string | null;
  faults: Faults;
  maxBodyBytes: number;
  route: Router;
  onFault: (k: FaultKind) => void;
  onRequest: () => void;
}

export class FaultPlan {
  private readonly queue: { kind: FaultKind; path: string | null; times: number }[] = [];
  private readonly random: () => number;
  constructor(public faults: Faults) {
    this.random = rng(faults.seed ?? 42);
  }
  /** Deterministic: the next `times` requests whose path contains `path` get this fault. */
  inject(kind: FaultKind, opts: { path?: string; times?: number } = {}): void {
    this.queue.push({ kind, path: opts.path ?? null, times: opts.times ?? 1 });
  }
  pick(method: string, path: string): FaultKind | null {
    const q = this.queue.find((f) => f.times > 0 && (!f.path || path.includes(f.path)));
    if (q) {
      q.times--;
      return q.kind;
    }
    const f = this.faults;
    const r = this.random();
    let acc = f.failRate ?? 0;
    if (r < acc) return 'http500';
    if (r < (acc += f.timeoutRate ?? 0)) return 'timeout';
    if (method === 'POST' && r < (acc += f.resetRate ?? 0)) return 'reset';
    if (method === 'POST' && r < (acc += f.lostAnswerRate ?? 0)) return 'lostAnswer';
    return null;
  }
}

function checkBasic(req: IncomingMessage, login: string | null, password: string | null): boolean {
  if (login === null) return true;
  const h = req.headers.authorization ?? '';
  if (!h.startsWith('Basic ')) return false;
  // §1: logins/passwords may be ISO-8859-1 (CONVERT_API_LOGINS_FROM_ISO); we accept UTF-8 and Latin-1
  const raw = Buffer.from(h.slice(6), 'base64');
  const candidates = [raw.toString('utf8'), raw.toString('latin1')];
  return candidates.includes(`${login}:${password ?? ''}`);
}

async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ fields: Record<string, string[]>; files: PostedFile[]; bytes: number }> {
  const fields: Record<string, string[]> = {};
  const files: PostedFile[] = [];
  let bytes = 0;
  const ct = req.headers['content-type'] ?? '';
  if (req.method !== 'POST') return { fields, files, bytes };
  if (!ct.startsWith('multipart/form-data') && !ct.startsWith('application/x-www-form-urlencoded')) {
    for await (const c of req) bytes += (c as Buffer).length;
    return { fields, files, bytes };
  }
  await new Promise<void>((resolve, reject) => {
    const bb = Busboy({
      headers: req.headers,
      defCharset: 'latin1',
      defParamCharset: 'latin1',
      limits: { fileSize: maxBytes + 1, files: 200 },
    });
    bb.on('field', (name, value) => (fields[name] ??= []).push(value));
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes <= maxBytes) chunks.push(c);
      });
      stream.on('end', () => files.push({ field, filename: info.filename ?? '', bytes: Buffer.concat(chunks) }));
    });
    bb.on('close', resolve);
    bb.on('error', reject);
    req.pipe(bb);
  });
  return { fields, files, bytes };
}

export function createServer(cfg: ServerConfig, plan: FaultPlan): { server: https.Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = https.createServer(
    { key: cfg.key, cert: cfg.cert, ca: cfg.ca, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      void handle(req, res).catch(() => res.socket?.destroy());
    },
  );
  server.on('secureConnection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cfg.onRequest();
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    if (plan.faults.latencyMs) await new Promise((r) => setTimeout(r, plan.faults.latencyMs));
    const fault = plan.pick(req.method ?? 'GET', url.pathname);
    if (fault) cfg.onFault(fault);
    if (fault === 'timeout') return; // never answer; the client must give up by itself
    if (fault === 'reset') {
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      req.resume();
      return;
    }
    if (fault === 'http500') {
      req.resume();
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500 Internal Server Error</h1>');
      return;
    }
    if (!checkBasic(req, cfg.login, cfg.password)) {
      req.resume();
      res.writeHead(401, {
        'content-type': 'text/plain; charset=ISO-8859-1',
        'www-authenticate': 'Basic realm="S2LOW"',
      });
      res.end(Buffer.from("KO\nÉchec de l'authentification : identifiant ou mot de passe incorrect\n", 'latin1'));
      return;
    }
    const body = await readBody(req, cfg.maxBodyBytes);
    const answer = await cfg.route({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      fields: body.fields,
      files: body.files,
      bodyBytes: body.bytes,
    });
    if (fault === 'lostAnswer') {
      res.socket?.destroy(); // accepted and recorded, but the client never learns it
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'text/plain', ...answer.headers });
    res.end(answer.body);
  }
  return { server, sockets };
}
