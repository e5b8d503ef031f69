import { electron, FakeBrowserWindow, type FakeWebContents } from '../../test-support/fake-electron';
import { denyAllPermissions, installWebContentsGuards } from './guards';
import { createMainWindow, focusWindow } from './window';

vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron);

installWebContentsGuards(electron.app as never);

function newWindow(devTools = true) {
  const win = createMainWindow({ preload: '/app/dist/preload/index.js', devTools }) as unknown as FakeBrowserWindow;
  return { win, contents: win.webContents as FakeWebContents };
}

function navigation(contents: FakeWebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('the window', () => {
  it('is isolated and sandboxed, without Node, with our preload, and loads app://clocher/index.html', () => {
    const { win } = newWindow();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(win.loadedURL).toBe('app://clocher/index.html');
  });

  it('has no devtools in a packaged build', () => {
    expect((newWindow(false).win.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });

  it('comes back to the front on a second launch', () => {
    const { win } = newWindow();
    win.minimized = true;
    focusWindow(win as never);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
    expect(() => focusWindow(null)).not.toThrow();
  });
});

describe('navigation and new windows', () => {
  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'http://127.0.0.1:8080/',
    'app://other/index.html',
    'javascript:alert(1)',
  ])('will-navigate and will-redirect to %s are prevented', (url) => {
    const { contents } = newWindow();
    expect(navigation(contents, 'will-navigate', url)).toBe(true);
    expect(navigation(contents, 'will-redirect', url)).toBe(true);
  });

  it('navigation inside app://clocher is allowed', () => {
    const { contents } = newWindow();
    expect(navigation(contents, 'will-navigate', 'app://clocher/index.html')).toBe(false);
  });

  it('window.open is always denied; only an https link is handed to the user’s browser', () => {
    const { contents } = newWindow();
    electron.shell.openExternal.mockClear();
    for (const url of [
      'https://www.legifrance.gouv.fr/',
      'app://clocher/index.html',
      'file:///C:/x',
      'http://example.org/',
      'https://u:p@evil.example/',
    ]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://www.legifrance.gouv.fr/']]);
  });

  it('webviews are refused', () => {
    const { contents } = newWindow();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('permissions and network', () => {
  const s = electron.session.defaultSession;
  denyAllPermissions(s as never);

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'the permission %s is denied',
    (permission) => {
      const cb = vi.fn();
      s.permissionRequestHandler!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheckHandler!({}, permission, 'app://clocher')).toBe(false);
    },
  );

  it('only our page may write to the clipboard (« Copier » the diagnostics); nobody reads it', () => {
    expect(s.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://clocher')).toBe(true);
    expect(s.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    const cb = vi.fn();
    s.permissionRequestHandler!({ getURL: () => 'app://clocher/index.html' }, 'clipboard-sanitized-write', cb);
    expect(cb).toHaveBeenCalledWith(true);
  });

  it('device permissions are denied and network requests are cancelled', () => {
    expect(s.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    expect(s.beforeRequest!.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const cb = vi.fn();
    s.beforeRequest!.listener({ url: 'https://evil.example/x.js' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
  });
});
