import type { Model } from './model.ts';

export interface EdgeOrder {
  /** Every edge: `must` pairs first, then heaviest first, ties by index. */
  readonly byWeight: Int32Array;
  /** Edges of each vertex in the same order. */
  readonly incident: readonly (readonly number[])[];
}

/**
 * Edges, `must` pairs first and then heaviest first, over all and per vertex, from one sort. When
 * the integer profits allow it, the sort is of packed numeric keys (no comparator: cheap even
 * before the code is optimised).
 */
export function edgeOrder(model: Model): EdgeOrder {
  const known = orders.get(model);
  if (known) return known;
  const order = sortEdges(model);
  orders.set(model, order);
  return order;
}

/** One order per model: both window passes of a plan share it. */
const orders = new WeakMap<Model, EdgeOrder>();

function sortEdges(model: Model): EdgeOrder {
  const edges = model.edgeLeft.length;
  let top = 0;
  for (let e = 0; e < edges; e++) if (model.profit[e]! > top) top = model.profit[e]!;
  let byWeight: Int32Array;
  const other = (e: number): number => (model.edgeWish[e] === 'must' ? 0 : 1);
  if (model.profitIsInteger && 2 * (top + 1) * (edges + 1) < 2 ** 52) {
    const keys = new Float64Array(edges);
    for (let e = 0; e < edges; e++) keys[e] = (other(e) * (top + 1) + top - model.profit[e]!) * edges + e;
    keys.sort();
    byWeight = new Int32Array(edges);
    // NOTE: a plain loop: TypedArray.from with a mapping function is ten times slower.
    for (let i = 0; i < edges; i++) byWeight[i] = keys[i]! % edges;
  } else {
    byWeight = Int32Array.from({ length: edges }, (_, e) => e).sort(
      (x, y) => other(x) - other(y) || model.edgeWeight[y]! - model.edgeWeight[x]! || x - y,
    );
  }
  const incident: number[][] = Array.from({ length: model.vertexCount }, () => []);
  for (const e of byWeight) {
    incident[model.edgeLeft[e]!]!.push(e);
    incident[model.edgeRight[e]!]!.push(e);
  }
  return { byWeight, incident };
}
