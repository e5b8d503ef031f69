import { ftsQuery, matchesSearch, normaliseForSearch } from './search';

describe('search normalisation (one rule for every search)', () => {
  it('ignores accents and case', () => {
    expect(normaliseForSearch('  Décision   MODIFICATIVE ')).toBe('decision modificative');
    expect(matchesSearch('Décision modificative n° 2', 'decision modif')).toBe(true);
    expect(matchesSearch('Élection du maire', 'ELECTION')).toBe(true);
    expect(matchesSearch('Tarifs', 'décision')).toBe(false);
  });
  it('builds an FTS5 query of quoted prefixes: an operator typed is a word, not syntax', () => {
    expect(ftsQuery('Décision modif')).toBe('"decision"* "modif"*');
    expect(ftsQuery('"OR* NEAR(')).toBe('"or"* "near"*');
    expect(ftsQuery(' -- ')).toBeNull();
  });
});
