/**
 * Test PKI on a SoftHSM2 token, created FRESH per test run in a temp dir (signing.md §1): a test root CA,
 * élus' certificates whose keys live on the token, an expired certificate, an always-authenticate key.
 * Certificates are made with node-forge around the token's public key (the private key never leaves it).
 * A second module path goes through a small PKCS#11 proxy (p11-shim.c) that can lock the PIN and unplug.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { TEST_NOW } from '../support';

export const SOFTHSM_MODULE =
  ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((p) =>
    fs.existsSync(p),
  ) ?? null;

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Why the token tests cannot run here, or null: they are skipped with this reason, never silently passed. */
export function softhsmMissing(): string | null {
  if (!SOFTHSM_MODULE) return 'softhsm2 absent (apt-get install softhsm2) : tests de signature ignorés';
  if (!has('softhsm2-util')) return 'softhsm2-util absent : tests de signature ignorés';
  if (!has('pkcs11-tool')) return 'pkcs11-tool absent (apt-get install opensc) : tests de signature ignorés';
  return null;
}

export interface TestIdentity {
  id: string; // CKA_ID, hex
  name: string;
  certPem: string;
  certDer: Buffer;
}

export interface TestPki {
  dir: string;
  conf: string;
  module: string;
  /** the proxy module (PIN lock, unplug, crash), or null without gcc */
  shim: string | null;
  shimState: string;
  label: string;
  pin: string;
  caPem: string;
  caFile: string;
  caDer: Buffer;
  maire: TestIdentity; // Hélène Lefèvre, maire
  adjoint: TestIdentity; // Noël Chevalier, adjoint
  expired: TestIdentity; // Hélène Lefèvre, expired in 2025
  always: TestIdentity; // Loïc Ménard, CKA_ALWAYS_AUTHENTICATE
  noNonRepudiation: TestIdentity; // Noël Chevalier, keyUsage keyEncipherment only
  stranger: TestIdentity; // Jean Autre, another commune's élu
  /** a certificate and its key outside the token, issued by another CA (not trusted) */
  untrusted: { certPem: string; certDer: Buffer };
  setState(name: 'removed' | 'crash' | 'locked', on: boolean): void;
  resetTries(): void;
  /** C_Login calls that reached the proxy module since the last resetTries() (any process using this state dir) */
  loginCalls(): number;
  cleanup(): void;
}

const SO_PIN = '87654321';

function rdn(subject: { cn: string; gn: string; sn: string; title: string; o: string }): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'FR' },
    { name: 'organizationName', value: subject.o, valueTagClass: forge.asn1.Type.UTF8 as never },
    { type: '2.5.4.12', value: subject.title, valueTagClass: forge.asn1.Type.UTF8 as never },
    { type: '2.5.4.42', value: subject.gn, valueTagClass: forge.asn1.Type.UTF8 as never },
    { type: '2.5.4.4', value: subject.sn, valueTagClass: forge.asn1.Type.UTF8 as never },
    { name: 'commonName', value: subject.cn, valueTagClass: forge.asn1.Type.UTF8 as never },
  ];
}

interface Issue {
  publicKey: forge.pki.PublicKey;
  subject: forge.pki.CertificateField[];
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  keyUsage?: Record<string, boolean>;
}

