/**
 * HTTPS transport to S²LOW (s2low-protocol.md §1): TLS client certificate (a PKCS#12 file for now; the
 * token-based identity plugs in through `TlsIdentity`), HTTP Basic when the certificate is shared, `api=1`
 * on every call, Latin-1 text answers, multipart posts, bounded time per call.
 */
import https from 'node:https';
import crypto from 'node:crypto';

/** Where the TLS client key lives. 'token' (PKCS#11) comes with the signing domain. */
export type TlsIdentity = { kind: 'pkcs12'; pfx: Buffer; passphrase: string } | { kind: 'pem'; key: string; cert: string };

export interface S2lowConfig {
  url: string;
  identity: TlsIdentity;
  login?: string | null;
  password?: string | null;
  /** extra trusted CA (PEM) for the platform's server certificate; the system store otherwise */
  ca?: string | null;
  timeoutMs?: number;
}

export type TransportFailure = 'offline' | 'tls' | 'timeout' | 'reset' | 'http' | 'auth' | 'config';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface HttpAnswer {
  status: number;
  type: string;
  body: Buffer;
}

export type FormPart = { name: string; value: string } | { name: string; filename: string; bytes: Buffer; type?: string };

/** Text fields go out in ISO-8859-1 (§2.1: Pastell sends `utf8_decode`d values); a few typographic signs are folded. */
export function toLatin1(s: string): Buffer {
  const folded = s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/[–—]/g, '-').replace(/…/g, '...').replace(/\u202f/g, ' ');
  return Buffer.from(folded.replace(/[^\t\n\r\u0020-\u00ff]/g, '?'), 'latin1');
}

export function multipart(parts: FormPart[]): { body: Buffer; type: string } {
  const boundary = `----clocher${crypto.randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('bytes' in p) {
      const fn = p.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${fn}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`, 'latin1'), p.bytes, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`, 'latin1'), toLatin1(p.value), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const OFFLINE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

export function classify(e: unknown): TransportError {
  if (e instanceof TransportError) return e;
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const msg = String(err?.message ?? e);
  if (OFFLINE.has(code)) return new TransportError('offline', 'la plateforme est injoignable (pas de connexion internet, ou adresse incorrecte)', code);
  if (/mac verify failure|bad decrypt|PKCS12/i.test(msg)) return new TransportError('config', 'le mot de passe du certificat est incorrect, ou le fichier n’est pas un certificat PKCS#12', code);
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return new TransportError('tls', `la connexion sécurisée a été refusée (${code})`, code);
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(msg)) return new TransportError('reset', 'la connexion a été coupée', code);
  return new TransportError('reset', `échec de la connexion (${code || msg})`, code);
}

export class S2lowHttp {
  private readonly agent: https.Agent;
  private readonly base: URL;
  constructor(readonly cfg: S2lowConfig) {
    this.base = new URL(cfg.url);
    const id = cfg.identity;
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 4,
      ...(id.kind === 'pkcs12' ? { pfx: id.pfx, passphrase: id.passphrase } : { key: id.key, cert: id.cert }),
      ...(cfg.ca ? { ca: cfg.ca } : {}),
    });
  }

  close(): void {
    this.agent.destroy();
  }

  /** GET or POST; `api=1` is always added (§1). Redirects are followed for GET only (courrier tarballs, §2.8). */
  async call(method: 'GET' | 'POST', path: string, query: Record<string, string | number> = {}, form?: FormPart[], redirects = 2): Promise<HttpAnswer> {
    const url = new URL(path, this.base);
    if (!url.searchParams.has('api') && method === 'GET') url.searchParams.set('api', '1');
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const body = form ? multipart([{ name: 'api', value: '1' }, ...form]) : null;
    const headers: Record<string, string> = { accept: '*/*' };
    if (this.cfg.login) headers.authorization = `Basic ${Buffer.concat([toLatin1(this.cfg.login), Buffer.from(':'), toLatin1(this.cfg.password ?? '')]).toString('base64')}`;
    if (body) {
      headers['content-type'] = body.type;
      headers['content-length'] = String(body.body.length);
    }
    const answer = await new Promise<HttpAnswer>((resolve, reject) => {
      const req = https.request(url, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks), ...(res.headers.location ? { location: res.headers.location } : {}) }));
        res.on('error', (e) => reject(classify(e)));
      });
      req.setTimeout(this.cfg.timeoutMs ?? 60_000, () => req.destroy(new TransportError('timeout', 'la plateforme ne répond pas (délai dépassé)', 'ETIMEDOUT')));
      req.on('error', (e) => reject(classify(e)));
      req.end(body?.body);
    });
    const location = (answer as HttpAnswer & { location?: string }).location;
    if (answer.status >= 300 && answer.status < 400 && location && method === 'GET' && redirects > 0) return this.call('GET', location, {}, undefined, redirects - 1);
    if (answer.status === 401 || answer.status === 403) throw new TransportError('auth', 'identifiant ou mot de passe refusé par la plateforme', undefined, answer.status);
    if (answer.status >= 500) throw new TransportError('http', `la plateforme est en difficulté (erreur ${answer.status})`, undefined, answer.status);
    if (answer.status >= 300) throw new TransportError('http', `réponse inattendue de la plateforme (HTTP ${answer.status})`, undefined, answer.status);
    return answer;
  }
}

/** Legacy « API C » answer (§1): line 1 OK/KO, then the payload, decoded from Latin-1. */
export function okKo(body: Buffer): { ok: boolean; lines: string[]; rest: string } {
  const s = body.toString('latin1').replace(/\r\n/g, '\n');
  const [first = '', ...lines] = s.split('\n');
  const head = first.trim();
  if (head !== 'OK' && head !== 'KO') throw new TransportError('http', 'réponse inattendue de la plateforme (ni OK ni KO)');
  return { ok: head === 'OK', lines, rest: lines.join('\n') };
}
