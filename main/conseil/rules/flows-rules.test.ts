import { convocationRule } from './convocation';
import { convocationWarning } from './ouverture';
import { pointsToCarry, quorumExempt, reconvocationRefusal, type SourcePoint } from './reconvocation';

const pt = (id: number, statut: SourcePoint['statut'], reportSansQuorum = true): SourcePoint => ({
  id,
  rang: id,
  titre: `Point ${id}`,
  statut,
  reportSansQuorum,
});

describe('reconvocation (L2121-17 al. 2)', () => {
  it('carries only the items postponed for lack of quorum', () => {
    const plan = pointsToCarry([pt(1, 'delibere'), pt(2, 'reporte'), pt(3, 'reporte', false), pt(4, 'retire')], []);
    expect(plan.carried.map((p) => p.id)).toEqual([2]);
    expect(plan.left.map((l) => l.reason)).toEqual([
      expect.stringMatching(/point 3 a été reporté par le conseil, non faute de quorum/),
    ]);
  });
  it('never carries again an item voted at a first reconvocation, nor one already pending', () => {
    const plan = pointsToCarry(
      [pt(1, 'reporte'), pt(2, 'reporte'), pt(3, 'reporte')],
      [
        { sourceId: 1, statut: 'delibere' },
        { sourceId: 2, statut: 'a_examiner' },
        { sourceId: 3, statut: 'retire' },
      ],
    );
    expect(plan.carried.map((p) => p.id)).toEqual([3]);
    expect(plan.left.map((l) => l.reason)).toEqual([
      expect.stringMatching(/déjà été délibéré/),
      expect.stringMatching(/déjà inscrit à une autre séance/),
    ]);
  });
  it('refuses a reconvocation with nothing to carry, naming the article', () => {
    expect(reconvocationRefusal(pointsToCarry([pt(1, 'delibere')], []))).toMatch(/Aucun point.*L2121-17 al\. 2/);
    expect(reconvocationRefusal(pointsToCarry([pt(1, 'reporte')], []))).toBeNull();
  });
  it('exempts from the quorum only a carried item at the reconvened séance', () => {
    expect(quorumExempt({ reconvocation_de: 7 }, { reconvoque_de: 3 })).toBe(true);
    expect(quorumExempt({ reconvocation_de: 7 }, { reconvoque_de: null })).toBe(false);
    expect(quorumExempt({ reconvocation_de: null }, { reconvoque_de: null })).toBe(false);
    expect(quorumExempt({ reconvocation_de: 7 }, null)).toBe(false);
  });
});

describe('convocation checked at the opening (L2121-10, L2121-11, L2121-12)', () => {
  const small = convocationRule(400);
  const large = convocationRule(5000);
  const envois = (date: string, n = 11) => Array.from({ length: n }, (_, i) => ({ eluId: i + 1, date }));
  it('warns when no convocation was recorded', () => {
    expect(
      convocationWarning({ seanceDate: '2026-11-27', rule: small, urgence: false, enExercice: 11, envois: [] }),
    ).toMatch(/Aucune convocation.*3 jours francs.*L2121-10 et art\. L2121-11/);
  });
  it('3 jours francs under 3,500: sent Monday 23 for Friday 27 is in time, Tuesday 24 is late', () => {
    expect(
      convocationWarning({
        seanceDate: '2026-11-27',
        rule: small,
        urgence: false,
        enExercice: 11,
        envois: envois('2026-11-23'),
      }),
    ).toBeNull();
    expect(
      convocationWarning({
        seanceDate: '2026-11-27',
        rule: small,
        urgence: false,
        enExercice: 11,
        envois: envois('2026-11-24'),
      }),
    ).toMatch(/11 convocations sont parties trop tard.*mardi 24\/11\/2026.*3 jours francs.*L2121-11/);
  });
  it('5 jours francs from 3,500 (L2121-12)', () => {
    expect(
      convocationWarning({
        seanceDate: '2026-11-27',
        rule: large,
        urgence: false,
        enExercice: 11,
        envois: envois('2026-11-23'),
      }),
    ).toMatch(/5 jours francs.*L2121-12/);
    expect(
      convocationWarning({
        seanceDate: '2026-11-27',
        rule: large,
        urgence: false,
        enExercice: 11,
        envois: envois('2026-11-21'),
      }),
    ).toBeNull();
  });
  it('names the élus without a recorded convocation', () => {
    expect(
      convocationWarning({
        seanceDate: '2026-11-27',
        rule: small,
        urgence: false,
        enExercice: 11,
        envois: envois('2026-11-20', 9),
      }),
    ).toMatch(/2 élus en exercice n'ont pas de convocation/);
  });
});
