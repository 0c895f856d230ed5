/** A sparse vector with ids sorted ascending, so two vectors meet in one merge pass. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

/** Builds an L2-normalised vector from (id → weight); an all-zero input gives the empty vector. */
export function toUnitVector(entries: ReadonlyMap<number, number>): SparseVector {
  const ids = [...entries.keys()].filter((id) => (entries.get(id) ?? 0) > 0).sort((a, b) => a - b);
  let norm = 0;
  for (const id of ids) norm += (entries.get(id) as number) ** 2;
  if (norm === 0) return EMPTY_VECTOR;
  const scale = 1 / Math.sqrt(norm);
  return {
    ids: Int32Array.from(ids),
    weights: Float32Array.from(ids.map((id) => (entries.get(id) as number) * scale)),
  };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      sum += (a.weights[i] as number) * (b.weights[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/** Ids present in both, for explanations. */
export function sharedIds(a: SparseVector, b: SparseVector): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      out.push(x);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return out;
}

/** Weighted sum of unit vectors, renormalised: a profile-level view of several exchanges. */
export function combine(parts: ReadonlyArray<readonly [SparseVector, number]>): SparseVector {
  const acc = new Map<number, number>();
  for (const [v, w] of parts) {
    for (let k = 0; k < v.ids.length; k += 1) {
      const id = v.ids[k] as number;
      acc.set(id, (acc.get(id) ?? 0) + w * (v.weights[k] as number));
    }
  }
  return toUnitVector(acc);
}
