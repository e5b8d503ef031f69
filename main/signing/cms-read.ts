/**
 * Reading a CMS with node-forge: the PAdES lint of the tests and XAdES's certificate parsing (xades.ts). Apart
 * from cms.ts, which writes the séance's CMS with der.ts, so that signing a PDF never loads forge (issue 10).
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { OIDS } from './cms';

// forge.asn1 is read when a CMS is parsed, never at load time: node-forge loads at first use, not at the core's
// start-up (scripts/lazy-vendor.mjs)
const a = () => forge.asn1;

const bin = (b: Buffer) => b.toString('binary');
const toDer = (n: forge.asn1.Asn1) => Buffer.from(a().toDer(n).getBytes(), 'binary');
// forge's typings miss the options form; decodeBitStrings:false keeps BIT STRINGs byte-exact
export const parse = (b: Buffer) =>
  (a().fromDer as unknown as (s: string, o: object) => forge.asn1.Asn1)(bin(b), { decodeBitStrings: false });

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

/**
 * Lint of a PAdES CMS, since OpenSSL does not check the ESS hash (signing.md §7): content-type id-data,
 * message-digest, signing-certificate-v2 whose certHash is SHA-256 of the signer's certificate, no
 * signing-time, attributes DER-sorted. Returns the problems found.
 */
export function lintPadesCms(cms: Buffer): string[] {
  const problems: string[] = [];
  const top = parse(cms).value as forge.asn1.Asn1[];
  const sd = (top[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const certsNode = sd.find((n) => n.tagClass === a().Class.CONTEXT_SPECIFIC && n.type === 0);
  const si = (sd[sd.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const attrsNode = si.find((n) => n.tagClass === a().Class.CONTEXT_SPECIFIC && n.type === 0);
  if (!attrsNode) return ['no signed attributes'];
  const attrs = (attrsNode.value as forge.asn1.Asn1[]).map((n) => ({
    type: a().derToOid((n.value as forge.asn1.Asn1[])[0]!.value as string),
    node: n,
  }));
  const encoded = attrs.map((x) => toDer(x.node));
  if (encoded.some((e, i) => i > 0 && Buffer.compare(encoded[i - 1]!, e) > 0))
    problems.push('signed attributes not DER-sorted');
  const find = (o: string) => attrs.find((x) => x.type === o)?.node;
  const ct = find(OIDS.contentType);
  if (
    !ct ||
    a().derToOid(((ct.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string) !== OIDS.data
  )
    problems.push('content-type is not id-data');
  if (!find(OIDS.messageDigest)) problems.push('message-digest missing');
  if (find(OIDS.signingTime)) problems.push('signing-time present (forbidden in PAdES baseline)');
  const scv2 = find(OIDS.signingCertificateV2);
  if (!scv2) problems.push('signing-certificate-v2 missing');
  else {
    const certId = (
      (((scv2.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!
        .value as forge.asn1.Asn1[]
    )[0]!.value as forge.asn1.Asn1[];
    const hash = Buffer.from(certId[0]!.value as string, 'binary');
    const { serial } = { serial: (si[1]!.value as forge.asn1.Asn1[])[1]! };
    const signerCert = ((certsNode?.value as forge.asn1.Asn1[]) ?? [])
      .map(toDer)
      .find((c) => toDer(issuerSerial(c).serial).equals(toDer(serial)));
    if (!signerCert) problems.push('signer certificate not in the CMS');
    else if (!hash.equals(crypto.createHash('sha256').update(signerCert).digest()))
      problems.push('ESS certHash does not match the signer certificate');
  }
  return problems;
}
