/** Which mentions go on which document, and the words of extracts (domain-rules §2.1, §2.7). */
import { mentionsForDocument, RAISONS, type MentionInfo } from './extrait-mentions';
import {
  ciecDate,
  documentRefusedForKind,
  heureEcrite,
  jjmmaaaa,
  ne,
  nomEcrit,
  personneEcrite,
  quandOu,
} from './extrait-wording';

let next = 1;
const m = (nature: string, date: string, extra: Partial<MentionInfo> = {}): MentionInfo => ({
  id: next++,
  nature,
  statut: 'validee',
  date,
  autre: null,
  objet: null,
  texte: `${nature} ${date}`,
  ...extra,
});
const anne = { prenoms: 'Anne', nom: 'Petit' };
const lea = { prenoms: 'Léa', nom: 'Blanc' };

const mar1 = m('mariage', '2000-06-10', { autre: anne });
const div1 = m('divorce', '2005-03-01', { autre: anne });
const mar2 = m('mariage', '2010-07-03', { autre: lea });
const sep2 = m('separation_corps', '2015-01-20', { autre: lea });
const pacs = m('pacs', '1998-01-01');
const pacsFin = m('pacs_dissolution', '1999-01-01');
const deces = m('deces', '2020-02-02');
const rc = m('repertoire_civil', '2016-01-01', { objet: '2016-123' });
const rcGone = m('repertoire_civil', '2017-01-01', { objet: '2017-45' });
const rcRadiation = m('repertoire_civil', '2018-01-01', { objet: 'radiation de l’inscription n° 2017-45' });
const nat = m('nationalite', '2001-01-01', { objet: 'Acquiert la nationalité française' });
const reco = m('reconnaissance', '1980-05-05');
const draft = m('deces', '2021-01-01', { statut: 'brouillon' });
const nom = m('changement_nom', '2012-01-01', { objet: 'Martin' });
const all = [mar1, div1, mar2, sep2, pacs, pacsFin, deces, rc, rcGone, rcRadiation, nat, reco, draft, nom];
const ids = (xs: MentionInfo[]) => xs.map((x) => x.id).sort((a, b) => a - b);
const raisonOf = (sel: ReturnType<typeof mentionsForDocument>, x: MentionInfo) =>
  sel.dropped.find((d) => d.mention.id === x.id)?.raison;

describe('mentionsForDocument', () => {
  it('copie intégrale: every validated mention, never a draft', () => {
    const s = mentionsForDocument('naissance', 'copie_integrale', all);
    expect(ids(s.kept)).toEqual(ids(all.filter((x) => x !== draft)));
    expect(raisonOf(s, draft)).toBe(RAISONS.brouillon);
  });

  it('extrait avec filiation: last marriage and its séparation, PACS, décès, RC except radiated, nationality, name change', () => {
    const s = mentionsForDocument('naissance', 'extrait_avec_filiation', all);
    expect(ids(s.kept)).toEqual(ids([mar2, sep2, pacs, pacsFin, deces, rc, nat, nom]));
    expect(raisonOf(s, mar1)).toBe(RAISONS.mariageAnterieur);
    expect(raisonOf(s, div1)).toBe(RAISONS.divorceAnterieur);
    expect(raisonOf(s, rcGone)).toBe(RAISONS.radiee);
    expect(raisonOf(s, rcRadiation)).toBe(RAISONS.radiee);
    expect(raisonOf(s, reco)).toBe(RAISONS.reconnaissance);
    expect(raisonOf(s, draft)).toBe(RAISONS.brouillon);
  });

  it('all marriages and divorces on express request', () => {
    const s = mentionsForDocument('naissance', 'extrait_sans_filiation', all, { toutesMentionsMariage: true });
    expect(s.kept).toEqual(expect.arrayContaining([mar1, div1, mar2, sep2]));
  });

  it('nationality: only on request on an extrait sans filiation', () => {
    expect(raisonOf(mentionsForDocument('naissance', 'extrait_sans_filiation', all), nat)).toBe(RAISONS.nationalite);
    expect(mentionsForDocument('naissance', 'extrait_sans_filiation', all, { nationalite: true }).kept).toContain(nat);
  });

  it('the divorce of the last marriage stays when the spouse is unknown: it is linked by date', () => {
    const a = m('mariage', '2001-01-01'),
      b = m('mariage', '2011-01-01'),
      d = m('divorce', '2012-01-01');
    expect(mentionsForDocument('naissance', 'extrait_sans_filiation', [a, b, d]).kept).toEqual([b, d]);
    const early = m('divorce', '2005-01-01');
    expect(mentionsForDocument('naissance', 'extrait_sans_filiation', [a, early, b]).kept).toEqual([b]);
  });

  it('on a marriage act every divorce concerns that marriage', () => {
    const d = m('divorce', '2012-01-01', { autre: anne });
    expect(mentionsForDocument('mariage', 'extrait_sans_filiation', [d]).kept).toEqual([d]);
  });

  it('extrait plurilingue: the events with a CIEC code (marriages, separation, divorce, death)', () => {
    const s = mentionsForDocument('naissance', 'extrait_plurilingue', all);
    expect(ids(s.kept)).toEqual(ids([mar1, div1, mar2, sep2, deces]));
    expect(raisonOf(s, pacs)).toBe(RAISONS.plurilingue);
  });
});

describe('extract wording', () => {
  it('Né / Née from the sex, never « Né(e) »', () => {
    expect(ne('M')).toBe('Né');
    expect(ne('F')).toBe('Née');
    expect(ne('F', false)).toBe('née');
    expect(ne(null)).toBeNull();
  });

  it('a double name is written with its two parts', () => {
    expect(nomEcrit({ nom: 'Martin Dupont', nom_partie1: 'Martin', nom_partie2: 'Dupont' })).toBe(
      'MARTIN DUPONT (1re partie : MARTIN 2de partie : DUPONT)',
    );
    expect(personneEcrite({ prenoms: 'Éloïse', nom: 'Lefèvre' })).toBe('Éloïse LEFÈVRE');
    expect(nomEcrit({ nom: 'Roux', nom_partie1: 'Roux', nom_partie2: null })).toBe('ROUX');
  });

  it('dates jj/mm/aaaa, hours on 24 h, CIEC Jo/Mo/An', () => {
    expect(jjmmaaaa('2026-02-03')).toBe('03/02/2026');
    expect(heureEcrite('08:05')).toBe('8 h 05');
    expect(quandOu('2026-02-03', '14:30', 'Orléans (Loiret)')).toBe('le 03/02/2026 à 14 h 30 à Orléans (Loiret)');
    expect(quandOu('2026-02-03', null, null)).toBe('le 03/02/2026');
    expect(ciecDate('1950-02-03')).toEqual({ jo: '03', mo: '02', an: '1950' });
    expect(ciecDate(null)).toBeNull();
  });

  it('extracts exist for birth and marriage acts; death: copie intégrale or plurilingue', () => {
    expect(documentRefusedForKind('naissance', 'extrait_avec_filiation')).toBeNull();
    expect(documentRefusedForKind('mariage', 'extrait_sans_filiation')).toBeNull();
    expect(documentRefusedForKind('deces', 'extrait_sans_filiation')).toMatch(/copie intégrale.*2017-890/);
    expect(documentRefusedForKind('deces', 'extrait_plurilingue')).toBeNull();
    expect(documentRefusedForKind('reconnaissance', 'extrait_plurilingue')).toMatch(/CIEC/);
    expect(documentRefusedForKind('enfant_sans_vie', 'copie_integrale')).toBeNull();
  });
});
