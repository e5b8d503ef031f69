/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by Node outside the bundles */
// Runs dist/main/electron/main.js in plain Node with the fake 'electron' above, driven over Node IPC:
//   ← { type: 'call', raw, frame? }  → invokes ipcMain 'clocher:call' as our window's main frame (or `frame`)
//   ← { type: 'protocol', url }       → answers through the app:// handler
//   ← { type: 'kill-core' }           → kills the core host, as a crash would
const Module = require('node:module');
const path = require('node:path');
const fake = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? fake : resolve.call(this, request, ...rest);
};
const electron = require(fake);
require(process.argv[2]);

process.on('message', async (m) => {
  if (m.type === 'call') {
    const wc = electron._windows[0].webContents;
    const frame = m.frame ?? wc.mainFrame;
    const reply = await electron._handlers.get('clocher:call')({ sender: wc, senderFrame: frame }, m.raw);
    process.send({ type: 'reply', tag: m.tag, reply });
  } else if (m.type === 'protocol') {
    const r = await electron._protocol({ url: m.url, method: 'GET' });
    process.send({ type: 'response', tag: m.tag, status: r.status, csp: r.headers.get('content-security-policy') });
  } else if (m.type === 'kill-core') {
    const u = electron._utilities[electron._utilities.length - 1];
    process.kill(u.pid, 'SIGKILL');
  }
});

// Like quitting Electron: main's before-quit stops the core host.
process.on('SIGTERM', () => {
  electron.app.emit('before-quit');
  setTimeout(() => process.exit(0), 300);
});