function issue(caCert: forge.pki.Certificate | null, caKey: forge.pki.rsa.PrivateKey, i: Issue): forge.pki.Certificate {
  const c = forge.pki.createCertificate();
  c.publicKey = i.publicKey;
  c.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`; // even-length hex, first byte 01: a positive, minimally encoded DER INTEGER
  c.validity.notBefore = i.notBefore;
  c.validity.notAfter = i.notAfter;
  c.setSubject(i.subject);
  c.setIssuer(caCert ? caCert.subject.attributes : i.subject);
  const exts: object[] = i.ca
    ? [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', critical: true, ...(i.keyUsage ?? { nonRepudiation: true, digitalSignature: true }) },
      ];
  exts.push({ name: 'subjectKeyIdentifier' });
  if (caCert)
    exts.push({ name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() });
  c.setExtensions(exts);
  c.sign(caKey, forge.md.sha256.create());
  return c;
}

const toDer = (c: forge.pki.Certificate) =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');

function rsaPair(): { pub: forge.pki.PublicKey; priv: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    priv: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  };
}

/**
 * Build the whole PKI; about 1 s. Sets process.env.SOFTHSM2_CONF (SoftHSM reads it at C_Initialize).
 * Validity is set around `now`, the TEST clock (never the machine's): the core checks certificates against its
 * fixed clock. The valid certificates also cover the machine's clock for years around it (notBefore one year
 * before, notAfter five years after), because pdfsig/xmlsec1/OpenSSL verify against the real clock.
 */
export function createTestPki(opts: { now?: Date } = {}): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-pki-'));
  const module = SOFTHSM_MODULE!;
  fs.mkdirSync(path.join(dir, 'tokens'));
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(
    conf,
    `directories.tokendir = ${path.join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const shimState = path.join(dir, 'shim-state');
  fs.mkdirSync(shimState);
  process.env.SOFTHSM2_CONF = conf;
  process.env.CLOCHER_P11_SHIM_STATE = shimState;
  process.env.CLOCHER_P11_SHIM_TARGET = module;
  const env = { ...process.env };
  const label = 'MAIRIE-TEST';
  const pin = '123456';
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', SO_PIN, '--pin', pin], {
    env,
    stdio: 'ignore',
  });
  const tool = (args: string[]) =>
    execFileSync('pkcs11-tool', ['--module', module, '--token-label', label, '--login', '--pin', pin, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });

  const ca = rsaPair();
  const now = (opts.now ?? TEST_NOW).getTime();
  const year = 365 * 24 * 3600 * 1000;
  const caCert = issue(null, ca.priv, {
    publicKey: ca.pub,
    subject: rdn({ cn: 'Clocher Test RGS Root CA', gn: 'Test', sn: 'CA', title: 'AC', o: 'Clocher Test' }),
    notBefore: new Date(now - 2 * year),
    notAfter: new Date(now + 10 * year),
    ca: true,
  });
  const caPem = forge.pki.certificateToPem(caCert);
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, caPem);

  const onToken = (
    id: string,
    who: { gn: string; sn: string; title: string },
    o: Partial<Issue> & { alwaysAuth?: boolean } = {},
  ): TestIdentity => {
    const name = `${who.gn} ${who.sn}`;
    tool([
      '--keypairgen',
      '--key-type',
      'rsa:2048',
      '--id',
      id,
      '--label',
      name,
      ...(o.alwaysAuth ? ['--always-auth'] : []),
    ]);
    const pubFile = path.join(dir, `${id}.pub.der`);
    tool(['--read-object', '--type', 'pubkey', '--id', id, '-o', pubFile]);
    const publicKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(fs.readFileSync(pubFile).toString('binary')));
    const cert = issue(caCert, ca.priv, {
      publicKey,
      subject: rdn({ cn: name, ...who, o: 'Commune de Saint-Benoît-sur-Loire' }),
      notBefore: new Date(now - year),
      notAfter: new Date(now + 5 * year),
      ...o,
    });
    const certDer = toDer(cert);
    const certFile = path.join(dir, `${id}.cert.der`);
    fs.writeFileSync(certFile, certDer);
    tool(['--write-object', certFile, '--type', 'cert', '--id', id, '--label', name]);
    return { id, name, certPem: forge.pki.certificateToPem(cert), certDer };
  };
  const maire = onToken('01', { gn: 'Hélène', sn: 'Lefèvre', title: 'Maire' });
  const adjoint = onToken('02', { gn: 'Noël', sn: 'Chevalier', title: 'Adjoint au maire' });
  const expired = onToken(
    '03',
    { gn: 'Hélène', sn: 'Lefèvre', title: 'Maire' },
    { notBefore: new Date(now - 3 * year), notAfter: new Date(now - 30 * 24 * 3600e3) },
  );
  const always = onToken('04', { gn: 'Loïc', sn: 'Ménard', title: 'Conseiller municipal' }, { alwaysAuth: true });
  const noNonRepudiation = onToken(
    '05',
    { gn: 'Noël', sn: 'Chevalier', title: 'Adjoint au maire' },
    { keyUsage: { keyEncipherment: true } },
  );
  const stranger = onToken('06', { gn: 'Jean', sn: 'Autre', title: 'Maire' });

  const other = rsaPair();
  const otherCa = issue(null, other.priv, {
    publicKey: other.pub,
    subject: rdn({ cn: 'Autre AC', gn: 'A', sn: 'B', title: 'AC', o: 'Ailleurs' }),
    notBefore: new Date(now - 2 * year),
    notAfter: new Date(now + 10 * year),
    ca: true,
  });
  const untrustedCert = issue(otherCa, other.priv, {
    publicKey: rsaPair().pub,
    subject: rdn({ cn: 'Hélène Lefèvre', gn: 'Hélène', sn: 'Lefèvre', title: 'Maire', o: 'Ailleurs' }),
    notBefore: new Date(now - year),
    notAfter: new Date(now + 5 * year),
  });

  let shim: string | null = path.join(dir, 'libclocher-p11-shim.so');
  try {
    execFileSync('gcc', ['-shared', '-fPIC', '-O1', '-o', shim, path.join(__dirname, 'p11-shim.c'), '-ldl'], {
      stdio: 'ignore',
    });
  } catch {
    shim = null;
  }
  const stateFile = (n: string) => path.join(shimState, n);
  return {
    dir,
    conf,
    module,
    shim,
    shimState,
    label,
    pin,
    caPem,
    caFile,
    caDer: toDer(caCert),
    maire,
    adjoint,
    expired,
    always,
    noNonRepudiation,
    stranger,
    untrusted: { certPem: forge.pki.certificateToPem(untrustedCert), certDer: toDer(untrustedCert) },
    setState: (n, on) => (on ? fs.writeFileSync(stateFile(n), '') : fs.rmSync(stateFile(n), { force: true })),
    resetTries: () => {
      fs.rmSync(stateFile('fails'), { force: true });
      fs.rmSync(stateFile('locked'), { force: true });
      fs.rmSync(stateFile('logins'), { force: true });
    },
    loginCalls: () => (fs.existsSync(stateFile('logins')) ? Number(fs.readFileSync(stateFile('logins'), 'utf8')) : 0),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
