// `npm test`: everything CI checks, in order — types, format, lint (with the architecture's boundaries), build,
// then every vitest project (unit, renderer, e2e in Chromium). Ends with one summary line
// "Clocher: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const step = (title, cmd, args) => {
  process.stdout.write(`\n== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
};

const checks = [
  ['Types (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['Format (prettier --check; `npm run format` writes it)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']],
  ['No folder cycle in main/ (madge)', process.execPath, ['scripts/cycles.mjs']],
  ['Build', process.execPath, ['scripts/build.mjs']],
];
let failedChecks = 0;
for (const [title, cmd, args] of checks) if (!step(title, cmd, args)) failedChecks++;

const report = path.join(root, 'test-results', 'vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const projects = process.argv.slice(2).flatMap((p) => ['--project', p]);
const vitestOk = step('Tests (vitest)', bin('vitest'), [
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = failedChecks;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // a file that fails to load has failed suites but no failed test; otherwise a failed test already fails its
  // file and its describe blocks, which are not counted again (3 failed tests were reported as « 9 failed »)
  failed += r.numFailedTests || (r.numFailedTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
} else failed += 1;
// vitest fails the run for errors outside any test (an unhandled rejection, a timer firing after its file):
// they are failures too, never a silent pass
const outsideTests = !vitestOk && failed === failedChecks;
if (outsideTests) failed += 1;
if (outsideTests)
  process.stdout.write('\nVitest reported errors outside the tests (see « Unhandled Errors » above).\n');
if (failedChecks)
  process.stdout.write(
    `\n${failedChecks} check(s) before the tests failed (types, lint, cycles or build): see above.\n`,
  );
process.stdout.write(`\nClocher: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
