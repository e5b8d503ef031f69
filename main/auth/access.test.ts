/**
 * Rules the core enforces whatever the window shows: a temporary password allows nothing but its change, and
 * the installation-wide settings belong to whoever manages the whole installation (auth/access.ts).
 */
import { recoverAccount } from '../host/recover';
import { Core } from '../host/core';
import { inProcessClient, type Client } from '../host/inprocess';
import { validElus, validHoraires, validIdentity, withCommune, type TestCore } from '../../test-support/helpers';
import { setRole } from './accounts';

const TEMPORARY = "Changez d'abord votre mot de passe temporaire.";
const pw = 'un mot de passe provisoire';
const newPw = 'mon nouveau mot de passe';

async function create(t: TestCore, login: string, role: 'conseiller' | 'secretaire' | 'support'): Promise<number> {
  const r = await t.client.call('users.create', {
    account: { login, display_name: login, password: pw, password_confirm: pw },
    role,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.userId;
}

async function login(t: TestCore, who: string, password = pw): Promise<Client> {
  const c = inProcessClient(t.core);
  const r = await c.call('auth.login', { login: who, password });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return c;
}

/** A session on a temporary password: every data handler is refused with the same French message. */
async function expectOnlyPasswordChange(c: Client): Promise<void> {
  for (const name of [
    'commune.get',
    'dashboard.get',
    'journal.list',
    'users.list',
    'commune.list',
    'settings.get',
    'conseil.seances',
  ] as const) {
    const r = await c.call(name, {});
    expect(!r.ok && r.error, name).toEqual({ code: 'FORBIDDEN', message: TEMPORARY });
  }
  const add = await c.call('setup.createCommune', {
    identity: { ...validIdentity, code_insee: '45154' },
    horaires: validHoraires,
    elus: validElus,
  });
  expect(!add.ok && add.error.message).toBe(TEMPORARY);
  const st = await c.call('app.status');
  expect(st.ok && st.value.phase === 'ready' && st.value.user.mustChangePassword).toBe(true);
  expect((await c.call('app.activity')).ok).toBe(true);
}

describe('a temporary password allows nothing but changing it', () => {
  it('after creation by someone else', async () => {
    const t = await withCommune();
    await create(t, 'h.lefevre', 'conseiller');
    const c = await login(t, 'h.lefevre');
    await expectOnlyPasswordChange(c);
    expect((await c.call('auth.changePassword', { current: pw, password: newPw, password_confirm: newPw })).ok).toBe(
      true,
    );
    expect((await c.call('commune.get')).ok).toBe(true);
    t.close();
  });

  it('after a reset by the secrétaire, and the lock does not get around it', async () => {
    const t = await withCommune();
    const id = await create(t, 'h.lefevre', 'conseiller');
    const reset = await t.client.call('users.resetPassword', { userId: id });
    const temporary = reset.ok ? reset.value.temporaryPassword : '';
    const c = await login(t, 'h.lefevre', temporary);
    await expectOnlyPasswordChange(c);
    expect((await c.call('auth.lock')).ok).toBe(true);
    expect((await c.call('auth.unlock', { password: temporary })).ok).toBe(true);
    await expectOnlyPasswordChange(c);
    expect((await c.call('auth.logout')).ok).toBe(true);
    t.close();
  });

  it('after a recovery by support (command line)', async () => {
    const t = await withCommune();
    t.close();
    const temporary = await recoverAccount(t.dir, 'secretaire');
    const core = new Core({ dataDir: t.dir, logError: () => undefined });
    const c = inProcessClient(core);
    expect((await c.call('auth.login', { login: 'secretaire', password: temporary })).ok).toBe(true);
    await expectOnlyPasswordChange(c);
    expect(
      (await c.call('auth.changePassword', { current: temporary, password: newPw, password_confirm: newPw })).ok,
    ).toBe(true);
    expect((await c.call('journal.list', {})).ok).toBe(true);
    c.close();
    core.close();
  });
});

describe('installation-wide settings', () => {
  it('the only secrétaire of a one-commune installation changes the lock delay', async () => {
    const t = await withCommune();
    const st = await t.client.call('app.status');
    expect(st.ok && st.value.phase === 'ready' && st.value.user.managesInstallation).toBe(true);
    expect((await t.client.call('settings.set', { lockMinutes: 7 })).ok).toBe(true);
    expect(t.core.lockMinutes()).toBe(7);
    t.close();
  });

  it('the secrétaire of one commune among several cannot; one of every commune, or support of every commune, can', async () => {
    const t = await withCommune();
    const a = t.communeId;
    const add = await t.client.call('setup.createCommune', {
      identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154', siren: '214501546' },
      horaires: validHoraires,
      elus: validElus,
    });
    const b = add.ok ? add.value.communeId : '';
    await create(t, 'secretaire.b', 'secretaire'); // secrétaire of the second commune only
    const supportId = await create(t, 'support', 'support');
    const other = await login(t, 'secretaire.b');
    expect(
      (await other.call('auth.changePassword', { current: pw, password: newPw, password_confirm: newPw })).ok,
    ).toBe(true);
    const st = await other.call('app.status');
    expect(st.ok && st.value.phase === 'ready' && st.value.user.managesInstallation).toBe(false);
    const refused = await other.call('settings.set', { lockMinutes: 120 });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/toutes les communes de cette installation/),
    });
    expect(t.core.lockMinutes()).toBe(10);
    // support of one commune only: refused too; of both: allowed
    const support = await login(t, 'support');
    expect(
      (await support.call('auth.changePassword', { current: pw, password: newPw, password_confirm: newPw })).ok,
    ).toBe(true);
    expect((await support.call('settings.set', { lockMinutes: 30 })).ok).toBe(false);
    setRole(t.core.workspace, supportId, a, 'support');
    expect((await support.call('settings.set', { lockMinutes: 30 })).ok).toBe(true);
    // the secrétaire of both communes
    await t.client.call('commune.switch', { communeId: b });
    expect((await t.client.call('settings.set', { lockMinutes: 15 })).ok).toBe(true);
    expect(t.core.lockMinutes()).toBe(15);
    t.close();
  });
});
