/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by Node outside the bundles */
// A minimal 'electron' for running the BUILT main process (dist/main/electron/main.js) in plain Node, with
// utilityProcess backed by child_process.fork so that the real core host (dist/main/host/utility.js) runs.
// Used by bundle.e2e.ts through run-main.cjs; it is not Electron, only enough to check the wiring.
const { EventEmitter } = require('node:events');
const childProcess = require('node:child_process');
const path = require('node:path');

const report = (m) => process.send?.(m);
const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  _paths: { userData: '/nonexistent' },
  setName() {},
  commandLine: { appendSwitch() {} },
  setPath(n, p) {
    app._paths[n] = p;
  },
  getPath(n) {
    return app._paths[n];
  },
  enableSandbox() {},
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit() {
    report({ type: 'quit' });
  },
  exit(code) {
    report({ type: 'exit', code });
  },
});

let nextWc = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextWc++;
    this.mainFrame = { url: 'app://clocher/index.html' };
  }
  setWindowOpenHandler(h) {
    this._open = h;
  }
  send(channel, message) {
    report({ type: 'sent', channel, message });
  }
  isDestroyed() {
    return false;
  }
}
const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    report({ type: 'window', webPreferences: options.webPreferences });
  }
  loadURL(url) {
    report({ type: 'load', url });
    return Promise.resolve();
  }
  once() {
    return this;
  }
  isDestroyed() {
    return false;
  }
}

const handlers = new Map();
const utilities = [];
module.exports = {
  app,
  BrowserWindow,
  Menu: { setApplicationMenu() {} },
  dialog: {
    showErrorBox(t, m) {
      report({ type: 'errorBox', message: m });
    },
    showMessageBoxSync() {
      return 0;
    },
  },
  shell: { openExternal() {} },
  // reversible and marked, never the clear text: enough to check that main wraps the secrets key
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.concat([Buffer.from('OS:'), Buffer.from(plain).map((b) => b ^ 0x5a)]),
    decryptString: (wrapped) => {
      if (wrapped.subarray(0, 3).toString() !== 'OS:')
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(wrapped.subarray(3).map((b) => b ^ 0x5a)).toString();
    },
  },
  protocol: {
    registerSchemesAsPrivileged(s) {
      report({ type: 'schemes', schemes: s });
    },
    handle(scheme, fn) {
      module.exports._protocol = fn;
      report({ type: 'protocol', scheme });
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      webRequest: { onBeforeRequest() {} },
    },
  },
  ipcMain: {
    handle(channel, fn) {
      handlers.set(channel, fn);
    },
  },
  utilityProcess: {
    fork(modulePath, args) {
      const child = childProcess.fork(modulePath, args, {
        execArgv: ['--require', path.join(__dirname, 'parent-port-shim.cjs')],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const u = Object.assign(new EventEmitter(), {
        pid: child.pid,
        postMessage: (m) => child.connected && child.send(m),
        kill: () => child.kill('SIGTERM'),
      });
      child.on('message', (m) => u.emit('message', m));
      child.on('exit', (code, signal) => u.emit('exit', code ?? (signal ? 1 : 0)));
      utilities.push(u);
      report({ type: 'fork', modulePath, args, pid: child.pid });
      return u;
    },
  },
  _handlers: handlers,
  _windows: windows,
  _utilities: utilities,
};
