import fc from 'fast-check';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { minCostFlow, type FlowNetwork } from './network-simplex.ts';

const highs = await loadHighs();

/** The same problem as an LP for HiGHS; flow LPs are integral, so the optima must agree. */
function lpOptimum(net: FlowNetwork): number | undefined {
  const arcs = net.source.length;
  const objective = Array.from(
    { length: arcs },
    (_, a) => `${net.cost[a]! >= 0 ? '+' : '-'} ${Math.abs(net.cost[a]!)} f${a}`,
  );
  const rows: string[] = [];
  for (let i = 0; i < net.nodeCount; i++) {
    const terms: string[] = [];
    for (let a = 0; a < arcs; a++) {
      if (net.source[a] === i) terms.push(`+ f${a}`);
      if (net.target[a] === i) terms.push(`- f${a}`);
    }
    rows.push(` n${i}: ${terms.length ? terms.join(' ') : '0 f0'} = ${net.supply[i]}`);
  }
  const bounds = Array.from({ length: arcs }, (_, a) => ` 0 <= f${a} <= ${net.capacity[a]}`);
  const lp = `Minimize\n obj: ${objective.join(' ') || '0 f0'}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd`;
  const result = highs.solve(lp, { output_flag: false, solver: 'simplex' });
  return result.Status === 'Optimal' ? result.ObjectiveValue : undefined;
}

const networkArb = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      arcs: fc.array(
        fc.record({
          s: fc.integer({ min: 0, max: n - 1 }),
          t: fc.integer({ min: 0, max: n - 1 }),
          cap: fc.integer({ min: 0, max: 5 }),
          cost: fc.integer({ min: -9, max: 9 }),
        }),
        { minLength: 1, maxLength: 16 },
      ),
      supply: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n - 1, maxLength: n - 1 }),
    }),
  )
  .map(({ n, arcs, supply }): FlowNetwork => {
    const kept = arcs.filter((a) => a.s !== a.t);
    const last = 0 - supply.reduce((x, y) => x + y, 0);
    return {
      nodeCount: n,
      source: Int32Array.from(kept.map((a) => a.s)),
      target: Int32Array.from(kept.map((a) => a.t)),
      capacity: Float64Array.from(kept.map((a) => a.cap)),
      cost: Float64Array.from(kept.map((a) => a.cost)),
      supply: Float64Array.from([...supply, last]),
    };
  })
  .filter((net) => net.source.length > 0);

describe('minCostFlow', () => {
  it('finds the same optimum as HiGHS, and says when no flow exists', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(networkArb, (net) => {
        const ours = minCostFlow(net);
        const reference = lpOptimum(net);
        expect(ours.feasible).toBe(reference !== undefined);
        if (reference === undefined) return;
        expect(ours.cost).toBeCloseTo(reference, 6);
        for (let i = 0; i < net.nodeCount; i++) {
          let balance = 0;
          for (let a = 0; a < net.source.length; a++) {
            if (net.source[a] === i) balance += ours.flow[a]!;
            if (net.target[a] === i) balance -= ours.flow[a]!;
          }
          expect(Math.abs(balance - net.supply[i]!)).toBe(0);
        }
        net.capacity.forEach((c, a) => {
          expect(ours.flow[a]).toBeGreaterThanOrEqual(0);
          expect(ours.flow[a]).toBeLessThanOrEqual(c);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the same optimum when pricing starts with a few candidate arcs', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (net, k) => {
        const all = minCostFlow(net);
        const some = minCostFlow(net, 0, k % (net.source.length + 1));
        expect(some.feasible).toBe(all.feasible);
        if (all.feasible) expect(some.cost).toBe(all.cost);
      }),
      { numRuns: 500 },
    );
  });
});
