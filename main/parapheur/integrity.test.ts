/**
 * What must hold whatever the window or a crash does, through the real core and a SoftHSM token behind the
 * PKCS#11 proxy: the signature of a délibération and its outbox row are one transaction (architecture §4); an
 * adopted délibération can be neither deleted nor have its PDF swapped (L2121-23 CGCT, migration 0080); no PIN
 * ever reaches a locked token (signing.md: a PUK-only token must not be worn further).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestPki, softhsmMissing, type TestPki } from '../../test-support/signing/pki';
import { samplePdf, verifierMissing, verifyPdf } from '../../test-support/signing/pdf-tools';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { TEST_NOW, requireTool, skipReason, toolMissing } from '../../test-support/support';

// the PKCS#11 proxy that counts C_Login and locks the PIN is compiled by gcc
const missing = skipReason('parapheur integrity', softhsmMissing(), toolMissing('gcc'));

type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function ok<T>(p: Promise<R<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe.skipIf(missing)('parapheur integrity, through the core', () => {
  let pki: TestPki;
  let t: TestCore & { communeId: string };
  let maire: number;
  let slotId: string;
  const db = () => t.core.communes.get(t.communeId).db;
  const docs = () => t.core.communes.documentsOf(t.communeId);
  const c = () => t.client;
  const count = (sql: string, ...args: unknown[]) =>
    (
      db()
        .prepare(sql)
        .get(...args) as { n: number }
    ).n;
  const delib = (numero: string) =>
    db().prepare('SELECT id, signature, pdf_sha256 FROM deliberation WHERE numero = ?').get(numero) as {
      id: number;
      signature: string;
      pdf_sha256: string;
    };
  const docOf = (deliberationId: number) =>
    db()
      .prepare(
        "SELECT id, statut, current_sha256 FROM parapheur_document WHERE source_type = 'deliberation' AND source_id = ?",
      )
      .get(deliberationId) as { id: number; statut: string; current_sha256: string };
  const start = (pin = pki.pin) =>
    c().call('parapheur.sessionStart', { slotId, certificateId: '01', pin, signataire: { eluId: maire } });

  beforeAll(async () => {
    pki = createTestPki({ now: TEST_NOW });
    if (!pki.shim) throw new Error('gcc présent mais le proxy PKCS#11 ne compile pas');
    t = await withCommune();
    const dossier = await ok(c().call('commune.get'));
    maire = dossier.elus.find((e) => e.fonction === 'maire' && !e.mandat_fin)!.id;
    // A closed séance, no secrétaire de séance: the président's signature alone makes the act ready to send.
    const seanceId = Number(
      db()
        .prepare(
          "INSERT INTO seance (date, heure, lieu, nature, created_at, statut, president_elu_id) VALUES ('2026-11-20', '20:30', 'Mairie', 'ordinaire', ?, 'close', ?)",
        )
        .run(TEST_NOW.toISOString(), maire).lastInsertRowid,
    );
    for (const numero of ['2026_051', '2026_052', '2026_053']) {
      const { sha256 } = docs().put(await samplePdf(1, `Délibération n° ${numero}`));
      db()
        .prepare(
          "INSERT INTO deliberation (seance_id, numero, objet, matiere, adoptee, signature, transmission, pdf_sha256) VALUES (?, ?, 'Tarifs', '7.1', 1, 'a_signer', 'a_transmettre', ?)",
        )
        .run(seanceId, numero, sha256);
    }
    // the stored module is the proxy: every C_Login is counted
    await ok(c().call('signing.saveSettings', { modulePath: pki.shim!, trustedRoots: [pki.caPem] }));
    const test = await ok(c().call('signing.test', {}));
    if (!test.ok) throw new Error(test.message);
    slotId = test.tokens[0]!.slotId;
    for (const d of await ok(c().call('parapheur.list', {})))
      await ok(c().call('parapheur.viser', { documentId: d.id }));
  });
  afterAll(() => {
    t?.close();
    pki?.cleanup();
  });

  it('a failing outbox insert rolls the signature back; once it works, signature and outbox row come together', async (ctx) => {
    requireTool(ctx, verifierMissing());
    const before = delib('2026_051');
    const doc = docOf(before.id);
    // a disk-full or a bug in the outbox: any INSERT into it fails, inside the signing transaction
    db().exec(
      "CREATE TEMP TRIGGER outbox_en_panne BEFORE INSERT ON main.sync_outbox BEGIN SELECT RAISE(ABORT, 'outbox en panne (test)'); END",
    );
    try {
      await ok(start());
      const r = await c().call('parapheur.signer', { documentIds: [doc.id] });
      if (r.ok) expect(r.value.results[0]!.ok).toBe(false);
    } finally {
      db().exec('DROP TRIGGER outbox_en_panne');
      await c().call('parapheur.sessionEnd', {});
    }
    // nothing of the signature remains: no record, délibération and document unchanged, no outbox row
    expect(count('SELECT count(*) AS n FROM signature_record WHERE document_id = ?', doc.id)).toBe(0);
    expect(delib('2026_051')).toEqual(before);
    expect(docOf(before.id)).toEqual(doc);
    expect(
      count(
        "SELECT count(*) AS n FROM circuit_step WHERE document_id = ? AND statut = 'fait' AND type = 'signature'",
        doc.id,
      ),
    ).toBe(0);
    expect(count('SELECT count(*) AS n FROM sync_outbox')).toBe(0);

    await ok(start());
    const r = await ok(c().call('parapheur.signer', { documentIds: [doc.id] }));
    expect(r.results[0]).toMatchObject({ ok: true });
    await ok(c().call('parapheur.sessionEnd', {}));
    const after = delib('2026_051');
    expect(after.signature).toBe('signee');
    expect(after.pdf_sha256).toBe(docOf(before.id).current_sha256);
    expect(after.pdf_sha256).not.toBe(before.pdf_sha256);
    const rows = db().prepare("SELECT ref_type, ref_id FROM sync_outbox WHERE kind = 'acte'").all();
    expect(rows).toEqual([{ ref_type: 'deliberation', ref_id: String(after.id) }]);
    const f = path.join(pki.dir, 'delib-2026_051.pdf');
    fs.writeFileSync(f, docs().read(after.pdf_sha256));
    const v = verifyPdf(f, pki.caFile, 1);
    expect(v.ok, v.out).toBe(true);
  });

  it('an adopted délibération cannot be deleted, nor its PDF swapped, signed or not (migration 0080)', async () => {
    const other = docs().put(await samplePdf(1, 'Un autre texte')).sha256;
    for (const numero of ['2026_051', '2026_052', '2026_053']) {
      const d = delib(numero);
      expect(() => db().prepare('DELETE FROM deliberation WHERE id = ?').run(d.id)).toThrow(/deliberation_immuable/);
      expect(() => db().prepare('UPDATE deliberation SET pdf_sha256 = ? WHERE id = ?').run(other, d.id)).toThrow(
        /deliberation_pdf_immuable/,
      );
      expect(() => db().prepare('UPDATE deliberation SET pdf_sha256 = NULL WHERE id = ?').run(d.id)).toThrow(
        /deliberation_pdf_immuable/,
      );
      expect(delib(numero)).toEqual(d);
    }
    // the one legitimate move: 'a_signer' → 'signee' with the signed PDF, in one UPDATE (as markSigned does)…
    const pending = delib('2026_053');
    db().prepare("UPDATE deliberation SET signature = 'signee', pdf_sha256 = ? WHERE id = ?").run(other, pending.id);
    expect(delib('2026_053')).toEqual({ ...pending, signature: 'signee', pdf_sha256: other });
    // …after which it is never unsigned (else its PDF could then be swapped), nor its PDF changed
    expect(() => db().prepare("UPDATE deliberation SET signature = 'a_signer' WHERE id = ?").run(pending.id)).toThrow(
      /deliberation_pdf_immuable/,
    );
    expect(() =>
      db()
        .prepare("UPDATE deliberation SET signature = 'a_signer', pdf_sha256 = ? WHERE id = ?")
        .run(pending.pdf_sha256, pending.id),
    ).toThrow(/deliberation_pdf_immuable/);
    expect(() =>
      db().prepare('UPDATE deliberation SET pdf_sha256 = ? WHERE id = ?').run(pending.pdf_sha256, pending.id),
    ).toThrow(/deliberation_pdf_immuable/);
    expect(() => db().prepare('DELETE FROM deliberation WHERE id = ?').run(pending.id)).toThrow(
      /deliberation_immuable/,
    );
    expect(delib('2026_053').pdf_sha256).toBe(other);
  });

  it('no PIN is ever sent to a locked token: 3 wrong PINs lock it, then C_Login is never called again', async () => {
    pki.resetTries();
    const records = count('SELECT count(*) AS n FROM signature_record');
    for (const pin of ['000001', '000002'])
      expect(await start(pin)).toMatchObject({
        ok: false,
        error: { code: 'TOKEN_PIN', message: expect.stringMatching(/^Code PIN incorrect\./) },
      });
    const third = await start('000003');
    expect(third).toMatchObject({ ok: false, error: { message: expect.stringMatching(/bloquée/) } });
    expect(pki.loginCalls()).toBe(3);
    // the right PIN, then a wrong one: refused as locked by the flags, before any C_Login
    for (const pin of [pki.pin, '000004'])
      expect(await start(pin)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/bloquée/) } });
    expect(pki.loginCalls()).toBe(3);
    expect(count('SELECT count(*) AS n FROM signature_record')).toBe(records);
    pki.resetTries();
  });
});
