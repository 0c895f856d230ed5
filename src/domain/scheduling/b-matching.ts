import type { Model } from './model.ts';
import { minCostFlow } from './network-simplex.ts';

export interface BMatching {
  readonly feasible: boolean;
  /** chosen[e] = 1 when edge e meets. */
  readonly chosen: Uint8Array;
  /** Σ of the chosen edges' weights. */
  readonly weight: number;
  /**
   * False when `must` pairs were to come first but the weights are too large for their bonus to
   * stay exact: the weight is then optimal, the number of `must` pairs met maybe not.
   */
  readonly mustsFirst: boolean;
}

/** Lower bound of each vertex for fairness m, on what is still to plan. */
export function lowerBounds(model: Model, m: number): Int32Array {
  const lower = new Int32Array(model.vertexCount);
  for (let v = 0; v < model.vertexCount; v++) {
    lower[v] = Math.max(0, Math.min(m, model.cap[v]!) - model.held[v]!);
  }
  return lower;
}

/**
 * Maximum-weight b-matching with degree bounds [lower, remainingCap] and at most `totalCap`
 * edges, as a minimum-cost circulation s → left → right → t → s. With `weighted` false only
 * feasibility matters (zero costs: far fewer pivots). Ties in weight go to more meetings when
 * the integer costs leave room for that second objective, and then to `favoured` edges (the
 * meetings of a previous plan, so that re-planning moves as few as it can) and `must` pairs.
 * With `mustFirst`, the number of `must` pairs that meet comes before the weight (a bonus larger
 * than any total of the other costs), so they all meet whenever the lower bounds allow it.
 */
export function solveBMatching(
  model: Model,
  lower: Int32Array,
  weighted: boolean,
  favoured?: Uint8Array,
  mustFirst = false,
): BMatching {
  const n = model.vertexCount;
  const edges = model.edgeLeft.length;
  const s = n;
  const t = n + 1;
  const arcCount = edges + n + 1;
  const source = new Int32Array(arcCount);
  const target = new Int32Array(arcCount);
  const capacity = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  const supply = new Float64Array(n + 2);
  const upper = model.remainingCap;
  const empty = { feasible: false, chosen: new Uint8Array(edges), weight: 0, mustsFirst: true };

  let lowerSum = 0;
  for (let v = 0; v < model.leftCount; v++) lowerSum += lower[v]!;
  if (lowerSum > model.totalCap) return empty;
  // Arcs: one per vertex (s → left, right → t), the return arc t → s, then the pairs.
  for (let v = 0; v < n; v++) {
    const l = lower[v]!;
    if (l > upper[v]!) return empty;
    const isLeft = v < model.leftCount;
    source[v] = isLeft ? s : v;
    target[v] = isLeft ? v : t;
    capacity[v] = upper[v]! - l;
    supply[source[v]!]! -= l;
    supply[target[v]!]! += l;
  }
  source[n] = t;
  target[n] = s;
  capacity[n] = model.totalCap;

  const meetingsBound = Math.min(model.totalCap, edges);
  const { factor: secondObjective, bonus } = weighted
    ? costScales(model, meetingsBound, mustFirst)
    : { factor: 0, bonus: 0 };
  const mustsFirst = !(weighted && mustFirst && bonus === 0 && model.edgeWish.includes('must'));
  const { order, candidates } = pricingOrder(model, weighted, favoured);
  for (let k = 0; k < edges; k++) {
    const e = order ? order[k]! : k;
    const a = n + 1 + k;
    source[a] = model.edgeLeft[e]!;
    target[a] = model.edgeRight[e]!;
    capacity[a] = 1;
    if (weighted) {
      const isMust = model.edgeWish[e] === 'must';
      const tieBreak = 1 + (favoured?.[e] ?? 0) + (isMust ? 1 : 0);
      const base = secondObjective > 0 ? model.profit[e]! * secondObjective + tieBreak : model.profit[e]!;
      cost[a] = -(base + (isMust ? bonus : 0));
    }
  }

  const result = minCostFlow(
    { nodeCount: n + 2, source, target, capacity, cost, supply },
    // NOTE: fractional weights that no power of ten makes integral: pricing ignores rounding noise.
    weighted && !model.profitIsInteger ? 1e-9 * (1 + model.profit.reduce((a, b) => Math.max(a, b), 0)) : 0,
    n + 1 + candidates,
  );
  if (!result.feasible) return empty;
  const chosen = new Uint8Array(edges);
  let weight = 0;
  for (let k = 0; k < edges; k++) {
    if (result.flow[n + 1 + k]! > 0.5) {
      const e = order ? order[k]! : k;
      chosen[e] = 1;
      weight += model.edgeWeight[e]!;
    }
  }
  return { feasible: true, chosen, weight, mustsFirst };
}

