import { checkPouvoir, type Presence } from './pouvoirs';
import { checkQuorum, quorumRequired } from './quorum';
import { nominationRound, voteResult, VoteError } from './votes';
import { checkNumero, NUMERO_INTERNE_PATTERN, nextNumero } from './numbering';
import { executoire, listeDeadline, publicationMinEnd, pvPublicationDeadline, reliureDeadline } from './publicite';

describe('quorum (L2121-17)', () => {
  it('strictly more than half of the members in office', () => {
    expect(quorumRequired(11)).toBe(6);
    expect(quorumRequired(15)).toBe(8);
    expect(quorumRequired(14)).toBe(8);
    expect(checkQuorum({ enExercice: 15, presents: 8 }).reached).toBe(true);
    expect(checkQuorum({ enExercice: 15, presents: 7 }).reached).toBe(false);
  });
  it('a member leaving, or an intéressé withdrawing, breaks quorum for the item', () => {
    const q = checkQuorum({ enExercice: 11, presents: 6, retires: 1 });
    expect(q.reached).toBe(false);
    expect(q.message).toMatch(/intéressé sorti de la salle ne compte pas.*L2121-17/);
    expect(q.message).toMatch(/convoqué à nouveau, à 3 jours au moins/);
  });
  it('a reconvened séance needs no quorum', () => {
    expect(checkQuorum({ enExercice: 11, presents: 2, reconvocation: true }).reached).toBe(true);
  });
});

describe('pouvoirs (L2121-20)', () => {
  const presence: Record<number, Presence> = { 1: 'excuse', 2: 'present', 3: 'present', 4: 'absent', 5: 'excuse' };
  const ctx = (held: Record<number, string> = {}, given: number[] = []) => ({
    presence: (id: number) => presence[id],
    heldBy: (id: number) => held[id],
    alreadyGiven: (id: number) => given.includes(id),
  });
  const p = (mandant: number, mandataire: number, seances = [10], maladie = false) => ({
    mandant: { id: mandant, nom: `Élu ${mandant}` },
    mandataire: { id: mandataire, nom: `Élu ${mandataire}` },
    seances,
    maladie,
  });
  it('accepts a written proxy to a present colleague', () => {
    expect(checkPouvoir(p(1, 2), ctx())).toBeNull();
  });
  it('refuses a proxy to an absent élu, a second proxy held, a second proxy given, oneself', () => {
    expect(checkPouvoir(p(1, 4), ctx())).toMatch(/n'est pas présent/);
    expect(checkPouvoir(p(1, 2), ctx({ 2: 'Élu 5' }))).toBe(
      "art. L2121-20 CGCT : Élu 2 porte déjà un pouvoir (celui de Élu 5) ; un élu ne peut en détenir qu'un seul.",
    );
    expect(checkPouvoir(p(1, 3), ctx({}, [1]))).toMatch(/déjà donné/);
    expect(checkPouvoir(p(2, 2), ctx())).toMatch(/lui-même/);
    expect(checkPouvoir(p(2, 3), ctx())).toMatch(/est présent/);
  });
  it('three consecutive séances at most, unless illness', () => {
    expect(checkPouvoir(p(1, 2, [10, 11, 12]), ctx())).toBeNull();
    expect(checkPouvoir(p(1, 2, [10, 11, 12, 13]), ctx())).toMatch(
      /trois séances consécutives au plus \(celui-ci en couvre 4\)/,
    );
    expect(checkPouvoir(p(1, 2, [10, 11, 12, 13], true), ctx())).toBeNull();
    expect(checkPouvoir(p(1, 2, [10, 12]), ctx())).toMatch(/consécutives/);
  });
});

describe('votes (L2121-20, L2121-21, L1612-12)', () => {
  it('absolute majority of suffrages exprimés; abstentions do not count', () => {
    expect(voteResult({ votants: 11, pour: 4, contre: 3, abstention: 4, mode: 'main_levee' }).adopted).toBe(true);
    expect(voteResult({ votants: 11, pour: 3, contre: 4, abstention: 4, mode: 'main_levee' }).adopted).toBe(false);
    expect(voteResult({ votants: 5, pour: 0, contre: 0, abstention: 5, mode: 'main_levee' }).message).toMatch(
      /aucun suffrage exprimé/,
    );
  });
  it('tie: the président decides, except in a secret ballot', () => {
    const tie = { votants: 10, pour: 5, contre: 5, abstention: 0 };
    expect(voteResult({ ...tie, mode: 'main_levee', president: 'pour' })).toMatchObject({
      adopted: true,
      voixPreponderante: true,
    });
    expect(voteResult({ ...tie, mode: 'scrutin_public', president: 'contre' })).toMatchObject({
      adopted: false,
      voixPreponderante: true,
    });
    expect(voteResult({ ...tie, mode: 'scrutin_secret', president: 'pour' })).toMatchObject({
      adopted: false,
      voixPreponderante: false,
    });
    expect(voteResult({ ...tie, mode: 'main_levee', president: 'abstention' }).adopted).toBe(false);
  });
  it('the compte administratif is adopted unless a majority votes against', () => {
    expect(
      voteResult({ votants: 10, pour: 5, contre: 5, abstention: 0, mode: 'main_levee', compteAdministratif: true })
        .adopted,
    ).toBe(true);
    expect(
      voteResult({ votants: 10, pour: 4, contre: 6, abstention: 0, mode: 'main_levee', compteAdministratif: true })
        .adopted,
    ).toBe(false);
  });
  it('totals must match the voters', () => {
    expect(() => voteResult({ votants: 11, pour: 4, contre: 3, abstention: 3, mode: 'main_levee' })).toThrow(VoteError);
    expect(() => voteResult({ votants: 11, pour: 4, contre: 3, abstention: 3, mode: 'main_levee' })).toThrow(
      /= 10\) ne correspond pas au nombre de votants \(11\)/,
    );
  });
  it('nominations: absolute majority in rounds 1-2, relative in round 3, the oldest wins a tie', () => {
    const c = (id: number, voix: number, dateNaissance: string | null = null) => ({
      id,
      nom: `Candidat ${id}`,
      voix,
      dateNaissance,
    });
    expect(nominationRound(1, [c(1, 6), c(2, 5)], 11, 0).elected?.id).toBe(1);
    expect(nominationRound(1, [c(1, 5), c(2, 4)], 11, 2)).toMatchObject({ elected: { id: 1 } }); // 5 of 9 exprimés
    expect(nominationRound(2, [c(1, 4), c(2, 4), c(3, 3)], 11, 0)).toMatchObject({ elected: null, nextRound: 3 });
    expect(nominationRound(3, [c(1, 5), c(2, 4), c(3, 2)], 11, 0).elected?.id).toBe(1);
    const tie = nominationRound(3, [c(1, 5, '1970-02-01'), c(2, 5, '1958-06-30'), c(3, 1)], 11, 0);
    expect(tie.elected?.id).toBe(2);
    expect(tie.message).toMatch(/le plus âgé/);
    expect(() => nominationRound(3, [c(1, 5), c(2, 5)], 10, 0)).toThrow(/date de naissance/);
    expect(() => nominationRound(1, [c(1, 5)], 11, 0)).toThrow(/ne correspond pas/);
  });
});

