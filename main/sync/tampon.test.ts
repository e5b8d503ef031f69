/** s2low-protocol.md §2.5 against the fake: bordereau d'acquittement and stamped act after the AR. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeS2low, type FakeS2low } from '../../e2e/fakes/s2low/index';
import { tempDir } from '../../test-support/helpers';
import { runningClock } from '../../test-support/support';
import { runSync, type SyncOptions } from './engine';
import { addDeliberations, connectedHarness, type Harness } from '../../test-support/sync-harness';
import type { OutboxRow } from './outbox';
import type { S2lowConnector } from './s2low/connector';

let fake: FakeS2low;
let h: Harness;
let conn: S2lowConnector;

const clock = runningClock(); // from TEST_NOW; the engine waits for the retry times it computes from it
const fast = (extra: Partial<SyncOptions> = {}): SyncOptions => ({
  db: h.db,
  docs: h.docs,
  connector: conn,
  backoff: { baseMs: 5, maxMs: 20 },
  pollDelayMs: 0,
  untilDrained: true,
  deadlineMs: 20_000,
  ...extra,
  now: extra.now ?? clock,
});

/** A real one-page PDF, as the conseil makes them. */
async function realPdf(numero: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(`Délibération n° ${numero}`, {
    x: 50,
    y: 700,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await doc.save());
}

interface Delib {
  transmission: string;
  ar_identifiant: string | null;
  bordereau_sha256: string | null;
  tampon_sha256: string | null;
  pdf_sha256: string;
}
const delib = (id: number) => h.db.prepare('SELECT * FROM deliberation WHERE id = ?').get(id) as Delib;

function pdfText(bytes: Buffer): string {
  const f = path.join(h.dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(f, bytes);
  execFileSync('qpdf', ['--check', f], { stdio: 'pipe' }); // throws on a damaged PDF (exit 2)
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  fake = await startFakeS2low();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  ({ h, conn } = connectedHarness(fake, tempDir('clocher-tampon-')));
});

describe('§2.5 bordereau and stamped act', () => {
  it('stores both with the AR; the stamped PDF is valid, an incremental update, and shows the IDActe', async () => {
    const pdfs = new Map<string, Buffer>();
    for (const n of ['TP_001', 'TP_002']) pdfs.set(n, await realPdf(n));
    const [id] = addDeliberations(h, 2, { prefix: 'TP_', pdf: (n) => pdfs.get(n) as Buffer });
    const rep = await runSync(fast());
    expect(rep.outcome).toBe('ok');
    const d = delib(id as number);
    expect(d.transmission).toBe('ar_recu');
    const idActe = '045-214502494-20260115-TP_001-DE';
    expect(d.ar_identifiant).toBe(idActe);
    expect(d.bordereau_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.tampon_sha256).toMatch(/^[0-9a-f]{64}$/);

    const tampon = h.docs.read(d.tampon_sha256 as string);
    const posted = h.docs.read(d.pdf_sha256);
    expect(tampon.subarray(0, posted.length).equals(posted)).toBe(true); // incremental update: the posted bytes stay
    expect(tampon.length).toBeGreaterThan(posted.length);
    const text = pdfText(tampon).replace(/\s+/g, ' ');
    expect(text).toContain(`ID : ${idActe}`);
    expect(text).toMatch(/Reçu en préfecture le \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain('Délibération n° TP_001');

    const bordereau = pdfText(h.docs.read(d.bordereau_sha256 as string)).replace(/\s+/g, ' ');
    expect(bordereau).toContain("Bordereau d'acquittement");
    expect(bordereau).toContain(idActe);

    const result = JSON.parse(
      (h.db.prepare("SELECT result FROM sync_outbox WHERE ref_id = ? AND kind = 'acte'").get(String(id)) as OutboxRow)
        .result as string,
    );
    expect(result).toMatchObject({ identifiant: idActe, bordereau: d.bordereau_sha256, tampon: d.tampon_sha256 });
    expect(result.documents_erreur).toBeUndefined();
  });

  it('the fake answers « KO / Pas d’acquittement recu » before the AR, and lists the message XML then the act after', async () => {
    addDeliberations(h, 1, { prefix: 'TK_', pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n') });
    await runSync(fast({ untilDrained: false, pull: false })); // posted, status 1
    const remote = (h.db.prepare('SELECT remote_id FROM sync_outbox').get() as { remote_id: string }).remote_id;
    const ko = await conn.client.filesList(remote);
    expect(ko).toEqual({ ok: false, message: "Pas d'acquittement recu" });
    await runSync(fast());
    const l = await conn.client.filesList(remote);
    if (!l.ok) throw new Error(l.message);
    expect(l.files.map((f) => f.mimetype)).toEqual(['text/xml', 'application/pdf']);
    expect(Object.keys(l.files[1] as object)).toEqual(
      expect.arrayContaining(['id', 'filename', 'posted_filename', 'mimetype', 'filesize', 'sha1', 'code_pj']),
    );
    expect(l.files[1]?.code_pj).toBe('99_DE');
  });

  it('a download failure keeps the AR; the next synchronisation gets the documents', async () => {
    const [id] = addDeliberations(h, 1, { prefix: 'TF_', pdf: () => pdfsCache });
    // the AR step, then the same run's catch-up (engine `catchUpPieces`), both fail
    fake.inject('http500', { path: 'actes_create_pdf', times: 2 });
    fake.inject('http500', { path: 'actes_download_file', times: 2 });
    const rep = await runSync(fast());
    expect(rep.outcome).toBe('ok');
    let d = delib(id as number);
    expect(d.transmission).toBe('ar_recu');
    expect(d.ar_identifiant).toBe('045-214502494-20260115-TF_001-DE');
    expect(d.bordereau_sha256).toBeNull();
    expect(d.tampon_sha256).toBeNull();
    const row = h.db.prepare('SELECT state, result FROM sync_outbox').get() as OutboxRow;
    expect(row.state).toBe('recu');
    expect(JSON.parse(row.result as string)).toMatchObject({
      identifiant: '045-214502494-20260115-TF_001-DE',
      documents_essais: 1,
      documents_erreur: expect.stringMatching(/erreur 500/),
    });

    // next run: the stamped act comes, the bordereau fails once more; the AR stays
    fake.inject('http500', { path: 'actes_create_pdf', times: 1 });
    await runSync(fast({ untilDrained: false }));
    d = delib(id as number);
    expect(d.bordereau_sha256).toBeNull();
    expect(d.tampon_sha256).toMatch(/^[0-9a-f]{64}$/);

    await runSync(fast({ untilDrained: false }));
    d = delib(id as number);
    expect(d.transmission).toBe('ar_recu');
    expect(d.bordereau_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfText(h.docs.read(d.tampon_sha256 as string))).toContain('045-214502494-20260115-TF_001-DE');
    const journal = h.db
      .prepare(
        "SELECT action FROM journal WHERE object_type = 'deliberation' AND action LIKE 'deliberation.ar%' ORDER BY id",
      )
      .all() as { action: string }[];
    expect(journal.map((j) => j.action)).toEqual([
      'deliberation.ar',
      'deliberation.ar.documents',
      'deliberation.ar.documents',
    ]);
    // nothing left to ask: a further run makes no §2.5 request
    const before = fake.state.stats.requests;
    await runSync(fast({ untilDrained: false, pull: false }));
    expect(fake.state.stats.requests).toBe(before);
  });
});

let pdfsCache: Buffer;
beforeAll(async () => {
  pdfsCache = await realPdf('TF_001');
});
