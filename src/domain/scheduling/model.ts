import { PairIndex } from './pair-index.ts';
import type { Instance, Meeting, Wish } from './types.ts';

/**
 * The instance as indexed arrays: vertices 0..left-1 are the left side, then the right side.
 * Only rounds `fromRound..rounds` are planned; meetings before that are `history`.
 */
export interface Model {
  readonly instance: Instance;
  readonly rounds: number;
  readonly tables: number;
  readonly fromRound: number;
  /** Rounds still to plan: fromRound..rounds. */
  readonly planRounds: number;
  readonly leftCount: number;
  readonly vertexCount: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** present[v * (rounds + 1) + r] = 1 when v attends round r (from 1). */
  readonly present: Uint8Array;
  /** Meetings already held per vertex (re-planning). */
  readonly held: Int32Array;
  /** Cap over the whole event: held + what can still be met. */
  readonly cap: Int32Array;
  /** What can still be met from fromRound on. */
  readonly remainingCap: Int32Array;
  /** Edges that may still meet: left end, right end, weight, mark. */
  readonly edgeLeft: Int32Array;
  readonly edgeRight: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly edgeWish: readonly (Wish | undefined)[];
  /** Edge index by pairKey, for allowed edges only. */
  readonly edgeOf: Pick<PairIndex, 'get'>;
  /** Pairs already met before fromRound. */
  readonly heldPairs: ReadonlySet<number>;
  /** Σ of the weights of the meetings held before fromRound (a pair listed twice: its larger weight). */
  readonly heldWeight: number;
  readonly forbiddenPairs: ReadonlySet<number>;
  /** Most meetings all planned rounds can hold: Σ min(T, present left, present right). */
  readonly totalCap: number;
  /** True when every vertex with a possible meeting attends every planned round: the exact case. */
  readonly uniformPresence: boolean;
  /** Weights as integers (w · 10^decimals) when that is exact, so flow arithmetic is exact too. */
  readonly profit: Float64Array;
  readonly profitIsInteger: boolean;
}

export const pairKey = (vertexCount: number, u: number, v: number): number => u * vertexCount + v;

export function isPresent(model: Model, v: number, round: number): boolean {
  return model.present[v * (model.rounds + 1) + round] === 1;
}

