/**
 * Run the fake S²LOW by hand (e2e, manual tests):
 *   npx jiti e2e/fakes/s2low/cli.ts [--port=8443] [--dir=/tmp/fake-s2low] [--latency=300] [--fail=0.05]
 * Writes ca.pem, client.p12 (password printed) into --dir, prints the URL, runs until Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeS2low } from './index';

const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const dir = arg('dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fake-s2low-'));
const fake = await startFakeS2low({ port: Number(arg('port') ?? 0), faults: { latencyMs: Number(arg('latency') ?? 0), failRate: Number(arg('fail') ?? 0) } });
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'ca.pem'), fake.caPem);
fs.writeFileSync(path.join(dir, 'client.p12'), fake.clientP12, { mode: 0o600 });
console.log(JSON.stringify({ url: fake.url, ca: path.join(dir, 'ca.pem'), p12: path.join(dir, 'client.p12'), p12Password: fake.p12Password, login: fake.login, password: fake.password }));
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
