import { afterEach, describe, expect, it } from 'vitest';
import { accordGroupe, compareFr, count, fonction } from '../lib/accord';
import { fakeBridge, render } from '../testing/render';
import { Secretaires } from './Appel';
import type { Detail } from './types';

afterEach(() => {
  document.body.innerHTML = '';
});

const guerin = {
  id: 4,
  civilite: 'Mme',
  prenom: 'Odile',
  nom: 'Guérin',
  fonction: 'conseiller',
  nomComplet: 'Mme Odile Guérin',
};
const hamel = {
  id: 2,
  civilite: 'Mme',
  prenom: 'Françoise',
  nom: 'Hamel',
  fonction: 'adjoint',
  nomComplet: 'Mme Françoise Hamel',
};
const leroux = {
  id: 5,
  civilite: 'M.',
  prenom: 'Jean',
  nom: 'Leroux',
  fonction: 'conseiller',
  nomComplet: 'M. Jean Leroux',
};
const detail = (secretaires: number[]) =>
  ({
    seance: { id: 1, statut: 'close' },
    elus: [guerin, hamel, leroux],
    secretaires,
    presences: {},
  }) as unknown as Detail;

describe('agreement on screen', () => {
  it('agrees number and gender, sorts in French order', () => {
    expect(count(1, 'abstention')).toBe('1 abstention');
    expect(count(2, 'abstention')).toBe('2 abstentions');
    expect(count(1, 'blanc ou nul')).toBe('1 blanc ou nul');
    expect(count(3, 'blanc ou nul')).toBe('3 blancs ou nuls');
    expect(fonction('adjoint', 'Mme')).toBe('adjointe');
    expect(fonction('conseiller', 'Mme')).toBe('conseillère municipale');
    expect(accordGroupe('nommé', ['Mme', 'Mme'])).toBe('nommées');
    expect(accordGroupe('nommé', ['Mme', 'M.'])).toBe('nommés');
    expect(['Leroux', 'Lécuyer'].sort(compareFr)).toEqual(['Lécuyer', 'Leroux']);
  });
  it('the secrétaire de séance block: « Secrétaire de séance », « Nommée : Mme Odile Guérin », no « (s) »', async () => {
    fakeBridge({});
    await render(
      <Secretaires detail={detail([4])} canWrite={false} reload={async () => undefined} onOpen={() => undefined} />,
    );
    let text = document.body.textContent ?? '';
    expect(text).toContain('Secrétaire de séance');
    expect(text).toContain('Nommée : Mme Odile Guérin');
    expect(text).not.toMatch(/\((s|e)\)/);
    document.body.innerHTML = '';
    await render(
      <Secretaires detail={detail([4, 5])} canWrite={false} reload={async () => undefined} onOpen={() => undefined} />,
    );
    text = document.body.textContent ?? '';
    expect(text).toContain('Secrétaires de séance');
    expect(text).toContain('Nommés : Mme Odile Guérin, M. Jean Leroux');
  });
});
