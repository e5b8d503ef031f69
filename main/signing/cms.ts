/**
 * CMS SignedData for PAdES-B-B (signing.md §3), written with the small DER writer of der.ts: signed attributes
 * content-type = id-data, message-digest, ESS signing-certificate-v2; NO signing-time (PAdES baseline
 * forbids it; the claimed time is the PDF's /M). The SET encoding of the DER-sorted attributes is what the
 * token signs; the SignerInfo stores it as [0]. Issuer and serial are copied from the raw certificate.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import * as der from './der';

// forge.asn1 is read when a CMS is parsed, never at load time: node-forge loads at first use, not at the core's
// start-up (scripts/lazy-vendor.mjs)
const a = () => forge.asn1;
const OIDS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

/** What signs: the certificate, its chain (for the CMS), and the token's RSA over a SHA-256 digest. */
export interface Signer {
  certificate: Buffer;
  chain: Buffer[];
  signDigest(digest: Buffer): Promise<Buffer>;
}

const bin = (b: Buffer) => b.toString('binary');
const toDer = (n: forge.asn1.Asn1) => Buffer.from(a().toDer(n).getBytes(), 'binary');
// forge's typings miss the options form; decodeBitStrings:false keeps BIT STRINGs byte-exact
export const parse = (b: Buffer) => (a().fromDer as unknown as (s: string, o: object) => forge.asn1.Asn1)(bin(b), { decodeBitStrings: false });

// forge stays for reading (lintPadesCms, xades.ts); what is written per act uses der.ts (issue 10).
const parsedCerts = new WeakMap<Buffer, forge.asn1.Asn1>();
function parseCert(cert: Buffer): forge.asn1.Asn1 {
  let n = parsedCerts.get(cert);
  if (!n) parsedCerts.set(cert, (n = parse(cert)));
  return n;
}

/** issuer Name and serial INTEGER nodes of a certificate, byte-for-byte. */
function issuerSerial(cert: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const t = (parseCert(cert).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const off = t[0]!.tagClass === a().Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: t[off]!, issuer: t[off + 2]! };
}

/** What a signatory's CMS always contains, computed once per certificate (a séance signs every act with the same one). */
interface SignerParts {
  /** IssuerAndSerialNumber { issuer Name, serialNumber }, both copied from the certificate (signing.md §3) */
  issuerAndSerial: Buffer;
  /** the content-type and signing-certificate-v2 attributes, DER-encoded */
  fixedAttrs: Buffer[];
}
const partsCache = new WeakMap<Buffer, SignerParts>();
function signerParts(cert: Buffer): SignerParts {
  let p = partsCache.get(cert);
  if (p) return p;
  const tbs = der.children(cert, der.children(cert, der.read(cert, 0))[0]!);
  const off = tbs[0]!.tag === der.TAG.context0 ? 1 : 0; // [0] version present
  const serial = cert.subarray(tbs[off]!.start, tbs[off]!.end);
  const issuer = cert.subarray(tbs[off + 2]!.start, tbs[off + 2]!.end);
  const certHash = crypto.createHash('sha256').update(cert).digest();
  // ESSCertIDv2 { certHash, IssuerSerial { GeneralNames { [4] directoryName }, serial } }; hashAlgorithm omitted = sha256 (RFC 5035)
  const essCertId = der.seq(der.octets(certHash), der.seq(der.seq(der.tlv(der.TAG.context4, issuer)), serial));
  p = {
    issuerAndSerial: der.seq(issuer, serial),
    fixedAttrs: [attribute(OIDS.contentType, der.oid(OIDS.data)), attribute(OIDS.signingCertificateV2, der.seq(der.seq(essCertId)))],
  };
  partsCache.set(cert, p);
  return p;
}

const attribute = (type: string, value: Buffer) => der.seq(der.oid(type), der.tlv(der.TAG.set, value));
const algorithm = (o: string, withNull: boolean) => (withNull ? der.seq(der.oid(o), der.tlv(der.TAG.null)) : der.seq(der.oid(o)));
const VERSION_1 = der.tlv(der.TAG.integer, Buffer.from([1]));

