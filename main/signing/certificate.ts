/**
 * The certificate on the token, read and checked before anyone types a PIN (domain-rules §4.3): holder,
 * title, organisation, issuer, validity, keyUsage, chain to a root the commune trusts, and holder = élu.
 * Fields are read with forge's ASN.1 layer only (forge.pki refuses EC certificates, signing.md §3); chain
 * signatures are checked with node:crypto's X509Certificate.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { parisDateFr } from '../kernel';

export interface CertificateInfo {
  holder: string; // CN
  givenName: string | null;
  surname: string | null;
  title: string | null;
  organisation: string | null;
  issuer: string;
  serial: string;
  notBefore: string; // ISO
  notAfter: string;
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean };
  sha256: string;
}

const OID = { cn: '2.5.4.3', gn: '2.5.4.42', sn: '2.5.4.4', title: '2.5.4.12', o: '2.5.4.10', keyUsage: '2.5.29.15' };

type Node = forge.asn1.Asn1;
const kids = (n: Node | undefined): Node[] => (Array.isArray(n?.value) ? (n.value as Node[]) : []);

function text(n: Node): string {
  const raw = n.value as string;
  if (n.type === forge.asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (n.type === 30) return Buffer.from(raw, 'binary').swap16().toString('utf16le'); // BMPString
  return raw;
}

function nameMap(name: Node): Map<string, string> {
  const m = new Map<string, string>();
  for (const set of kids(name))
    for (const atv of kids(set)) {
      const [oid, value] = kids(atv);
      if (oid && value) m.set(forge.asn1.derToOid(oid.value as string), text(value));
    }
  return m;
}

/** tbsCertificate's children, skipping the optional [0] version. */
function tbs(der: Buffer) {
  const cert = forge.asn1.fromDer(der.toString('binary'));
  const t = kids(kids(cert)[0]);
  const off = t[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: t[off]!, issuer: t[off + 2]!, validity: t[off + 3]!, subject: t[off + 4]!, rest: t.slice(off + 6) };
}

function keyUsageOf(rest: Node[]): { digitalSignature: boolean; nonRepudiation: boolean } {
  const exts = rest.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 3);
  for (const ext of kids(kids(exts)[0])) {
    const parts = kids(ext);
    if (parts[0] && forge.asn1.derToOid(parts[0].value as string) === OID.keyUsage) {
      const octet = parts[parts.length - 1]!;
      const bits = forge.asn1.fromDer(octet.value as string).value as string; // first byte = unused bits
      const b = bits.charCodeAt(1) || 0;
      return { digitalSignature: (b & 0x80) !== 0, nonRepudiation: (b & 0x40) !== 0 };
    }
  }
  return { digitalSignature: false, nonRepudiation: false };
}

export function describeCertificate(der: Buffer): CertificateInfo {
  const t = tbs(der);
  const s = nameMap(t.subject);
  const i = nameMap(t.issuer);
  const x = new crypto.X509Certificate(der);
  return {
    holder: s.get(OID.cn) ?? [s.get(OID.gn), s.get(OID.sn)].filter(Boolean).join(' '),
    givenName: s.get(OID.gn) ?? null,
    surname: s.get(OID.sn) ?? null,
    title: s.get(OID.title) ?? null,
    organisation: s.get(OID.o) ?? null,
    issuer: i.get(OID.cn) ?? i.get(OID.o) ?? '?',
    serial: x.serialNumber,
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    keyUsage: keyUsageOf(t.rest),
    sha256: crypto.createHash('sha256').update(der).digest('hex'),
  };
}

const frDate = (iso: string) => parisDateFr(new Date(iso));
const DAY = 24 * 3600 * 1000;

/** Certificates lapse after municipal elections and take weeks to renew: warn 60 days ahead (domain-rules §4.3). */
export function expiryWarning(info: Pick<CertificateInfo, 'holder' | 'notAfter'>, now: Date): string | null {
  const days = Math.ceil((Date.parse(info.notAfter) - now.getTime()) / DAY);
  if (days < 0 || days > 60) return null;
  return `Le certificat de signature de ${info.holder} expire le ${frDate(info.notAfter)} (dans ${days} jour${days > 1 ? 's' : ''}) : demandez son renouvellement dès maintenant, il faut plusieurs semaines.`;
}

/** The chain up to a trusted root, issuers first-to-last (the trusted root last), or null. */
export function chainTo(
  der: Buffer,
  trustedRootsPem: string[],
  intermediates: Buffer[] = [],
): crypto.X509Certificate[] | null {
  const roots = trustedRootsPem.flatMap((p) => {
    try {
      return [new crypto.X509Certificate(p)];
    } catch {
      return [];
    }
  });
  const pool = intermediates.map((d) => new crypto.X509Certificate(d));
  let cur = new crypto.X509Certificate(der);
  const chain: crypto.X509Certificate[] = [];
  for (let depth = 0; depth < 6; depth++) {
    const root = roots.find((r) => cur.checkIssued(r) && cur.verify(r.publicKey));
    if (root) return [...chain, root];
    const next = pool.find(
      (c) => c.fingerprint256 !== cur.fingerprint256 && cur.checkIssued(c) && cur.verify(c.publicKey),
    );
    if (!next) return null;
    chain.push(next);
    cur = next;
  }
  return null;
}

export interface CertificateCheck {
  problems: string[]; // refusals, in French; empty = may sign
  warning: string | null;
}

export function checkCertificate(
  der: Buffer,
  trustedRootsPem: string[],
  now: Date,
  intermediates: Buffer[] = [],
): CertificateCheck {
  const info = describeCertificate(der);
  const problems: string[] = [];
  if (now.getTime() > Date.parse(info.notAfter))
    problems.push(
      `Ce certificat a expiré le ${frDate(info.notAfter)} : il ne peut plus signer. Demandez un nouveau certificat à l'autorité de certification.`,
    );
  if (now.getTime() < Date.parse(info.notBefore))
    problems.push(`Ce certificat n'est valable qu'à partir du ${frDate(info.notBefore)}.`);
  if (!info.keyUsage.nonRepudiation && !info.keyUsage.digitalSignature)
    problems.push(
      "Ce certificat n'est pas un certificat de signature (usage « non-répudiation » ou « signature numérique » absent) : c'est sans doute le certificat d'authentification de la clé.",
    );
  if (!trustedRootsPem.length)
    problems.push(
      "Aucune autorité de certification de confiance n'est enregistrée pour la commune (Paramètres › Signature).",
    );
  else if (!chainTo(der, trustedRootsPem, intermediates))
    problems.push(
      `Ce certificat, émis par « ${info.issuer} », ne provient pas d'une autorité de certification reconnue par la commune.`,
    );
  return { problems, warning: problems.length ? null : expiryWarning(info, now) };
}

/** Names compared without accents, case, hyphens or extra spaces: « LEFEVRE Helene » = « Hélène Lefèvre ». */
export const normalizeName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

const words = (s: string) => new Set(normalizeName(s).split(' ').filter(Boolean));

/** Does the certificate's holder name the person (given name and surname, in any order)? */
export function holderMatches(
  info: Pick<CertificateInfo, 'holder' | 'givenName' | 'surname'>,
  person: { prenom: string; nom: string },
): boolean {
  const want = [...words(person.prenom), ...words(person.nom)];
  const have = new Set([...words(info.holder), ...words(info.givenName ?? ''), ...words(info.surname ?? '')]);
  return want.length > 0 && want.every((w) => have.has(w));
}
