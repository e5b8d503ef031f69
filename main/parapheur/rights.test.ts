/**
 * Signing rights held by the core: a séance de signature belongs to who opened it, in that commune, and ends
 * with the Clocher session; a document is refused only by the person its step waits for.
 */
import { parisDay } from '../kernel/time';
import { inProcessClient } from '../host/inprocess';
import { samplePes } from '../../test-support/signing/pes';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { TokenSession } from '../signing/token';
import { validElus, validHoraires, validIdentity, withCommune, type TestCore } from '../../test-support/helpers';
import { signSelection, startSession, type Owner } from './session';

const missing = softhsmMissing();
if (missing) console.warn(`[parapheur droits] ${missing}`);

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function err<T>(p: Promise<R<T>>): Promise<{ code: string; message: string }> {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const NO_SEANCE = /^Ouvrez d’abord la séance de signature/;

describe.skipIf(missing)('séance de signature and refusals: rights held by the core', () => {
  let pki: TestPki;
  let t: TestCore & { communeId: string };
  let other: string; // a second commune of the same secrétaire
  let slotId: string;
  const ids = new Map<string, number>();
  const elu = (nom: string) => ids.get(nom)!;
  const passwords = new Map<string, string>([['secretaire', 'une belle journée à la mairie']]);
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;

  /** The next person at the window: « Se déconnecter », then log in (first time: change the temporary password). */
  async function as(login: string, opts: { logout?: boolean } = {}) {
    if (opts.logout !== false) await ok(c().call('auth.logout'));
    const first = !passwords.has(login);
    const { communeId } = await ok(
      c().call('auth.login', { login, password: first ? `provisoire de ${login} 2026` : passwords.get(login)! }),
    );
    if (communeId !== t.communeId) await ok(c().call('commune.switch', { communeId: t.communeId })); // the secrétaire has two
    if (first) {
      passwords.set(login, `la clé de ${login} est bien rangée`);
      await ok(
        c().call('auth.changePassword', {
          current: `provisoire de ${login} 2026`,
          password: passwords.get(login)!,
          password_confirm: passwords.get(login)!,
        }),
      );
    }
  }
  async function account(login: string, nom: string, role: 'maire' | 'adjoint' | 'conseiller') {
    const password = `provisoire de ${login} 2026`;
    await ok(
      c().call('users.create', {
        account: { login, display_name: `Compte ${nom}`, password, password_confirm: password },
        role,
        eluId: elu(nom),
      }),
    );
  }
  /** A PES (its signature writes an outbox row for HELIOS), imported and visé by the secrétariat. */
  async function pes(titre: string, visa = true): Promise<number> {
    await as('secretaire');
    const bytes = samplePes(1);
    const { uploadId } = await ok(c().call('documents.uploadStart', { nom: 'pes.xml', size: bytes.length }));
    await ok(c().call('documents.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') }));
    const { documentId } = await ok(c().call('parapheur.importer', { uploadId, kind: 'pes', titre }));
    if (visa) await ok(c().call('parapheur.viser', { documentId }));
    return documentId;
  }
  const open = () =>
    c().call('parapheur.sessionStart', {
      slotId,
      certificateId: '01',
      pin: pki.pin,
      signataire: { eluId: elu('Lefèvre') },
    });
  const sign = (id: number) => c().call('parapheur.signer', { documentIds: [id] });
  function expectNothingSigned(id: number) {
    expect(db().prepare('SELECT count(*) AS n FROM signature_record WHERE document_id = ?').get(id)).toEqual({ n: 0 });
    const { titre } = db().prepare('SELECT titre FROM parapheur_document WHERE id = ?').get(id) as { titre: string };
    const file = titre
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '_');
    expect(
      db().prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'helios' AND label LIKE ?").get(`%${file}.xml`),
    ).toEqual({ n: 0 });
    expect(db().prepare('SELECT statut FROM parapheur_document WHERE id = ?').get(id)).toEqual({ statut: 'a_signer' });
  }

  beforeAll(async () => {
    // the certificates dated from the test clock (2026-11-23), not from the machine's, whatever pki.ts does
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T08:00:00Z') });
    try {
      pki = createTestPki();
    } finally {
      vi.useRealTimers();
    }
    t = await withCommune();
    for (const e of (await ok(c().call('commune.get'))).elus) if (!e.mandat_fin) ids.set(e.nom, e.id);
    await ok(c().call('signing.saveSettings', { modulePath: pki.module, trustedRoots: [pki.caPem] }));
    const test = await ok(c().call('signing.test', {}));
    if (!test.ok) throw new Error(test.message);
    slotId = test.tokens[0]!.slotId;
    await account('maire', 'Lefèvre', 'maire');
    await account('adjoint', 'Chevalier', 'adjoint');
    await account('conseiller', 'Ménard', 'conseiller');
    for (const login of ['maire', 'adjoint', 'conseiller', 'secretaire']) await as(login); // temporary passwords changed once
    other = (
      await ok(
        c().call('setup.createCommune', {
          identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45155' },
          horaires: validHoraires,
          elus: validElus,
        }),
      )
    ).communeId;
    await ok(c().call('commune.switch', { communeId: t.communeId }));
  });
  afterAll(() => {
    t?.close();
    pki?.cleanup();
  });
  afterEach(() => vi.restoreAllMocks());

  it('after « Se déconnecter », a conseiller at the same window cannot sign with the maire’s séance; the token session is closed', async () => {
    const id = await pes('PES après déconnexion');
    await as('maire');
    await ok(open());
    const logout = vi.spyOn(TokenSession.prototype, 'logout');
    await as('conseiller'); // auth.logout, then auth.login on the same connection
    expect(logout).toHaveBeenCalled(); // C_Logout + C_CloseSession: the PIN is gone
    const e = await err(sign(id));
    expect(e.message).toMatch(NO_SEANCE);
    expect(await ok(c().call('parapheur.sessionState'))).toBeNull();
    expectNothingSigned(id);
    // even the maire, back at the window, must type the PIN again
    await as('maire');
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    expectNothingSigned(id);
  });

  it('another login on the same window without « Se déconnecter » ends the séance too', async () => {
    const id = await pes('PES autre connexion');
    await as('maire');
    await ok(open());
    await as('conseiller', { logout: false });
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    await as('maire', { logout: false }); // the same person logging in again: a new session, a new PIN
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    expectNothingSigned(id);
  });

  it('« Verrouiller » and the inactivity lock end the séance: after unlocking, the PIN is asked again', async () => {
    const id = await pes('PES verrouillage');
    await as('maire');
    await ok(open());
    const logout = vi.spyOn(TokenSession.prototype, 'logout');
    await ok(c().call('auth.lock'));
    expect(logout).toHaveBeenCalledTimes(1); // at the lock, not at the unlock: the token does not stay open behind the lock
    await ok(c().call('auth.unlock', { password: passwords.get('maire')! }));
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    // inactivity: the core's own timer (a few milliseconds here)
    t.core.workspace
      .prepare(
        "INSERT INTO setting (key, value) VALUES ('lock_minutes', '0.001') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run();
    try {
      await ok(open());
      logout.mockClear();
      await vi.waitFor(() => expect(c().events.some((e) => e.event === 'session.locked')).toBe(true), {
        timeout: 2000,
        interval: 20,
      });
      expect(logout).toHaveBeenCalledTimes(1);
    } finally {
      t.core.workspace.prepare("DELETE FROM setting WHERE key = 'lock_minutes'").run();
    }
    await ok(c().call('auth.unlock', { password: passwords.get('maire')! }));
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    expectNothingSigned(id);
  });

  it('a commune switch ends the séance (opened by the secrétariat with the maire present)', async () => {
    const id = await pes('PES changement de commune');
    await ok(open());
    await ok(c().call('commune.switch', { communeId: other }));
    await ok(c().call('commune.switch', { communeId: t.communeId }));
    expect((await err(sign(id))).message).toMatch(NO_SEANCE);
    expectNothingSigned(id);
  });

  it('a closed window ends its séance (C_Logout)', async () => {
    const w = inProcessClient(t.core);
    await ok(w.call('auth.login', { login: 'maire', password: passwords.get('maire')! }));
    await ok(
      w.call('parapheur.sessionStart', {
        slotId,
        certificateId: '01',
        pin: pki.pin,
        signataire: { eluId: elu('Lefèvre') },
      }),
    );
    const logout = vi.spyOn(TokenSession.prototype, 'logout');
    w.close();
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it('a second window cannot reuse the token already opened in the first one without its PIN', async () => {
    const id = await pes('PES deux fenêtres');
    await as('maire');
    await ok(open());
    const w = inProcessClient(t.core);
    try {
      const login = await ok(w.call('auth.login', { login: 'secretaire', password: passwords.get('secretaire')! }));
      if (login.communeId !== t.communeId) await ok(w.call('commune.switch', { communeId: t.communeId }));
      const e = await err(
        w.call('parapheur.sessionStart', {
          slotId,
          certificateId: '01',
          pin: '999999',
          signataire: { eluId: elu('Lefèvre') },
        }),
      );
      expect(e.message).toMatch(/déjà ouverte dans une autre séance de signature/);
      expect((await err(w.call('parapheur.signer', { documentIds: [id] }))).message).toMatch(NO_SEANCE);
      expectNothingSigned(id);
    } finally {
      w.close();
    }
    await ok(c().call('parapheur.sessionEnd'));
  });

  it('every signature re-checks who is logged in now, even within a batch', async () => {
    const a = await pes('PES lot A');
    const b = await pes('PES lot B');
    const now = new Date('2026-11-23T09:00:00Z');
    const env = {
      db: db(),
      docs: t.core.communes.documentsOf(t.communeId),
      now,
      today: parisDay(now),
      audit: () => undefined,
      emit: () => undefined,
    };
    const maire: Owner = { connId: 'fenetre', userId: 2, communeId: t.communeId };
    startSession(env, maire, {
      modulePath: pki.module,
      slotId,
      certificateId: '01',
      pin: pki.pin,
      signataire: { eluId: elu('Lefèvre') },
    });
    // someone else at the window (had no hook closed the séance): refused before anything is signed
    const stranger = signSelection(env, 'fenetre', () => ({ ...maire, userId: 4 }), [a, b]);
    await expect(stranger).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/ouverte par une autre personne ou dans une autre commune.*rien n’a été signé/),
    });
    expectNothingSigned(a);
    // the same, mid-batch: the session is locked after the first document
    startSession(env, maire, {
      modulePath: pki.module,
      slotId,
      certificateId: '01',
      pin: pki.pin,
      signataire: { eluId: elu('Lefèvre') },
    });
    let checks = 0;
    const r = await signSelection(env, 'fenetre', () => (checks++ < 2 ? maire : null), [a, b]);
    expect(r.results.map((x) => x.ok)).toEqual([true, false]);
    expect(r.arret).toMatch(/session Clocher est fermée ou verrouillée/);
    expectNothingSigned(b);
  });

  it('refusing: only the signataire the step waits for (or the secrétariat at the visa step)', async () => {
    const id = await pes('PES à refuser');
    const motif = 'Le montant du bordereau est faux.';
    const offered = async () => (await ok(c().call('parapheur.list', {}))).find((d) => d.id === id)!.peutRefuser;
    for (const login of ['conseiller', 'adjoint', 'secretaire']) {
      await as(login);
      expect(await offered(), login).toBe(false); // the window does not even offer « Refuser »
      const e = await err(c().call('parapheur.refuser', { documentId: id, motif }));
      expect(e).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(
          /^Seul le signataire attendu \(signature de l'ordonnateur\) peut refuser « PES à refuser »/,
        ),
      });
    }
    expect((await err(c().call('parapheur.refuser', { documentId: id, motif }))).message).not.toMatch(/art\./); // the secrétaire: no élu, no article
    await as('conseiller');
    expect((await err(c().call('parapheur.refuser', { documentId: id, motif }))).message).toMatch(
      /Loïc Ménard n'a pas de délégation en vigueur.*art\. L2122-18 CGCT/,
    );
    expect(db().prepare('SELECT statut, refus_motif FROM parapheur_document WHERE id = ?').get(id)).toEqual({
      statut: 'a_signer',
      refus_motif: null,
    });
    await as('maire');
    expect(await offered()).toBe(true);
    await ok(c().call('parapheur.refuser', { documentId: id, motif }));
    expect(db().prepare('SELECT statut, refus_motif FROM parapheur_document WHERE id = ?').get(id)).toEqual({
      statut: 'refuse',
      refus_motif: motif,
    });
    // at the visa step: the secrétariat, not an élu
    const courrier = await pes('PES pas encore visé', false);
    await as('maire');
    expect(await err(c().call('parapheur.refuser', { documentId: courrier, motif }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/attend le visa du secrétariat/),
    });
    await as('secretaire');
    await ok(c().call('parapheur.refuser', { documentId: courrier, motif }));
  });
});
