import { benchDelivrance } from './delivrance-bench';

describe('decision throughput bench', () => {
  it('exercises every outcome of decideDelivrance on its random requests, and reports ns per decision', () => {
    const b = benchDelivrance(20_000, 7);
    console.log(
      `[delivrance bench] ${b.decisions} décisions en ${b.totalMs} ms : ${b.nsPerDecision} ns par décision`,
      b.outcomes,
    );
    expect(Object.keys(b.outcomes).sort()).toEqual(['granted', 'incomplete', 'refused']);
    expect(Object.values(b.outcomes).reduce((a, n) => a + n, 0)).toBe(20_000);
    expect(b.nsPerDecision).toBeGreaterThan(0);
  });
});