/** Pairs each vertex is offered first, beyond its cap: the optimum rarely needs the others. */
const CANDIDATE_FACTOR = 1.5;

/**
 * The pairs in pricing order: first those among the heaviest ⌈1.5·cap⌉ + 2 of either end (and
 * every `must` or favoured pair), which the flow prices alone until none improves, then the rest.
 * A feasibility flow has no costs to point at the right pairs: there the short list pays only
 * when it is at most half of them (fewer reduced costs computed at 500×500 and when re-planning,
 * more at 100×100 with its 30 pairs a participant).
 */
function pricingOrder(
  model: Model,
  weighted: boolean,
  favoured?: Uint8Array,
): { order: Int32Array | undefined; candidates: number } {
  const edges = model.edgeLeft.length;
  const pick = shortLists(model);
  const order = new Int32Array(edges);
  let front = 0;
  let back = edges;
  for (let e = 0; e < edges; e++) {
    if (pick[e] || favoured?.[e]) order[front++] = e;
    else order[--back] = e;
  }
  if (!weighted && 2 * front > edges) return { order: undefined, candidates: edges };
  return { order, candidates: front };
}

/** One short list per model: every flow on it (fairness search, weight, bound) shares it. */
const shortListOf = new WeakMap<Model, Uint8Array>();

/**
 * Marks each vertex's `must` pairs and heaviest ⌈1.5·cap⌉ + 2 pairs (ties included), by a
 * selection over each vertex's pairs rather than a sort of all of them.
 */
