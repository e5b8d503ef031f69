import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { openSession, testSigner } from '../../test-support/signing/pdf-tools';
import { TEST_NOW, requireTool, toolMissing } from '../../test-support/support';
import { samplePes } from '../../test-support/signing/pes';
import type { Token, TokenSession } from './token';
import { readPes, signPes } from './xades';

const missing = softhsmMissing();
if (missing) console.warn(`[signing] ${missing}`);

function xmlsecVerify(file: string, ca: string, sigId: string): { ok: boolean; out: string } {
  const r = spawnSync(
    'xmlsec1',
    [
      '--verify',
      '--id-attr:Id',
      'Bordereau',
      '--id-attr:Id',
      'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
      '--id-attr:Id',
      'http://www.w3.org/2000/09/xmldsig#:Signature',
      '--node-id',
      sigId,
      '--trusted-pem',
      ca,
      file,
    ],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(missing)('XAdES-BES on a PES_Aller', () => {
  let pki: TestPki;
  let token: Token;
  let session: TokenSession;
  beforeAll(() => {
    pki = createTestPki();
    ({ token, session } = openSession(pki));
  });
  afterAll(() => {
    session?.logout();
    token?.close();
    pki?.cleanup();
  });

  it('signs each Bordereau, keeps ISO-8859-1, verifies with xmlsec1; a changed amount is detected', async (ctx) => {
    requireTool(ctx, toolMissing('xmlsec1', 'xmllint'));
    const pes = samplePes(2);
    const r = await signPes(pes, {
      signer: testSigner(session, pki.maire, pki),
      role: 'Ordonnateur',
      at: new Date('2026-11-23T10:58:00Z'),
    });
    expect(r.bordereaux).toEqual(['BORD_2026_000041', 'BORD_2026_000042']);
    expect(r.bytes.toString('latin1')).toMatch(/^<\?xml version="1.0" encoding="ISO-8859-1"\?>/);
    expect(r.bytes.includes(Buffer.from('Réfection', 'latin1'))).toBe(true); // é as one byte 0xE9
    expect(r.bytes.includes(Buffer.from('Réfection', 'utf8'))).toBe(false);
    const file = path.join(pki.dir, 'pes-signe.xml');
    fs.writeFileSync(file, r.bytes);
    expect(spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' }).stderr).toBe('');
    for (const id of r.bordereaux) {
      const v = xmlsecVerify(file, pki.caFile, `SIG-${id}`);
      expect(v.ok, v.out).toBe(true);
      expect(v.out).toMatch(/SignedInfo References \(ok\/all\): 2\/2/);
    }
    const tampered = path.join(pki.dir, 'pes-falsifie.xml');
    fs.writeFileSync(
      tampered,
      Buffer.from(r.bytes.toString('latin1').replace('<MtBordHT V="1250.00"/>', '<MtBordHT V="9250.00"/>'), 'latin1'),
    );
    const t = xmlsecVerify(tampered, pki.caFile, 'SIG-BORD_2026_000041');
    expect(t.ok).toBe(false);
  });

  it('refuses a file that is not XML, not a PES_Aller, without Bordereau, or already signed', async () => {
    expect(() => readPes(Buffer.from('%PDF-1.7 pas du XML'))).toThrow(/n'est pas un fichier XML/);
    expect(() => readPes(Buffer.from('<PES_Aller><EnTetePES></PES_Aller>'))).toThrow(/n'est pas un fichier XML/);
    expect(() => readPes(Buffer.from('<?xml version="1.0"?><PES_Retour/>'))).toThrow(/n'est pas un flux PES_Aller/);
    expect(() => readPes(samplePes(0))).toThrow(/aucun bordereau/);
    const once = await signPes(samplePes(1), {
      signer: testSigner(session, pki.maire, pki),
      role: 'Ordonnateur',
      at: TEST_NOW,
    });
    await expect(
      signPes(once.bytes, { signer: testSigner(session, pki.maire, pki), role: 'Ordonnateur', at: TEST_NOW }),
    ).rejects.toThrow(/déjà signé/);
  });

  it('a once-signed PES (the one refused a second signature above) is itself valid for xmlsec1', async (ctx) => {
    requireTool(ctx, toolMissing('xmlsec1'));
    const once = await signPes(samplePes(1), {
      signer: testSigner(session, pki.maire, pki),
      role: 'Ordonnateur',
      at: TEST_NOW,
    });
    const file = path.join(pki.dir, 'pes-une-signature.xml');
    fs.writeFileSync(file, once.bytes);
    const v = xmlsecVerify(file, pki.caFile, `SIG-${once.bordereaux[0]!}`);
    expect(v.ok, v.out).toBe(true);
  });
});
