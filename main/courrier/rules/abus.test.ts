/** CRPA L112-11 last paragraph: the suggestion is conservative and never about a marked address. */
import { normalizeObjet, SEUIL_DEFAUT, suggererAbus, type Envoi } from './abus';

const envoi = (over: Partial<Envoi> = {}): Envoi => ({
  email: 'jean.dupont@example.fr',
  jour: '2026-11-23',
  objet: 'Demande de branchement',
  texte: 'a1',
  ...over,
});
const times = (n: number, e: Envoi) => Array.from({ length: n }, () => e);

describe('suggererAbus', () => {
  it('the default of 5: five identical sends in a day are a worried citizen, six are suggested', () => {
    expect(SEUIL_DEFAUT).toBe(5);
    expect(suggererAbus(times(5, envoi()), SEUIL_DEFAUT, new Set())).toEqual([]);
    expect(suggererAbus(times(6, envoi()), SEUIL_DEFAUT, new Set())).toEqual([
      { email: 'jean.dupont@example.fr', jour: '2026-11-23', objet: 'Demande de branchement', envois: 6 },
    ]);
  });

  it('identical means one address, one day, one subject (RE:/TR: and case aside) and one text', () => {
    const same = [
      ...times(3, envoi()),
      ...times(3, envoi({ email: 'Jean.Dupont@Example.fr ', objet: 'RE: TR: demande de  branchement' })),
    ];
    expect(suggererAbus(same, 5, new Set())).toHaveLength(1);
    for (const other of [{ jour: '2026-11-24' }, { texte: 'b2' }, { objet: 'Autre demande' }, { email: 'x@y.fr' }])
      expect(suggererAbus([...times(5, envoi()), envoi(other)], 5, new Set()), JSON.stringify(other)).toEqual([]);
  });

  it('an address already marked is not suggested again; the threshold is the commune’s', () => {
    expect(suggererAbus(times(9, envoi()), 5, new Set(['jean.dupont@example.fr']))).toEqual([]);
    expect(suggererAbus(times(3, envoi()), 2, new Set())).toHaveLength(1);
    expect(normalizeObjet('Fwd:  RE:Objet ')).toBe('objet');
  });
});
