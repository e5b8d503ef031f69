/** Extraits plurilingues, convention CIEC n° 16: formules A, B, C, codes, Jo/Mo/An, empty boxes struck through. */
import {
  copiesToolsMissing,
  ecCtx,
  fixture,
  keyedActe,
  mention,
  parent,
  readBack,
  type Fixture,
} from '../../../test-support/etat-civil-copies';
import { skipReason } from '../../../test-support/support';
import { loadActe } from './data';
import { produceDocument } from './index';
import { ciecForm, nonLatin, struck } from './plurilingue-model';

const base = {
  copies: 1,
  delivreLe: '2026-11-23',
  officier: { nom: 'Hélène Lefèvre', qualite: 'Maire' },
  document: 'extrait_plurilingue',
} as const;

describe.skipIf(skipReason('copies', copiesToolsMissing))('extrait plurilingue (CIEC n° 16)', () => {
  let t: Fixture;
  let naissance: number, mariage: number, deces: number;

  beforeAll(async () => {
    t = await fixture();
    naissance = await keyedActe(
      t,
      {
        type: 'naissance',
        numero: 7,
        date_acte: '1960-02-04',
        nom: 'Martin',
        prenoms: 'Jean',
        date_evenement: '1960-02-03',
        heure_evenement: '14:30',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
        sexe: 'M',
      },
      [
        { role: 'titulaire', rang: 1, nom: 'Martin', prenoms: 'Jean', sexe: 'M' },
        parent(2, 'Marie', 'Durand', 'F', '1932-05-06', 'Gien (Loiret)'),
      ],
    );
    await mention(t, naissance, {
      nature: 'mariage',
      date: '1985-06-01',
      lieu: 'Tours (Indre-et-Loire)',
      autre: { prenoms: 'Anne', nom: 'Petit' },
    });
    await mention(t, naissance, {
      nature: 'pacs',
      date: '1983-01-01',
      autre: { prenoms: 'Anne', nom: 'Petit' },
      autorite: { kind: 'officier', commune: 'Tours' },
    });
    await mention(t, naissance, {
      nature: 'changement_prenom',
      date: '1990-01-01',
      autorite: { kind: 'officier', commune: 'Tours' },
      objet: 'Jean-Marc',
    });
    mariage = await keyedActe(
      t,
      {
        type: 'mariage',
        numero: 2,
        date_acte: '2016-06-11',
        nom: 'Petit',
        prenoms: 'Anne',
        nom_conjoint: 'Girard',
        prenoms_conjoint: 'Luc',
        date_evenement: '2016-06-11',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
      },
      [
        {
          role: 'titulaire',
          rang: 1,
          nom: 'Petit',
          prenoms: 'Anne',
          sexe: 'F',
          date_naissance: '1992-02-02',
          lieu_naissance: 'Gien (Loiret)',
          profession: 'infirmière',
          domicile: 'Gien',
          nom_usage: 'Girard',
        },
        {
          role: 'titulaire',
          rang: 2,
          nom: 'Girard',
          prenoms: 'Luc',
          sexe: 'M',
          date_naissance: '1990-01-01',
          lieu_naissance: 'Tours (Indre-et-Loire)',
          profession: 'menuisier',
          domicile: 'Gien',
        },
        { role: 'temoin', rang: 1, nom: 'Roux', prenoms: 'Paul', profession: 'boulanger', domicile: 'Gien' },
        { role: 'temoin', rang: 2, nom: 'Noël', prenoms: 'Claire', profession: 'professeure', domicile: 'Tours' },
      ],
    );
    await mention(t, mariage, {
      nature: 'divorce',
      date: '2021-09-14',
      autre: { prenoms: 'Luc', nom: 'Girard' },
      autorite: { kind: 'tribunal', nom: 'tribunal judiciaire d’Orléans' },
    });
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

  it('formule A: Jo/Mo/An, sex code, the later change of prénoms, Mar with date, place and spouse; no father: struck', async () => {
    const doc = await produceDocument(ecCtx(t), { ...base, acteId: naissance });
    const { text, flat } = readBack(doc.pdf, 'plurilingue-A-naissance');
    expect(flat).toContain('Extrait plurilingue d’acte de naissance — formule A');
    expect(flat).toMatch(/Jo\s+Mo\s+An\s+Date de naissance\s+03\s+02\s+1960/);
    expect(flat).toMatch(/Sexe\s+M\b/);
    expect(flat).toMatch(/Prénoms\s+Jean-Marc/); // art. 2: the act and its later mentions
    expect(flat).toContain('Mar 01.06.1985 Tours (Indre-et-Loire) — Anne PETIT');
    expect(flat).not.toContain('Pacte'); // no CIEC code
    expect(flat).toMatch(/Mère\s+DURAND, Marie/);
    expect(flat).toContain('Délivré le 23/11/2026, à Saint-Benoît-sur-Loire');
    // the legend: labels and symbols in French, English, German, Spanish, Italian, Portuguese, Dutch (art. 6)
    for (const w of [
      'English',
      'Deutsch',
      'Español',
      'Italiano',
      'Português',
      'Nederlands',
      'Date of birth',
      'Geburt',
      'nacimiento',
      'nascita',
      'Averbamentos',
      'Latere',
      'Trennung von Tisch',
      'decesso del marito',
    ])
      expect(text).toContain(w);
    const form = ciecForm(loadActe(ecCtx(t), naissance), [], []);
    expect(form.rows.filter((r) => r.cells.every(struck)).map((r) => r.key)).toEqual(['pere']); // art. 7
  });

  it('formule B of a marriage with a divorce: Mari / Femme columns, Div with date and court, name after marriage', async () => {
    const { flat } = readBack(
      (await produceDocument(ecCtx(t), { ...base, acteId: mariage })).pdf,
      'plurilingue-B-mariage',
    );
    expect(flat).toContain('Extrait plurilingue d’acte de mariage — formule B');
    expect(flat).toMatch(/Mari\s+Femme/);
    expect(flat).toMatch(/Nom\s+GIRARD\s+PETIT/); // the husband first, whatever the order keyed
    expect(flat).toMatch(/Jo\s+Mo\s+An\s+Date du mariage\s+11\s+06\s+2016/);
    expect(flat).toContain('Div 14.09.2021 tribunal judiciaire d’Orléans');
    const form = ciecForm(loadActe(ecCtx(t), mariage), [], []);
    const apres = form.rows.find((r) => r.key === 'nomApres')!;
    expect(apres.cells.map(struck)).toEqual([true, false]); // the husband has no usage name: his box is struck through
    expect(form.mentions).toEqual([]);
  });

  it('formule C of a death; never « à titre de simple renseignement » (art. 8)', async () => {
    const { flat } = readBack(
      (await produceDocument(ecCtx(t), { ...base, acteId: deces, copies: 2 })).pdf,
      'plurilingue-C-deces',
    );
    expect(
      readBack((await produceDocument(ecCtx(t), { ...base, acteId: deces })).pdf, 'plurilingue-C-un').text,
    ).toMatch(/Extrait plurilingue d’acte de décès — formule C$/m);
    expect(flat).toMatch(/Jo\s+Mo\s+An\s+Date du décès\s+01\s+11\s+2026/);
    expect(flat).toMatch(/Sexe\s+F\b/);
    expect(flat).toContain('Exemplaire 2 / 2');
    const form = ciecForm(loadActe(ecCtx(t), deces), [], []);
    expect(form.rows.filter((r) => r.cells.every(struck)).map((r) => r.key)).toEqual(['conjoint', 'pere', 'mere']);
    const cyrillic = ciecForm(loadActe(ecCtx(t), deces), [], []);
    cyrillic.rows.find((r) => r.key === 'prenoms')!.cells = [{ text: 'Жанна' }];
    expect(nonLatin(cyrillic)).toBe('Жанна');
    expect(nonLatin(form)).toBeNull();
    await expect(
      produceDocument(ecCtx(t), { ...base, acteId: deces, simpleRenseignement: true }),
    ).rejects.toMatchObject({ message: expect.stringContaining('CIEC n° 16, art. 8') });
  });
});
