import { describe, expect, it } from 'vitest';
import { compareCodes, rankMatieres } from './matieres';

const opts = ['1.5', '1.5.2', '1.7', '1.7.1', '5.2', '5.2.1', '7.1', '7.10', '7.1.2', '7.2', '3.1'].map((code) => ({
  code,
  label:
    code === '7.1'
      ? 'Finances locales › Décisions budgétaires'
      : code === '5.2'
        ? 'Institutions et vie politique › Fonctionnement des assemblées'
        : `Matière ${code}`,
}));

describe('matière picker ranking', () => {
  it('puts the exact code first, then its sub-matières, then codes starting with it, then codes containing it', () => {
    expect(rankMatieres(opts, '7.1').map((o) => o.code)).toEqual(['7.1', '7.1.2', '7.10', '1.7.1']);
    expect(rankMatieres(opts, '5.2')[0]?.code).toBe('5.2');
    expect(rankMatieres(opts, '5.2').map((o) => o.code)).toEqual(['5.2', '5.2.1', '1.5.2']);
  });
  it('finds words without accents or case, and orders codes numerically', () => {
    expect(rankMatieres(opts, 'decisions BUDGET')[0]?.code).toBe('7.1');
    expect(rankMatieres(opts, 'assemblees').map((o) => o.code)).toEqual(['5.2']);
    expect(['7.10', '7.2', '7.1'].sort(compareCodes)).toEqual(['7.1', '7.2', '7.10']);
  });
});
