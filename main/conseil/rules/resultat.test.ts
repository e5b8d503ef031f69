import { designationLine, nominatifLines, tourLines, voteLine } from './resultat';

const civ = (c: { nom: string }) => (c.nom.startsWith('Mme') ? 'Mme' : 'M.') as 'Mme' | 'M.';

describe('printed results (L2121-21)', () => {
  it('prints a nomination round: votants, blancs ou nuls, exprimés, majorité absolue, each candidate', () => {
    const lines = tourLines({
      tour: 1,
      candidats: [
        { eluId: 2, nom: 'M. Paul B', voix: 2 },
        { eluId: 1, nom: 'Mme Anne A', voix: 7 },
      ],
      blancsNuls: 1,
      elu: 'Mme Anne A',
    });
    expect(lines[0]).toBe(
      '1er tour — votants : 10 ; bulletins blancs ou nuls : 1 ; suffrages exprimés : 9 ; majorité absolue : 5 voix.',
    );
    expect(lines[1]).toBe('Mme Anne A : 7 voix ; M. Paul B : 2 voix.');
    expect(tourLines({ tour: 3, candidats: [{ eluId: 1, nom: 'X', voix: 1 }], blancsNuls: 0 })[0]).toMatch(
      /^3e tour .*la majorité relative suffit/,
    );
  });
  it('says who is désigné and why, agreeing with the civilité', () => {
    const t1 = {
      tour: 1,
      candidats: [
        { eluId: 1, nom: 'Mme Anne A', voix: 7 },
        { eluId: 2, nom: 'M. Paul B', voix: 2 },
      ],
      blancsNuls: 1,
      elu: 'Mme Anne A',
    };
    expect(designationLine([t1], civ)).toBe(
      'Mme Anne A est désignée au 1er tour à la majorité absolue, avec 7 voix sur 9 suffrages exprimés (art. L2121-21 CGCT).',
    );
    const tie = {
      tour: 3,
      candidats: [
        { eluId: 1, nom: 'M. Noël C', voix: 4 },
        { eluId: 2, nom: 'Mme Gaëlle L', voix: 4 },
      ],
      blancsNuls: 1,
      elu: 'Mme Gaëlle L',
    };
    expect(designationLine([t1, t1, tie], civ)).toMatch(
      /^Égalité de voix au 3e tour \(4 voix\) : Mme Gaëlle L, la plus âgée, est désignée \(art\. L2121-21/,
    );
    const relative = {
      tour: 3,
      candidats: [
        { eluId: 2, nom: 'M. Paul B', voix: 5 },
        { eluId: 1, nom: 'Mme Anne A', voix: 4 },
      ],
      blancsNuls: 0,
      elu: 'M. Paul B',
    };
    expect(designationLine([relative], civ)).toMatch(/^M\. Paul B est désigné au 3e tour à la majorité relative/);
  });
  it('prints a vote with agreement and a scrutin public with names in French order', () => {
    expect(voteLine(7, 2, 1)).toBe('Vote : 7 pour, 2 contre, 1 abstention.');
    expect(voteLine(6, 2, 2)).toBe('Vote : 6 pour, 2 contre, 2 abstentions.');
    const lines = nominatifLines([
      { nom: 'Leroux', choix: 'pour' },
      { nom: 'Lécuyer', choix: 'pour' },
      { nom: 'Martin', choix: 'contre' },
    ]);
    expect(lines).toEqual([
      'Ont voté pour (2) : Lécuyer, Leroux.',
      'A voté contre (1) : Martin.',
      'Abstention (0) : —.',
    ]);
  });
});