/** The signed attributes as a DER SET OF, sorted by their encodings (X.690 §11.6). */
export function signedAttributes(contentDigest: Buffer, cert: Buffer): Buffer {
  const attrs = [...signerParts(cert).fixedAttrs, attribute(OIDS.messageDigest, der.octets(contentDigest))].sort(Buffer.compare);
  return der.tlv(der.TAG.set, ...attrs);
}

/** Detached CMS over `contentDigest` (SHA-256 of the PDF's ByteRange). */
export async function buildCms(signer: Signer, contentDigest: Buffer): Promise<Buffer> {
  const attrs = signedAttributes(contentDigest, signer.certificate);
  const signature = await signer.signDigest(crypto.createHash('sha256').update(attrs).digest());
  const implicitAttrs = Buffer.from(attrs);
  implicitAttrs[0] = 0xa0; // [0] IMPLICIT SET OF Attribute: the SET encoding is what was signed
  const sha256 = algorithm(OIDS.sha256, false);
  const signerInfo = der.seq(VERSION_1, signerParts(signer.certificate).issuerAndSerial, sha256, implicitAttrs, algorithm(OIDS.rsaEncryption, true), der.octets(signature));
  const certs = der.tlv(der.TAG.context0, signer.certificate, ...signer.chain);
  const signedData = der.seq(VERSION_1, der.tlv(der.TAG.set, sha256), der.seq(der.oid(OIDS.data)), certs, der.tlv(der.TAG.set, signerInfo));
  return der.seq(der.oid(OIDS.signedData), der.tlv(der.TAG.context0, signedData));
}

/**
 * Lint of a PAdES CMS, since OpenSSL does not check the ESS hash (signing.md §7): content-type id-data,
 * message-digest, signing-certificate-v2 whose certHash is SHA-256 of the signer's certificate, no
 * signing-time, attributes DER-sorted. Returns the problems found.
 */
export function lintPadesCms(cms: Buffer): string[] {
  const problems: string[] = [];
  const top = parse(cms).value as forge.asn1.Asn1[];
  const sd = ((top[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
  const certsNode = sd.find((n) => n.tagClass === a().Class.CONTEXT_SPECIFIC && n.type === 0);
  const si = ((sd[sd.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
  const attrsNode = si.find((n) => n.tagClass === a().Class.CONTEXT_SPECIFIC && n.type === 0);
  if (!attrsNode) return ['no signed attributes'];
  const attrs = (attrsNode.value as forge.asn1.Asn1[]).map((n) => ({ type: a().derToOid((n.value as forge.asn1.Asn1[])[0]!.value as string), node: n }));
  const encoded = attrs.map((x) => toDer(x.node));
  if (encoded.some((e, i) => i > 0 && Buffer.compare(encoded[i - 1]!, e) > 0)) problems.push('signed attributes not DER-sorted');
  const find = (o: string) => attrs.find((x) => x.type === o)?.node;
  const ct = find(OIDS.contentType);
  if (!ct || a().derToOid(((ct.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string) !== OIDS.data) problems.push('content-type is not id-data');
  if (!find(OIDS.messageDigest)) problems.push('message-digest missing');
  if (find(OIDS.signingTime)) problems.push('signing-time present (forbidden in PAdES baseline)');
  const scv2 = find(OIDS.signingCertificateV2);
  if (!scv2) problems.push('signing-certificate-v2 missing');
  else {
    const certId = (((((scv2.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
    const hash = Buffer.from(certId[0]!.value as string, 'binary');
    const { serial } = { serial: (si[1]!.value as forge.asn1.Asn1[])[1]! };
    const signerCert = ((certsNode?.value as forge.asn1.Asn1[]) ?? []).map(toDer).find((c) => toDer(issuerSerial(c).serial).equals(toDer(serial)));
    if (!signerCert) problems.push('signer certificate not in the CMS');
    else if (!hash.equals(crypto.createHash('sha256').update(signerCert).digest())) problems.push('ESS certHash does not match the signer certificate');
  }
  return problems;
}
