import crypto from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { buildCms } from './cms';
import { lintPadesCms, parse } from './cms-read';
import { children, oid, read, tlv } from './der';

const toDer = (n: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');

/** A software RSA certificate with a long issuer (a length over 127 bytes) and a serial with its high bit set. */
function softwareSigner() {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '00a1b2c3d4e5f60718';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2029-01-01T00:00:00Z');
  const attrs = [
    { name: 'countryName', value: 'FR' },
    { name: 'organizationName', value: 'Commune de Saint-Benoît-sur-Loire — autorité de test pour les signatures' },
    { name: 'commonName', value: 'Marie Dupont' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const certDer = toDer(forge.pki.certificateToAsn1(cert));
  const key = crypto.createPrivateKey(forge.pki.privateKeyToPem(keys.privateKey));
  // the token signs a DigestInfo-wrapped SHA-256 (CKM_RSA_PKCS): privateEncrypt with PKCS#1 v1.5 padding does the same
  const prefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  return {
    certDer,
    key,
    signer: {
      certificate: certDer,
      chain: [] as Buffer[],
      signDigest: async (d: Buffer) =>
        crypto.privateEncrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.concat([prefix, d])),
    },
  };
}

describe('hand-written DER (issue 10: the CMS of a séance without forge objects)', () => {
  it('encodes OIDs and the short and long length forms as X.690 §8.1.3 and §8.19 say', () => {
    expect(oid('1.2.840.113549.1.7.2').toString('hex')).toBe('06092a864886f70d010702');
    expect(oid('2.16.840.1.101.3.4.2.1').toString('hex')).toBe('0609608648016503040201');
    expect(tlv(0x04, Buffer.alloc(127)).subarray(0, 2).toString('hex')).toBe('047f');
    expect(tlv(0x04, Buffer.alloc(128)).subarray(0, 3).toString('hex')).toBe('048180');
    expect(tlv(0x04, Buffer.alloc(256)).subarray(0, 4).toString('hex')).toBe('04820100');
    const big = tlv(0x30, Buffer.alloc(70000));
    expect(read(big, 0)).toEqual({ tag: 0x30, start: 0, content: 5, end: 70005 });
    expect(() => read(Buffer.from('3080', 'hex'), 0)).toThrow(/indefinite/);
    const s = tlv(0x30, tlv(0x02, Buffer.from([1])), tlv(0x04, Buffer.from('ab', 'hex')));
    expect(children(s, read(s, 0)).map((e) => e.tag)).toEqual([0x02, 0x04]);
  });

  it('builds a canonical DER CMS: forge re-encodes it byte for byte, the PAdES lint is clean, the signature verifies', async () => {
    const { certDer, key, signer } = softwareSigner();
    const digest = crypto.createHash('sha256').update('contenu du PDF').digest();
    const cms = await buildCms(signer, digest);
    expect(toDer(parse(cms)).equals(cms)).toBe(true);
    expect(lintPadesCms(cms)).toEqual([]);
    // SignerInfo: issuerAndSerial copied from the certificate, the [0] attributes signed as a SET
    const top = parse(cms).value as forge.asn1.Asn1[];
    const sd = (top[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const si = (sd[sd.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const tbs = (parse(certDer).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    expect(
      toDer(si[1]!).equals(
        toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [tbs[3]!, tbs[1]!])),
      ),
    ).toBe(true);
    const attrs = toDer(si[3]!);
    attrs[0] = 0x31;
    expect(attrs.includes(digest)).toBe(true);
    const sig = Buffer.from(si[5]!.value as string, 'binary');
    expect(crypto.verify('sha256', attrs, crypto.createPublicKey(key), sig)).toBe(true);
  });
});
