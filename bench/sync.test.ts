import { expect, it } from 'vitest';
import { benchSync } from './sync';

// A small run of the bench so that it cannot rot; the real figures come from `npm run bench` (200 acts, 300 ms).
it('bench: drains with failures, no duplicate, nothing lost', async () => {
  const r = await benchSync({ acts: 20, latencyMs: 10, failureRate: 0.15 });
  expect(r.duplicates).toBe(0);
  expect(r.lost).toBe(0);
  expect(r.duplicateRefusals).toBe(0);
}, 60_000);
