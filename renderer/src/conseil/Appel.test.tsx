import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge, render } from '../testing/render';
import { Appel } from './Appel';
import type { Detail } from './types';

afterEach(() => {
  document.body.innerHTML = '';
});

const elus = [
  { id: 1, civilite: 'Mme', prenom: 'Hélène', nom: 'Lefèvre', fonction: 'maire', nomComplet: 'Mme Hélène Lefèvre' },
  { id: 2, civilite: 'M.', prenom: 'Noël', nom: 'Chevalier', fonction: 'adjoint', nomComplet: 'M. Noël Chevalier' },
  { id: 3, civilite: 'Mme', prenom: 'Zoé', nom: 'Martin', fonction: 'conseiller', nomComplet: 'Mme Zoé Martin' },
];

const reconvocation = {
  reached: true,
  required: 0,
  counted: 1,
  message:
    'Séance de reconvocation : le conseil délibère valablement quel que soit le nombre de présents (art. L2121-17 al. 2 CGCT).',
};

const detail = {
  seance: {
    id: 2,
    date: '2026-12-04',
    heure: '20:30',
    lieu: 'Mairie',
    nature: 'ordinaire',
    statut: 'en_cours',
    reconvocation_de: 1,
  },
  elus,
  presences: { 1: 'present', 2: 'absent', 3: 'absent' },
  pouvoirs: [],
  quorum: reconvocation,
} as unknown as Detail;

describe('Appel', () => {
  it('shows the quorum the core decided: at a reconvocation, one present of three is enough (L2121-17 al. 2)', async () => {
    fakeBridge({});
    await render(<Appel detail={detail} canWrite reload={async () => undefined} onOpen={() => undefined} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Quorum atteint');
    expect(text).toContain(reconvocation.message);
    expect(text).not.toContain('Quorum non atteint');
  });
});
