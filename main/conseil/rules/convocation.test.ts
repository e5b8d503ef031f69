import { checkConvocation, convocationRule, joursFrancsBetween, lastSendingDate } from './convocation';

describe('jours francs (L2121-11, L2121-12)', () => {
  it('3 under 3,500, 5 from 3,500, 5 for an ICPE item, 1 in urgence', () => {
    expect(convocationRule(499)).toEqual({ joursFrancs: 3, article: 'L2121-11', noteDeSynthese: false });
    expect(convocationRule(3499).joursFrancs).toBe(3);
    expect(convocationRule(3500)).toEqual({ joursFrancs: 5, article: 'L2121-12', noteDeSynthese: true });
    expect(convocationRule(800, { icpe: true })).toEqual({ joursFrancs: 5, article: 'L2121-12', noteDeSynthese: true });
    expect(convocationRule(800, { urgence: true }).joursFrancs).toBe(1);
    expect(convocationRule(5000, { urgence: true }).joursFrancs).toBe(1);
  });

  it('séance on Friday 20: sent Monday 16 at the latest (AMF62 example)', () => {
    expect(lastSendingDate('2026-11-20', 3)).toBe('2026-11-16');
    expect(joursFrancsBetween('2026-11-16', '2026-11-20')).toBe(3);
    expect(checkConvocation('2026-11-20', '2026-11-16', 300).ok).toBe(true);
    const late = checkConvocation('2026-11-20', '2026-11-17', 300);
    expect(late.ok).toBe(false);
    expect(late.message).toMatch(/au plus tard le lundi 16\/11\/2026 — 3 jours francs \(art\. L2121-11 CGCT\)/);
    expect(late.message).toMatch(/Reportez la séance au samedi 21\/11\/2026 au plus tôt/);
  });

  it('week-ends and holidays count and do not extend the delay', () => {
    // séance Tuesday 29 Dec 2026 → last sending Friday 25 Dec (Christmas): 26, 27, 28 are the 3 jours francs
    expect(lastSendingDate('2026-12-29', 3)).toBe('2026-12-25');
    // across a month and a year end
    expect(lastSendingDate('2027-01-02', 5)).toBe('2026-12-27');
  });

  it('urgence: 1 jour franc, and the message says the maire reports on it', () => {
    const c = checkConvocation('2026-11-25', '2026-11-23', 300, { urgence: true });
    expect(c.ok).toBe(true);
    expect(c.message).toMatch(/urgence.*rend compte/);
    expect(checkConvocation('2026-11-24', '2026-11-23', 300, { urgence: true }).ok).toBe(false);
  });

  it('a séance in the past is refused', () => {
    expect(checkConvocation('2026-11-01', '2026-11-23', 300).message).toMatch(/déjà passée/);
  });
});
