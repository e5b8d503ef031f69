import { MONTH_WORD } from '../../../test-support/dates';
import { acknowledgementsDue } from './acknowledgements';
import { qualify, silenceMention } from './classification';
import { implicitDecision } from './decision';
import { addMonths, periodEnd } from './months';
import { addWorkingDays, isJourOuvre, publicHolidays, workingDaysBetween } from './working-days';

describe('months (L231-1; day after receipt, same day-number, end of month)', () => {
  it('counts from the day after receipt (démarches-simplifiées: 15 May 2023 + 2 months → 16 July)', () => {
    expect(periodEnd('2023-05-15', 2)).toBe('2023-07-16');
  });
  it('ends on the last day of the month when the day-number does not exist', () => {
    expect(periodEnd('2026-12-30', 2)).toBe('2027-02-28');
    expect(periodEnd('2027-12-30', 2)).toBe('2028-02-29');
    expect(periodEnd('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
  it('crosses the year', () => {
    expect(periodEnd('2026-11-23', 2)).toBe('2027-01-24');
  });
});

describe('working days (R112-11-2) across public holidays', () => {
  it('knows every public holiday of the year, 11 in general and 13 in Alsace-Moselle', () => {
    expect([...publicHolidays(2026, '45').keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(publicHolidays(2026, '57').size).toBe(13);
    expect(publicHolidays(2026, '57').has('2026-04-03')).toBe(true);
  });
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-27', 1, '45')).toBe('2026-11-30'); // Friday → Monday
  });
  it('skips Ascension and Whit Monday (Easter + 39, + 50)', () => {
    expect(publicHolidays(2026, '45').get('2026-05-14')).toBe('Ascension');
    expect(addWorkingDays('2026-05-13', 1, '45')).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-13', 10, '45')).toBe('2026-05-29');
    expect(isJourOuvre('2026-05-25', '45')).toBe(false);
  });
  it('Alsace-Moselle (57, 67, 68) adds Good Friday and 26 December', () => {
    // Easter 2027 is 28 March, the night clocks change: Good Friday must still be the 26th.
    expect(addWorkingDays('2027-03-25', 1, '57')).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-25', 1, '45')).toBe('2027-03-26');
    expect(addWorkingDays('2025-12-24', 1, '67')).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-24', 1, '68')).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-24', 1, '45')).toBe('2025-12-26');
  });
  it('counts working days between two dates, both ways', () => {
    expect(workingDaysBetween('2026-05-13', '2026-05-29', '45')).toBe(10);
    expect(workingDaysBetween('2026-05-29', '2026-05-13', '45')).toBe(-10);
  });
});

describe('classification (L112-3, L231-1, L231-4, R311-13)', () => {
  it('gives each class its acknowledgement and silence rule', () => {
    expect(qualify('information', null)).toMatchObject({ arRequis: false, regime: null });
    expect(qualify('verification', null)).toMatchObject({
      arRequis: false,
      regime: null,
      article: 'CRPA L112-3 / R112-4',
    });
    expect(qualify('demande', null)).toMatchObject({
      arRequis: true,
      regime: 'SVA',
      delaiMois: 2,
      article: 'CRPA L231-1',
    });
    expect(qualify('reclamation', null)).toMatchObject({ regime: 'SVR', delaiMois: 2, article: 'CRPA L231-4 2°' });
    expect(qualify('document_administratif', null)).toMatchObject({
      regime: 'SVR',
      delaiMois: 1,
      article: 'CRPA R311-13',
    });
    const accueil = {
      code: 'attestation_accueil',
      libelle: 'Attestation d’accueil',
      regime: 'SVR' as const,
      delai_mois: 1,
      article: 'CRPA L231-5',
    };
    expect(qualify('demande', accueil)).toMatchObject({ regime: 'SVR', delaiMois: 1, article: 'CRPA L231-5' });
  });
  it('says attestation for acceptance, recours for rejection (R112-5)', () => {
    expect(silenceMention(qualify('demande', null), '2027-01-24')).toMatch(/réputée acceptée le 24\/01\/2027.*L232-3/);
    expect(silenceMention(qualify('reclamation', null), '2027-01-24')).toMatch(
      /réputée rejetée le 24\/01\/2027.*tribunal administratif/,
    );
    expect(silenceMention(qualify('document_administratif', null), '2026-12-24')).toMatch(/CADA/);
    for (const c of ['demande', 'reclamation', 'document_administratif'] as const)
      expect(silenceMention(qualify(c, null), '2026-12-24')).not.toMatch(MONTH_WORD);
  });
});

describe('implicit decision (L114-5, L114-2)', () => {
  const sva = { regime: 'SVA' as const, delaiMois: 2, recuLe: '2026-03-10' };
  const svr = { ...sva, regime: 'SVR' as const };
  it('complete request', () => {
    expect(implicitDecision(sva)).toMatchObject({ state: 'en_cours', date: '2026-05-11' });
  });
  it('SVA incomplete: no date until the pieces arrive, then restarts from their receipt', () => {
    expect(implicitDecision({ ...sva, piecesDemandeesLe: '2026-03-12', piecesDelai: '2026-04-12' })).toMatchObject({
      state: 'attente_pieces',
      date: null,
    });
    expect(implicitDecision({ ...sva, piecesDemandeesLe: '2026-03-12', piecesRecuesLe: '2026-04-20' })).toMatchObject({
      state: 'en_cours',
      date: '2026-06-21',
    });
  });
  it('SVR incomplete: suspended until the pieces arrive, or the deadline if earlier', () => {
    expect(
      implicitDecision({
        ...svr,
        piecesDemandeesLe: '2026-03-12',
        piecesDelai: '2026-04-12',
        piecesRecuesLe: '2026-03-22',
      }),
    ).toMatchObject({ state: 'en_cours', date: '2026-05-21' });
    expect(
      implicitDecision({
        ...svr,
        piecesDemandeesLe: '2026-03-12',
        piecesDelai: '2026-03-20',
        piecesRecuesLe: '2026-03-30',
      }),
    ).toMatchObject({ date: '2026-05-19' });
    expect(implicitDecision({ ...svr, piecesDemandeesLe: '2026-03-12', piecesDelai: '2026-04-11' })).toMatchObject({
      state: 'suspendu',
      date: '2026-06-10',
    });
  });
  it('forwarded to us (L114-2): SVR from the first receipt, SVA from ours', () => {
    expect(implicitDecision({ ...svr, recuPremiereAdmin: '2026-03-01' })).toMatchObject({ date: '2026-05-02' });
    expect(implicitDecision({ ...sva, recuPremiereAdmin: '2026-03-01' })).toMatchObject({ date: '2026-05-11' });
  });
  it('forwarded by us: our clock stops', () => {
    expect(implicitDecision({ ...sva, transmisLe: '2026-03-11' })).toMatchObject({ state: 'transmis', date: null });
  });
  it('a procedure counted in days (a décret’s « quinze jours »): from the day after receipt, suspended like months', () => {
    const jours = { regime: 'SVR' as const, delaiMois: null, delaiJours: 15, recuLe: '2026-03-10' };
    expect(implicitDecision(jours)).toMatchObject({
      state: 'en_cours',
      date: '2026-03-26',
      explication: 'Rejet implicite au terme de 15 jours à compter de la réception le 10/03/2026.',
    });
    expect(
      implicitDecision({
        ...jours,
        piecesDemandeesLe: '2026-03-12',
        piecesDelai: '2026-04-12',
        piecesRecuesLe: '2026-03-22',
      }),
    ).toMatchObject({ date: '2026-04-05' });
    expect(implicitDecision({ ...jours, regime: 'SVA', delaiJours: 1 })).toMatchObject({
      date: '2026-03-12',
      explication: expect.stringContaining('au terme de 1 jour à compter'),
    });
  });
  it('no regime, no decision', () => {
    expect(implicitDecision({ regime: null, delaiMois: null, recuLe: '2026-03-10' })).toMatchObject({
      state: 'aucune',
    });
  });
});

describe('acknowledgements due', () => {
  const base = { recuLe: '2026-05-13', departement: '45', arLe: null, aeeLe: null };
  it('electronic: AEE next working day, ARE within 10 working days (R112-11-2)', () => {
    expect(
      acknowledgementsDue({ ...base, electronic: true, qualification: qualify('demande', null) }).map((a) => [
        a.kind,
        a.due,
      ]),
    ).toEqual([
      ['aee', '2026-05-15'],
      ['are', '2026-05-29'],
    ]);
  });
  it('paper request: AR at once; information or état-civil copy: none (L112-3)', () => {
    expect(acknowledgementsDue({ ...base, electronic: false, qualification: qualify('demande', null) })).toMatchObject([
      { kind: 'ar', due: '2026-05-13' },
    ]);
    expect(acknowledgementsDue({ ...base, electronic: false, qualification: qualify('verification', null) })).toEqual(
      [],
    );
    expect(
      acknowledgementsDue({ ...base, electronic: false, arLe: '2026-05-13', qualification: qualify('demande', null) }),
    ).toEqual([]);
  });
});
