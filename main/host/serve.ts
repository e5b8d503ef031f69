/**
 * Start the core host on loopback and print its address. Used by `npm start` where no Electron binary
 * exists (it then opens Chromium in --app mode), by `npm run dev`, and by the end-to-end tests.
 *   node dist/main/host/serve.js --data-dir=DIR [--renderer=DIR] [--port=N] [--provision=FILE] [--token-stdin]
 * Prints one JSON line {"url": …} on stdout when ready. The per-run token is made here and leaves only in that
 * line, on the pipe to whoever started us: never on a command line, which every local user can read (`ps`).
 * Whoever opens a browser must not put it on the browser's either (scripts/launch-page.mjs).
 * --token-stdin: the token is the first line on stdin instead (scripts/start.mjs restarts a host that died on
 * the same port with the same token, so the open window reconnects).
 */
import path from 'node:path';
import { findProvisioningFile } from '../provisioning';
import { Core } from './core';
import { startLoopback } from './loopback';
import { argValue, defaultDataDir } from './paths';

declare const __CLOCHER_VERSION__: string;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = argValue(argv, 'data-dir') ?? defaultDataDir();
  const rendererDir = argValue(argv, 'renderer') ?? path.join(__dirname, '..', '..', 'renderer');
  const fixedNow = process.env.CLOCHER_FAKE_NOW; // tests only: a fixed "today"
  const offset = fixedNow ? Date.parse(fixedNow) - Date.now() : 0;
  const core = new Core({
    dataDir,
    provisioningPath: findProvisioningFile(argv, process.env, process.cwd()),
    version: typeof __CLOCHER_VERSION__ === 'string' ? __CLOCHER_VERSION__ : 'dev',
    scheduleSync: true,
    clock: () => new Date(Date.now() + offset),
  });
  const token = argv.includes('--token-stdin') ? await firstLine(process.stdin) : undefined;
  if (token !== undefined && !/^[A-Za-z0-9_-]{32,}$/.test(token))
    throw new Error('jeton de liaison invalide (--token-stdin)');
  const server = await startLoopback(core, rendererDir, Number(argValue(argv, 'port') ?? 0), token);
  void core.watchUsb();
  const stop = async () => {
    await server.close();
    core.close();
    process.exit(0);
  };
  // before the ready line: whoever reads it may stop us at once, and the databases must still be closed
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ url: server.url, origin: server.origin, dataDir, pid: process.pid })}\n`);
}

function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (d: Buffer | string) => {
      text += String(d);
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      input.off('data', onData);
      input.pause();
      resolve(text.slice(0, nl).trim());
    };
    input.on('data', onData);
    input.once('end', () => reject(new Error('jeton de liaison absent (--token-stdin)')));
  });
}

main().catch((e) => {
  process.stderr.write(`Clocher n'a pas pu démarrer : ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
