import { recoverAccount } from '../host/recover';
import { Core } from '../host/core';
import { inProcessClient } from '../host/inprocess';
import { validAccount, validElus, validHoraires, validIdentity, withCommune } from '../../test-support/helpers';

describe('login, slowdown, recovery', () => {
  it('logs in, and says the same thing for an unknown login and a wrong password', async () => {
    const t = await withCommune();
    await t.client.call('auth.logout');
    const unknown = await t.client.call('auth.login', { login: 'personne', password: 'x' });
    const wrong = await t.client.call('auth.login', { login: 'secretaire', password: 'pas le bon' });
    expect(!unknown.ok && unknown.error.message).toBe('Identifiant ou mot de passe incorrect.');
    expect(!wrong.ok && wrong.error.message).toBe('Identifiant ou mot de passe incorrect.');
    const ok = await t.client.call('auth.login', { login: 'SECRETAIRE', password: validAccount.password });
    expect(ok.ok && ok.value.communeId).toBe(t.communeId);
    t.close();
  });

  it('slows down after 3 wrong passwords, never locks for good', async () => {
    const t = await withCommune();
    await t.client.call('auth.logout');
    for (let i = 0; i < 2; i++) await t.client.call('auth.login', { login: 'secretaire', password: 'faux' });
    const third = await t.client.call('auth.login', { login: 'secretaire', password: 'faux' });
    expect(!third.ok && third.error.message).toMatch(/attendez 30 secondes avant le prochain essai/);
    // even the right password waits
    const blocked = await t.client.call('auth.login', { login: 'secretaire', password: validAccount.password });
    expect(!blocked.ok && blocked.error).toMatchObject({
      code: 'THROTTLED',
      message: expect.stringMatching(/Mot de passe oublié : appelez le support/),
    });
    t.setNow('2026-11-23T09:00:31Z');
    const after = await t.client.call('auth.login', { login: 'secretaire', password: validAccount.password });
    expect(after.ok).toBe(true);
    // failed attempts are in the installation journal, without the password typed
    const lines = t.core.workspace.prepare("SELECT summary FROM journal WHERE action = 'connexion.echec'").all() as {
      summary: string;
    }[];
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(lines)).not.toContain('faux');
    t.close();
  });

  it('support recovery sets a temporary password that must be changed', async () => {
    const t = await withCommune();
    t.close();
    const temporary = await recoverAccount(t.dir, 'secretaire');
    const core = new Core({ dataDir: t.dir });
    const c = inProcessClient(core);
    const r = await c.call('auth.login', { login: 'secretaire', password: temporary });
    expect(r.ok).toBe(true);
    const s = await c.call('app.status');
    expect(s.ok && s.value.phase === 'ready' && s.value.user.mustChangePassword).toBe(true);
    const short = await c.call('auth.changePassword', {
      current: temporary,
      password: 'court',
      password_confirm: 'court',
    });
    expect(!short.ok && short.error.fields).toEqual({ password: expect.stringMatching(/10 caractères/) }); // shown under the new password's field
    const ch = await c.call('auth.changePassword', {
      current: temporary,
      password: 'un nouveau mot de passe',
      password_confirm: 'un nouveau mot de passe',
    });
    expect(ch.ok).toBe(true);
    await expect(recoverAccount(t.dir, 'inconnu')).rejects.toThrow(/Aucun compte « inconnu ».*secretaire/);
    c.close();
    core.close();
  });
});

describe('lock', () => {
  it('locks on demand; only the password unlocks; calls are refused meanwhile', async () => {
    const t = await withCommune();
    await t.client.call('auth.lock');
    const refused = await t.client.call('dashboard.get');
    expect(!refused.ok && refused.error.code).toBe('SESSION_LOCKED');
    const st = await t.client.call('app.status');
    expect(st.ok && st.value.phase).toBe('locked');
    expect((await t.client.call('auth.unlock', { password: 'faux' })).ok).toBe(false);
    expect((await t.client.call('auth.unlock', { password: validAccount.password })).ok).toBe(true);
    expect((await t.client.call('dashboard.get')).ok).toBe(true);
    const journal = await t.client.call('journal.list', {});
    expect(journal.ok && journal.value.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['session.verrouillee', 'session.deverrouillee']),
    );
    t.close();
  });

  it('locks by itself after the configured inactivity and tells the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const t = await withCommune();
      expect((await t.client.call('settings.set', { lockMinutes: 5 })).ok).toBe(true);
      vi.advanceTimersByTime(4 * 60_000);
      await t.client.call('app.activity');
      vi.advanceTimersByTime(4 * 60_000);
      expect(t.client.events.some((e) => e.event === 'session.locked')).toBe(false);
      vi.advanceTimersByTime(2 * 60_000);
      expect(t.client.events.some((e) => e.event === 'session.locked')).toBe(true);
      expect((await t.client.call('commune.get')).ok).toBe(false);
      t.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('roles', () => {
  it('an élu account reads but cannot edit the commune, nor read the journal', async () => {
    const t = await withCommune();
    const created = await t.client.call('users.create', {
      account: {
        login: 'h.lefevre',
        display_name: 'Hélène Lefèvre',
        password: 'le conseil se réunit',
        password_confirm: 'le conseil se réunit',
      },
      role: 'conseiller',
    });
    expect(created.ok).toBe(true);
    await t.client.call('auth.logout');
    expect((await t.client.call('auth.login', { login: 'h.lefevre', password: 'le conseil se réunit' })).ok).toBe(true);
    await t.client.call('auth.changePassword', {
      current: 'le conseil se réunit',
      password: 'mon propre mot de passe',
      password_confirm: 'mon propre mot de passe',
    });
    expect((await t.client.call('commune.get')).ok).toBe(true);
    const edit = await t.client.call('commune.setHoraires', { horaires: validHoraires });
    expect(!edit.ok && edit.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Votre rôle/) });
    expect((await t.client.call('journal.list', {})).ok).toBe(false);
    t.close();
  });

  it('the commune keeps at least one secrétaire, and nobody changes their own role', async () => {
    const t = await withCommune();
    const users = await t.client.call('users.list');
    const me = users.ok ? users.value.accounts.find((u) => u.login === 'secretaire')! : null;
    const r = await t.client.call('users.setRole', { userId: me!.id, role: 'conseiller' });
    expect(!r.ok && r.error.message).toMatch(/propre rôle/);
    t.close();
  });
});

