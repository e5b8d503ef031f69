import { isOpen, nextOpening, nextRun, SyncScheduler, type Trigger } from './scheduler';

const slots = [
  { weekday: 2, period: 'matin' as const }, // mardi matin
  { weekday: 4, period: 'apres-midi' as const }, // jeudi après-midi
];

describe('synchronisation schedule (the mairie’s opening half-days, Paris time)', () => {
  it('is open on the opening half-days only, in Paris time, summer and winter', () => {
    expect(isOpen(slots, new Date('2026-11-24T08:30:00Z'))).toBe(true); // mardi 09:30 Paris (UTC+1)
    expect(isOpen(slots, new Date('2026-11-24T06:30:00Z'))).toBe(false); // mardi 07:30 Paris
    expect(isOpen(slots, new Date('2026-11-24T11:30:00Z'))).toBe(false); // mardi 12:30 Paris
    expect(isOpen(slots, new Date('2026-11-26T12:45:00Z'))).toBe(true); // jeudi 13:45 Paris
    expect(isOpen(slots, new Date('2026-06-23T06:30:00Z'))).toBe(true); // mardi 08:30 Paris (UTC+2)
    expect(isOpen(slots, new Date('2026-11-25T08:30:00Z'))).toBe(false); // mercredi
  });

  it('says when the next automatic run will be', () => {
    expect(nextOpening(slots, new Date('2026-11-25T10:00:00Z'))).toBe('2026-11-26T12:30:00.000Z'); // mercredi → jeudi 13:30 Paris
    expect(nextOpening(slots, new Date('2026-11-24T08:30:00Z'))).toBe('2026-11-24T08:30:00.000Z'); // open now
    expect(nextOpening([], new Date())).toBeNull();
  });

  it('gives the window the next run, and inside a half-day until when it repeats (sync.status prochaine)', () => {
    expect(nextRun(slots, new Date('2026-11-25T10:00:00Z'))).toEqual({ le: '2026-11-26T12:30:00.000Z', jusqua: null });
    // mardi 09:37 Paris: every 15 minutes until 12:00 Paris (11:00 UTC)
    expect(nextRun(slots, new Date('2026-11-24T08:37:00Z'))).toEqual({
      le: '2026-11-24T08:37:00.000Z',
      jusqua: '2026-11-24T11:00:00.000Z',
    });
    // summer time: jeudi 17:50 Paris, until 18:00 Paris (16:00 UTC)
    expect(nextRun(slots, new Date('2026-06-25T15:50:00Z'))).toEqual({
      le: '2026-06-25T15:50:00.000Z',
      jusqua: '2026-06-25T16:00:00.000Z',
    });
    expect(nextRun([], new Date('2026-11-24T08:37:00Z'))).toBeNull();
  });

  it('runs at start-up, then every interval inside an open half-day, never twice at once', async () => {
    let now = new Date('2026-11-24T08:00:00Z'); // mardi 09:00
    const runs: Trigger[] = [];
    let release: () => void = () => undefined;
    const s = new SyncScheduler({
      slots: () => slots,
      now: () => now,
      intervalMs: 15 * 60_000,
      tickMs: 3_600_000,
      run: (t) => {
        runs.push(t);
        return new Promise<void>((r) => (release = r));
      },
    });
    s.start();
    await Promise.resolve();
    expect(runs).toEqual(['demarrage']);
    s.tick(); // the start-up run is still going: no overlap
    void s.runNow();
    await Promise.resolve();
    expect(runs).toEqual(['demarrage']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    now = new Date('2026-11-24T08:05:00Z');
    s.tick(); // too soon after the last run
    await Promise.resolve();
    expect(runs).toEqual(['demarrage']);
    now = new Date('2026-11-24T08:20:00Z');
    s.tick();
    await Promise.resolve();
    expect(runs).toEqual(['demarrage', 'horaire']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    now = new Date('2026-11-25T08:20:00Z'); // mercredi: closed
    s.tick();
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    s.stop();
  });

  it('a run that fails at once (session locked meanwhile) never escapes the timer', async () => {
    const s = new SyncScheduler({
      slots: () => slots,
      now: () => new Date('2026-11-24T08:00:00Z'),
      tickMs: 3_600_000,
      run: () => {
        throw new Error('SESSION_LOCKED');
      },
    });
    expect(() => s.start()).not.toThrow();
    await expect(s.runNow()).resolves.toBeUndefined();
    s.stop();
  });
});
