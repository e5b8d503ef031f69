import { validAccount, withCommune } from '../test/helpers';

describe('core: first run to dashboard', () => {
  it('creates the commune, logs the secrétaire in, and shows the dashboard', async () => {
    const t = await withCommune();
    const status = await t.client.call('app.status');
    expect(status.ok && status.value.phase).toBe('ready');
    const dash = await t.client.call('dashboard.get');
    expect(dash.ok && dash.value.arrivals).toEqual([]);
    // nothing planned yet: the council must meet at least once a quarter (L2121-7)
    expect(dash.ok && dash.value.todos.map((t) => t.legal_ref)).toEqual(['CGCT L2121-7']);
    const journal = await t.client.call('journal.list', {});
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toContain('commune.creee');
    expect(journal.ok && journal.value.rows[0]?.user_login).toBe(validAccount.login);
    t.close();
  });
});
