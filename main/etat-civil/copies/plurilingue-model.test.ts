/** The boxes of the extrait plurilingue, pure (convention CIEC n° 16, art. 2, 5, 7). */
import type { ActeData, Mention, Personne } from './data';
import { ciecForm, struck } from './plurilingue-model';

const p = (
  role: Personne['role'],
  rang: number,
  nom: string,
  prenoms: string,
  sexe: 'M' | 'F' | null,
  more: Partial<Personne> = {},
): Personne => ({
  role,
  rang,
  nom,
  prenoms,
  sexe,
  nom_partie1: null,
  nom_partie2: null,
  nom_usage: null,
  date_naissance: null,
  lieu_naissance: null,
  profession: null,
  domicile: null,
  ...more,
});
const acte = (type: ActeData['acte']['type'], personnes: Personne[]): ActeData => ({
  acte: {
    id: 1,
    type,
    annee: 2020,
    numero: 5,
    date_acte: '2020-06-06',
    nom: 'X',
    prenoms: 'Y',
    nom_usage: null,
    nom_conjoint: null,
    prenoms_conjoint: null,
    nom_usage_conjoint: null,
    date_evenement: '2020-06-06',
    heure_evenement: null,
    lieu_evenement: 'Gien (Loiret)',
    sexe: null,
    statut: 'saisi',
    officier: null,
    registre_id: null,
    page: null,
    pages: 1,
  },
  personnes,
  mentions: [],
  commune: { nom: 'Gien', code_insee: '45155', departement: '45' },
  registre: null,
});
let id = 1;
const m = (nature: string, date: string, more: Partial<Mention> = {}): Mention => ({
  id: id++,
  nature,
  statut: 'validee',
  date,
  autre: null,
  objet: null,
  texte: '',
  lieu: null,
  autorite: null,
  appliquee_le: null,
  officier: null,
  ...more,
});

describe('ciecForm', () => {
  it('formule B of two women: « Époux » columns, in rang order', () => {
    const f = ciecForm(
      acte('mariage', [p('titulaire', 1, 'Roy', 'Anne', 'F'), p('titulaire', 2, 'Caron', 'Julie', 'F')]),
      [],
      [],
    );
    expect(f.formule).toBe('B');
    expect(f.colonnes).toEqual(['epoux', 'epoux']);
    expect(f.rows.find((r) => r.key === 'nom')!.cells).toEqual([{ text: 'ROY' }, { text: 'CARON' }]);
  });

  it('codes with date and place (Mar also the spouse), a court for a divorce or a separation (art. 5)', () => {
    const mentions = [
      m('mariage', '2001-02-03', { lieu: 'Tours', autre: { prenoms: 'Léa', nom: 'Blanc' } }),
      m('separation_corps', '2005-01-01', { autorite: { kind: 'tribunal', nom: 'tribunal judiciaire de Tours' } }),
      m('divorce', '2008-01-01', {
        autorite: { kind: 'notaire', nom: 'Claire Dubois', office: 'Orléans', crpcen: '45012' },
      }),
      m('deces', '2020-01-01', { lieu: 'Gien' }),
    ];
    const f = ciecForm(acte('naissance', [p('titulaire', 1, 'Martin', 'Jean', 'M')]), mentions, mentions);
    expect(f.mentions).toEqual([
      'Mar 03.02.2001 Tours — Léa BLANC',
      'Se 01.01.2005 tribunal judiciaire de Tours',
      'Div 01.01.2008 Maître Claire Dubois, notaire à Orléans',
      'D 01.01.2020 Gien',
    ]);
  });

  it('the latest change of nom fills the name box (art. 2); empty boxes are struck through (art. 7)', () => {
    const changes = [
      m('changement_nom', '2010-01-01', { objet: 'Durand' }),
      m('changement_nom', '2015-01-01', { objet: 'Roux' }),
    ];
    const f = ciecForm(
      acte('naissance', [p('titulaire', 1, 'Martin', 'Jean', 'M'), p('parent', 1, 'Martin', 'Paul', null)]),
      [],
      changes,
    );
    expect(f.rows.find((r) => r.key === 'nom')!.cells).toEqual([{ text: 'ROUX' }]);
    expect(f.rows.find((r) => r.key === 'pere')!.cells).toEqual([{ text: 'MARTIN, Paul' }]); // a parent of unknown sex takes the free box
    expect(f.rows.filter((r) => r.cells.every(struck)).map((r) => r.key)).toEqual(['mere']);
    expect(struck({ date: null })).toBe(true);
  });
});
