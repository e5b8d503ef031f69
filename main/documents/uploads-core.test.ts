import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { Client } from '../host/inprocess';
import { withCommune } from '../../test-support/helpers';

/** Through the real core: the window's uploads, its handlers (conseil.addAnnexe) and its disconnection. */
async function pdf(js = false): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage();
  if (js)
    d.catalog.set(
      PDFName.of('OpenAction'),
      d.context.obj({ S: 'JavaScript', JS: PDFString.of('this.exportDataObject({})') }),
    );
  return Buffer.from(await d.save({ useObjectStreams: false }));
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function upload(c: Client, nom: string, bytes: Buffer, send = bytes.length): Promise<string> {
  const { uploadId } = await ok(c.call('documents.uploadStart', { nom, size: bytes.length }));
  if (send)
    await ok(
      c.call('documents.uploadChunk', { uploadId, offset: 0, data: bytes.subarray(0, send).toString('base64') }),
    );
  return uploadId;
}

describe('uploads through the core', () => {
  it('an annexe: truncated or JavaScript PDF refused in French with nothing stored; a good one kept under its cleaned name', async () => {
    const t = await withCommune();
    const c = t.client;
    const { seanceId } = await ok(
      c.call('conseil.createSeance', {
        seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
      }),
    );
    const { pointId } = await ok(
      c.call('conseil.savePoint', { seanceId, pointId: null, point: { titre: 'Budget', matiere: '7.1' } }),
    );
    const good = await pdf();
    const docs = t.core.communes.documentsOf(t.communeId);
    const cut = await c.call('conseil.addAnnexe', {
      pointId,
      uploadId: await upload(c, 'budget.pdf', good.subarray(0, good.length - 30)),
    });
    expect(!cut.ok && cut.error).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(
        /^Annexe « budget\.pdf » refusée : ce PDF est incomplet .* Rien n'a été enregistré\.$/,
      ),
    });
    const js = await c.call('conseil.addAnnexe', { pointId, uploadId: await upload(c, 'budget.pdf', await pdf(true)) });
    expect(!js.ok && js.error.message).toMatch(
      /refusée : ce PDF n'est pas un simple document : il contient du code JavaScript/,
    );
    expect(docs.entries()).toEqual([]);
    expect(fs.readdirSync(path.join(t.dir, 'envois-en-cours'))).toEqual([]); // temporary files removed on refusal
    await ok(c.call('conseil.addAnnexe', { pointId, uploadId: await upload(c, '../../etc/CON.pdf', good) }));
    const detail = await ok(c.call('conseil.seance', { seanceId }));
    expect(JSON.stringify(detail)).toContain('"_CON.pdf"');
    t.close();
  });

  it('a 200 MB scan is refused from its announced size, in French, before any byte crosses', async () => {
    const t = await withCommune();
    const r = await t.client.call('documents.uploadStart', { nom: 'registre-1990.pdf', size: 200 * 1024 * 1024 });
    expect(!r.ok && r.error).toEqual({
      code: 'TOO_LARGE',
      message: expect.stringMatching(
        /^« registre-1990\.pdf » fait 200 Mo : la préfecture n'accepte pas plus de 150 Mo par envoi\. Rien n'a été modifié/,
      ),
    });
    expect(
      fs.existsSync(path.join(t.dir, 'envois-en-cours')) ? fs.readdirSync(path.join(t.dir, 'envois-en-cours')) : [],
    ).toEqual([]);
    t.close();
  });

  it('a window that disconnects mid-upload leaves no temporary file (Core.disconnect)', async () => {
    const t = await withCommune();
    const tmp = path.join(t.dir, 'envois-en-cours');
    await upload(t.client, 'scan.pdf', await pdf(), 10); // 10 bytes of it, then the window is gone
    await upload(t.client, 'scan2.pdf', await pdf(), 0);
    expect(fs.readdirSync(tmp)).toHaveLength(2);
    t.client.close();
    expect(fs.readdirSync(tmp)).toEqual([]);
    t.core.close();
  });
});
