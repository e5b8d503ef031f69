/**
 * The BUILT main process (dist/main/electron/main.js) with the REAL core host (dist/main/host/utility.js),
 * on machines without the Electron binary: a fake 'electron' (fake-runtime/) replaces only Electron itself,
 * and utilityProcess is a Node child with a parentPort shim. Checks the bundle's wiring that unit tests
 * cannot: the message protocol with the real core, restart after a real crash, app:// on the built renderer.
 * What it cannot check (real sandbox, real preload in a page, real navigation) is shell.e2e.ts's job.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const mainJs = path.join(root, 'dist/main/electron/main.js');
const missing = ['dist/main/electron/main.js', 'dist/main/host/utility.js'].filter(
  (f) => !fs.existsSync(path.join(root, f)),
);
if (missing.length)
  process.stdout.write(`[e2e/electron bundle] ignoré : ${missing.join(', ')} manque(nt) — lancez npm run build.\n`);

type Msg = { type: string; [k: string]: unknown };

describe.skipIf(missing.length > 0)('built main process with the real core (fake Electron)', () => {
  let proc: ChildProcess;
  let dataDir: string;
  const messages: Msg[] = [];
  let tag = 0;

  const waitFor = (pred: (m: Msg) => boolean, from = 0) =>
    new Promise<Msg>((resolve, reject) => {
      const found = messages.slice(from).find(pred);
      if (found) return resolve(found);
      const onExit = (code: number | null) => reject(new Error(`main exited (${code})`));
      const onMsg = (m: Msg) => {
        if (!pred(m)) return;
        proc.off('message', onMsg);
        proc.off('exit', onExit);
        resolve(m);
      };
      proc.on('message', onMsg);
      proc.once('exit', onExit);
    });
  const call = async (raw: unknown, frame?: { url: string }) => {
    const t = ++tag;
    proc.send({ type: 'call', tag: t, raw, ...(frame ? { frame } : {}) });
    return (await waitFor((m) => m.type === 'reply' && m.tag === t)).reply as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string };
    };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clocher-bundle-e2e-'));
    proc = fork(path.join(__dirname, 'fake-runtime/run-main.cjs'), [mainJs, `--data-dir=${dataDir}`], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    proc.on('message', (m: Msg) => messages.push(m));
    await waitFor((m) => m.type === 'load');
  });

  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    // run-main stops the core on SIGTERM (before-quit); make sure no core host is left behind anyway
    for (const m of messages) {
      if (m.type !== 'fork') continue;
      try {
        process.kill(m.pid as number, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers app:// before ready, forks the core with --data-dir, opens app://clocher/index.html', () => {
    const types = messages.map((m) => m.type);
    expect(types.indexOf('schemes')).toBeLessThan(types.indexOf('protocol'));
    expect(messages.find((m) => m.type === 'fork')).toMatchObject({
      modulePath: path.join(root, 'dist/main/host/utility.js'),
      args: [`--data-dir=${dataDir}`, '--secrets=os'],
    });
    expect(messages.find((m) => m.type === 'window')?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(root, 'dist/preload/index.js'),
    });
    expect(messages.find((m) => m.type === 'load')?.url).toBe('app://clocher/index.html');
  });

  it('a call goes through the guard to the real core and back', async () => {
    const r = await call({ id: 1, name: 'app.status', args: {} });
    expect(r.ok).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'clocher.sqlite'))).toBe(true);
    expect(await call({ id: 2, name: 'auth.login', args: { login: 'x', password: 'y' } })).toMatchObject({ ok: false });
    expect(await call({ id: 3, name: 'db.exec', args: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HANDLER' },
    });
    expect(await call({ id: 4, name: 'app.status', args: {} }, { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
  });

  it('when the core crashes it is restarted, the window is told, and calls work again', async () => {
    const from = messages.length;
    proc.send({ type: 'kill-core' });
    await waitFor((m) => m.type === 'fork', from);
    const told = await waitFor((m) => m.type === 'sent', from);
    expect(told).toMatchObject({ channel: 'clocher:event', message: { event: 'core.restarted' } });
    expect(await call({ id: 5, name: 'app.status', args: {} })).toMatchObject({ ok: true });
  });

  it.skipIf(!fs.existsSync(path.join(root, 'dist/renderer/index.html')))(
    'serves the built renderer on app:// with the CSP, and refuses traversal',
    async () => {
      const get = async (url: string) => {
        const t = ++tag;
        proc.send({ type: 'protocol', tag: t, url });
        return waitFor((m) => m.type === 'response' && m.tag === t);
      };
      expect(await get('app://clocher/index.html')).toMatchObject({
        status: 200,
        csp: expect.stringContaining("default-src 'none'"),
      });
      expect(await get('app://clocher/..%2f..%2fpackage.json')).toMatchObject({ status: 403 });
    },
  );
});
