import { edgeOrder } from './edge-order.ts';
import { isPresent, pairKey, type Model } from './model.ts';
import type { Meeting } from './types.ts';

/**
 * Re-planning without reshuffling: every planned meeting whose two participants are still there
 * keeps its round and table; then the free participants are paired wherever an allowed pair and
 * a table are free, the least-met first (fairness), heaviest pair first, until no such pair is
 * left (maximal). Returns the round index (0 = fromRound) of each edge and the tables kept.
 */
export function keepAndFill(
  model: Model,
  planned: readonly Meeting[],
): { colour: Int32Array; table: Int32Array } {
  const edges = model.edgeLeft.length;
  const colours = model.planRounds;
  const colour = new Int32Array(edges).fill(-1);
  const table = new Int32Array(edges).fill(0);
  const busy = new Uint8Array(model.vertexCount * colours);
  const load = new Int32Array(colours);
  const tableTaken = new Set<number>();
  const count = Int32Array.from(model.held);
  const room = (x: number): boolean => count[x]! < model.cap[x]!;
  const take = (e: number, c: number): void => {
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    colour[e] = c;
    busy[u * colours + c] = 1;
    busy[v * colours + c] = 1;
    load[c]!++;
    count[u]!++;
    count[v]!++;
  };

  const future = [...planned].sort((x, y) => x.round - y.round || x.table - y.table);
  for (const m of future) {
    const u = model.indexOf.get(m.a);
    const v = model.indexOf.get(m.b);
    const c = m.round - model.fromRound;
    if (u === undefined || v === undefined || c < 0 || c >= colours || m.table < 1 || m.table > model.tables)
      continue;
    const e = model.edgeOf.get(pairKey(model.vertexCount, u, v));
    if (e === undefined || colour[e]! >= 0 || !isPresent(model, u, m.round) || !isPresent(model, v, m.round))
      continue;
    if (busy[u * colours + c] || busy[v * colours + c] || tableTaken.has(c * (model.tables + 1) + m.table))
      continue;
    if (!room(u) || !room(v)) continue;
    take(e, c);
    table[e] = m.table;
    tableTaken.add(c * (model.tables + 1) + m.table);
  }

  const fits = (e: number): number => {
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    if (colour[e]! >= 0 || !room(u) || !room(v)) return -1;
    for (let c = 0; c < colours; c++) {
      const r = model.fromRound + c;
      if (load[c]! >= model.tables || busy[u * colours + c] || busy[v * colours + c]) continue;
      if (isPresent(model, u, r) && isPresent(model, v, r)) return c;
    }
    return -1;
  };
  const { byWeight, incident } = edgeOrder(model);
  let most = 0;
  for (let x = 0; x < model.vertexCount; x++) most = Math.max(most, model.cap[x]!);
  // NOTE: level by level, each vertex with the fewest meetings gets its best free partner first.
  for (let level = 0; level < most; level++) {
    for (let x = 0; x < model.vertexCount; x++) {
      if (count[x] !== level) continue;
      for (const e of incident[x]!) {
        const c = fits(e);
        if (c >= 0) {
          take(e, c);
          break;
        }
      }
    }
  }
  for (const e of byWeight) {
    const c = fits(e);
    if (c >= 0) take(e, c);
  }
  return { colour, table };
}
