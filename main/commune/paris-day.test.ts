import { describe, expect, it } from 'vitest';
import { listBackups } from '../backup/backups';
import { parisDay } from '../kernel';
import { testCore, validAccount, validElus, validHoraires, validIdentity } from '../../test-support/helpers';

/**
 * « Today » is the Paris day of the core's injected clock (issue 10): at 23:30 UTC in winter (UTC+1) and at
 * 22:30 UTC in summer (UTC+2) it is already the next day in the mairie, while the UTC date still says yesterday.
 */
async function communeAt(iso: string) {
  const t = testCore();
  t.setNow(iso);
  const r = await t.client.call('setup.createCommune', {
    identity: validIdentity,
    horaires: validHoraires,
    elus: validElus,
    account: validAccount,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { ...t, communeId: r.value.communeId };
}

const cases = [
  { season: 'hiver (UTC+1)', before: '2026-11-30T22:50:00Z', at: '2026-11-30T23:30:00Z', paris: '2026-12-01' },
  { season: 'été (UTC+2)', before: '2027-07-14T21:50:00Z', at: '2027-07-14T22:30:00Z', paris: '2027-07-15' },
];

describe('today is the Paris day of the injected clock', () => {
  it.each(cases)('the dashboard shows the Paris day — $season', async ({ at, paris }) => {
    const t = await communeAt(at);
    try {
      const r = await t.client.call('dashboard.get');
      expect(r.ok && r.value.today).toBe(paris);
    } finally {
      t.close();
    }
  });

  it.each(cases)(
    'the daily backup is taken again when the Paris day changes — $season',
    async ({ before, at, paris }) => {
      const t = await communeAt(before); // 23:50 in Paris: still the previous day there, backup of that day taken
      try {
        const dir = t.core.communes.backupDirOf(t.communeId);
        const days = () =>
          listBackups(dir)
            .filter((b) => b.kind === 'quotidienne')
            .map((b) => parisDay(new Date(b.createdAt)));
        expect(days()).not.toContain(paris);
        t.setNow(at); // 40 minutes later: a new day in Paris, the same UTC date
        expect((await t.client.call('dashboard.get')).ok).toBe(true);
        await t.core.communes.checksSettled(); // the backup runs after the reply (main/host/daily-check.ts)
        expect(days()).toContain(paris);
      } finally {
        t.close();
      }
    },
  );
});