function shortLists(model: Model): Uint8Array {
  const known = shortListOf.get(model);
  if (known) return known;
  const edges = model.edgeLeft.length;
  const n = model.vertexCount;
  const key = new Float64Array(edges);
  for (let e = 0; e < edges; e++) key[e] = model.edgeWish[e] === 'must' ? Infinity : model.profit[e]!;
  // Incident pairs of each vertex, as one array cut by offsets.
  const offset = new Int32Array(n + 1);
  for (let e = 0; e < edges; e++) {
    offset[model.edgeLeft[e]! + 1]!++;
    offset[model.edgeRight[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offset[v + 1]! += offset[v]!;
  const fill = offset.slice(0, n);
  const incident = new Int32Array(2 * edges);
  for (let e = 0; e < edges; e++) {
    incident[fill[model.edgeLeft[e]!]!++] = e;
    incident[fill[model.edgeRight[e]!]!++] = e;
  }
  const pick = new Uint8Array(edges);
  let widest = 0;
  for (let v = 0; v < n; v++) widest = Math.max(widest, offset[v + 1]! - offset[v]!);
  const values = new Float64Array(widest);
  for (let v = 0; v < n; v++) {
    const from = offset[v]!;
    const degree = offset[v + 1]! - from;
    const k = Math.ceil(CANDIDATE_FACTOR * model.remainingCap[v]!) + 2;
    let threshold = -Infinity;
    if (k < degree) {
      for (let i = 0; i < degree; i++) values[i] = key[incident[from + i]!]!;
      threshold = kthLargest(values, degree, k);
    }
    for (let i = 0; i < degree; i++) {
      const e = incident[from + i]!;
      if (key[e]! >= threshold) pick[e] = 1;
    }
  }
  shortListOf.set(model, pick);
  return pick;
}

/** The k-th largest of values[0..size) (1 ≤ k ≤ size), by quickselect; reorders the values. */
export function kthLargest(values: Float64Array, size: number, k: number): number {
  let lo = 0;
  let hi = size - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

/**
 * How costs are built from profits. `factor`: the multiplier turning profit p into p·F + tie-break,
 * so that among equal weights more meetings win (0: plain profits). `bonus`: added to every `must`
 * pair, larger than any sum of the other costs over a b-matching, so that the number of `must`
 * pairs met comes first (0: none, or no room for it). Both only when the products stay in the
 * range where doubles count exactly (integer profits), else the tie-break goes first.
 */
function costScales(
  model: Model,
  meetingsBound: number,
  mustFirst: boolean,
): { factor: number; bonus: number } {
  let maxProfit = 0;
  for (const p of model.profit) if (p > maxProfit) maxProfit = p;
  const limit = 2 ** 50 / ((model.vertexCount + 3) * (meetingsBound + 2));
  const hasMust = mustFirst && model.edgeWish.includes('must');
  const bonusOver = (maxBase: number): number => (hasMust ? meetingsBound * maxBase + 1 : 0);
  if (!model.profitIsInteger) return { factor: 0, bonus: bonusOver(maxProfit * (1 + 1e-9) + 1) };
  const factor = 3 * meetingsBound + 1;
  for (const f of [factor, 0]) {
    const maxBase = f > 0 ? maxProfit * f + 3 : maxProfit;
    const bonus = bonusOver(maxBase);
    if ((maxProfit + 1) * Math.max(f, 1) <= limit && maxBase + bonus <= limit) return { factor: f, bonus };
  }
  return { factor: (maxProfit + 1) * factor <= limit ? factor : 0, bonus: 0 };
}

export interface FairSolution {
  /** Largest m whose lower bounds admit a b-matching: no schedule is fairer. */
  readonly fairness: number;
  readonly matching: BMatching;
}

/**
 * No fairness above this can fit: each side's lower bounds must sum to at most the meetings the
 * tables allow. Usually it is the answer, which the first flow then proves.
 */
function countingBound(model: Model): number {
  let largest = 0;
  for (let v = 0; v < model.vertexCount; v++) largest = Math.max(largest, model.cap[v]!);
  const fits = (m: number): boolean => {
    let left = 0;
    let right = 0;
    for (let v = 0; v < model.vertexCount; v++) {
      const need = Math.max(0, Math.min(m, model.cap[v]!) - model.held[v]!);
      if (v < model.leftCount) left += need;
      else right += need;
    }
    return left <= model.totalCap && right <= model.totalCap;
  };
  let lo = 0;
  let hi = largest;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The largest m every vertex can reach (min(m, cap)), by binary search on feasibility; the
 * counting bound is tried first, as it is usually the answer (one flow instead of several).
 */
export function maxFairness(model: Model, below = Infinity): number {
  let hi = Math.min(countingBound(model), below);
  if (hi <= 0 || solveBMatching(model, lowerBounds(model, hi), false).feasible) return Math.max(0, hi);
  hi--;
  let lo = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (solveBMatching(model, lowerBounds(model, mid), false).feasible) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The fairest maximum-weight b-matching. The weighted flow at the counting bound doubles as the
 * feasibility test, so in the common case one flow does the whole search.
 */
export function fairestBest(model: Model, favoured?: Uint8Array): FairSolution {
  const top = countingBound(model);
  const first = bestAtFairness(model, top, favoured);
  if (first.feasible) return { fairness: top, matching: first };
  const fairness = maxFairness(model, top - 1);
  return { fairness, matching: bestAtFairness(model, fairness, favoured) };
}

/** Among b-matchings reaching fairness m, the most `must` pairs, then the maximum weight. */
export function bestAtFairness(model: Model, m: number, favoured?: Uint8Array): BMatching {
  return solveBMatching(model, lowerBounds(model, m), true, favoured, true);
}

/**
 * Maximum weight among b-matchings reaching fairness m, `must` pairs or not: no schedule that
 * fair weighs more. The same as `bestAtFairness` when no pair is marked `must`.
 */
export function weightBound(model: Model, m: number, planned?: BMatching): number {
  if (planned && !model.edgeWish.includes('must')) return planned.weight;
  return solveBMatching(model, lowerBounds(model, m), true).weight;
}
