import {
  accord,
  compareFr,
  count,
  dateCourte,
  enumeration,
  fonction,
  heureFr,
  plural,
  secretaireDeSeance,
  secretairesLabel,
  sortByName,
} from './french';

describe('French agreement', () => {
  it('agrees in number: 0 and 1 singular, 2 and more plural, irregular plurals', () => {
    expect(count(0, 'abstention')).toBe('0 abstention');
    expect(count(1, 'abstention')).toBe('1 abstention');
    expect(count(2, 'abstention')).toBe('2 abstentions');
    expect(count(7, 'voix')).toBe('7 voix');
    expect(count(3, 'blanc ou nul')).toBe('3 blancs ou nuls');
    expect(plural(2, 'délibération')).toBe('délibérations');
  });
  it('agrees in gender from the civilité', () => {
    expect(fonction('adjoint', 'Mme')).toBe('adjointe');
    expect(fonction('adjoint', 'M.')).toBe('adjoint');
    expect(fonction('conseiller', 'Mme')).toBe('conseillère municipale');
    expect(fonction('maire', 'Mme')).toBe('maire');
    expect(secretaireDeSeance('Mme')).toBe('La secrétaire de séance');
    expect(secretaireDeSeance('M.')).toBe('Le secrétaire de séance');
    expect(accord('élu', 'Mme')).toBe('élue');
    expect(accord('désigné', 'M.')).toBe('désigné');
    expect(accord('excusé', 'Mme')).toBe('excusée');
    expect(secretairesLabel(1)).toBe('Secrétaire de séance');
    expect(secretairesLabel(2)).toBe('Secrétaires de séance');
  });
  it('sorts names in French collation: Lécuyer before Leroux', () => {
    expect(['Leroux', 'Lécuyer', 'Étienne', 'Dupont'].sort(compareFr)).toEqual([
      'Dupont',
      'Étienne',
      'Lécuyer',
      'Leroux',
    ]);
    expect(
      sortByName([
        { nom: 'Leroux', prenom: 'A' },
        { nom: 'Lécuyer', prenom: 'B' },
      ]).map((e) => e.nom),
    ).toEqual(['Lécuyer', 'Leroux']);
  });
  it('prints dates jj/mm/aaaa and 24-hour times, lists with « et »', () => {
    expect(dateCourte('2026-11-23')).toBe('23/11/2026');
    expect(heureFr('20:30')).toBe('20:30');
    expect(heureFr('09:05')).toBe('09:05');
    expect(heureFr('9:05')).toBe('09:05');
    expect(enumeration(['A', 'B', 'C'])).toBe('A, B et C');
  });
});
