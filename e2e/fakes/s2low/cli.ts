/**
 * Run the fake S²LOW by hand (e2e, manual tests, an evening of séance against it):
 *   npx jiti e2e/fakes/s2low/cli.ts --siren=214502494 --departement=045 [--clock=2026-11-23T18:00] [--port=8443]
 *        [--dir=/tmp/fake-s2low] [--latency=300] [--fail=0.05] [--nom="Commune de Saint-Benoît"]
 * --siren is the commune's (it goes into every IDActe, file name and envelope, §2.2); --clock starts the
 * platform's clock at that Paris time and lets it run (dates of the AR, courriers, PES_Acquit).
 * Writes ca.pem, client.p12 (password printed) into --dir, prints the URL, runs until Ctrl-C.
 * On standard input, one command a line, the préfecture's side of the evening (see cli-options.ts runCommand):
 *   courrier <numéro interne> <CourrierSimple|DemandePieceComplementaire|LettreObservations|DefereTA> [texte…]
 *   pes-retour <nom>        avance        etat
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseCliOptions, runCommand } from './cli-options';
import { startFakeS2low } from './index';

const parsed = parseCliOptions(process.argv.slice(2), Date.now);
if (typeof parsed === 'string') {
  console.error(parsed);
  process.exit(2);
}
const dir = parsed.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fake-s2low-'));
const fake = await startFakeS2low(parsed.options);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'ca.pem'), fake.caPem);
fs.writeFileSync(path.join(dir, 'client.p12'), fake.clientP12, { mode: 0o600 });
console.log(
  JSON.stringify({
    url: fake.url,
    siren: parsed.options.siren,
    departement: parsed.options.departement,
    today: parsed.options.today?.(),
    ca: path.join(dir, 'ca.pem'),
    p12: path.join(dir, 'client.p12'),
    p12Password: fake.p12Password,
    login: fake.login,
    password: fake.password,
  }),
);
readline.createInterface({ input: process.stdin }).on('line', (line) => console.log(runCommand(fake, line)));
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
