/**
 * The signing séance alone, as its own small built entry (dist/bench/signing-child.js, issue 10): the whole
 * bench bundle (seeding, queries, browser driver: about 10 MB of code, 140 MiB resident) is not loaded, and the
 * test PKI and the 50 acts are prepared by another entry in a process of its own (dist/bench/signing-prepare.js),
 * so this bundle holds the signing path only and the memory measured is the séance's beside the process's
 * baseline. Prints one JSON line (SigningBench).
 * Spawned by scripts/bench.ts; run alone: `node dist/bench/signing-child.js [documents] [pages] [--keep]` (--keep: the signed acts stay on disk).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { benchSigningSeance, skipped, type SigningFixture } from './signing';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [documents = 50, pages = 10] = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const prepared = execFileSync(
    process.execPath,
    [path.join(__dirname, 'signing-prepare.js'), String(documents), String(pages)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const fixture = JSON.parse(prepared.trim().split('\n').pop()!) as SigningFixture | { missing: string };
  if ('missing' in fixture)
    return void process.stdout.write(`${JSON.stringify(skipped(documents, pages, fixture.missing))}\n`);
  // a full collection just before the séance (bench only), so that the baseline is the process's own
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  try {
    process.stdout.write(`${JSON.stringify(await benchSigningSeance(fixture, gc))}\n`);
  } finally {
    if (args.includes('--keep'))
      console.error(`bench signature : dossier conservé ${fixture.dir} (CA : ${fixture.pkiDir}/ca.pem)`);
    else fs.rmSync(fixture.pkiDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench signature : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
