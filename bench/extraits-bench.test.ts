/** The extraits bench runs on the seeded large commune (small scale here): every document is produced. */
import { seedLargeInstallation } from './devdata/seed';
import { benchExtraits } from './extraits-bench';
import { tempDir } from '../test-support/helpers';
import { TEST_NOW } from '../test-support/support';

it('keys seeded birth acts and produces extraits, copies intégrales and plurilingues from them', async () => {
  const dir = tempDir();
  const seeded = await seedLargeInstallation(dir, {
    scale: Number(process.env.EXTRAITS_BENCH_SCALE ?? 0.01),
    now: TEST_NOW,
  });
  const r = await benchExtraits(dir, seeded.communeId, TEST_NOW, 42, Number(process.env.EXTRAITS_BENCH_COUNT ?? 20));
  console.log(`[extraits] ${JSON.stringify(r)}`);
  expect(r.documents).toBe(Number(process.env.EXTRAITS_BENCH_COUNT ?? 20));
  expect(Object.keys(r.byKind).sort()).toEqual([
    'copie_integrale',
    'extrait_avec_filiation',
    'extrait_plurilingue',
    'extrait_sans_filiation',
  ]);
  expect(r.meanKiB).toBeGreaterThan(5);
}, 120_000);
