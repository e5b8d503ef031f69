/**
 * HTTPS transport to S²LOW (s2low-protocol.md §1): TLS client certificate (a PKCS#12 file for now; the
 * token-based identity plugs in through `TlsIdentity`), HTTP Basic when the certificate is shared, `api=1`
 * on every call, Latin-1 text answers, multipart posts, bounded time and size per call. Redirects stay on
 * the platform's own origin: the Basic password and the client certificate never go to another host.
 */
import https from 'node:https';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

/** What an answer is, for its size cap: OK/KO and JSON lines, XML (parsed whole in memory), PDFs and tarballs. */
export type AnswerKind = 'text' | 'xml' | 'document';
export interface AnswerLimits {
  text: number;
  xml: number;
  document: number;
  /** a courrier .tar.gz once uncompressed (a 1 MB gzip can inflate to 1 GiB) */
  unpacked: number;
}
const MB = 1024 * 1024;
export const DEFAULT_LIMITS: AnswerLimits = { text: 4 * MB, xml: 16 * MB, document: 50 * MB, unpacked: 100 * MB };

/** Where the TLS client key lives. 'token' (PKCS#11) comes with the signing domain. */
export type TlsIdentity =
  { kind: 'pkcs12'; pfx: Buffer; passphrase: string } | { kind: 'pem'; key: string; cert: string };

export interface S2lowConfig {
  url: string;
  identity: TlsIdentity;
  login?: string | null;
  password?: string | null;
  /** extra trusted CA (PEM) for the platform's server certificate; the system store otherwise */
  ca?: string | null;
  timeoutMs?: number;
  limits?: Partial<AnswerLimits>;
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

export type FormPart =
  { name: string; value: string } | { name: string; filename: string; bytes: Buffer; type?: string };

/** Text fields go out in ISO-8859-1 (§2.1: Pastell sends `utf8_decode`d values); a few typographic signs are folded. */
export function toLatin1(s: string): Buffer {
  const folded = s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\u202f/g, ' ');
  return Buffer.from(folded.replace(/[^\t\n\r\u0020-\u00ff]/g, '?'), 'latin1');
}

export function multipart(parts: FormPart[]): { body: Buffer; type: string } {
  const boundary = `----clocher${crypto.randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('bytes' in p) {
      const fn = p.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${fn}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
          'latin1',
        ),
        p.bytes,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`, 'latin1'),
        toLatin1(p.value),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const OFFLINE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

export function classify(e: unknown): TransportError {
  if (e instanceof TransportError) return e;
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const msg = String(err?.message ?? e);
  if (OFFLINE.has(code))
    return new TransportError(
      'offline',
      'la plateforme est injoignable (pas de connexion internet, ou adresse incorrecte)',
      code,
    );
  if (/mac verify failure|bad decrypt|PKCS12/i.test(msg))
    return new TransportError(
      'config',
      'le mot de passe du certificat est incorrect, ou le fichier n’est pas un certificat PKCS#12',
      code,
    );
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return new TransportError('tls', `la connexion sécurisée a été refusée (${code})`, code);
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(msg))
    return new TransportError('reset', 'la connexion a été coupée', code);
  return new TransportError('reset', `échec de la connexion (${code || msg})`, code);
}

const mo = (n: number) => (n < MB ? `${Math.round(n / 1024)} Ko` : `${Math.round(n / MB)} Mo`);

/** Gunzip in the thread pool (the core keeps answering), stopped as soon as the output passes `maxBytes`. */
export function gunzipBounded(gz: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zlib.gunzip(gz, { maxOutputLength: maxBytes }, (e, out) => {
      if (!e) resolve(out);
      else if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        reject(
          new TransportError(
            'http',
            `l'archive envoyée par la plateforme dépasse ${mo(maxBytes)} une fois décompressée : refusée`,
          ),
        );
      else reject(new TransportError('http', "l'archive envoyée par la plateforme est illisible (gzip)"));
    }),
  );
}

