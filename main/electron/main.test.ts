/** The whole shell, wired as in Electron, with 'electron' replaced by a recording fake. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reply } from '../api/types';
import { RESTARTED_MESSAGE } from './core-process';
import { electron, FakeBrowserWindow, type FakeUtilityProcess } from '../../test-support/fake-electron';

vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-main-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const flush = () => new Promise((r) => setTimeout(r, 0));
const core = () => electron.utilityProcess.forked[electron.utilityProcess.forked.length - 1] as FakeUtilityProcess;

beforeAll(async () => {
  vi.stubEnv('CLOCHER_DATA_DIR', dataDir);
  await import('./main');
  expect(electron.app.enableSandbox).toHaveBeenCalled();
  expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled(); // before 'ready', as Electron requires
  expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  electron.app.readyResolve!();
  await flush();
});
afterAll(() => vi.unstubAllEnvs());

describe('main process', () => {
  it('takes the single-instance lock and uses the given data folder', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
  });

  it('on ready: permissions denied, app:// handled, core forked with --data-dir, one window on app://clocher', () => {
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(core().modulePath.endsWith(path.join('main', 'host', 'utility.js'))).toBe(true);
    expect(core().args).toEqual([`--data-dir=${dataDir}`, '--secrets=os']);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]!.loadedURL).toBe('app://clocher/index.html');
    expect(
      (FakeBrowserWindow.created[0]!.options.webPreferences as { preload: string }).preload.endsWith(
        path.join('preload', 'index.js'),
      ),
    ).toBe(true);
  });

  it('answers the core’s request for the secrets key with the OS-wrapped key, kept 0600 in the data folder', () => {
    const child = core();
    child.emit('message', { type: 'need-secrets' });
    const answer = child.posted.find((m) => (m as { type?: string }).type === 'secrets') as { key: string };
    const key = Buffer.from(answer.key, 'base64');
    expect(key).toHaveLength(32);
    const file = path.join(dataDir, 'cle-secrets.protegee');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).includes(Buffer.from(answer.key))).toBe(false); // only the wrapped form on disk
    expect(electron.safeStorage.decryptString(fs.readFileSync(file))).toBe(answer.key);
    child.posted.splice(child.posted.indexOf(answer), 1); // the next tests read posted[0]
  });

  it('a second launch focuses the window', () => {
    const win = FakeBrowserWindow.created[0]!;
    const before = win.focused;
    electron.app.emit('second-instance');
    expect(win.focused).toBe(before + 1);
  });

  it('relays a call to the core; a crash answers CORE_RESTARTED, restarts the core, and tells the window', async () => {
    const win = FakeBrowserWindow.created[0]!;
    const contents = win.webContents;
    const invoke = (raw: unknown) =>
      electron.ipcMain.handlers.get('clocher:call')!(
        { sender: contents, senderFrame: contents.mainFrame },
        raw,
      ) as Promise<Reply>;
    const first = core();
    first.emit('message', { type: 'ready' });

    const ok = invoke({ id: 1, name: 'app.status', args: {} });
    await flush();
    const sent = first.posted[0] as { type: string; conn: string; request: { id: number; name: string } };
    expect(sent).toMatchObject({ type: 'call', request: { name: 'app.status', args: {} } });
    first.emit('message', {
      type: 'reply',
      conn: sent.conn,
      reply: { id: sent.request.id, ok: true, value: { ready: true } },
    });
    await expect(ok).resolves.toEqual({ id: 1, ok: true, value: { ready: true } });

    const lost = invoke({ id: 2, name: 'app.status', args: {} });
    await flush();
    first.emit('exit', 9);
    await expect(lost).resolves.toMatchObject({ id: 2, ok: false, error: { code: 'CORE_RESTARTED' } });
    await vi.waitFor(() => expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(2), { timeout: 2000 });
    core().emit('message', { type: 'ready' });
    expect(contents.sent).toContainEqual({
      channel: 'clocher:event',
      message: { event: 'core.restarted', payload: { message: RESTARTED_MESSAGE } },
    });
  });

  it('stops the core on quit: asks it to close its databases, then makes sure it is gone', () => {
    vi.useFakeTimers();
    try {
      const child = core();
      electron.app.emit('before-quit');
      expect(child.posted).toContainEqual({ type: 'shutdown' });
      vi.advanceTimersByTime(2000);
      expect(child.killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