/** Builds the model; `history` are the meetings held before `fromRound` (re-planning). */
export function buildModel(instance: Instance, fromRound = 1, history: readonly Meeting[] = []): Model {
  const rounds = instance.rounds;
  const leftCount = instance.left.length;
  const people = [...instance.left, ...instance.right];
  const vertexCount = people.length;
  const ids = people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, v) => [id, v]));
  const stride = rounds + 1;
  const present = new Uint8Array(vertexCount * stride);
  const planCount = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    const attended = people[v]!.present;
    if (attended === undefined) {
      for (let r = 1; r <= rounds; r++) present[v * stride + r] = 1;
      planCount[v] = Math.max(0, rounds - fromRound + 1);
      continue;
    }
    for (const r of attended) {
      if (!Number.isInteger(r) || r < 1 || r > rounds || present[v * stride + r] === 1) continue;
      present[v * stride + r] = 1;
      if (r >= fromRound) planCount[v]!++;
    }
  }

  const key = (u: number, v: number): number => pairKey(vertexCount, u, v);
  const sides = (a: string, b: string): [number, number] | undefined => {
    const u = indexOf.get(a);
    const v = indexOf.get(b);
    if (u === undefined || v === undefined || u >= leftCount || v < leftCount) return undefined;
    return [u, v];
  };

  const held = new Int32Array(vertexCount);
  const heldPairs = new Set<number>();
  const heldKeys: number[] = [];
  for (const meeting of history) {
    const pair = sides(meeting.a, meeting.b);
    if (!pair) continue;
    held[pair[0]]!++;
    held[pair[1]]!++;
    heldPairs.add(key(pair[0], pair[1]));
    heldKeys.push(key(pair[0], pair[1]));
  }
  const heldPairWeight = new Map<number, number>();
  const forbiddenPairs = new Set<number>();
  for (const f of instance.forbidden ?? []) {
    const pair = sides(f.a, f.b);
    if (pair) forbiddenPairs.add(key(pair[0], pair[1]));
  }

  const sharesRound = (u: number, v: number): boolean => {
    for (let r = fromRound; r <= rounds; r++)
      if (present[u * stride + r] && present[v * stride + r]) return true;
    return false;
  };
  const edgeOf = new PairIndex(vertexCount, leftCount);
  const listed = instance.weights.length;
  const left = new Int32Array(listed);
  const right = new Int32Array(listed);
  const weight = new Float64Array(listed);
  const wish: (Wish | undefined)[] = [];
  let count = 0;
  const planRounds = Math.max(0, rounds - fromRound + 1);
  // NOTE: the loop over every pair stays free of closures and tuples (it runs before the code is
  // optimised on a first call); two participants present in every round left share one.
  const always = (x: number): boolean => planRounds > 0 && planCount[x] === planRounds;
  for (const pairWeight of instance.weights) {
    const u = indexOf.get(pairWeight.a);
    const v = indexOf.get(pairWeight.b);
    if (u === undefined || v === undefined || u >= leftCount || v < leftCount || !(pairWeight.w >= 0))
      continue;
    const k = u * vertexCount + v;
    if (heldPairs.size > 0 && heldPairs.has(k)) {
      heldPairWeight.set(k, Math.max(pairWeight.w, heldPairWeight.get(k) ?? 0));
      continue;
    }
    if (forbiddenPairs.size > 0 && forbiddenPairs.has(k)) continue;
    if (!(always(u) && always(v)) && !sharesRound(u, v)) continue;
    const existing = edgeOf.get(k);
    if (existing !== undefined) {
      // NOTE: a pair listed twice keeps its larger weight and its strongest mark.
      weight[existing] = Math.max(weight[existing]!, pairWeight.w);
      if (pairWeight.wish === 'must' || (pairWeight.wish && !wish[existing]))
        wish[existing] = pairWeight.wish;
      continue;
    }
    edgeOf.set(k, count);
    left[count] = u;
    right[count] = v;
    weight[count++] = pairWeight.w;
    wish.push(pairWeight.wish);
  }

  const degree = new Int32Array(vertexCount);
  for (let e = 0; e < count; e++) {
    degree[left[e]!]!++;
    degree[right[e]!]!++;
  }
  const remainingCap = new Int32Array(vertexCount);
  const cap = new Int32Array(vertexCount);
  let uniformPresence = true;
  people.forEach((p, v) => {
    const ownMax = p.max ?? Number.MAX_SAFE_INTEGER;
    remainingCap[v] = Math.max(0, Math.min(ownMax - held[v]!, planCount[v]!, degree[v]!));
    cap[v] = held[v]! + remainingCap[v]!;
    if (degree[v]! > 0 && planCount[v] !== planRounds) uniformPresence = false;
  });

  let totalCap = 0;
  for (let r = fromRound; r <= rounds; r++) {
    let l = 0;
    let rr = 0;
    for (let v = 0; v < vertexCount; v++) {
      if (!present[v * stride + r] || degree[v] === 0) continue;
      if (v < leftCount) l++;
      else rr++;
    }
    totalCap += Math.min(instance.tables, l, rr);
  }

  const edgeWeight = weight.slice(0, count);
  const { profit, exact } = integerProfits(edgeWeight);
  return {
    instance,
    rounds,
    tables: instance.tables,
    fromRound,
    planRounds,
    leftCount,
    vertexCount,
    ids,
    indexOf,
    present,
    held,
    cap,
    remainingCap,
    edgeLeft: left.slice(0, count),
    edgeRight: right.slice(0, count),
    edgeWeight,
    edgeWish: wish,
    edgeOf,
    heldPairs,
    heldWeight: heldKeys.reduce((sum, k) => sum + (heldPairWeight.get(k) ?? 0), 0),
    forbiddenPairs,
    totalCap,
    uniformPresence,
    profit,
    profitIsInteger: exact,
  };
}

/**
 * Scales weights by the smallest power of ten (≤ 10^6) that makes them all integers. Whole
 * weights, the usual case, are shared as they are (neither array is written after this).
 */
function integerProfits(weights: Float64Array): { profit: Float64Array; exact: boolean } {
  if (allIntegral(weights, 1, 0)) return { profit: weights, exact: true };
  for (let decimals = 0; decimals <= 6; decimals++) {
    const scale = 10 ** decimals;
    if (!allIntegral(weights, scale, 1e-9)) continue;
    const profit = new Float64Array(weights.length);
    for (let e = 0; e < weights.length; e++) profit[e] = Math.round(weights[e]! * scale);
    return { profit, exact: true };
  }
  return { profit: weights, exact: false };
}

/** Every w · scale is an integer below 2^40, up to a relative `noise`. */
function allIntegral(weights: Float64Array, scale: number, noise: number): boolean {
  for (let e = 0; e < weights.length; e++) {
    const x = weights[e]! * scale;
    if (!(x < 2 ** 40) || Math.abs(x - Math.round(x)) > noise * Math.max(1, x)) return false;
  }
  return true;
}
