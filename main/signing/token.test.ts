import crypto from 'node:crypto';
import fs from 'node:fs';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { isTokenError } from './token-errors';
import { Token } from './token';
import { testToken } from './modules';
import { TEST_NOW, requireTool } from '../../test-support/support';

const missing = softhsmMissing();
if (missing) console.warn(`[signing] ${missing}`);

describe.skipIf(missing)('Token over SoftHSM2 (PKCS#11)', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(() => pki?.cleanup());

  it('lists the token, its certificates, logs in and signs with CKM_RSA_PKCS + DigestInfo', async () => {
    const token = Token.open(pki.module);
    try {
      const [slot] = token.slots();
      expect(slot).toMatchObject({ label: 'MAIRIE-TEST' });
      const certs = token.certificates(slot!.slotId);
      expect(certs.map((c) => c.id).sort()).toEqual(['01', '02', '03', '04', '05', '06']);
      const s = token.login(slot!.slotId, pki.pin);
      const key = s.key('01');
      expect(key.alwaysAuthenticate).toBe(false);
      const digest = crypto.createHash('sha256').update('bonjour').digest();
      const sig = await s.signDigest(key.handle, digest);
      const ok = crypto.verify(
        'sha256',
        Buffer.from('bonjour'),
        crypto.createPublicKey({ key: pki.maire.certPem }),
        sig,
      );
      expect(ok).toBe(true);
      expect(s.key('04').alwaysAuthenticate).toBe(true);
      // always-authenticate: without the context-specific login the token refuses (CKR_USER_NOT_LOGGED_IN)
      const k4 = s.key('04');
      const refused = await s.signDigest(k4.handle, digest).catch((e) => e);
      expect(isTokenError(refused, 'NOT_LOGGED_IN')).toBe(true);
      const sig4 = await s.signDigest(k4.handle, digest, pki.pin);
      expect(
        crypto.verify('sha256', Buffer.from('bonjour'), crypto.createPublicKey({ key: pki.always.certPem }), sig4),
      ).toBe(true);
      s.logout();
    } finally {
      token.close();
    }
  });

  it('says which module path failed and what to do', () => {
    const e1 = (() => {
      try {
        Token.open('/nulle/part/libeTPkcs11.so');
      } catch (e) {
        return e;
      }
    })();
    expect(isTokenError(e1, 'MODULE_MISSING')).toBe(true);
    expect((e1 as Error).message).toMatch(/\/nulle\/part\/libeTPkcs11\.so.*Installez le logiciel/);
    const notP11 = ['/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/x86_64-linux-gnu/libz.so.1'].find((p) =>
      fs.existsSync(p),
    );
    if (notP11) {
      const e2 = (() => {
        try {
          Token.open(notP11);
        } catch (e) {
          return e;
        }
      })();
      expect(isTokenError(e2)).toBe(true);
      expect((e2 as Error).message).toContain(notP11);
    }
  });

  it('« Tester la clé »: token, certificates and their checks, without a PIN', () => {
    const r = testToken(pki.module, [pki.caPem], TEST_NOW);
    if (!r.ok) throw new Error(r.message);
    expect(r.tokens[0]!.label).toBe('MAIRIE-TEST');
    const byId = new Map(r.tokens[0]!.certificates.map((c) => [c.id, c]));
    expect(byId.get('01')!.problems).toEqual([]);
    expect(byId.get('03')!.problems.join(' ')).toMatch(/expiré/);
    const bad = testToken('/nulle/part.so', [], TEST_NOW);
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/introuvable/) });
  });

  describe.skipIf(!process.env.PATH)('through the PIN-counting proxy', () => {
    it('wrong PIN twice: tries left from the flags; third: locked, and no PIN is tried afterwards', (ctx) => {
      requireTool(ctx, pki.shim ? null : 'gcc absent : proxy PKCS#11 non compilé, test du blocage ignoré');
      pki.resetTries();
      const token = Token.open(pki.shim!);
      try {
        const slot = token.slots()[0]!.slotId;
        const e1 = (() => {
          try {
            token.login(slot, '000000');
          } catch (e) {
            return e as Error;
          }
        })();
        expect(isTokenError(e1, 'PIN_INCORRECT')).toBe(true);
        expect(e1!.message).toBe("Code PIN incorrect. Il reste peu d'essais avant le blocage de la clé.");
        const e2 = (() => {
          try {
            token.login(slot, '111111');
          } catch (e) {
            return e as Error;
          }
        })();
        expect(e2!.message).toMatch(/^Code PIN incorrect\. Il reste 1 essai avant le blocage de la clé/);
        // the right PIN resets the counter
        token.login(slot, pki.pin).logout();
        expect(token.flags(slot)).toMatchObject({ pinCountLow: false, pinFinalTry: false });
        for (const bad of ['1', '2']) expect(() => token.login(slot, `00000${bad}`)).toThrow(/Code PIN incorrect/);
        const e3 = (() => {
          try {
            token.login(slot, '000003');
          } catch (e) {
            return e as Error;
          }
        })();
        expect(e3!.message).toMatch(/La clé est bloquée : seul l'administrateur de la clé \(code PUK/);
        expect(token.flags(slot)).toMatchObject({ pinLocked: true });
        // even the right PIN is not sent once the flags say locked: C_Login never reaches the token again
        const logins = pki.loginCalls();
        expect(logins).toBe(6); // the six PINs typed above (five wrong, one right), all counted by the proxy
        expect(() => token.login(slot, pki.pin)).toThrow(/bloquée/);
        expect(() => token.login(slot, '000004')).toThrow(/bloquée/);
        expect(pki.loginCalls()).toBe(logins);
      } finally {
        token.close();
        pki.resetTries();
      }
    });
  });
});
