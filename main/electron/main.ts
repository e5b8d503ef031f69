/**
 * Electron main process: the shell around the core. Glue only — the core runs in a utilityProcess
 * (core-process.ts), the window gets its files from app:// (protocol.ts) and talks to the core only through
 * the checked relay (ipc.ts). Built to dist/main/electron/main.js (package.json "main").
 *
 * Command line: see cli.ts (--provision=FILE, --data-dir=DIR, --recover-account=LOGIN for support).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session, utilityProcess, type WebContents } from 'electron';
import { parseShellArgs, utilityArgs } from './cli';
import { CoreProcess } from './core-process';
import { denyAllPermissions, installWebContentsGuards } from './guards';
import { registerIpc, type Relay } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { runRecovery } from './recover';
import { answerSecretsRequests, osWrappedKey } from './secrets';
import { createMainWindow, focusWindow } from './window';

// dist/main/electron/main.js → dist/
const dist = path.resolve(__dirname, '..', '..');
const files = {
  renderer: path.join(dist, 'renderer'),
  preload: path.join(dist, 'preload', 'index.js'),
  utility: path.join(dist, 'main', 'host', 'utility.js'),
  recover: path.join(dist, 'main', 'host', 'recover.js'),
};

const options = parseShellArgs(process.argv.slice(1), process.env, process.execPath);
app.setName('Clocher');
// French date pickers and number formats whatever the Windows language (a support PC may be in English).
app.commandLine.appendSwitch('lang', 'fr-FR');
if (options.dataDir) app.setPath('userData', options.dataDir); // tests and support: a whole separate profile
const dataDir = () => options.dataDir ?? app.getPath('userData');

app.enableSandbox();
registerAppScheme();
installWebContentsGuards(app);

if (options.recoverLogin) {
  const login = options.recoverLogin;
  void app.whenReady().then(async () => app.exit(await runRecovery(files.recover, dataDir(), login)));
} else if (!app.requestSingleInstanceLock()) {
  app.quit(); // Clocher is already open: that instance gets 'second-instance' and comes to the front
} else {
  startShell();
}

function startShell(): void {
  let win: BrowserWindow | null = null;
  let relay: Relay | null = null;
  let secretsKey: Buffer | null | undefined; // read after 'ready' (safeStorage needs it), once

  const core = new CoreProcess({
    spawn: () => {
      // --secrets=os: the core waits for the OS-wrapped key before opening anything (main/host/utility.ts)
      const child = utilityProcess.fork(
        files.utility,
        [...utilityArgs(dataDir(), options.provisioning), '--secrets=os'],
        {
          serviceName: 'Clocher – moteur',
          stdio: 'inherit',
        },
      );
      answerSecretsRequests(child, () =>
        secretsKey === undefined ? (secretsKey = osWrappedKey(dataDir(), safeStorage)) : secretsKey,
      );
      return child;
    },
    onEvent: (conn, event, payload) => relay?.sendEvent(conn, event, payload),
    onRestarted: (message) => relay?.broadcast('core.restarted', { message }),
    onGiveUp: (message) => {
      dialog.showErrorBox('Clocher', message);
      app.quit();
    },
  });

  app.on('second-instance', () => focusWindow(win));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => core.stop());

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    handleAppProtocol(files.renderer);
    if (app.isPackaged) Menu.setApplicationMenu(null);
    core.start();
    relay = registerIpc(core, (wc: WebContents) => !!win && !win.isDestroyed() && wc === win.webContents);
    win = createMainWindow({ preload: files.preload, devTools: !app.isPackaged });
    win.on('closed', () => (win = null));
  });
}
