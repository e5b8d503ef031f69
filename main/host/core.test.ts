import { validAccount, withCommune } from '../test/helpers';

describe('core: first run to dashboard', () => {
  it('creates the commune, logs the secrétaire in, and shows an empty dashboard', async () => {
    const t = await withCommune();
    const status = await t.client.call('app.status');
    expect(status.ok && status.value.phase).toBe('ready');
    const dash = await t.client.call('dashboard.get');
    expect(dash.ok && dash.value.todos).toEqual([]);
    const journal = await t.client.call('journal.list', {});
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toContain('commune.creee');
    expect(journal.ok && journal.value.rows[0]?.user_login).toBe(validAccount.login);
    t.close();
  });
});
