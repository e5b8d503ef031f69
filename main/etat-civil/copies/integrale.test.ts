/** Copie intégrale: from the keyed act, or the certified reproduction of the register page (issue 12). */
import { MONTH_WORD } from '../../../test-support/dates';
import {
  copiesToolsMissing,
  ecCtx,
  fixture,
  keyedActe,
  mention,
  parent,
  readBack,
  registerPage,
  type Fixture,
} from '../../../test-support/etat-civil-copies';
import { ok } from '../../../test-support/etat-civil-client';
import { skipReason } from '../../../test-support/support';
import { addPages } from '../registres';
import { documentProblem, produceDocument } from './index';

const base = {
  copies: 1,
  delivreLe: '2026-11-23',
  officier: { nom: 'Noël Chevalier', qualite: 'Adjoint au maire' },
} as const;

describe.skipIf(skipReason('copies', copiesToolsMissing))('copie intégrale', () => {
  let t: Fixture;
  let jean: number, deces: number;

  beforeAll(async () => {
    t = await fixture();
    jean = await keyedActe(
      t,
      {
        type: 'naissance',
        numero: 7,
        date_acte: '1960-02-04',
        nom: 'Martin',
        prenoms: 'Jean Pierre',
        date_evenement: '1960-02-03',
        heure_evenement: '14:30',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
        sexe: 'M',
        officier: 'Henri Bailly, maire',
      },
      [
        { role: 'titulaire', rang: 1, nom: 'Martin', prenoms: 'Jean Pierre', sexe: 'M' },
        parent(1, 'Paul', 'Martin', 'M', '1930-01-01', 'Orléans (Loiret)'),
        parent(2, 'Marie', 'Durand', 'F', '1932-05-06', 'Gien (Loiret)'),
        {
          role: 'declarant',
          rang: 1,
          nom: 'Martin',
          prenoms: 'Paul',
          sexe: 'M',
          profession: 'agriculteur',
          domicile: 'Saint-Benoît-sur-Loire',
        },
      ],
    );
    await mention(t, jean, {
      nature: 'mariage',
      date: '1985-06-01',
      lieu: 'Tours (Indre-et-Loire)',
      autre: { prenoms: 'Anne', nom: 'Petit' },
    });
    await mention(t, jean, {
      nature: 'reconnaissance',
      date: '1960-03-01',
      lieu: 'Orléans (Loiret)',
      autre: { prenoms: 'Paul', nom: 'Martin' },
    });
    await mention(t, jean, { nature: 'deces', date: '2026-11-01', lieu: 'Orléans (Loiret)' }, true); // a draft: never printed
    deces = await keyedActe(
      t,
      {
        type: 'deces',
        numero: 4,
        date_acte: '2026-11-02',
        nom: 'Roux',
        prenoms: 'Jeanne',
        date_evenement: '2026-11-01',
        heure_evenement: '03:10',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
        sexe: 'F',
      },
      [
        {
          role: 'titulaire',
          rang: 1,
          nom: 'Roux',
          prenoms: 'Jeanne',
          sexe: 'F',
          date_naissance: '1940-04-04',
          lieu_naissance: 'Gien (Loiret)',
          profession: 'retraitée',
          domicile: 'Saint-Benoît-sur-Loire',
        },
        { role: 'declarant', rang: 1, nom: 'Roux', prenoms: 'Marc', profession: 'employé', domicile: 'Gien' },
      ],
    );
  });
  afterAll(() => t.close());

  it('from the keyed act: every person, the filiation as drawn up, every validated mention with when it was made', async () => {
    const doc = await produceDocument(ecCtx(t), { ...base, acteId: jean, document: 'copie_integrale' });
    expect(doc.source).toBe('saisie');
    const { flat } = readBack(doc.pdf, 'copie-integrale-saisie');
    expect(flat).toContain('COPIE INTÉGRALE D’ACTE DE NAISSANCE');
    expect(flat).toContain('Né le 03/02/1960 à 14 h 30 à Saint-Benoît-sur-Loire (Loiret), de sexe masculin.');
    expect(flat).toContain('Père : Paul MARTIN, né le 01/01/1930 à Orléans (Loiret), profession : agriculteur');
    expect(flat).toContain('Mère : Marie DURAND, née le 06/05/1932 à Gien (Loiret)');
    expect(flat).toContain('Déclarant : Paul MARTIN');
    expect(flat).toContain('Acte dressé le 04/02/1960 par Henri Bailly, maire, officier de l’état civil.');
    expect(flat).toContain(
      'Marié à Tours (Indre-et-Loire) le 01/06/1985 avec Anne PETIT. (mention apposée le 23/11/2026 par Martine Roux, Secrétaire de mairie)',
    );
    expect(flat, 'every date jj/mm/aaaa, mentions included').not.toMatch(MONTH_WORD);
    expect(flat).toContain('Reconnu par Paul MARTIN'); // the nature of the filiation: on the copie intégrale only
    expect(flat).not.toContain('Décédé');
    expect(flat).toContain('Noël Chevalier, Adjoint au maire');
  });

  it('a death act: copie intégrale for anyone, « Décédée », no extract with or without filiation', async () => {
    const { flat } = readBack(
      (await produceDocument(ecCtx(t), { ...base, acteId: deces, document: 'copie_integrale' })).pdf,
      'copie-integrale-deces',
    );
    expect(flat).toContain('Décédée le 01/11/2026 à 3 h 10 à Saint-Benoît-sur-Loire (Loiret).');
    expect(flat).toContain('Personne décédée : Jeanne ROUX, née le 04/04/1940 à Gien (Loiret)');
    expect(documentProblem(ecCtx(t), deces, 'extrait_avec_filiation')).toMatch(
      /copie intégrale.*extrait plurilingue.*2017-890/,
    );
  });

  it('a reconnaissance: copie intégrale naming its auteur; no extract (décret 2017-890 art. 30 to 32)', async () => {
    const reco = await keyedActe(
      t,
      {
        type: 'reconnaissance',
        numero: 1,
        date_acte: '2026-10-05',
        nom: 'Martin',
        prenoms: 'Lou',
        date_evenement: '2026-10-05',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
      },
      [
        { role: 'titulaire', rang: 1, nom: 'Martin', prenoms: 'Lou' },
        {
          role: 'auteur',
          rang: 1,
          nom: 'Martin',
          prenoms: 'Paul',
          sexe: 'M',
          date_naissance: '1990-01-01',
          lieu_naissance: 'Orléans (Loiret)',
          profession: 'menuisier',
          domicile: 'Gien (Loiret)',
        },
      ],
    );
    const { flat } = readBack(
      (await produceDocument(ecCtx(t), { ...base, acteId: reco, document: 'copie_integrale' })).pdf,
      'copie-integrale-reconnaissance',
    );
    expect(flat).toContain('COPIE INTÉGRALE D’ACTE DE RECONNAISSANCE');
    expect(flat).toContain('Reconnaissance reçue le 05/10/2026 à Saint-Benoît-sur-Loire (Loiret).');
    expect(flat).toContain(
      'Auteur de la reconnaissance : Paul MARTIN, né le 01/01/1990 à Orléans (Loiret), profession : menuisier, domicile : Gien (Loiret)',
    );
    expect(documentProblem(ecCtx(t), reco, 'extrait_sans_filiation')).toMatch(/seulement en copie intégrale/);
    expect(documentProblem(ecCtx(t), reco, 'extrait_plurilingue')).toMatch(/CIEC n° 16/);
  });

  it('from the register page scan (JPEG or PDF), mentions typed below, for an act only indexed', async () => {
    const c = ecCtx(t);
    const { registreId } = await ok(
      t.client.call('etatCivil.saveRegistre', {
        registreId: null,
        registre: { annee: 1950, type: 'naissance', ouvert_le: null, clos_le: null, relie_le: null },
      }),
    );
    const scan = await registerPage('Registre des naissances 1950, acte n° 12');
    addPages(c, registreId, 'p1.jpg', [{ mime: 'image/jpeg', bytes: scan.jpeg }]);
    addPages(c, registreId, 'p2.pdf', [{ mime: 'application/pdf', bytes: scan.pdf }]);
    const acte = (page: number, numero: number) =>
      ok(
        t.client.call('etatCivil.createActe', {
          acte: {
            type: 'naissance',
            numero,
            date_acte: '1950-03-01',
            nom: 'Roy',
            prenoms: 'Paul',
            sexe: 'M',
            registre_id: registreId,
            page,
          },
        }),
      );
    const { acteId: fromJpeg } = await acte(1, 12);
    const { acteId: fromPdf } = await acte(2, 13);
    await mention(t, fromJpeg, { nature: 'deces', date: '2020-01-05', lieu: 'Gien (Loiret)' });
    expect(documentProblem(c, fromJpeg, 'extrait_sans_filiation')).toMatch(/saisissez-le d’abord/);
    for (const [acteId, name] of [
      [fromJpeg, 'jpeg'],
      [fromPdf, 'pdf'],
    ] as const) {
      const doc = await produceDocument(ecCtx(t), { ...base, acteId, document: 'copie_integrale', copies: 2 });
      expect(doc.source).toBe('scan');
      expect(doc.pagesParCopie).toBe(1); // the page, the mentions and the officier's block on one sheet
      const { flat } = readBack(doc.pdf, `copie-integrale-scan-${name}`);
      expect(flat).toContain('Reproduction certifiée de la page du registre');
      expect(flat).toContain('Copie intégrale certifiée conforme à l’original du registre.');
      expect(flat.match(/Délivré le 23\/11\/2026/g)).toHaveLength(2);
      if (name === 'pdf')
        expect(flat).toContain('Registre des naissances 1950, acte n° 12'); // the PDF page is embedded as it is
      else expect(flat).toContain('Décédé à Gien (Loiret) le 05/01/2020.');
    }
  });

  it('a TIFF page, or no scan at all: a refusal saying what to do', async () => {
    const c = ecCtx(t);
    const { registreId } = await ok(
      t.client.call('etatCivil.saveRegistre', {
        registreId: null,
        registre: { annee: 1951, type: 'naissance', ouvert_le: null, clos_le: null, relie_le: null },
      }),
    );
    addPages(c, registreId, 'p1.tif', [
      { mime: 'image/tiff', bytes: new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]) },
    ]);
    const { acteId: tiff } = await ok(
      t.client.call('etatCivil.createActe', {
        acte: {
          type: 'naissance',
          numero: 1,
          date_acte: '1951-01-01',
          nom: 'Roy',
          prenoms: 'Jean',
          registre_id: registreId,
          page: 1,
        },
      }),
    );
    const { acteId: none } = await ok(
      t.client.call('etatCivil.createActe', {
        acte: { type: 'naissance', numero: 2, date_acte: '1951-01-02', nom: 'Roy', prenoms: 'Luc' },
      }),
    );
    expect(documentProblem(c, tiff, 'copie_integrale')).toMatch(/TIFF.*PDF ou JPEG/);
    expect(documentProblem(c, none, 'copie_integrale')).toMatch(/n’est pas numérisée : ajoutez son scan/);
    await expect(produceDocument(c, { ...base, acteId: tiff, document: 'copie_integrale' })).rejects.toMatchObject({
      code: 'RULE',
    });
  });
});
