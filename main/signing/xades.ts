/**
 * XAdES-BES enveloped signature of each Bordereau of a PES V2 flow (PES_Aller), signing.md §4: xml-crypto
 * with our token as the RSA-SHA256 signer; references #Bordereau (enveloped + inclusive C14N) and
 * xades:SignedProperties (SigningTime, SigningCertificate, ClaimedRole). The file's encoding (ISO-8859-1
 * for PES) is kept. Still open (signing.md §4): the DGFiP profile's XAdES version and policy (EPES).
 */
import crypto from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';
import { AppError } from '../kernel';
import type { Signer } from './cms';
import { parse } from './cms-read';

const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

export interface PesSignatureRequest {
  signer: Signer;
  role: string; // ClaimedRole, e.g. « Ordonnateur »
  at: Date;
}

export interface SignedPes {
  bytes: Buffer;
  encoding: string;
  bordereaux: string[]; // Ids signed, in document order
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RFC 4514 string of the certificate's issuer (last RDN first), from the raw ASN.1. */
export function rfc4514Issuer(certDer: Buffer): string {
  const short: Record<string, string> = {
    '2.5.4.3': 'CN',
    '2.5.4.6': 'C',
    '2.5.4.7': 'L',
    '2.5.4.8': 'ST',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
    '2.5.4.9': 'STREET',
  };
  const a = forge.asn1;
  const t = (parse(certDer).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const issuer = t[t[0]!.tagClass === a.Class.CONTEXT_SPECIFIC ? 3 : 2]!;
  const rdns = (issuer.value as forge.asn1.Asn1[]).map((set) =>
    (set.value as forge.asn1.Asn1[])
      .map((atv) => {
        const [oidNode, v] = atv.value as forge.asn1.Asn1[];
        const oid = a.derToOid(oidNode!.value as string);
        const name = short[oid];
        if (!name) return `${oid}=#${Buffer.from(a.toDer(v!).getBytes(), 'binary').toString('hex')}`;
        const text = v!.type === a.Type.UTF8 ? forge.util.decodeUtf8(v!.value as string) : (v!.value as string);
        return `${name}=${text
          .replace(/([,+"\\<>;])/g, '\\$1')
          .replace(/^([ #])/, '\\$1')
          .replace(/ $/, '\\ ')}`;
      })
      .join('+'),
  );
  return rdns.reverse().join(',');
}

function qualifyingProperties(r: PesSignatureRequest, sigId: string, spId: string): string {
  const cert = new crypto.X509Certificate(r.signer.certificate);
  const certDigest = crypto.createHash('sha256').update(r.signer.certificate).digest('base64');
  return (
    `<xad:QualifyingProperties xmlns:xad="${XADES_NS}" Target="#${sigId}"><xad:SignedProperties Id="${spId}"><xad:SignedSignatureProperties>` +
    `<xad:SigningTime>${r.at.toISOString().replace(/\.\d{3}Z$/, 'Z')}</xad:SigningTime>` +
    `<xad:SigningCertificate><xad:Cert><xad:CertDigest><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${certDigest}</ds:DigestValue></xad:CertDigest>` +
    `<xad:IssuerSerial><ds:X509IssuerName>${esc(rfc4514Issuer(r.signer.certificate))}</ds:X509IssuerName><ds:X509SerialNumber>${BigInt(`0x${cert.serialNumber}`).toString()}</ds:X509SerialNumber></xad:IssuerSerial></xad:Cert></xad:SigningCertificate>` +
    `<xad:SignerRole><xad:ClaimedRoles><xad:ClaimedRole>${esc(r.role)}</xad:ClaimedRole></xad:ClaimedRoles></xad:SignerRole>` +
    `</xad:SignedSignatureProperties></xad:SignedProperties></xad:QualifyingProperties>`
  );
}

/** Read a PES file: its declared encoding (ISO-8859-1 for PES), the text, and the Bordereaux. */
export function readPes(bytes: Buffer): {
  encoding: 'latin1' | 'utf8';
  declared: string;
  xml: string;
  bordereaux: string[];
} {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(head)?.[1] ?? 'UTF-8';
  const encoding = /^(iso-8859-1|latin-?1|iso8859-1|windows-1252)$/i.test(declared) ? 'latin1' : 'utf8';
  const xml = bytes.toString(encoding);
  const notXml = () =>
    new AppError(
      'INVALID',
      "Ce fichier n'est pas un fichier XML lisible : ce n'est pas un flux PES produit par le logiciel de comptabilité.",
    );
  if (!xml.trimStart().startsWith('<')) throw notXml();
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    throw notXml();
  }
  if (!doc.documentElement || doc.documentElement.localName !== 'PES_Aller')
    throw new AppError(
      'INVALID',
      `Ce fichier XML n'est pas un flux PES_Aller (élément racine « ${doc.documentElement?.localName ?? '?'} ») : il ne se signe pas ici.`,
    );
  const bordereaux = Array.from(doc.getElementsByTagNameNS('*', 'Bordereau')).map((b) => b.getAttribute('Id') ?? '');
  if (!bordereaux.length)
    throw new AppError(
      'INVALID',
      "Ce flux PES ne contient aucun bordereau (élément « Bordereau ») : il n'y a rien à signer.",
    );
  if (bordereaux.some((id) => !/^[A-Za-z_][\w.-]*$/.test(id)))
    throw new AppError(
      'INVALID',
      "Un bordereau de ce flux n'a pas d'identifiant (attribut Id) : demandez au logiciel de comptabilité de le régénérer.",
    );
  return { encoding, declared, xml, bordereaux };
}

function signOne(xml: string, id: string, r: PesSignatureRequest, n: number): Promise<string> {
  const sigId = `SIG-${id}`;
  const spId = `SP-${id}`;
  const pem = `-----BEGIN CERTIFICATE-----\n${r.signer.certificate.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  const signer = r.signer;
  class TokenRsaSha256 {
    getSignature(signedInfo: crypto.BinaryLike, _key: unknown, cb?: (e: Error | null, v?: string) => void): void {
      const digest = crypto.createHash('sha256').update(signedInfo).digest();
      signer.signDigest(digest).then(
        (s) => cb!(null, s.toString('base64')),
        (e: Error) => cb!(e),
      );
    }
    verifySignature(): boolean {
      return false;
    }
    getAlgorithmName() {
      return RSA_SHA256 as 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
    }
  }
  const sig = new SignedXml({
    privateKey: 'token',
    publicCert: pem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
    objects: [{ content: qualifyingProperties(r, sigId, spId) }],
  });
  (sig.SignatureAlgorithms as Record<string, unknown>)[RSA_SHA256] = TokenRsaSha256;
  sig.addReference({
    xpath: `//*[@Id='${id}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', C14N],
    digestAlgorithm: SHA256,
  });
  sig.addReference({
    xpath: `//*[local-name(.)='SignedProperties' and @Id='${spId}']`,
    transforms: [C14N],
    digestAlgorithm: SHA256,
    type: 'http://uri.etsi.org/01903#SignedProperties',
  });
  return new Promise((resolve, reject) =>
    sig.computeSignature(
      xml,
      { prefix: 'ds', attrs: { Id: sigId }, location: { reference: `//*[@Id='${id}']`, action: 'append' } },
      (e, s) => {
        if (e || !s) reject(e ?? new Error(`signature ${n}`));
        else resolve(s.getSignedXml());
      },
    ),
  );
}

/** Sign every Bordereau, one after the other, and give back the file in its own encoding. */
export async function signPes(bytes: Buffer, r: PesSignatureRequest): Promise<SignedPes> {
  const pes = readPes(bytes);
  const signed =
    pes.xml.includes('Signature xmlns="http://www.w3.org/2000/09/xmldsig#"') || /<ds:Signature[\s>]/.test(pes.xml);
  if (signed)
    throw new AppError(
      'CONFLICT',
      'Ce flux PES est déjà signé : réimportez le fichier produit par le logiciel de comptabilité, non signé.',
    );
  let xml = pes.xml;
  for (const [n, id] of pes.bordereaux.entries()) xml = await signOne(xml, id, r, n);
  const decl = /^\s*<\?xml[^>]*\?>/.exec(pes.xml)?.[0];
  if (decl && !xml.startsWith('<?xml')) xml = `${decl}\n${xml}`;
  // ISO-8859-1 cannot hold every character: those beyond U+00FF become character references (same C14N)
  if (pes.encoding === 'latin1') xml = xml.replace(/[\u0100-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);
  return { bytes: Buffer.from(xml, pes.encoding), encoding: pes.declared, bordereaux: pes.bordereaux };
}
