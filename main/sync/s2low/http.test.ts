/**
 * The platform client holds its ground against a platform that misbehaves: redirects stay on its origin (the
 * Basic password and the client certificate go nowhere else), answers are capped by kind, a gzip bomb is
 * refused, a huge XML never reaches the parser. Two TLS servers on 127.0.0.1, bounded payloads.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePki, type Pki } from '../../../e2e/fakes/s2low/certs';
import { S2lowClient } from './client';
import { S2lowHttp, TransportError, type AnswerLimits } from './http';

type Route = (res: import('node:http').ServerResponse) => void;
let pki: Pki;
let platform: https.Server;
let other: https.Server;
const routes = new Map<string, Route>();
/** What reached the other host (it must stay empty). */
const otherSaw: { path: string; authorization?: string; cert: boolean }[] = [];

const KB = 1024;
const listen = (s: https.Server) =>
  new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`https://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
let platformUrl = '';
let otherUrl = '';

beforeAll(async () => {
  pki = generatePki();
  const tlsOpts = {
    key: pki.serverKeyPem,
    cert: pki.serverCertPem,
    ca: pki.caPem,
    requestCert: true,
    rejectUnauthorized: false,
  };
  platform = https.createServer(tlsOpts, (req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'https://x').pathname);
    if (route) route(res);
    else res.writeHead(404).end();
  });
  other = https.createServer(tlsOpts, (req, res) => {
    const sock = req.socket as import('node:tls').TLSSocket;
    otherSaw.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      cert: Boolean(sock.getPeerCertificate()?.subject),
    });
    res.writeHead(200).end('OK\n');
  });
  platformUrl = await listen(platform);
  otherUrl = await listen(other);
}, 60_000);
afterAll(async () => {
  await Promise.all([platform, other].map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

const client = (limits: Partial<AnswerLimits> = {}) =>
  new S2lowHttp({
    url: platformUrl,
    identity: { kind: 'pkcs12', pfx: pki.clientP12, passphrase: pki.p12Password },
    login: 'mairie',
    password: 'secret',
    ca: pki.caPem,
    timeoutMs: 5000,
    limits,
  });

/** The call's refusal, as the secrétaire reads it. */
async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TransportError);
  return (e as TransportError).message;
}

describe('S²LOW client: redirects', () => {
  it('refuses a redirect to another host, which receives neither password nor certificate', async () => {
    routes.set('/modules/actes/actes_transac_get_document.php', (res) =>
      res.writeHead(302, { location: `${otherUrl}/vol.php` }).end(),
    );
    const http = client();
    expect(await refusal(new S2lowClient(http).courrierTarGz('12'))).toMatch(
      /renvoie vers un autre site \(127\.0\.0\.1:\d+\) : refusé/,
    );
    expect(otherSaw).toEqual([]);
    http.close();
  });

  it('follows a redirect on the platform itself (§2.8 get_document → download_file)', async () => {
    const gz = zlib.gzipSync(Buffer.from('tar'));
    routes.set('/modules/actes/actes_transac_get_document.php', (res) =>
      res.writeHead(302, { location: '/modules/actes/actes_download_file.php?env=1' }).end(),
    );
    routes.set('/modules/actes/actes_download_file.php', (res) =>
      res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(gz),
    );
    const http = client();
    expect(await new S2lowClient(http).courrierTarGz('12')).toEqual(gz);
    http.close();
  });
});

describe('S²LOW client: size caps', () => {
  it('refuses a text answer over its cap, streamed without a length', async () => {
    routes.set('/api/test-connexion.php', (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(16 * KB, 0x41)); // 1 MB, chunked
      res.end();
    });
    const http = client({ text: 64 * KB });
    expect(await refusal(new S2lowClient(http).testConnexion())).toBe(
      'la réponse de la plateforme dépasse 64 Ko : refusée',
    );
    http.close();
  });

  it('refuses a document whose announced length is over its cap, before reading it', async () => {
    routes.set('/modules/actes/actes_create_pdf.php', (res) =>
      res.writeHead(200, { 'content-length': String(3 * 1024 * KB) }).end(Buffer.alloc(3 * 1024 * KB)),
    );
    const http = client({ document: 2 * 1024 * KB });
    expect(await refusal(new S2lowClient(http).bordereau('1'))).toBe(
      'la réponse de la plateforme dépasse 2 Mo : refusée',
    );
    http.close();
  });

  it('refuses a huge XML before parsing it (HELIOS status, §3)', async () => {
    const xml = `<?xml version="1.0"?><reponse><status>1</status>${'<x>aaaaaaaaaaaaaaaaaaaaaaaaaa</x>'.repeat(64 * 1024)}</reponse>`;
    routes.set('/modules/helios/api/helios_transac_get_status.php', (res) =>
      res.writeHead(200, { 'content-type': 'text/xml' }).end(xml),
    );
    const http = client({ xml: 1024 * KB });
    expect(await refusal(new S2lowClient(http).heliosStatus('7'))).toBe(
      'la réponse de la plateforme dépasse 1 Mo : refusée',
    );
    http.close();
  });

  it('refuses a gzip bomb (64 KB that would inflate to 64 MB) without blocking the core', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * KB), { level: 9 });
    expect(bomb.length).toBeLessThan(128 * KB);
    routes.set('/modules/actes/actes_transac_get_document.php', (res) =>
      res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(bomb),
    );
    const http = client({ unpacked: 1024 * KB });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = Date.now();
    expect(await refusal(new S2lowClient(http).courrierTarGz('13'))).toBe(
      "l'archive envoyée par la plateforme dépasse 1 Mo une fois décompressée : refusée",
    );
    clearInterval(timer);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(ticks).toBeGreaterThan(0); // the event loop kept turning
    http.close();
  });
});
