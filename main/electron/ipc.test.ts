import { api, EVENTS, type HandlerName } from '../api/schemas';
import type { Reply } from '../api/types';
import type { CoreProcess } from './core-process';
import { electron, FakeWebContents } from '../../test-support/fake-electron';
import { CALL_CHANNEL, EVENT_CHANNEL, registerIpc } from './ipc';

vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron);

function setup() {
  const calls: { conn: string; request: unknown }[] = [];
  const closed: string[] = [];
  const core = {
    call: vi.fn(async (conn: string, request: { id: number }) => {
      calls.push({ conn, request });
      return { id: request.id, ok: true, value: 'relayed' } as Reply;
    }),
    close: vi.fn((conn: string) => closed.push(conn)),
  } as unknown as CoreProcess;
  const win = new FakeWebContents();
  const relay = registerIpc(core, (wc) => wc === (win as unknown));
  const handler = electron.ipcMain.handlers.get(CALL_CHANNEL)!;
  const invoke = (raw: unknown, sender: FakeWebContents = win, frame: { url: string } | null = sender.mainFrame) =>
    handler({ sender, senderFrame: frame }, raw) as Promise<Reply>;
  return { core, calls, closed, win, relay, invoke };
}

describe('IPC relay', () => {
  it('registers exactly one channel, clocher:call', () => {
    setup();
    expect([...electron.ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('relays a good call from our window to the core, one connection per page', async () => {
    const { invoke, calls } = setup();
    await expect(invoke({ id: 1, name: 'app.status', args: {} })).resolves.toEqual({
      id: 1,
      ok: true,
      value: 'relayed',
    });
    await invoke({ id: 2, name: 'app.status', args: {} });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.conn).toBe(calls[1]!.conn);
  });

  it('refuses, without relaying, a subframe, another webContents, a foreign URL, an unknown handler, bad arguments', async () => {
    const { invoke, calls, win } = setup();
    const sub = { url: 'app://clocher/index.html' }; // same URL, but not the main frame object
    expect((await invoke({ id: 1, name: 'app.status', args: {} }, win, sub)) as unknown).toMatchObject({
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    expect(await invoke({ id: 1, name: 'app.status', args: {} }, new FakeWebContents())).toMatchObject({
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    expect(await invoke({ id: 1, name: 'app.status', args: {} }, win, null)).toMatchObject({
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    win.mainFrame.url = 'https://evil.example/';
    expect(await invoke({ id: 1, name: 'app.status', args: {} })).toMatchObject({
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    win.mainFrame.url = 'app://clocher/index.html';
    expect(await invoke({ id: 1, name: 'nope', args: {} })).toMatchObject({ error: { code: 'UNKNOWN_HANDLER' } });
    expect(await invoke({ id: 1, name: 'app.status', args: { x: 1 } })).toMatchObject({ error: { code: 'INVALID' } });
    expect(await invoke({ id: 'x', name: 'app.status' })).toMatchObject({ error: { code: 'INVALID' } });
    expect(calls).toHaveLength(0);
  });

  it('contract: every handler of the contract is relayed once its arguments pass', async () => {
    const { invoke, calls } = setup();
    const names = Object.keys(api) as HandlerName[];
    for (const name of names) {
      // The guard's only per-handler knowledge is the contract's own schema: make it pass.
      const schema = (api as Record<string, { args: { safeParse: (v: unknown) => unknown } }>)[name]!.args;
      const spy = vi.spyOn(schema, 'safeParse').mockReturnValue({ success: true, data: {} } as never);
      await expect(invoke({ id: 1, name, args: {} })).resolves.toMatchObject({ ok: true });
      spy.mockRestore();
    }
    expect(calls.map((c) => (c.request as { name: string }).name)).toEqual(names);
  });

  it('sends core events to the page of that connection only, and closes the connection on reload', async () => {
    const { invoke, calls, relay, win, closed } = setup();
    await invoke({ id: 1, name: 'app.status', args: {} });
    const conn = calls[0]!.conn;
    relay.sendEvent(conn, 'session.locked', { reason: 'inactivite' });
    relay.sendEvent('someone-else', 'session.locked', {});
    expect(win.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { event: 'session.locked', payload: { reason: 'inactivite' } } },
    ]);
    relay.broadcast(EVENTS[1], { message: 'x' });
    expect(win.sent).toHaveLength(2);
    win.emit('did-navigate');
    expect(closed).toEqual([conn]);
    await invoke({ id: 2, name: 'app.status', args: {} });
    expect(calls[1]!.conn).not.toBe(conn);
  });
});

it('does not pile up listeners across reloads', async () => {
  const { invoke, win } = setup();
  for (let i = 0; i < 20; i++) {
    await invoke({ id: i, name: 'app.status', args: {} });
    win.emit('did-navigate');
  }
  expect(win.listenerCount('destroyed')).toBe(0);
  expect(win.listenerCount('did-navigate')).toBe(0);
});
