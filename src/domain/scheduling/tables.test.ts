import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairIndex } from './pair-index.ts';
import { assignTables, type PlacedPair } from './tables.ts';

const pair = (a: string, b: string, round: number, weight: number): PlacedPair => ({
  id: `${a}:${b}`,
  a,
  b,
  round,
  weight,
});

describe('assignTables', () => {
  it('numbers each round from 1, heaviest first, equal weights in the order given', () => {
    const meetings = assignTables(
      [pair('a', 'x', 2, 5), pair('b', 'y', 1, 3), pair('c', 'z', 1, 7), pair('d', 'w', 1, 3)],
      10,
    );
    expect(meetings.map((m) => `${m.round}.${m.table} ${m.a}`)).toEqual(['1.1 c', '1.2 b', '1.3 d', '2.1 a']);
  });

  it('keeps a previous table in the same round and fills the lowest free ones', () => {
    const previous = new Map([['b:y', { id: 'b:y', round: 1, table: 1, a: 'b', b: 'y' }]]);
    const meetings = assignTables([pair('c', 'z', 1, 7), pair('b', 'y', 1, 3)], 10, previous);
    expect(meetings.map((m) => `${m.table} ${m.a}`)).toEqual(['1 b', '2 c']);
  });

  it('orders whole and fractional weights alike (packed keys or a comparator)', () => {
    const weights = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), weights), { maxLength: 40 }), (rows) => {
        const pairs = rows.map(([round, w], i) => pair(`L${i}`, `R${i}`, round, w));
        const tables = assignTables(pairs, 100);
        const expected = pairs
          .map((p, i) => ({ p, i }))
          .sort((x, y) => x.p.round - y.p.round || y.p.weight - x.p.weight || x.i - y.i);
        let table = 0;
        expect(tables.map((m) => [m.a, m.round, m.table])).toEqual(
          expected.map(({ p }, k) => {
            table = k > 0 && expected[k - 1]!.p.round === p.round ? table + 1 : 1;
            return [p.a, p.round, table];
          }),
        );
      }),
    );
  });
});

describe('PairIndex', () => {
  it('finds the pairs set, and nothing off the grid, dense or mapped', () => {
    for (const [vertexCount, leftCount] of [
      [7, 3],
      [6000, 3000],
    ] as const) {
      const index = new PairIndex(vertexCount, leftCount);
      index.set(2 * vertexCount + leftCount, 4);
      index.set(0 * vertexCount + vertexCount - 1, 0);
      expect(index.get(2 * vertexCount + leftCount)).toBe(4);
      expect(index.get(vertexCount - 1)).toBe(0);
      expect(index.get(1 * vertexCount + leftCount)).toBeUndefined();
      // A pair within one side is never an edge, even where its key falls inside the grid.
      expect(index.get(1 * vertexCount + 2)).toBeUndefined();
      expect(index.get(leftCount * vertexCount + leftCount + 1)).toBeUndefined();
    }
  });
});
