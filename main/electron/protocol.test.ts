import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSP } from '../host/csp';
import { electron } from '../../test-support/fake-electron';
import { ELECTRON_CSP, handleAppProtocol, registerAppScheme, resolveAppFile, serveAppRequest } from './protocol';

vi.mock('electron', async () => (await import('../../test-support/fake-electron')).electron);

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-protocol-'));
const root = path.join(base, 'renderer');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Clocher</title>');
fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
fs.mkdirSync(path.join(base, 'renderer-evil'));
fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered privileged (standard, secure, fetch) and handled', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    handleAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves files of dist/renderer', () => {
    expect(resolveAppFile(root, 'app://clocher/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://clocher/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://clocher/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://clocher/parametres')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://clocher/..%2fsecret.txt',
    'app://clocher/%2e%2e%2fsecret.txt',
    'app://clocher/assets/..%2f..%2fsecret.txt',
    'app://clocher/..%5csecret.txt',
    'app://clocher/..%2frenderer-evil%2fx.js',
    'app://clocher/index.html%00.png',
    'app://clocher/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
    expect((await serveAppRequest(root, { url, method: 'GET' })).status).toBe(403);
  });

  it('keeps a dot-dot URL inside the folder (the URL parser resolves it before we see it)', () => {
    const f = resolveAppFile(root, 'app://clocher/../../secret.txt');
    expect(f === null || f.startsWith(root + path.sep)).toBe(true);
  });

  it('answers with the CSP, the content type and nosniff', async () => {
    const r = await serveAppRequest(root, { url: 'app://clocher/assets/app.js', method: 'GET' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toBe('console.log(1)');
    const html = await serveAppRequest(root, { url: 'app://clocher/index.html', method: 'GET' });
    expect(html.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
  });

  it('404 for a missing file, 405 for anything but GET/HEAD', async () => {
    expect((await serveAppRequest(root, { url: 'app://clocher/assets/missing.js', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://clocher/assets', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://clocher/index.html', method: 'POST' })).status).toBe(405);
  });

  it('the Electron CSP is the shared one without the loopback WebSocket', () => {
    expect(ELECTRON_CSP).not.toMatch(/ws:/);
    expect(ELECTRON_CSP).toContain("connect-src 'self'");
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP.split('; ')).toHaveLength(CSP.split('; ').length);
  });
});
