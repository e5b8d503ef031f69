import { implementations, mergeHandlers } from './registry';

describe('handler registry', () => {
  it('merges the domain maps', () => {
    const m = mergeHandlers({ 'a.x': () => 1 }, { 'b.y': () => 2 });
    expect(Object.keys(m).sort()).toEqual(['a.x', 'b.y']);
    expect(m['b.y']()).toBe(2);
  });
  it('refuses at start-up a name defined by two domains', () => {
    expect(() => mergeHandlers({ 'a.x': () => 1 }, { 'b.y': () => 2 }, { 'a.x': () => 3 })).toThrow(
      'Handler défini deux fois : a.x',
    );
  });
  it('the real registry has no duplicate (it loaded) and answers every domain', () => {
    expect(Object.keys(implementations)).toEqual(
      expect.arrayContaining(['auth.login', 'conseil.seances', 'sync.status']),
    );
  });
});