describe('numbering', () => {
  it('AAAA_NNN per year, valid ACTES numéro interne, unique', () => {
    expect(nextNumero(2026, [])).toBe('2026_001');
    expect(nextNumero(2026, ['2025_040', '2026_001', '2026_009'])).toBe('2026_010');
    expect(NUMERO_INTERNE_PATTERN.test(nextNumero(2026, ['2026_999']))).toBe(true);
    expect(checkNumero('2026_001', ['2026_001'])).toMatch(/déjà attribué/);
    expect(checkNumero('_2026', [])).toMatch(/invalide/);
    expect(checkNumero('2026-001', [])).toMatch(/invalide/);
    expect(checkNumero('A234567890123456', [])).toMatch(/invalide/);
  });
});

describe('publicity and enforceability', () => {
  it('deadlines: liste D+7 (L2121-25), PV arrêté+7 (L2121-15), 2 months online (R2131-1)', () => {
    expect(listeDeadline('2026-11-20')).toBe('2026-11-27');
    expect(pvPublicationDeadline('2026-12-18')).toBe('2026-12-25');
    expect(publicationMinEnd('2026-12-31')).toBe('2027-02-28');
  });
  it('exécutoire once published and, if required, received by the préfecture', () => {
    expect(
      executoire({ publicationDate: '2026-11-21', soumisTransmission: true, transmissionDate: null }),
    ).toMatchObject({ executoire: false, date: null });
    expect(
      executoire({ publicationDate: '2026-11-21', soumisTransmission: true, transmissionDate: '2026-11-23' }),
    ).toMatchObject({ executoire: true, date: '2026-11-23' });
    expect(
      executoire({ publicationDate: '2026-11-24', soumisTransmission: true, transmissionDate: '2026-11-23' }).date,
    ).toBe('2026-11-24');
    expect(executoire({ publicationDate: '2026-11-21', soumisTransmission: false, transmissionDate: null }).date).toBe(
      '2026-11-21',
    );
    expect(executoire({ publicationDate: null, soumisTransmission: false, transmissionDate: null }).raisons[0]).toMatch(
      /L2131-1/,
    );
  });
  it('register binding: every year, every five years under 1,000 inhabitants (R2121-9)', () => {
    expect(reliureDeadline(1200, 2025, '2026-11-23')).toBe('2026-12-31');
    expect(reliureDeadline(400, 2024, '2026-11-23')).toBe('2029-12-31');
    expect(reliureDeadline(400, 2019, '2026-11-23')).toBe('2026-12-31');
  });
});
