import { implementations } from '../host/registry';
import { api, EVENTS, isHandlerName } from './schemas';
import { testCore, withCommune } from '../../test-support/helpers';

describe('contract', () => {
  it('every handler has a schema and an implementation, and nothing else is reachable', () => {
    expect(Object.keys(implementations).sort()).toEqual(Object.keys(api).sort());
    for (const [name, def] of Object.entries(api)) {
      expect(typeof (implementations as Record<string, unknown>)[name]).toBe('function');
      expect(def.args).toBeDefined();
    }
    expect(isHandlerName('toString')).toBe(false);
    expect(isHandlerName('__proto__')).toBe(false);
    expect(EVENTS).toContain('session.locked');
  });

  it('the core refuses unknown handlers, malformed messages and bad arguments, as values', async () => {
    const t = testCore();
    const conn = t.core.connect(() => undefined);
    const unknown = await t.core.dispatch(conn, { id: 1, name: 'constructor', args: {} });
    expect(unknown).toMatchObject({ id: 1, ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    const malformed = await t.core.dispatch(conn, 'DROP TABLE journal');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    const extra = await t.core.dispatch(conn, {
      id: 2,
      name: 'auth.login',
      args: { login: 'a', password: 'b', admin: true },
    });
    expect(extra).toMatchObject({ id: 2, ok: false, error: { code: 'INVALID' } });
    const wrongType = await t.core.dispatch(conn, { id: 3, name: 'journal.list', args: { limit: 'all' } });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    t.close();
  });

  it('nothing but public handlers answers before login', async () => {
    const t = await withCommune();
    await t.client.call('auth.logout');
    const publicNames = Object.entries(api)
      .filter(([, d]) => d.access === 'public')
      .map(([n]) => n);
    expect(publicNames.sort()).toEqual(
      [
        'app.status',
        'auth.login',
        'auth.logout',
        'auth.unlock',
        'setup.createCommune',
        'setup.provisioning',
        'setup.validateStep',
      ].sort(),
    );
    for (const name of Object.keys(api).filter((n) => !publicNames.includes(n))) {
      const r = await t.core.dispatch(
        t.core.connect(() => undefined),
        { id: 1, name, args: {} },
      );
      expect(r.ok, name).toBe(false);
      expect(!r.ok && ['NOT_AUTHENTICATED', 'INVALID'].includes(r.error.code), name).toBe(true);
    }
    // after first run, creating a commune needs a logged-in secrétaire
    const r = await t.client.call('setup.createCommune', { identity: {}, horaires: [], elus: [] });
    expect(!r.ok && r.error.code).toBe('NOT_AUTHENTICATED');
    t.close();
  });

  it('an unexpected error never shows a stack or SQL to the user', async () => {
    const t = await withCommune();
    const logged: unknown[] = [];
    (t.core as unknown as { logError: (e: unknown) => void }).logError = (e) => logged.push(e);
    t.core.communes.get(t.communeId).db.exec('DROP TABLE todo');
    const r = await t.client.call('dashboard.get');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/^Une erreur inattendue/) },
    });
    expect(JSON.stringify(r)).not.toMatch(/todo|SQLITE|at /);
    expect(logged).toHaveLength(1);
    t.close();
  });
});
