import type { Model } from './model.ts';

/**
 * Largest m such that every vertex meets at least min(m, cap) others, given each vertex's total
 * count (held + planned). A vertex at its cap constrains nothing; if all are, m is the largest cap.
 */
export function realisedFairness(model: Model, count: Int32Array): number {
  let m = Infinity;
  let largestCap = 0;
  for (let v = 0; v < model.vertexCount; v++) {
    largestCap = Math.max(largestCap, model.cap[v]!);
    if (count[v]! < model.cap[v]!) m = Math.min(m, count[v]!);
  }
  return m === Infinity ? largestCap : m;
}
