import { electron } from '../test-support/fake-electron';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).electron);

type Bridge = { call(name: unknown, args: unknown): Promise<unknown>; on(event: unknown, cb: unknown): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('./index');
  bridge = electron.contextBridge.exposed.get('clocher') as Bridge;
});

describe('preload: window.clocher', () => {
  it('exposes exactly one global, clocher, with exactly call and on', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['clocher']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    for (const v of Object.values(bridge)) {
      expect(typeof v).toBe('function');
      expect(v).not.toBe(electron.ipcRenderer.invoke);
      expect(v).not.toBe(electron.ipcRenderer.on);
    }
  });

  it('call sends {id, name, args} on clocher:call, with a fresh id each time', async () => {
    await expect(bridge.call('app.status', {})).resolves.toMatchObject({ ok: true, value: 'pong' });
    await bridge.call('auth.login', { login: 'marie', password: 'x' });
    const [a, b] = electron.ipcRenderer.invoke.mock.calls.map((c) => c as unknown[]);
    expect(a![0]).toBe('clocher:call');
    expect(a![1]).toMatchObject({ name: 'app.status', args: {} });
    expect(b![1]).toMatchObject({ name: 'auth.login', args: { login: 'marie', password: 'x' } });
    expect((b![1] as { id: number }).id).toBeGreaterThan((a![1] as { id: number }).id);
  });

  it('call turns a failed invoke into an error value', async () => {
    electron.ipcRenderer.invoke.mockImplementationOnce(() => Promise.reject(new Error('boom')));
    await expect(bridge.call('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('on refuses unknown events and non-functions', () => {
    expect(() => bridge.on('ipc.anything', () => undefined)).toThrow(/inconnu/);
    expect(() => bridge.on('__proto__', () => undefined)).toThrow();
    expect(() => bridge.on('session.locked', 'not a function')).toThrow();
  });

  it('on delivers the payload only (never Electron’s event object), and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.on('session.locked', (...args: unknown[]) => got.push(args));
    electron.ipcRenderer.emit('clocher:event', { event: 'session.locked', payload: { reason: 'inactivite' } });
    electron.ipcRenderer.emit('clocher:event', { event: 'commune.changed', payload: {} });
    expect(got).toEqual([[{ reason: 'inactivite' }]]);
    off();
    electron.ipcRenderer.emit('clocher:event', { event: 'session.locked', payload: {} });
    expect(got).toHaveLength(1);
  });

  it('listens on one channel only', () => {
    expect([...electron.ipcRenderer.listeners.keys()]).toEqual(['clocher:event']);
  });
});