export class S2lowHttp {
  private readonly agent: https.Agent;
  private readonly base: URL;
  readonly limits: AnswerLimits;
  constructor(readonly cfg: S2lowConfig) {
    this.base = new URL(cfg.url);
    this.limits = { ...DEFAULT_LIMITS, ...cfg.limits };
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

  /**
   * GET or POST; `api=1` is always added (§1). Redirects are followed for GET only (courrier tarballs, §2.8),
   * and only on the platform's origin. The answer is capped by its kind (`limits`), counted as it arrives.
   */
  call(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number> = {},
    form?: FormPart[],
    kind: AnswerKind = 'text',
  ): Promise<HttpAnswer> {
    return this.follow(method, new URL(path, this.base), query, form, kind, 2);
  }

  private async follow(
    method: 'GET' | 'POST',
    url: URL,
    query: Record<string, string | number>,
    form: FormPart[] | undefined,
    kind: AnswerKind,
    redirects: number,
  ): Promise<HttpAnswer> {
    if (url.origin !== this.base.origin)
      throw new TransportError(
        'http',
        `la plateforme renvoie vers un autre site (${url.host}) : refusé, pour que votre mot de passe et votre certificat ne partent pas ailleurs`,
      );
    if (!url.searchParams.has('api') && method === 'GET') url.searchParams.set('api', '1');
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const answer = await this.once(method, url, form, this.limits[kind]);
    if (answer.status >= 300 && answer.status < 400 && answer.location && method === 'GET' && redirects > 0) {
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        throw new TransportError('http', 'la plateforme renvoie vers une adresse illisible');
      }
      return this.follow('GET', next, {}, undefined, kind, redirects - 1);
    }
    if (answer.status === 401 || answer.status === 403)
      throw new TransportError(
        'auth',
        'identifiant ou mot de passe refusé par la plateforme',
        undefined,
        answer.status,
      );
    if (answer.status >= 500)
      throw new TransportError(
        'http',
        `la plateforme est en difficulté (erreur ${answer.status})`,
        undefined,
        answer.status,
      );
    if (answer.status >= 300)
      throw new TransportError(
        'http',
        `réponse inattendue de la plateforme (HTTP ${answer.status})`,
        undefined,
        answer.status,
      );
    return { status: answer.status, type: answer.type, body: answer.body };
  }

  private once(
    method: 'GET' | 'POST',
    url: URL,
    form: FormPart[] | undefined,
    maxBytes: number,
  ): Promise<HttpAnswer & { location?: string }> {
    const body = form ? multipart([{ name: 'api', value: '1' }, ...form]) : null;
    const headers: Record<string, string> = { accept: '*/*' };
    if (this.cfg.login)
      headers.authorization = `Basic ${Buffer.concat([toLatin1(this.cfg.login), Buffer.from(':'), toLatin1(this.cfg.password ?? '')]).toString('base64')}`;
    if (body) {
      headers['content-type'] = body.type;
      headers['content-length'] = String(body.body.length);
    }
    const tooBig = () => new TransportError('http', `la réponse de la plateforme dépasse ${mo(maxBytes)} : refusée`);
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method, agent: this.agent, headers }, (res) => {
        if (Number(res.headers['content-length'] ?? 0) > maxBytes) return void req.destroy(tooBig());
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) req.destroy(tooBig());
          else chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
            ...(res.headers.location ? { location: res.headers.location } : {}),
          }),
        );
        res.on('error', (e) => reject(classify(e)));
      });
      req.setTimeout(this.cfg.timeoutMs ?? 60_000, () =>
        req.destroy(new TransportError('timeout', 'la plateforme ne répond pas (délai dépassé)', 'ETIMEDOUT')),
      );
      req.on('error', (e) => reject(classify(e)));
      req.end(body?.body);
    });
  }
}

/** Legacy « API C » answer (§1): line 1 OK/KO, then the payload, decoded from Latin-1. */
export function okKo(body: Buffer): { ok: boolean; lines: string[]; rest: string } {
  const s = body.toString('latin1').replace(/\r\n/g, '\n');
  const [first = '', ...lines] = s.split('\n');
  const head = first.trim();
  if (head !== 'OK' && head !== 'KO')
    throw new TransportError('http', 'réponse inattendue de la plateforme (ni OK ni KO)');
  return { ok: head === 'OK', lines, rest: lines.join('\n') };
}
