/** Extraits avec et sans filiation read back from the PDF (domain-rules §2.1, §2.7; arrêté du 1er juin 2006). */
import { MONTH_WORD } from '../../../test-support/dates';
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
import { produceDocument, documentProblem } from './index';
import type { ProduceInput } from './types';

const officier = { nom: 'Hélène Lefèvre', qualite: 'Maire' };
const base = { copies: 1, delivreLe: '2026-11-23', officier } as const;

describe.skipIf(skipReason('copies', copiesToolsMissing))('extraits avec et sans filiation', () => {
  let t: Fixture;
  let jean: number, lea: number, mariage: number;
  const produce = (input: Partial<ProduceInput> & Pick<ProduceInput, 'acteId' | 'document'>) =>
    produceDocument(ecCtx(t), { ...base, ...input });

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
      },
      [
        { role: 'titulaire', rang: 1, nom: 'Martin', prenoms: 'Jean Pierre', sexe: 'M' },
        parent(1, 'Paul', 'Martin', 'M', '1930-01-01', 'Orléans (Loiret)'),
        parent(2, 'Marie', 'Durand', 'F', '1932-05-06', 'Gien (Loiret)'),
      ],
    );
    await mention(t, jean, {
      nature: 'mariage',
      date: '1985-06-01',
      lieu: 'Tours (Indre-et-Loire)',
      autre: { prenoms: 'Anne', nom: 'Petit' },
    });
    await mention(t, jean, {
      nature: 'divorce',
      date: '1990-03-01',
      autre: { prenoms: 'Anne', nom: 'Petit' },
      autorite: { kind: 'tribunal', nom: 'tribunal judiciaire de Tours' },
    });
    await mention(t, jean, {
      nature: 'mariage',
      date: '1995-07-01',
      lieu: 'Orléans (Loiret)',
      autre: { prenoms: 'Léa', nom: 'Blanc' },
    });
    await mention(t, jean, {
      nature: 'nationalite',
      date: '1999-01-01',
      objet: 'Déclaration de nationalité française souscrite',
    });
    await mention(t, jean, { nature: 'repertoire_civil', date: '2010-01-01', objet: '2010-123' });
    await mention(t, jean, { nature: 'repertoire_civil', date: '2011-01-01', objet: '2011-45' });
    await mention(t, jean, {
      nature: 'repertoire_civil',
      date: '2012-01-01',
      objet: 'radiation de l’inscription n° 2011-45',
    });
    await mention(t, jean, {
      nature: 'reconnaissance',
      date: '1960-03-01',
      lieu: 'Orléans (Loiret)',
      autre: { prenoms: 'Paul', nom: 'Martin' },
    });
    await mention(t, jean, {
      nature: 'pacs',
      date: '1993-01-01',
      autre: { prenoms: 'Léa', nom: 'Blanc' },
      autorite: { kind: 'officier', commune: 'Orléans (Loiret)' },
    });
    await mention(t, jean, { nature: 'deces', date: '2026-11-01', lieu: 'Orléans (Loiret)' }, true); // draft
    lea = await keyedActe(
      t,
      {
        type: 'naissance',
        numero: 3,
        date_acte: '2006-03-05',
        nom: 'Martin Dupont',
        prenoms: 'Léa',
        date_evenement: '2006-03-04',
        heure_evenement: '08:05',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
        sexe: 'F',
      },
      [
        {
          role: 'titulaire',
          rang: 1,
          nom: 'Martin Dupont',
          nom_partie1: 'Martin',
          nom_partie2: 'Dupont',
          prenoms: 'Léa',
          sexe: 'F',
        },
        parent(1, 'Luc', 'Martin', 'M', '1975-01-02', 'Orléans (Loiret)'),
        parent(2, 'Zoé', 'Dupont', 'F', '1977-03-04', 'Gien (Loiret)'),
      ],
    );
    mariage = await keyedActe(
      t,
      {
        type: 'mariage',
        numero: 2,
        date_acte: '2026-06-13',
        nom: 'Girard',
        prenoms: 'Luc',
        nom_conjoint: 'Petit',
        prenoms_conjoint: 'Anne',
        date_evenement: '2026-06-13',
        lieu_evenement: 'Saint-Benoît-sur-Loire (Loiret)',
      },
      [
        {
          role: 'titulaire',
          rang: 1,
          nom: 'Girard',
          prenoms: 'Luc',
          sexe: 'M',
          date_naissance: '1990-01-01',
          lieu_naissance: 'Tours (Indre-et-Loire)',
          profession: 'menuisier',
          domicile: 'Saint-Benoît-sur-Loire',
        },
        {
          role: 'titulaire',
          rang: 2,
          nom: 'Petit',
          prenoms: 'Anne',
          sexe: 'F',
          date_naissance: '1992-02-02',
          lieu_naissance: 'Gien (Loiret)',
          profession: 'infirmière',
          domicile: 'Saint-Benoît-sur-Loire',
        },
        parent(1, 'Marc', 'Girard', 'M', '1960-01-01', 'Tours'),
        parent(2, 'Sophie', 'Roy', 'F', '1962-01-01', 'Tours'),
        parent(3, 'Henri', 'Petit', 'M', '1961-01-01', 'Gien'),
        parent(4, 'Julie', 'Caron', 'F', '1963-01-01', 'Gien'),
        { role: 'temoin', rang: 1, nom: 'Roux', prenoms: 'Paul', profession: 'boulanger', domicile: 'Gien' },
        { role: 'temoin', rang: 2, nom: 'Noël', prenoms: 'Claire', profession: 'professeure', domicile: 'Tours' },
      ],
    );
  });
  afterAll(() => t.close());

  it('extrait avec filiation of a birth: identity, « Né », hour, parents, the mentions the rules keep', async () => {
    const doc = await produce({ acteId: jean, document: 'extrait_avec_filiation' });
    const { text, flat } = readBack(doc.pdf, 'extrait-avec-filiation-naissance');
    expect(flat).toContain('EXTRAIT D’ACTE DE NAISSANCE avec indication de la filiation');
    expect(flat).toContain('Jean Pierre MARTIN');
    expect(flat).toContain('Sexe : masculin');
    expect(flat).toContain('Né le 03/02/1960 à 14 h 30 à Saint-Benoît-sur-Loire (Loiret)');
    expect(flat).toContain('de Paul MARTIN, né le 01/01/1930 à Orléans (Loiret)');
    expect(flat).toContain('et de Marie DURAND, née le 06/05/1932 à Gien (Loiret)');
    expect(text).not.toMatch(/Né\(e\)|épou|mariés/); // never « Né(e) », never the parents' marriage
    // last marriage only; nationality always with filiation; RC but not the radiated one; PACS; no reconnaissance; no draft
    expect(flat).toContain('Marié à Orléans (Loiret) le 01/07/1995 avec Léa BLANC.');
    expect(flat, 'every date jj/mm/aaaa, mentions included').not.toMatch(MONTH_WORD);
    expect(flat).not.toContain('Anne PETIT');
    expect(flat).toContain('Déclaration de nationalité française');
    expect(flat).toContain('RC n° 2010-123');
    expect(flat).not.toContain('2011-45');
    expect(flat).toContain('Pacte civil de solidarité conclu avec Léa BLANC');
    expect(flat).not.toMatch(/Reconnu|Décédé/);
    expect(flat).toContain('Extrait délivré conforme à l’acte de naissance n° 7 de 1960.');
    expect(flat).toContain('Délivré le 23/11/2026, à Saint-Benoît-sur-Loire.');
    expect(flat).toContain('Hélène Lefèvre, Maire');
    expect(flat).toMatch(/Sceau de la mairie\s+Signature/);
    expect(doc.mentions.ecartees.map((e) => e.raison)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dernier mariage'),
        expect.stringContaining('nature de la filiation'),
        expect.stringContaining('non validée'),
      ]),
    );
  });

  it('extrait sans filiation: no parents, nationality only on request, all marriages on request', async () => {
    const plain = readBack(
      (await produce({ acteId: jean, document: 'extrait_sans_filiation' })).pdf,
      'extrait-sans-filiation-naissance',
    ).flat;
    expect(plain).toContain('sans indication de la filiation');
    expect(plain).not.toMatch(/Paul MARTIN|Marie DURAND/);
    expect(plain).not.toContain('nationalité');
    expect(plain).not.toContain('Anne PETIT');
    const asked = readBack(
      (
        await produce({
          acteId: jean,
          document: 'extrait_sans_filiation',
          nationalite: true,
          toutesMentionsMariage: true,
        })
      ).pdf,
      'extrait-sans-filiation-tout',
    ).flat;
    expect(asked).toContain('Déclaration de nationalité française');
    expect(asked).toContain('Marié à Tours (Indre-et-Loire) le 01/06/1985 avec Anne PETIT.');
    expect(asked).toContain('Divorcé de Anne PETIT par jugement du tribunal judiciaire de Tours');
  });

  it('« Née » and a double name with its two parts; 8 h 05', async () => {
    const { flat } = readBack(
      (await produce({ acteId: lea, document: 'extrait_avec_filiation' })).pdf,
      'extrait-double-nom',
    );
    expect(flat).toContain('Léa MARTIN DUPONT (1re partie : MARTIN 2de partie : DUPONT)');
    expect(flat).toContain('Née le 04/03/2006 à 8 h 05 à Saint-Benoît-sur-Loire (Loiret)');
    expect(flat).toContain('Mentions marginales Néant.');
  });

  it('extrait of a marriage: both époux, their parents only with filiation', async () => {
    const avec = readBack(
      (await produce({ acteId: mariage, document: 'extrait_avec_filiation' })).pdf,
      'extrait-mariage-avec',
    ).flat;
    expect(avec).toContain('Mariage célébré le 13/06/2026 à Saint-Benoît-sur-Loire (Loiret)');
    expect(avec).toContain('Luc GIRARD, né le 01/01/1990 à Tours (Indre-et-Loire)');
    expect(avec).toContain('Anne PETIT, née le 02/02/1992 à Gien (Loiret)');
    expect(avec).toContain('de Marc GIRARD, né le 01/01/1960 à Tours et de Sophie ROY, née le 01/01/1962 à Tours');
    expect(avec).toContain('de Henri PETIT');
    expect(avec).not.toContain('Paul ROUX'); // témoins only on the copie intégrale
    const sans = readBack(
      (await produce({ acteId: mariage, document: 'extrait_sans_filiation' })).pdf,
      'extrait-mariage-sans',
    ).flat;
    expect(sans).not.toMatch(/Marc GIRARD|Henri PETIT/);
  });

  it('N copies in one PDF, each numbered; simple renseignement has no date nor signature block', async () => {
    const three = await produce({ acteId: lea, document: 'extrait_sans_filiation', copies: 3 });
    expect(three.pages).toBe(3 * three.pagesParCopie);
    const { flat } = readBack(three.pdf, 'extrait-3-exemplaires');
    expect(flat.match(/Délivré le 23\/11\/2026/g)).toHaveLength(3);
    expect(flat).toContain('Exemplaire 3 / 3 — page 1 / 1');
    const info = await produce({ acteId: lea, document: 'extrait_sans_filiation', simpleRenseignement: true });
    const r = readBack(info.pdf, 'extrait-simple-renseignement').flat;
    expect(r).toContain('COPIE DÉLIVRÉE À TITRE DE SIMPLE RENSEIGNEMENT');
    expect(r).not.toMatch(/Délivré le|conforme|Signature|Sceau de la mairie|Hélène Lefèvre/);
    expect(info.nom).toBe('extrait-sans-filiation-simple-renseignement-naissance-3-2006.pdf');
  });

  it('an indexed-only act gives no extract: a clear French message to key it first', async () => {
    const { acteId } = await t.client
      .call('etatCivil.createActe', {
        acte: { type: 'naissance', numero: 9, date_acte: '1961-01-01', nom: 'Roy', prenoms: 'Paul' },
      })
      .then((r) => (r.ok ? r.value : Promise.reject(new Error(r.error.message))));
    expect(documentProblem(ecCtx(t), acteId, 'extrait_avec_filiation')).toMatch(
      /n’est qu’indexé : saisissez-le d’abord/,
    );
    await expect(produce({ acteId, document: 'extrait_sans_filiation' })).rejects.toMatchObject({
      code: 'RULE',
      message: expect.stringContaining('saisissez-le d’abord'),
    });
    await expect(produce({ acteId: jean, document: 'extrait_sans_filiation', copies: 0 })).rejects.toMatchObject({
      code: 'INVALID',
    });
    await expect(
      produce({ acteId: jean, document: 'extrait_sans_filiation', delivreLe: '2026-11-24' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('dans le futur') });
    await expect(
      produce({ acteId: jean, document: 'extrait_sans_filiation', officier: { nom: ' ', qualite: '' } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('art. 27') });
  });
});
