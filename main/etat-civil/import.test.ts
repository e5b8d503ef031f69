/** CSV import of tables décennales, scans page by page, tables PDFs read back — through the real core. */
import { PDFDocument } from '@cantoo/pdf-lib';
import { withCommune, type TestCore } from '../../test-support/helpers';
import { err, ok, pdfText, popplerMissing } from '../../test-support/etat-civil-client';

const CSV = [
  'Type;N°;Date de l’acte;Nom;Prénoms;Nom du conjoint;Prénoms du conjoint',
  'N;1;03/01/1987;Écuyer;Anne;;',
  'N;2;05/01/1987;Dupont;Marc;;',
  'N;3;31/02/1987;Fabre;Léa;;', // refused: no 31 February
  'M;1;13/06/1987;Fabre;Paul;Dubois;Julie',
  'M;2;20/06/1987;Girard;Luc;;', // refused: no spouse
  'N;2;07/01/1987;Doublon;Jean;;', // refused: same act as line 3
  'X;4;07/01/1987;Martin;Jean;;', // refused: unknown kind
  'N;4;08/01/1987;Fabre;Émile;;',
].join('\r\n');

const mapping = { type: 0, numero: 1, date_acte: 2, nom: 3, prenoms: 4, nom_conjoint: 5, prenoms_conjoint: 6 };

describe('import and tables', () => {
  let t: TestCore & { communeId: string };
  const c = () => t.client;
  const db = () => t.core.communes.get(t.communeId).db;
  const count = () => (db().prepare('SELECT count(*) AS n FROM acte_etat_civil').get() as { n: number }).n;

  beforeAll(async () => {
    t = await withCommune();
  });
  afterAll(() => t.close());

  it('previews with the guessed mapping and the reason of every refused line', async () => {
    const p = await ok(c().call('etatCivil.importPreview', { csv: CSV }));
    expect(p.mapping).toEqual(mapping);
    expect(p).toMatchObject({ lignes: 8, acceptees: 4 });
    expect(p.refus).toEqual([
      { ligne: 4, motif: 'date de l’acte invalide : « 31/02/1987 » (attendu JJ/MM/AAAA)' },
      { ligne: 6, motif: 'mariage : nom du conjoint manquant' },
      { ligne: 7, motif: 'même acte que la ligne 3 (naissance n° 2 de 1987)' },
      { ligne: 8, motif: 'type d’acte inconnu : « X »' },
    ]);
    expect(count()).toBe(0);
  });

  it('imports nothing when a line fails while writing (one transaction)', async () => {
    db().exec(
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON acte_etat_civil WHEN NEW.nom = 'Fabre' AND NEW.prenoms = 'Émile' BEGIN SELECT RAISE(ABORT, 'disque'); END;",
    );
    expect((await err(c().call('etatCivil.importCsv', { csv: CSV, mapping }))).code).toBe('INTERNAL');
    db().exec('DROP TRIGGER temp.boom');
    expect(count()).toBe(0);
    expect(db().prepare('SELECT count(*) AS n FROM ec_registre').get()).toEqual({ n: 0 });
  });

  it('imports the accepted lines into their registers, with progress, and refuses them the second time', async () => {
    const r = await ok(c().call('etatCivil.importCsv', { csv: CSV, mapping, nom: 'tables-1983-1992.csv' }));
    expect(r.importees).toBe(4);
    expect(r.refus).toHaveLength(4);
    expect(count()).toBe(4);
    expect(
      c()
        .events.filter((e) => e.event === 'etatCivil.progress')
        .map((e) => e.payload),
    ).toEqual([{ done: 4, total: 4 }]);
    expect((await ok(c().call('etatCivil.registres', {}))).map((x) => [x.annee, x.type, x.actes])).toEqual([
      [1987, 'mariage', 1],
      [1987, 'naissance', 3],
    ]);
    expect((await ok(c().call('etatCivil.search', { q: 'ecuy' }))).rows.map((x) => x.titulaire)).toEqual([
      'Anne ÉCUYER',
    ]);
    const again = await ok(c().call('etatCivil.importPreview', { csv: CSV, mapping }));
    expect(again.acceptees).toBe(0);
    expect(again.refus[0]).toEqual({ ligne: 2, motif: 'déjà dans l’index (naissance n° 1 de 1987)' });
    const journal = db().prepare("SELECT summary FROM journal WHERE action = 'etat-civil.import'").all();
    expect(journal).toEqual([
      { summary: 'Import de « tables-1983-1992.csv » : 4 acte(s) indexé(s), 4 ligne(s) refusée(s)' },
    ]);
  });

  it('attaches scans page by page: a 2-page PDF then a JPEG; refuses anything else', async () => {
    const registreId = (await ok(c().call('etatCivil.registres', {}))).find((r) => r.type === 'naissance')!.id;
    const doc = await PDFDocument.create();
    doc.addPage([200, 300]);
    doc.addPage([200, 300]);
    const upload = async (nom: string, bytes: Uint8Array) => {
      const { uploadId } = await ok(c().call('documents.uploadStart', { nom, size: bytes.byteLength }));
      await ok(c().call('documents.uploadChunk', { uploadId, offset: 0, data: Buffer.from(bytes).toString('base64') }));
      return uploadId;
    };
    expect(
      await ok(c().call('etatCivil.addPages', { registreId, uploadId: await upload('1987-a.pdf', await doc.save()) })),
    ).toEqual({ first: 1, last: 2 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect(
      await ok(c().call('etatCivil.addPages', { registreId, uploadId: await upload('1987-c.jpg', jpeg) })),
    ).toEqual({ first: 3, last: 3 });
    expect(
      (
        await err(
          c().call('etatCivil.addPages', { registreId, uploadId: await upload('notes.txt', Buffer.from('bonjour')) }),
        )
      ).message,
    ).toBe('« notes.txt » n’est ni un PDF, ni une image JPEG ou TIFF : rien n’a été ajouté.');
    const p3 = await ok(c().call('etatCivil.page', { registreId, page: 3 }));
    expect(p3).toMatchObject({ mime: 'image/jpeg', base64: jpeg.toString('base64') });
    const p1 = await ok(c().call('etatCivil.page', { registreId, page: 1 }));
    expect((await PDFDocument.load(Buffer.from(p1.base64, 'base64'))).getPageCount()).toBe(1);
  });

  it.skipIf(popplerMissing)('produces the annual table in French alphabetical order', async () => {
    const r = await ok(c().call('etatCivil.tablePdf', { table: 'annuelle', annee: 1987, type: 'naissance' }));
    const text = pdfText(r.base64, 'table-annuelle-naissances-1987');
    expect(text).toContain('Table annuelle des actes de naissance — 1987');
    const order = ['DUPONT', 'ÉCUYER', 'FABRE'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const dec = pdfText(
      (await ok(c().call('etatCivil.tablePdf', { table: 'decennale', annee: 1983, type: 'mariage' }))).base64,
      'table-decennale-mariages-1983',
    );
    expect(dec.replace(/\s+/g, ' ')).toContain('Julie DUBOIS');
    expect((await err(c().call('etatCivil.tablePdf', { table: 'annuelle', annee: 1990, type: 'deces' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
