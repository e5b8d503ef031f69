/** Registers through the real core: scans sent by the officiers, multi-page TIFF, closing and binding. */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../host/inprocess';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';
import { multiPageTiff, pagePixels } from '../../test-support/tiff';

const jpeg = (n: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`page numérisée ${n}`), Buffer.from([0xff, 0xd9])]);

async function send(
  c: Client,
  nom: string,
  bytes: Buffer,
  via: 'etatCivil' | 'documents' = 'etatCivil',
): Promise<string> {
  const start =
    via === 'etatCivil'
      ? c.call('etatCivil.uploadStart', { nom, size: bytes.length })
      : c.call('documents.uploadStart', { nom, size: bytes.length });
  const { uploadId } = await ok(start);
  const a = { uploadId, offset: 0, data: bytes.toString('base64') };
  await ok(via === 'etatCivil' ? c.call('etatCivil.uploadChunk', a) : c.call('documents.uploadChunk', a));
  return uploadId;
}

describe('registers', () => {
  let t: TestCore & { communeId: string };
  let elus: Map<string, number>;
  let registreId: number;
  beforeAll(async () => {
    t = await withCommune();
    const dossier = await ok(t.client.call('commune.get'));
    elus = new Map(dossier.elus.filter((e) => !e.mandat_fin).map((e) => [e.nom, e.id]));
    ({ registreId } = await ok(
      t.client.call('etatCivil.saveRegistre', {
        registreId: null,
        registre: { annee: 1990, type: 'naissance', ouvert_le: '1990-01-01' },
      }),
    ));
  });
  afterAll(() => t.close());

  it('the maire and an adjoint (officiers de l’état civil) attach scans; a conseiller cannot; other uploads stay closed to them', async () => {
    const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire', elus.get('Lefèvre')!);
    const adjoint = await accountAs(t, 'adjoint', 'Noël Chevalier', 'adjoint', elus.get('Chevalier')!);
    const conseiller = await accountAs(t, 'conseiller', 'Loïc Ménard', 'conseiller', elus.get('Ménard')!);
    expect((await err(maire.call('documents.uploadStart', { nom: 'annexe.pdf', size: 10 }))).code).toBe('FORBIDDEN'); // not widened
    expect(
      await ok(maire.call('etatCivil.addPages', { registreId, uploadId: await send(maire, 'p1.jpg', jpeg(1)) })),
    ).toEqual({ first: 1, last: 1 });
    expect(
      await ok(adjoint.call('etatCivil.addPages', { registreId, uploadId: await send(adjoint, 'p2.jpg', jpeg(2)) })),
    ).toEqual({ first: 2, last: 2 });
    const page = await ok(maire.call('etatCivil.page', { registreId, page: 2 }));
    expect(Buffer.from(page.base64, 'base64').equals(jpeg(2))).toBe(true);
    const refused = await err(conseiller.call('etatCivil.uploadStart', { nom: 'p3.jpg', size: 10 }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('L2122-32') });
    expect(
      fs.existsSync(path.join(t.dir, 'envois-en-cours')) ? fs.readdirSync(path.join(t.dir, 'envois-en-cours')) : [],
    ).toEqual([]);
    // a scan sent for the registers is taken by no other handler, whoever sent it
    const { seanceId } = await ok(
      t.client.call('conseil.createSeance', {
        seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' },
      }),
    );
    const { pointId } = await ok(
      t.client.call('conseil.savePoint', { seanceId, pointId: null, point: { titre: 'Budget', matiere: '7.1' } }),
    );
    const misuse = await err(
      t.client.call('conseil.addAnnexe', { pointId, uploadId: await send(t.client, 'p.pdf', jpeg(9)) }),
    );
    expect(misuse).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/envoyé pour les registres d’état civil/),
    });
    // the secrétaire's ordinary upload still goes to the registers
    expect(
      await ok(
        t.client.call('etatCivil.addPages', {
          registreId,
          uploadId: await send(t.client, 'p3.jpg', jpeg(3), 'documents'),
        }),
      ),
    ).toEqual({ first: 3, last: 3 });
  });

  it('closes on the date of its last act, then binds, each once and only once confirmed; journaled', async () => {
    const c = t.client;
    const reg = { annee: 2025, type: 'mariage' as const, ouvert_le: '2025-01-01' };
    const { registreId: id } = await ok(c.call('etatCivil.saveRegistre', { registreId: null, registre: reg }));
    await ok(
      c.call('etatCivil.createActe', {
        acte: {
          type: 'mariage',
          numero: 1,
          date_acte: '2025-09-13',
          nom: 'Girard',
          prenoms: 'Luc',
          nom_conjoint: 'Roux',
          prenoms_conjoint: 'Zoé',
          registre_id: id,
        },
      }),
    );
    const early = await err(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: '2025-06-30' }, confirm: true }),
    );
    expect(early).toMatchObject({
      code: 'RULE',
      message: 'Le registre se clôt à la date de son dernier acte, le 13/09/2025 au plus tôt.',
    });
    const bindFirst = await err(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, relie_le: '2025-12-31' }, confirm: true }),
    );
    expect(bindFirst.message).toMatch(/se relie une fois clos/);
    const future = await err(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: '2026-12-31' }, confirm: true }),
    );
    expect(future.code).toBe('INVALID');
    const ask = await err(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: '2025-12-31' } }),
    );
    expect(ask).toMatchObject({
      code: 'CONFIRM',
      message: expect.stringMatching(
        /^Clore le registre des mariages 2025 le 31\/12\/2025 \? La clôture est définitive.*DAF\/DPACI\/RES\/2009\/018.*C\. civ\. art\. 40/,
      ),
    });
    expect((await ok(c.call('etatCivil.registres', {}))).find((r) => r.id === id)).toMatchObject({
      clos_le: null,
      dernier_acte: '2025-09-13',
    });
    await ok(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: '2025-12-31' }, confirm: true }),
    );
    const reopen = await err(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: null }, confirm: true }),
    );
    expect(reopen).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(/est clos depuis le 31\/12\/2025 : la clôture est définitive/),
    });
    expect(
      (
        await err(
          c.call('etatCivil.saveRegistre', {
            registreId: id,
            registre: { ...reg, clos_le: '2025-12-31', relie_le: '2026-01-15' },
          }),
        )
      ).code,
    ).toBe('CONFIRM');
    await ok(
      c.call('etatCivil.saveRegistre', {
        registreId: id,
        registre: { ...reg, clos_le: '2025-12-31', relie_le: '2026-01-15' },
        confirm: true,
      }),
    );
    const unbind = await err(
      c.call('etatCivil.saveRegistre', {
        registreId: id,
        registre: { ...reg, clos_le: '2025-12-31', relie_le: '2026-02-01' },
        confirm: true,
      }),
    );
    expect(unbind.message).toMatch(/relié depuis le 15\/01\/2026 : la reliure est définitive/);
    expect((await ok(c.call('etatCivil.registres', {}))).find((r) => r.id === id)).toMatchObject({
      clos_le: '2025-12-31',
      relie_le: '2026-01-15',
    });
    const journal = t.core.communes
      .get(t.communeId)
      .db.prepare("SELECT action, summary FROM journal WHERE object_type = 'ec_registre' AND object_id = ? ORDER BY id")
      .all(String(id));
    expect(journal).toEqual([
      { action: 'etat-civil.registre.cree', summary: 'Registre des mariages 2025 créé' },
      { action: 'etat-civil.registre.clos', summary: 'Registre des mariages 2025 clos le 31/12/2025' },
      { action: 'etat-civil.registre.relie', summary: 'Registre des mariages 2025 relié le 15/01/2026' },
    ]);
  });

  it('a closed register takes no act dated after its closing (acts of that day or before may still be indexed)', async () => {
    const c = t.client;
    const reg = { annee: 2024, type: 'deces' as const, ouvert_le: '2024-01-01' };
    const { registreId: id } = await ok(c.call('etatCivil.saveRegistre', { registreId: null, registre: reg }));
    await ok(
      c.call('etatCivil.createActe', {
        acte: { type: 'deces', numero: 1, date_acte: '2024-03-02', nom: 'Girard', prenoms: 'Luc', registre_id: id },
      }),
    );
    await ok(
      c.call('etatCivil.saveRegistre', { registreId: id, registre: { ...reg, clos_le: '2024-06-30' }, confirm: true }),
    );
    await ok(
      c.call('etatCivil.createActe', {
        acte: { type: 'deces', numero: 2, date_acte: '2024-06-30', nom: 'Petit', prenoms: 'Jean', registre_id: id },
      }),
    );
    const late = await err(
      c.call('etatCivil.createActe', {
        acte: { type: 'deces', numero: 3, date_acte: '2024-07-01', nom: 'Petit', prenoms: 'Paul', registre_id: id },
      }),
    );
    expect(late).toMatchObject({
      code: 'RULE',
      message: expect.stringMatching(
        /est clos depuis le 30\/06\/2024 : un acte daté du 01\/07\/2024 ne peut pas y figurer \(instruction DAF\/DPACI\/RES\/2009\/018\)/,
      ),
    });
  });

  it('a 3-page TIFF becomes 3 register pages, each its own one-page TIFF', async () => {
    const { registreId: id } = await ok(
      t.client.call('etatCivil.saveRegistre', { registreId: null, registre: { annee: 1991, type: 'deces' } }),
    );
    const tiff = multiPageTiff([
      { w: 12, h: 10 },
      { w: 12, h: 10 },
      { w: 9, h: 4 },
    ]);
    expect(
      await ok(
        t.client.call('etatCivil.addPages', {
          registreId: id,
          uploadId: await send(t.client, 'registre-1991.tif', tiff),
        }),
      ),
    ).toEqual({ first: 1, last: 3 });
    for (const n of [1, 2, 3]) {
      const p = await ok(t.client.call('etatCivil.page', { registreId: id, page: n }));
      const bytes = Buffer.from(p.base64, 'base64');
      expect(p.mime).toBe('image/tiff');
      expect(bytes.length).toBeLessThan(tiff.length / 2);
      expect(bytes.includes(pagePixels(n - 1, n === 3 ? 9 : 12, n === 3 ? 4 : 10))).toBe(true);
    }
    const bad = await err(
      t.client.call('etatCivil.addPages', {
        registreId: id,
        uploadId: await send(t.client, 'abime.tif', tiff.subarray(0, 60)),
      }),
    );
    expect(bad).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/« abime\.tif » est un TIFF illisible/),
    });
    expect((await ok(t.client.call('etatCivil.registres', {}))).find((r) => r.id === id)?.pages).toBe(3);
  });
});
