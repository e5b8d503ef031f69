/**
 * Utility-process transport: the core host as Electron's utilityProcess. Plain Node — it does not import
 * 'electron'; Electron gives it `process.parentPort`. Main relays already-validated calls as
 *   { type: 'call', conn, request }   and receives   { type: 'reply', conn, reply } | { type: 'event', conn, event, payload }
 * Arguments: --data-dir=DIR [--provision=FILE] [--secrets=os: ask main for the secrets key, then start]
 */
import { findProvisioningFile } from '../provisioning';
import type { Connection } from '../api/handler';
import { toErrorValue } from '../kernel';
import { Core } from './core';
import { argValue, defaultDataDir } from './paths';

declare const __CLOCHER_VERSION__: string;

interface ParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write('utility.js runs only inside Electron (utilityProcess).\n');
  process.exit(2);
}

const port: ParentPort = parentPort;
const argv = process.argv.slice(2);
let core: Core;
/** osKey: with --secrets=os, the OS-wrapped installation key that main sends (main/electron/secrets.ts). */
function startCore(osKey: Buffer | null): void {
  try {
    core = new Core({
      dataDir: argValue(argv, 'data-dir') ?? defaultDataDir(),
      provisioningPath: argValue(argv, 'provision') ?? findProvisioningFile(argv, process.env, process.cwd()),
      version: typeof __CLOCHER_VERSION__ === 'string' ? __CLOCHER_VERSION__ : 'dev',
      scheduleSync: true,
      installationKey: osKey, // seals the platform secrets and encrypts the databases (main/db/cipher.ts)
    });
  } catch (e) {
    // Restarting cannot help (installation file from a newer Clocher, unreadable folder): main says why at once.
    port.postMessage({ type: 'fatal', error: toErrorValue(e) });
    process.exit(1);
  }
  void core.watchUsb();
  port.postMessage({ type: 'ready' });
}
const connections = new Map<string, Connection>();

function shutdown(): void {
  if (core) core.close(); // may come before the core started (waiting for the secrets key)
  process.exit(0);
}

parentPort.on('message', async ({ data }) => {
  const msg = data as { type?: string; conn?: string; request?: unknown; key?: unknown };
  if (msg?.type === 'secrets')
    return core ? undefined : startCore(typeof msg.key === 'string' ? Buffer.from(msg.key, 'base64') : null);
  if (msg?.type === 'shutdown') return shutdown(); // Windows has no SIGTERM for a child: main asks first
  if (typeof msg?.conn !== 'string') return;
  const key = msg.conn;
  if (msg.type === 'close') {
    const c = connections.get(key);
    if (c) core.disconnect(c);
    connections.delete(key);
    return;
  }
  if (msg.type !== 'call') return;
  let conn = connections.get(key);
  if (!conn) {
    conn = core.connect((event, payload) => parentPort.postMessage({ type: 'event', conn: key, event, payload }));
    connections.set(key, conn);
  }
  const reply = await core.dispatch(conn, msg.request);
  parentPort.postMessage({ type: 'reply', conn: key, reply });
});

process.on('SIGTERM', shutdown);
if (argValue(argv, 'secrets') === 'os') parentPort.postMessage({ type: 'need-secrets' });
else startCore(null);
