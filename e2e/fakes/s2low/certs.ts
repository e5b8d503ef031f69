/**
 * Test PKI for the fake S²LOW (protocol §1: HTTPS with a mandatory client certificate): a CA, a server
 * certificate for 127.0.0.1, and client certificates as PKCS#12 — a valid one, an expired one, and one
 * from an unknown CA — so that « Tester la connexion » diagnoses can be exercised. Keys by node:crypto,
 * certificates by node-forge (arbitrary validity dates). Nothing leaves memory unless written by the caller.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { TEST_NOW } from '../../../test-support/support';

export interface Pki {
  caPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  clientP12: Buffer;
  expiredClientP12: Buffer;
  unknownClientP12: Buffer;
  p12Password: string;
}

interface Issued {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function issue(cn: string, opts: { issuer?: Issued; ca?: boolean; server?: boolean; from: Date; to: Date }): Issued {
  const { privateKey, publicKey } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`; // even-length hex, first byte 01: a positive, minimally encoded DER INTEGER
  cert.validity.notBefore = opts.from;
  cert.validity.notAfter = opts.to;
  const subject = [
    { name: 'commonName', value: cn },
    { name: 'organizationName', value: 'Clocher tests' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(opts.issuer ? opts.issuer.cert.subject.attributes : subject);
  const ext: object[] = [{ name: 'basicConstraints', cA: Boolean(opts.ca) }];
  if (opts.ca) ext.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true });
  else
    ext.push(
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: Boolean(opts.server), clientAuth: !opts.server },
    );
  if (opts.server) ext.push({ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] });
  cert.setExtensions(ext);
  cert.sign(opts.issuer?.key ?? privateKey, forge.md.sha256.create());
  return { key: privateKey, cert };
}

/** PKCS#12 by the openssl CLI (node-forge's MAC is refused by OpenSSL 3's loader). */
function p12(i: Issued, chain: forge.pki.Certificate[], password: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-s2low-p12-'));
  try {
    fs.writeFileSync(path.join(dir, 'key.pem'), forge.pki.privateKeyToPem(i.key), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'cert.pem'), [i.cert, ...chain].map((c) => forge.pki.certificateToPem(c)).join(''));
    execFileSync(
      'openssl',
      ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'c.p12', '-passout', `pass:${password}`],
      { cwd: dir, stdio: 'pipe' },
    );
    return fs.readFileSync(path.join(dir, 'c.p12'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Validity around `now`, the TEST clock (default TEST_NOW), not the machine's. TLS (OpenSSL) and the connector's
 * expiry diagnosis check these against the REAL clock, so the valid ones span years on each side of the test
 * clock: the suite then tells the same truth whatever the machine's date within that span (faketime ±1 year).
 * The expired one ended 30 days before the test clock, so it is expired on the real clock too.
 */
export function generatePki(password = 'clocher-test', now: Date = TEST_NOW): Pki {
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const ca = issue('Clocher Test CA', { ca: true, from: days(-3 * 365), to: days(10 * 365) });
  const server = issue('127.0.0.1', { issuer: ca, server: true, from: days(-2 * 365), to: days(5 * 365) });
  const client = issue('Mairie de test - agent', { issuer: ca, from: days(-2 * 365), to: days(5 * 365) });
  const expired = issue('Mairie de test - ancien certificat', { issuer: ca, from: days(-3 * 365), to: days(-30) });
  const otherCa = issue('Autre AC', { ca: true, from: days(-3 * 365), to: days(10 * 365) });
  const unknown = issue('Mairie de test - autre AC', { issuer: otherCa, from: days(-2 * 365), to: days(5 * 365) });
  return {
    caPem: forge.pki.certificateToPem(ca.cert),
    serverKeyPem: forge.pki.privateKeyToPem(server.key),
    serverCertPem: forge.pki.certificateToPem(server.cert),
    clientP12: p12(client, [ca.cert], password),
    expiredClientP12: p12(expired, [ca.cert], password),
    unknownClientP12: p12(unknown, [otherCa.cert], password),
    p12Password: password,
  };
}
