/**
 * « Trust first », accounts cannot be escalated: each attack of the issue, replayed against the real core.
 */
import { inProcessClient, type Client } from '../host/inprocess';
import { validElus, validIdentity, withCommune, type TestCore } from '../../test-support/helpers';
import { setRole } from './accounts';
import { canGrant, grantableBy, permissionsOf, ROLES, type Role } from './roles';

const pw = (login: string) => `le mot de passe de ${login}`;
const changed = (login: string) => `${pw(login)}, changé`;

async function createAccount(c: Client, login: string, role: Role): Promise<number> {
  const r = await c.call('users.create', {
    account: { login, display_name: `Nom ${login}`, password: pw(login), password_confirm: pw(login) },
    role,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.userId;
}

/** Another window logged in as `login`, its temporary password already changed. */
async function loginAs(t: TestCore, login: string): Promise<Client> {
  const c = inProcessClient(t.core);
  const r = await c.call('auth.login', { login, password: pw(login) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const ch = await c.call('auth.changePassword', {
    current: pw(login),
    password: changed(login),
    password_confirm: changed(login),
  });
  if (!ch.ok) throw new Error(JSON.stringify(ch.error));
  return c;
}

/** A second commune in the installation, created by the secrétaire (so she is secrétaire of both). */
async function secondCommune(t: TestCore): Promise<string> {
  const r = await t.client.call('setup.createCommune', {
    identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154', siren: '214501546' },
    horaires: [{ weekday: 5, period: 'matin' }],
    elus: validElus,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.communeId;
}

const journalActions = (t: TestCore, communeId: string) =>
  t.core.communes.get(communeId).db.prepare('SELECT action, summary FROM journal ORDER BY id').all() as {
    action: string;
    summary: string;
  }[];

describe('the order of roles', () => {
  it('one grants only roles up to one’s own; only a secrétaire grants secrétaire; support grants nothing', () => {
    expect(grantableBy('secretaire')).toEqual([...ROLES]);
    expect(grantableBy('maire')).toEqual(['maire', 'adjoint', 'conseiller']);
    for (const r of ['adjoint', 'conseiller', 'support'] as const) expect(grantableBy(r)).toEqual([]);
    // nobody hands out a right he lacks himself
    for (const g of ROLES)
      for (const r of grantableBy(g))
        expect(
          permissionsOf(r).every((p) => permissionsOf(g).includes(p)),
          `${g} → ${r}`,
        ).toBe(true);
    expect(ROLES.filter((g) => canGrant(g, 'secretaire'))).toEqual(['secretaire']);
  });

  it('support reads no personal data of a commune, and keeps backups and diagnostics', async () => {
    expect(permissionsOf('support')).not.toEqual(expect.arrayContaining(['commune.read']));
    for (const p of ['commune.read', 'journal.read', 'users.manage'] as const)
      expect(permissionsOf('support')).not.toContain(p);
    const t = await withCommune();
    await createAccount(t.client, 'support', 'support');
    const support = await loginAs(t, 'support');
    for (const name of ['journal.list', 'users.list', 'commune.get', 'dashboard.get'] as const) {
      const r = await support.call(name, {});
      expect(!r.ok && r.error.code, name).toBe('FORBIDDEN');
    }
    // nor by adding a commune, which would make it that commune's secrétaire
    const add = await support.call('setup.createCommune', {
      identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154', siren: '214501546' },
      horaires: [{ weekday: 5, period: 'matin' }],
      elus: validElus,
    });
    expect(!add.ok && add.error.code).toBe('FORBIDDEN');
    expect((await support.call('diagnostics.get')).ok).toBe(true);
    expect((await support.call('backup.list')).ok).toBe(true);
    t.close();
  });
});

describe('a maire cannot escalate', () => {
  it('creates élus’ accounts, but no secrétaire nor support account', async () => {
    const t = await withCommune();
    await createAccount(t.client, 'maire', 'maire');
    const maire = await loginAs(t, 'maire');
    for (const role of ['secretaire', 'support'] as const) {
      const r = await maire.call('users.create', {
        account: { login: `x-${role}`, display_name: 'X', password: pw('x'), password_confirm: pw('x') },
        role,
      });
      expect(!r.ok && r.error.code, role).toBe('FORBIDDEN');
    }
    expect(t.core.workspace.prepare("SELECT count(*) AS n FROM user WHERE login LIKE 'x-%'").get()).toEqual({ n: 0 });
    const secr = await maire.call('users.create', {
      account: { login: 'x', display_name: 'X', password: pw('x'), password_confirm: pw('x') },
      role: 'secretaire',
    });
    expect(!secr.ok && secr.error.message).toMatch(/Seule la secrétaire de mairie peut donner le rôle de secrétaire/);
    expect(
      (
        await maire.call('users.create', {
          account: { login: 'c.martin', display_name: 'C', password: pw('c'), password_confirm: pw('c') },
          role: 'conseiller',
        })
      ).ok,
    ).toBe(true);
    t.close();
  });

  it('cannot reset the secrétaire’s password, change her role, or promote anyone above himself', async () => {
    const t = await withCommune();
    await createAccount(t.client, 'maire', 'maire');
    const conseiller = await createAccount(t.client, 'conseiller', 'conseiller');
    const maire = await loginAs(t, 'maire');
    const list = await maire.call('users.list');
    const secretaire = list.ok ? list.value.accounts.find((u) => u.login === 'secretaire')! : null;
    expect(secretaire).toMatchObject({ canChangeRole: false, canResetPassword: false });
    const reset = await maire.call('users.resetPassword', { userId: secretaire!.id });
    expect(!reset.ok && reset.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/un rôle que vous ne gérez pas/),
    });
    // a second secrétaire, so that the « at least one secrétaire » rule is not what refuses
    const second = await createAccount(t.client, 'secretaire2', 'secretaire');
    for (const role of ['conseiller', null] as const) {
      const r = await maire.call('users.setRole', { userId: second, role });
      expect(!r.ok && r.error, String(role)).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/ne permet pas de modifier le compte/),
      });
    }
    expect(t.core.workspace.prepare('SELECT role FROM user_role WHERE user_id = ?').get(second)).toEqual({
      role: 'secretaire',
    });
    for (const role of ['secretaire', 'support'] as const) {
      const r = await maire.call('users.setRole', { userId: conseiller, role });
      expect(!r.ok && r.error.code, role).toBe('FORBIDDEN');
    }
    expect(t.core.workspace.prepare('SELECT role FROM user_role WHERE user_id = ?').get(conseiller)).toEqual({
      role: 'conseiller',
    });
    // what he manages, he may
    expect((await maire.call('users.setRole', { userId: conseiller, role: 'adjoint' })).ok).toBe(true);
    t.close();
  });
});

describe('password reset across communes', () => {
  it('is refused when the account has a role in a commune the caller does not manage', async () => {
    const t = await withCommune();
    const a = t.communeId;
    const b = await secondCommune(t);
    await t.client.call('commune.switch', { communeId: a });
    await createAccount(t.client, 'maire', 'maire');
    const both = await createAccount(t.client, 'both', 'conseiller');
    setRole(t.core.workspace, both, b, 'secretaire'); // secrétaire of the other commune, conseiller here
    const maire = await loginAs(t, 'maire');
    const r = await maire.call('users.resetPassword', { userId: both });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    // the password still works: nothing was changed
    const c = inProcessClient(t.core);
    expect((await c.call('auth.login', { login: 'both', password: pw('both') })).ok).toBe(true);
    t.close();
  });

  it('is allowed to whoever manages every commune of the account, and journaled in each', async () => {
    const t = await withCommune();
    const a = t.communeId;
    const b = await secondCommune(t);
    await t.client.call('commune.switch', { communeId: a });
    const both = await createAccount(t.client, 'both', 'conseiller');
    setRole(t.core.workspace, both, b, 'adjoint');
    const r = await t.client.call('users.resetPassword', { userId: both });
    expect(r.ok).toBe(true);
    for (const id of [a, b])
      expect(
        journalActions(t, id).filter((j) => j.action === 'compte.mot-de-passe-reinitialise'),
        id,
      ).toEqual([{ action: 'compte.mot-de-passe-reinitialise', summary: expect.stringContaining('Nom both') }]);
    t.close();
  });
});

describe('users.list', () => {
  it('lists this commune’s accounts only', async () => {
    const t = await withCommune();
    const a = t.communeId;
    await secondCommune(t);
    await createAccount(t.client, 'ailleurs', 'conseiller'); // in the second commune, open now
    await t.client.call('commune.switch', { communeId: a });
    await createAccount(t.client, 'ici', 'conseiller');
    const list = await t.client.call('users.list');
    expect(list.ok && list.value.accounts.map((u) => u.login).sort()).toEqual(['ici', 'secretaire']);
    expect(list.ok && list.value.grantable).toEqual([...ROLES]);
    // an account of the other commune is not reachable from here either
    const other = t.core.workspace.prepare("SELECT id FROM user WHERE login = 'ailleurs'").get() as { id: number };
    const role = await t.client.call('users.setRole', { userId: other.id, role: 'conseiller' });
    expect(!role.ok && role.error.code).toBe('NOT_FOUND');
    const reset = await t.client.call('users.resetPassword', { userId: other.id });
    expect(!reset.ok && reset.error.code).toBe('NOT_FOUND');
    t.close();
  });
});
