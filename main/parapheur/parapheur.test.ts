import fs from 'node:fs';
import path from 'node:path';
import { parisDay } from '../kernel/time';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { samplePdf, verifierMissing, verifyPdf, verifyPes, xmlsecMissing } from '../../test-support/signing/pdf-tools';
import { samplePes } from '../../test-support/signing/pes';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { TEST_NOW, requireTool } from '../../test-support/support';
import { signSelection, startSession, type Progress } from './session';

const missing = softhsmMissing();
const noVerifier = verifierMissing();
if (missing) console.warn(`[parapheur] ${missing}`);
if (noVerifier) console.warn(`[parapheur] ${noVerifier}`);

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

describe.skipIf(missing)('parapheur and séance de signature, through the core', () => {
  let pki: TestPki;
  let t: TestCore & { communeId: string };
  let elu: (nom: string) => number;
  let slotId: string;
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const docs = () => t.core.communes.documentsOf(t.communeId);
  // every signed PDF is checked by the independent verifier (pdfsig + qpdf); tests calling this require it
  const check = (sha: string, n: number, name: string) => {
    const f = path.join(pki.dir, `${name}.pdf`);
    fs.writeFileSync(f, docs().read(sha));
    const v = verifyPdf(f, pki.caFile, n);
    expect(v.ok, v.out).toBe(true);
  };
  async function upload(nom: string, bytes: Buffer): Promise<string> {
    const { uploadId } = await ok(c().call('documents.uploadStart', { nom, size: bytes.length }));
    await ok(c().call('documents.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') }));
    return uploadId;
  }
  async function importer(kind: 'courrier' | 'pes', titre: string, bytes: Buffer): Promise<number> {
    const { documentId } = await ok(
      c().call('parapheur.importer', { uploadId: await upload(`${titre}.bin`, bytes), kind, titre }),
    );
    await ok(c().call('parapheur.viser', { documentId }));
    return documentId;
  }
  const start = (certificateId: string, signataire: { eluId: number } | { delegationId: number }, pin = pki.pin) =>
    c().call('parapheur.sessionStart', { slotId, certificateId, pin, signataire });

  beforeAll(async () => {
    pki = createTestPki();
    t = await withCommune();
    const dossier = await ok(c().call('commune.get'));
    const ids = new Map(dossier.elus.filter((e) => !e.mandat_fin).map((e) => [e.nom, e.id]));
    elu = (nom) => ids.get(nom)!;
    // A closed séance with three adopted délibérations and an arrêté PV, as the conseil domain leaves them.
    const d = db();
    const seanceId = Number(
      d
        .prepare(
          "INSERT INTO seance (date, heure, lieu, nature, created_at, statut, president_elu_id) VALUES ('2026-11-20', '20:30', 'Mairie', 'ordinaire', ?, 'close', ?)",
        )
        .run(TEST_NOW.toISOString(), elu('Lefèvre')).lastInsertRowid,
    );
    d.prepare('INSERT INTO secretaire_seance (seance_id, elu_id) VALUES (?, ?)').run(seanceId, elu('Chevalier'));
    for (const n of [1, 2, 3]) {
      const { sha256 } = docs().put(await samplePdf(2, `Délibération n° 2026_04${n}`));
      d.prepare(
        "INSERT INTO deliberation (seance_id, numero, objet, matiere, adoptee, signature, transmission, pdf_sha256) VALUES (?, ?, ?, '7.1', 1, 'a_signer', 'a_transmettre', ?)",
      ).run(seanceId, `2026_04${n}`, `Objet ${n}`, sha256);
    }
    const pv = docs().put(await samplePdf(3, 'Procès-verbal du 20/11/2026'));
    d.prepare(
      "INSERT INTO pv (seance_id, statut, debats, arrete_le, pdf_sha256) VALUES (?, 'arrete', 'Débats', '2026-11-23', ?)",
    ).run(seanceId, pv.sha256);
    await ok(c().call('signing.saveSettings', { modulePath: pki.module, trustedRoots: [pki.caPem] }));
    const test = await ok(c().call('signing.test', {}));
    if (!test.ok) throw new Error(test.message);
    slotId = test.tokens[0]!.slotId;
  });
  afterAll(() => {
    t?.close();
    pki?.cleanup();
  });

  it('visa, then président and secrétaire de séance sign délibérations and PV; conseil marked signed', async (ctx) => {
    requireTool(ctx, noVerifier);
    const list = await ok(c().call('parapheur.list', {}));
    expect(list.map((x) => x.statut)).toEqual(['a_viser', 'a_viser', 'a_viser', 'a_viser']);
    const ids = list.map((x) => x.id);
    // wrong PIN: said clearly, nothing signed, no retry
    const wrong = await err(start('01', { eluId: elu('Lefèvre') }, '999999'));
    expect(wrong).toMatchObject({ code: 'TOKEN_PIN', message: expect.stringMatching(/^Code PIN incorrect\./) });
    // certificate checks happen before the PIN
    expect((await err(start('06', { eluId: elu('Lefèvre') }))).message).toMatch(
      /au nom de Jean Autre, pas de Hélène Lefèvre/,
    );
    expect((await err(start('03', { eluId: elu('Lefèvre') }))).message).toMatch(/a expiré/);
    expect((await err(start('05', { eluId: elu('Chevalier') }))).message).toMatch(/pas un certificat de signature/);
    await ok(start('01', { eluId: elu('Lefèvre') }));
    // not yet visé: refused per document
    const early = await ok(c().call('parapheur.signer', { documentIds: [ids[0]!] }));
    expect(early.results[0]).toMatchObject({ ok: false, message: expect.stringMatching(/visa du secrétariat/) });
    for (const documentId of ids) await ok(c().call('parapheur.viser', { documentId }));
    // the séance offers what its signataire may sign at the current step, and counts what it signed
    expect(await ok(c().call('parapheur.sessionState', {}))).toMatchObject({ aSigner: ids, signesCetteSeance: 0 });
    const r1 = await ok(c().call('parapheur.signer', { documentIds: ids }));
    expect(r1.results.every((r) => r.ok)).toBe(true);
    expect(await ok(c().call('parapheur.sessionState', {}))).toMatchObject({ aSigner: [], signesCetteSeance: 4 });
    expect(t.client.events.filter((e) => e.event === 'parapheur.progress').length).toBeGreaterThanOrEqual(8);
    // the président cannot sign the secrétaire's step
    const again = await ok(c().call('parapheur.signer', { documentIds: [ids[0]!] }));
    expect(again.results[0]!.message).toMatch(/n'est pas le secrétaire de séance attendu.*L2121-23/);
    await ok(c().call('parapheur.sessionEnd', {}));
    await ok(start('02', { eluId: elu('Chevalier') }));
    expect(await ok(c().call('parapheur.sessionState', {}))).toMatchObject({ aSigner: ids, signesCetteSeance: 0 });
    const r2 = await ok(c().call('parapheur.signer', { documentIds: ids }));
    expect(r2.results.map((r) => r.message)).toEqual(Array(4).fill('Signé par Noël Chevalier (Secrétaire de séance).'));
    const after = await ok(c().call('parapheur.list', {}));
    expect(after.every((x) => x.statut === 'signe')).toBe(true);
    for (const numero of ['2026_041', '2026_042', '2026_043']) {
      const delib = db().prepare('SELECT signature, pdf_sha256 FROM deliberation WHERE numero = ?').get(numero) as {
        signature: string;
        pdf_sha256: string;
      };
      expect(delib.signature).toBe('signee');
      check(delib.pdf_sha256, 2, `delib-${numero}`);
    }
    const pv = db().prepare('SELECT statut, pdf_sha256 FROM pv').get() as { statut: string; pdf_sha256: string };
    expect(pv.statut).toBe('signe');
    check(pv.pdf_sha256, 2, 'pv');
    const detail = await ok(c().call('parapheur.get', { documentId: ids[3]! }));
    expect(detail.signatures.map((s) => s.fondement)).toEqual(['L2121-15', 'L2121-15']);
    await ok(c().call('parapheur.sessionEnd', {}));
  });

  it('délégations: refused outside one with the article, accepted within; refusal goes back to the secrétaire', async (ctx) => {
    requireTool(ctx, noVerifier);
    const courrier = await importer('courrier', 'Réponse à M. Durand', await samplePdf(1, 'Courrier'));
    await ok(start('02', { eluId: elu('Chevalier') }));
    const r = await ok(c().call('parapheur.signer', { documentIds: [courrier] }));
    expect(r.results[0]!.message).toMatch(
      /Noël Chevalier n'a pas de délégation en vigueur le 23\/11\/2026.*art\. L2122-18 CGCT/,
    );
    const bad = await err(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'R2122-10',
          delegantEluId: elu('Lefèvre'),
          delegataireNom: 'Martine Roux',
          qualite: "Officier d'état civil délégué",
          objets: ['etat_civil'],
          arreteNumero: 'A-2026-12',
          arreteDate: '2026-04-02',
          debut: '2026-04-02',
        },
      }),
    );
    expect(bad.message).toMatch(/fonctionnaire titulaire \(art\. R2122-10 CGCT\)/);
    await ok(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'L2122-18',
          delegantEluId: elu('Lefèvre'),
          delegataireEluId: elu('Chevalier'),
          qualite: 'Adjoint au maire délégué',
          objets: ['courrier'],
          arreteNumero: 'A-2026-10',
          arreteDate: '2026-04-01',
          debut: '2026-04-01',
        },
      }),
    );
    const ok2 = await ok(c().call('parapheur.signer', { documentIds: [courrier] }));
    expect(ok2.results[0]).toMatchObject({ ok: true, message: 'Signé par Noël Chevalier (Adjoint au maire délégué).' });
    const d = await ok(c().call('parapheur.get', { documentId: courrier }));
    check(d.document.current_sha256, 1, 'courrier');
    // at the visa step the secrétariat refuses (rights.test.ts: who else may not)
    const { documentId: refuse } = await ok(
      c().call('parapheur.importer', {
        uploadId: await upload('revoir.bin', await samplePdf(1, 'Courrier 2')),
        kind: 'courrier',
        titre: 'Courrier à revoir',
      }),
    );
    await ok(c().call('parapheur.refuser', { documentId: refuse, motif: "L'adresse du destinataire est fausse." }));
    const back = await ok(c().call('parapheur.get', { documentId: refuse }));
    expect(back.document).toMatchObject({ statut: 'refuse', refus_motif: "L'adresse du destinataire est fausse." });
    await ok(c().call('parapheur.resoumettre', { documentId: refuse }));
    expect((await ok(c().call('parapheur.get', { documentId: refuse }))).document.statut).toBe('a_viser');
    await ok(c().call('parapheur.sessionEnd', {}));
  });

  it('always-authenticate key: the PIN is asked for each document', async (ctx) => {
    requireTool(ctx, noVerifier);
    await ok(
      c().call('parapheur.saveDelegation', {
        delegation: {
          article: 'L2122-18',
          delegantEluId: elu('Lefèvre'),
          delegataireEluId: elu('Ménard'),
          qualite: 'Conseiller municipal délégué',
          objets: ['courrier'],
          arreteNumero: 'A-2026-11',
          arreteDate: '2026-04-01',
          debut: '2026-04-01',
        },
      }),
    );
    const a = await importer('courrier', 'Courrier A', await samplePdf(1, 'A'));
    const b = await importer('courrier', 'Courrier B', await samplePdf(1, 'B'));
    const s = await ok(start('04', { eluId: elu('Ménard') }));
    expect(s).toMatchObject({
      pinAChaqueSignature: true,
      message: expect.stringMatching(/code PIN à chaque signature/),
    });
    expect((await err(c().call('parapheur.signer', { documentIds: [a, b] }))).message).toMatch(/un par un/);
    for (const documentId of [a, b])
      expect((await ok(c().call('parapheur.signer', { documentIds: [documentId], pin: pki.pin }))).results[0]!.ok).toBe(
        true,
      );
    await ok(c().call('parapheur.sessionEnd', {}));
    for (const documentId of [a, b])
      check((await ok(c().call('parapheur.get', { documentId }))).document.current_sha256, 1, `always-${documentId}`);
  });

  it('PES: each Bordereau signed by the ordonnateur, verified by xmlsec1', async (ctx) => {
    requireTool(ctx, xmlsecMissing());
    const id = await importer('pes', 'PES dépenses novembre', samplePes(2));
    await ok(start('01', { eluId: elu('Lefèvre') }));
    expect((await ok(c().call('parapheur.signer', { documentIds: [id] }))).results[0]!.ok).toBe(true);
    await ok(c().call('parapheur.sessionEnd', {}));
    const f = await ok(c().call('parapheur.file', { documentId: id, version: 'courante' }));
    // signed, it waits in the outbox for HELIOS, with the signed bytes
    const out = db().prepare("SELECT label, payload FROM sync_outbox WHERE kind = 'helios'").get() as {
      label: string;
      payload: string;
    };
    expect(out.label).toBe('Flux comptable PES_depenses_novembre.xml');
    expect(docs().read(JSON.parse(out.payload).sha256).toString('base64')).toBe(f.base64);
    const file = path.join(pki.dir, 'pes.xml');
    fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
    for (const bordereau of ['BORD_2026_000041', 'BORD_2026_000042']) {
      const v = verifyPes(file, pki.caFile, `SIG-${bordereau}`);
      expect(v.ok, v.out).toBe(true);
    }
  });

  it('token pulled out mid-batch: what is signed stays signed, the rest stays in the parapheur', async (ctx) => {
    requireTool(ctx, pki.shim ? null : 'gcc absent : proxy PKCS#11 non compilé, test du retrait ignoré');
    requireTool(ctx, noVerifier);
    const ids = [];
    for (const n of [1, 2, 3])
      ids.push(await importer('courrier', `Courrier lot ${n}`, await samplePdf(1, `Lot ${n}`)));
    const now = new Date('2026-11-23T09:00:00Z');
    const events: Progress[] = [];
    const env = {
      db: db(),
      docs: docs(),
      now,
      today: parisDay(now),
      audit: () => undefined,
      emit: (p: Progress) => {
        events.push(p);
        if (p.type === 'document' && p.etat === 'signe' && p.index === 0) pki.setState('removed', true); // unplugged after the first
      },
    };
    try {
      const owner = { connId: 'conn-retrait', userId: 1, communeId: t.communeId };
      startSession(env, owner, {
        modulePath: pki.shim!,
        slotId,
        certificateId: '01',
        pin: pki.pin,
        signataire: { eluId: elu('Lefèvre') },
      });
      const r = await signSelection(env, 'conn-retrait', () => owner, ids);
      expect(r.results.map((x) => x.ok)).toEqual([true, false, false]);
      expect(r.arret).toMatch(/clé de signature a été retirée/);
      expect(events.at(-1)).toMatchObject({ type: 'arret', restants: [ids[2]] });
    } finally {
      pki.setState('removed', false);
    }
    const statuts = await Promise.all(
      ids.map(async (documentId) => (await ok(c().call('parapheur.get', { documentId }))).document.statut),
    );
    expect(statuts).toEqual(['signe', 'a_signer', 'a_signer']);
    check((await ok(c().call('parapheur.get', { documentId: ids[0]! }))).document.current_sha256, 1, 'lot-1');
    // the session is gone: a new one is needed after re-plugging
    expect((await err(c().call('parapheur.signer', { documentIds: [ids[1]!] }))).code).toBe('CONFLICT');
  });
});
