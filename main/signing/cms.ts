/**
 * CMS SignedData for PAdES-B-B (signing.md §3), written with the small DER writer of der.ts: signed attributes
 * content-type = id-data, message-digest, ESS signing-certificate-v2; NO signing-time (PAdES baseline
 * forbids it; the claimed time is the PDF's /M). The SET encoding of the DER-sorted attributes is what the
 * token signs; the SignerInfo stores it as [0]. Issuer and serial are copied from the raw certificate.
 * Reading a CMS (node-forge) lives in cms-read.ts: signing an act never loads forge (issue 10, the séance's memory).
 */
import crypto from 'node:crypto';
import * as der from './der';

export const OIDS = {
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
    fixedAttrs: [
      attribute(OIDS.contentType, der.oid(OIDS.data)),
      attribute(OIDS.signingCertificateV2, der.seq(der.seq(essCertId))),
    ],
  };
  partsCache.set(cert, p);
  return p;
}

const attribute = (type: string, value: Buffer) => der.seq(der.oid(type), der.tlv(der.TAG.set, value));
const algorithm = (o: string, withNull: boolean) =>
  withNull ? der.seq(der.oid(o), der.tlv(der.TAG.null)) : der.seq(der.oid(o));
const VERSION_1 = der.tlv(der.TAG.integer, Buffer.from([1]));

/** The signed attributes as a DER SET OF, sorted by their encodings (X.690 §11.6). */
export function signedAttributes(contentDigest: Buffer, cert: Buffer): Buffer {
  const attrs = [...signerParts(cert).fixedAttrs, attribute(OIDS.messageDigest, der.octets(contentDigest))].sort(
    Buffer.compare,
  );
  return der.tlv(der.TAG.set, ...attrs);
}

/** Detached CMS over `contentDigest` (SHA-256 of the PDF's ByteRange). */
export async function buildCms(signer: Signer, contentDigest: Buffer): Promise<Buffer> {
  const attrs = signedAttributes(contentDigest, signer.certificate);
  const signature = await signer.signDigest(crypto.createHash('sha256').update(attrs).digest());
  const implicitAttrs = Buffer.from(attrs);
  implicitAttrs[0] = 0xa0; // [0] IMPLICIT SET OF Attribute: the SET encoding is what was signed
  const sha256 = algorithm(OIDS.sha256, false);
  const signerInfo = der.seq(
    VERSION_1,
    signerParts(signer.certificate).issuerAndSerial,
    sha256,
    implicitAttrs,
    algorithm(OIDS.rsaEncryption, true),
    der.octets(signature),
  );
  const certs = der.tlv(der.TAG.context0, signer.certificate, ...signer.chain);
  const signedData = der.seq(
    VERSION_1,
    der.tlv(der.TAG.set, sha256),
    der.seq(der.oid(OIDS.data)),
    certs,
    der.tlv(der.TAG.set, signerInfo),
  );
  return der.seq(der.oid(OIDS.signedData), der.tlv(der.TAG.context0, signedData));
}
