/**
 * A stand-in for the 'electron' module in the shell's unit tests (the Electron binary cannot be downloaded
 * on our machines). Use:  vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron)
 * Only what the shell uses; every call is recorded for the tests to inspect.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: 'app://clocher/index.html' };
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedURL: string | null = null;
  minimized = false;
  focused = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    electron.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedURL = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {}
  focus() {
    this.focused += 1;
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super();
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  kill() {
    this.killed = true;
    return true;
  }
}

const fakeApp = Object.assign(new EventEmitter(), {
  isPackaged: false,
  paths: new Map<string, string>([['userData', '/tmp/clocher-fake-userdata']]),
  readyResolve: null as null | (() => void),
  ready: null as null | Promise<void>,
  setName: vi.fn(),
  commandLine: { appendSwitch: vi.fn() },
  setPath: vi.fn((name: string, p: string) => fakeApp.paths.set(name, p)),
  getPath: vi.fn((name: string) => fakeApp.paths.get(name) ?? `/tmp/${name}`),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  whenReady: vi.fn(() => {
    fakeApp.ready ??= new Promise<void>((r) => (fakeApp.readyResolve = r));
    return fakeApp.ready;
  }),
});

const fakeSession = {
  permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheckHandler: null as null | ((...a: unknown[]) => boolean),
  devicePermissionHandler: null as null | ((...a: unknown[]) => boolean),
  beforeRequest: null as null | {
    filter: { urls: string[] };
    listener: (d: unknown, cb: (r: { cancel: boolean }) => void) => void;
  },
  setPermissionRequestHandler: vi.fn((h) => (fakeSession.permissionRequestHandler = h)),
  setPermissionCheckHandler: vi.fn((h) => (fakeSession.permissionCheckHandler = h)),
  setDevicePermissionHandler: vi.fn((h) => (fakeSession.devicePermissionHandler = h)),
  webRequest: {
    onBeforeRequest: vi.fn((filter, listener) => (fakeSession.beforeRequest = { filter, listener })),
  },
};

const ipcMainHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
const ipcRendererListeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
const exposed = new Map<string, unknown>();
const forked: FakeUtilityProcess[] = [];

export const electron = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: vi.fn() },
  session: { defaultSession: fakeSession },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
  ipcMain: {
    handlers: ipcMainHandlers,
    handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
      ipcMainHandlers.set(channel, fn),
    ),
  },
  utilityProcess: {
    forked,
    fork: vi.fn((modulePath: string, args: string[], options: unknown) => {
      const p = new FakeUtilityProcess(modulePath, args, options);
      forked.push(p);
      return p;
    }),
  },
  // a reversible stand-in for the OS: XOR and a marker, so a test can tell wrapped bytes from the clear key
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((plain: string) =>
      Buffer.concat([Buffer.from('OS:'), Buffer.from(plain).map((b) => b ^ 0x5a)]),
    ),
    decryptString: vi.fn((wrapped: Buffer) => {
      if (wrapped.subarray(0, 3).toString() !== 'OS:')
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(wrapped.subarray(3).map((b) => b ^ 0x5a)).toString();
    }),
  },
  contextBridge: { exposed, exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  ipcRenderer: {
    listeners: ipcRendererListeners,
    invoke: vi.fn((_channel: string, request: { id: number }) =>
      Promise.resolve({ id: request.id, ok: true, value: 'pong' }),
    ),
    on: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      ipcRendererListeners.set(channel, [...(ipcRendererListeners.get(channel) ?? []), fn]);
    }),
    emit(channel: string, ...args: unknown[]) {
      for (const fn of ipcRendererListeners.get(channel) ?? []) fn({ sender: 'the-ipcRenderer-object' }, ...args);
    },
  },
};
export default electron;
