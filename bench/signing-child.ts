/**
 * The signing séance alone, as its own small built entry (dist/bench/signing-child.js, issue 10): the whole
 * bench bundle (seeding, queries, browser driver: about 10 MB of code, 140 MiB resident) is not loaded, so the
 * peak memory measured is the séance's and its baseline, not the bench's. Prints one JSON line (SigningBench).
 * Spawned by scripts/bench.ts; run alone: `node dist/bench/signing-child.js [documents] [pages]`.
 */
import { benchSigning } from './signing';

const [documents, pages] = process.argv.slice(2).map(Number);
benchSigning(documents || 50, pages || 10)
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e) => {
    console.error(`bench signature : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
