/** The dashboard asked for with the status after the login (issue 9): taken once, never a refused answer. */
import { fakeBridge } from '../testing/render';
import { prefetchDashboard } from './prefetch';

const data = (today: string) => ({ since: null, arrivals: [], todos: [], today, etatCivilDelivreesCeMois: 0 });

describe('prefetchDashboard', () => {
  it('gives the early answer to the first taker only; later Dashboards ask the core themselves', async () => {
    const { calls } = fakeBridge({ 'dashboard.get': () => ({ value: data('2026-11-23') }) });
    const pre = prefetchDashboard();
    expect(calls.map((c) => c.name)).toEqual(['dashboard.get']); // sent at once, before anyone takes it
    await expect(pre.take()).resolves.toEqual(data('2026-11-23'));
    expect(pre.take()).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('a refused early answer is not shown: the taker asks again and gets the core’s answer of now', async () => {
    let refuse = true;
    const { calls } = fakeBridge({
      'dashboard.get': () =>
        refuse
          ? { error: { code: 'FORBIDDEN', message: "Changez d'abord votre mot de passe temporaire." } }
          : { value: data('2026-11-24') },
    });
    const pre = prefetchDashboard();
    await new Promise((r) => setTimeout(r, 0));
    refuse = false;
    await expect(pre.take()).resolves.toEqual(data('2026-11-24'));
    expect(calls).toHaveLength(2);
  });
});
