import { withCommune } from '../../test-support/helpers';

/** app.status carries the session's permissions in the open commune: the window hides buttons from them. */
describe('app.status permissions', () => {
  it('the secrétaire holds the commune’s rights; a maire reads, signs, manages accounts, but does not write', async () => {
    const t = await withCommune();
    const own = await t.client.call('app.status');
    expect(own.ok && own.value.phase === 'ready' && own.value.permissions).toEqual(
      expect.arrayContaining(['commune.write', 'backup.manage', 'parapheur.sign']),
    );
    const created = await t.client.call('users.create', {
      account: {
        login: 'h.lefevre',
        display_name: 'Hélène Lefèvre',
        password: 'le conseil se réunit',
        password_confirm: 'le conseil se réunit',
      },
      role: 'maire',
      eluId: null,
    });
    expect(created.ok).toBe(true);
    await t.client.call('auth.logout');
    await t.client.call('auth.login', { login: 'h.lefevre', password: 'le conseil se réunit' });
    const st = await t.client.call('app.status');
    expect(st.ok && st.value.phase === 'ready' && [...st.value.permissions].sort()).toEqual([
      'commune.read',
      'journal.read',
      'parapheur.sign',
      'users.manage',
    ]);
    t.close();
  });
});