describe('several communes in one installation', () => {
  it('switches in one call, and nothing leaks between communes', async () => {
    const t = await withCommune();
    const second = await t.client.call('setup.createCommune', {
      identity: { ...validIdentity, nom: 'Germigny-des-Prés', code_insee: '45154', siren: '214501546' },
      horaires: [{ weekday: 5, period: 'matin' }],
      elus: validElus,
    });
    expect(second.ok).toBe(true);
    const secondId = second.ok ? second.value.communeId : '';
    expect(secondId).toBe('45154-germigny-des-pres');
    // the new commune is now open
    const dossier2 = await t.client.call('commune.get');
    expect(dossier2.ok && dossier2.value.identity.nom).toBe('Germigny-des-Prés');
    await t.client.call('commune.saveElu', {
      id: null,
      elu: {
        civilite: 'M.',
        nom: 'Seulement-Ici',
        prenom: 'Jérôme',
        fonction: 'conseiller',
        mandat_debut: '2026-03-28',
      },
    });

    const switched = await t.client.call('commune.switch', { communeId: t.communeId });
    expect(switched.ok).toBe(true);
    const dossier1 = await t.client.call('commune.get');
    expect(dossier1.ok && dossier1.value.identity.nom).toBe('Saint-Benoît-sur-Loire');
    expect(dossier1.ok && dossier1.value.elus.map((e) => e.nom)).not.toContain('Seulement-Ici');
    const j1 = await t.client.call('journal.list', { text: 'Seulement-Ici' });
    expect(j1.ok && j1.value.total).toBe(0);
    const j1all = await t.client.call('journal.list', {});
    expect(j1all.ok && j1all.value.rows[0]?.action).toBe('session.changement-commune');
    // separate files
    expect(t.core.communes.fileOf(secondId)).not.toBe(t.core.communes.fileOf(t.communeId));
    const list = await t.client.call('commune.list');
    expect(list.ok && list.value.map((c) => c.nom)).toEqual(['Germigny-des-Prés', 'Saint-Benoît-sur-Loire']);
    // a commune the user has no role in is refused
    const foreign = await t.client.call('commune.switch', { communeId: '45999-ailleurs' });
    expect(!foreign.ok && foreign.error.code).toBe('FORBIDDEN');
    t.close();
  });

  it('refuses to create the same commune twice, and an élu cannot add a commune', async () => {
    const t = await withCommune();
    const again = await t.client.call('setup.createCommune', {
      identity: validIdentity,
      horaires: validHoraires,
      elus: validElus,
    });
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/existe déjà/) });
    t.close();
  });
});

describe('an élu’s own account', () => {
  it('is linked to its élu; he signs as himself only, never with another person’s key', async () => {
    const t = await withCommune();
    const dossier = await t.client.call('commune.get');
    const elus = dossier.ok ? dossier.value.elus : [];
    const maire = elus.find((e) => e.fonction === 'maire' && !e.mandat_fin)!;
    const adjoint = elus.find((e) => e.fonction === 'adjoint')!;
    const refused = await t.client.call('users.create', {
      account: {
        login: 'agent',
        display_name: 'Agent',
        password: 'un mot de passe long',
        password_confirm: 'un mot de passe long',
      },
      role: 'secretaire',
      eluId: maire.id,
    });
    expect(!refused.ok && refused.error.message).toMatch(/Seul un compte de maire/);
    const created = await t.client.call('users.create', {
      account: {
        login: 'h.lefevre',
        display_name: 'Hélène Lefèvre',
        password: 'le conseil se réunit',
        password_confirm: 'le conseil se réunit',
      },
      role: 'maire',
      eluId: maire.id,
    });
    expect(created.ok).toBe(true);
    await t.client.call('auth.logout');
    await t.client.call('auth.login', { login: 'h.lefevre', password: 'le conseil se réunit' });
    await t.client.call('auth.changePassword', {
      current: 'le conseil se réunit',
      password: 'mon propre mot de passe',
      password_confirm: 'mon propre mot de passe',
    });
    const st = await t.client.call('app.status');
    expect(st.ok && st.value.phase === 'ready' && st.value.user.eluId).toBe(maire.id);
    // signing for the adjoint with the maire's account is refused before any token is touched
    const other = await t.client.call('parapheur.sessionStart', {
      slotId: '00',
      certificateId: '01',
      pin: '1234',
      signataire: { eluId: adjoint.id },
    });
    expect(!other.ok && other.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/seule votre propre clé/),
    });
    t.close();
  });
});
