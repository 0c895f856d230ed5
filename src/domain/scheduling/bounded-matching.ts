import { minCostFlow, scratchNetwork } from './network-simplex.ts';

/**
 * Maximum-value bipartite matching of at most `limit` pairs (one round's tables): vertices
 * 0..leftCount−1 on the left, the others on the right; pair k joins u[k] and v[k] with value[k].
 * Solved as a min-cost circulation s → left → right → t → s, the return arc holding `limit`.
 */
export function boundedMatching(
  vertexCount: number,
  leftCount: number,
  pairs: { readonly u: Int32Array; readonly v: Int32Array; readonly value: Float64Array },
  limit: number,
): Uint8Array {
  const n = vertexCount;
  const count = pairs.u.length;
  const arcs = count + n + 1;
  const net = scratchNetwork(n + 2, arcs);
  const { source, target, capacity, cost } = net;
  capacity.fill(1);
  source.set(pairs.u);
  target.set(pairs.v);
  for (let k = 0; k < count; k++) cost[k] = -pairs.value[k]!;
  for (let x = 0; x < n; x++) {
    const isLeft = x < leftCount;
    source[count + x] = isLeft ? n : x;
    target[count + x] = isLeft ? x : n + 1;
  }
  source[arcs - 1] = n + 1;
  target[arcs - 1] = n;
  capacity[arcs - 1] = limit;
  const { flow } = minCostFlow(net);
  // NOTE: a plain loop: TypedArray.from with a mapping function is ten times slower.
  const chosen = new Uint8Array(count);
  for (let k = 0; k < count; k++) chosen[k] = flow[k]! > 0.5 ? 1 : 0;
  return chosen;
}
