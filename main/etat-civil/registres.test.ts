/** Registers through the real core: scans sent by the officiers, multi-page TIFF, closing and binding. */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../host/inprocess';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { accountAs, err, ok } from '../../test-support/etat-civil-client';

const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`page numérisée ${n}`), Buffer.from([0xff, 0xd9])]);

async function send(c: Client, nom: string, bytes: Buffer, via: 'etatCivil' | 'documents' = 'etatCivil'): Promise<string> {
  const start = via === 'etatCivil' ? c.call('etatCivil.uploadStart', { nom, size: bytes.length }) : c.call('documents.uploadStart', { nom, size: bytes.length });
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
    ({ registreId } = await ok(t.client.call('etatCivil.saveRegistre', { registreId: null, registre: { annee: 1990, type: 'naissance', ouvert_le: '1990-01-01' } })));
  });
  afterAll(() => t.close());

  it('the maire and an adjoint (officiers de l’état civil) attach scans; a conseiller cannot; other uploads stay closed to them', async () => {
    const maire = await accountAs(t, 'maire', 'Hélène Lefèvre', 'maire', elus.get('Lefèvre')!);
    const adjoint = await accountAs(t, 'adjoint', 'Noël Chevalier', 'adjoint', elus.get('Chevalier')!);
    const conseiller = await accountAs(t, 'conseiller', 'Loïc Ménard', 'conseiller', elus.get('Ménard')!);
    expect((await err(maire.call('documents.uploadStart', { nom: 'annexe.pdf', size: 10 }))).code).toBe('FORBIDDEN'); // not widened
    expect(await ok(maire.call('etatCivil.addPages', { registreId, uploadId: await send(maire, 'p1.jpg', jpeg(1)) }))).toEqual({ first: 1, last: 1 });
    expect(await ok(adjoint.call('etatCivil.addPages', { registreId, uploadId: await send(adjoint, 'p2.jpg', jpeg(2)) }))).toEqual({ first: 2, last: 2 });
    const page = await ok(maire.call('etatCivil.page', { registreId, page: 2 }));
    expect(Buffer.from(page.base64, 'base64').equals(jpeg(2))).toBe(true);
    const refused = await err(conseiller.call('etatCivil.uploadStart', { nom: 'p3.jpg', size: 10 }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('L2122-32') });
    expect(fs.existsSync(path.join(t.dir, 'envois-en-cours')) ? fs.readdirSync(path.join(t.dir, 'envois-en-cours')) : []).toEqual([]);
    // a scan sent for the registers is taken by no other handler, whoever sent it
    const { seanceId } = await ok(t.client.call('conseil.createSeance', { seance: { date: '2026-11-27', heure: '20:30', lieu: 'Salle du conseil', nature: 'ordinaire' } }));
    const { pointId } = await ok(t.client.call('conseil.savePoint', { seanceId, pointId: null, point: { titre: 'Budget', matiere: '7.1' } }));
    const misuse = await err(t.client.call('conseil.addAnnexe', { pointId, uploadId: await send(t.client, 'p.pdf', jpeg(9)) }));
    expect(misuse).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/envoyé pour les registres d’état civil/) });
    // the secrétaire's ordinary upload still goes to the registers
    expect(await ok(t.client.call('etatCivil.addPages', { registreId, uploadId: await send(t.client, 'p3.jpg', jpeg(3), 'documents') }))).toEqual({ first: 3, last: 3 });
  });
});
