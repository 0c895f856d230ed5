import { EXACT_SIZE_LIMIT } from './exact-windows.ts';
import { realisedFairness } from './fairness.ts';
import { pairKey, type Model } from './model.ts';
import { totals, type Plan } from './optimise.ts';
import type { PlanOptions } from './plan-schedule.ts';
import type { Instance, Meeting, Participant, Replan, Schedule } from './types.ts';

/** Up to this many edges × rounds, a planned event with windows gets the round-group repair. */
export const ROUND_PAIRS_LIMIT = 6000;
/** Sweeps over all pairs of rounds, at most: each one re-plans every pair of rounds once. */
const SWEEPS = 2;
/** Then one sweep over all triples of rounds, when three rounds fit the exact search. */
const TRIPLE_SWEEPS = 1;

type Planner = (instance: Instance, replan?: Replan, options?: PlanOptions) => Schedule;

/**
 * True for events with windows small enough for this repair whose plan is not known to be optimal:
 * the exact search did not prove it (too large for it, or out of budget) and it does not reach the
 * relaxation's fairness, `must` pairs and weight.
 */
export function roundPairsApply(model: Model, plan: Plan): boolean {
  const size = model.edgeLeft.length * model.planRounds;
  return (
    !plan.proved &&
    model.fromRound === 1 &&
    !model.uniformPresence &&
    model.profitIsInteger &&
    model.planRounds >= 3 &&
    size <= ROUND_PAIRS_LIMIT &&
    !reachesBound(model, plan)
  );
}

function reachesBound(model: Model, plan: Plan): boolean {
  return atBound(scoreOf(model, plan.colour), boundScore(model, plan));
}

/** The relaxation's fairness, `must` pairs and weight: no schedule does better on any of them. */
function boundScore(model: Model, plan: Plan): Score {
  let musts = 0;
  let weight = 0;
  for (let e = 0; e < plan.bound.chosen.length; e++) {
    if (!plan.bound.chosen[e]) continue;
    if (model.edgeWish[e] === 'must') musts++;
    weight += model.profit[e]!;
  }
  return { fairness: plan.fairnessBound, musts, weight };
}

const atBound = (score: Score, bound: Score): boolean =>
  score.fairness >= bound.fairness && score.musts >= bound.musts && score.weight >= bound.weight;

interface Score {
  readonly fairness: number;
  readonly musts: number;
  readonly weight: number;
}

/**
 * A large-neighbourhood search for events just above the exact search's size: every pair of
 * rounds in turn is planned again with all other rounds fixed, as a re-planning of the last two
 * rounds of the same event with its rounds reordered (the other rounds' meetings held), which is
 * small enough for the exact search; then every triple of rounds, once, when three rounds still
 * fit it. A change is kept when the whole schedule gets fairer, or as fair with more `must`
 * pairs, or as many with more weight; the search stops at the relaxation's bound. Two rounds at
 * once is what single insertions and one-round re-solves cannot do: move a participant's meeting
 * from one round to another while its partner takes someone else; three rounds untangle the
 * chains of such moves that pairs leave (medium dense events: 6 → 2 and 3 → 1 of 40 below 99.5 %
 * of the optimum). The sub-problems' local search only seeds their exact search. `planner` is
 * `planSchedule` (passed in: it calls this).
 */
export function repairRoundGroups(
  instance: Instance,
  model: Model,
  plan: Plan,
  planner: Planner,
): Int32Array {
  let colour = plan.colour;
  let best = scoreOf(model, colour);
  const bound = boundScore(model, plan);
  if (best.fairness < bound.fairness) {
    colour = raiseFairness(instance, model, colour, bound.fairness, planner);
    best = scoreOf(model, colour);
  }
  for (const { size, sweeps } of groupPhases(model)) {
    const groups = roundGroups(model.planRounds, size);
    for (let sweep = 0; sweep < sweeps; sweep++) {
      let improved = false;
      for (const group of groups) {
        if (atBound(best, bound)) return colour;
        const candidate = replanRounds(instance, model, colour, group, planner);
        const score = scoreOf(model, candidate);
        if (better(score, best)) {
          colour = candidate;
          best = score;
          improved = true;
        }
      }
      if (!improved) break;
    }
  }
  return colour;
}

/**
 * Fairness comes first, and the weight-driven sweeps below only see it move when every
 * participant short of the next level gains at once. So while the schedule is less fair than the
 * relaxation allows, groups of rounds (pairs, then triples) are planned again with the pairs of
 * the participants still short of the next level made heavier than all others together, and a
 * change is kept when it
 * lowers their total shortfall; a level is adopted only once nobody is short of it (the weight
 * may then drop: fairness outranks it).
 */
function raiseFairness(
  instance: Instance,
  model: Model,
  start: Int32Array,
  ceiling: number,
  planner: Planner,
): Int32Array {
  let colour = start;
  for (let target = scoreOf(model, colour).fairness + 1; target <= ceiling; target++) {
    const reached = reachLevel(instance, model, colour, target, planner);
    if (!reached) break;
    colour = reached;
  }
  return colour;
}

/** A schedule where everyone meets at least min(target, cap) others, or undefined if not found. */
function reachLevel(
  instance: Instance,
  model: Model,
  start: Int32Array,
  target: number,
  planner: Planner,
): Int32Array | undefined {
  let colour = start;
  let short = shortfall(model, colour, target);
  for (const { size, sweeps } of groupPhases(model)) {
    const groups = roundGroups(model.planRounds, size);
    for (let sweep = 0; sweep < sweeps && short > 0; sweep++) {
      let improved = false;
      for (const group of groups) {
        if (short === 0) break;
        const favoured = favourShort(instance, model, colour, target);
        const candidate = replanRounds(favoured, model, colour, group, planner);
        const after = shortfall(model, candidate, target);
        if (after < short) {
          colour = candidate;
          short = after;
          improved = true;
        }
      }
      if (!improved) break;
    }
  }
  return short === 0 ? colour : undefined;
}

/** Σ over participants of how many meetings they lack to reach min(target, cap). */
function shortfall(model: Model, colour: Int32Array, target: number): number {
  const count = totals(model, colour);
  let short = 0;
  for (let v = 0; v < model.vertexCount; v++)
    short += Math.max(0, Math.min(target, model.cap[v]!) - count[v]!);
  return short;
}

/** The instance with each pair of a participant short of `target` heavier than all pairs together. */
function favourShort(instance: Instance, model: Model, colour: Int32Array, target: number): Instance {
  const count = totals(model, colour);
  const isShort = (id: string): boolean => {
    const v = model.indexOf.get(id);
    return v !== undefined && count[v]! < Math.min(target, model.cap[v]!);
  };
  let total = 1;
  for (const w of instance.weights) total += w.w >= 0 ? w.w : 0;
  const boost = Math.ceil(total);
  return {
    ...instance,
    weights: instance.weights.map((w) =>
      isShort(w.a) || isShort(w.b)
        ? { ...w, w: w.w + boost * (Number(isShort(w.a)) + Number(isShort(w.b))) }
        : w,
    ),
  };
}

/** Pairs of rounds, then triples when three rounds fit the exact search. */
function groupPhases(model: Model): { size: number; sweeps: number }[] {
  const phases = [{ size: 2, sweeps: SWEEPS }];
  if (model.planRounds > 3 && model.edgeLeft.length * 3 <= EXACT_SIZE_LIMIT)
    phases.push({ size: 3, sweeps: TRIPLE_SWEEPS });
  return phases;
}

/** Every set of `size` rounds among 0..k−1, in lexicographic order. */
function roundGroups(k: number, size: number): number[][] {
  const groups: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === size) {
      groups.push(chosen);
      return;
    }
    for (let c = from; c < k; c++) pick(c + 1, [...chosen, c]);
  };
  pick(0, []);
  return groups;
}

/** The rounds of `group` planned again, all others held. */
function replanRounds(
  instance: Instance,
  model: Model,
  colour: Int32Array,
  group: readonly number[],
  planner: Planner,
): Int32Array {
  const k = model.planRounds;
  const last = k - group.length + 1;
  // Round c (0-based) of the event becomes round position[c] (1-based): the group's rounds go last.
  const position = new Int32Array(k);
  let next = 1;
  for (let c = 0; c < k; c++) if (!group.includes(c)) position[c] = next++;
  group.forEach((c, i) => (position[c] = last + i));
  const moved = (p: Participant): Participant =>
    p.present === undefined ? p : { ...p, present: p.present.map((r) => position[r - 1]!) };
  const derived: Instance = {
    ...instance,
    left: instance.left.map(moved),
    right: instance.right.map(moved),
  };
  const previous: Meeting[] = [];
  const table = new Int32Array(k + 1);
  for (let e = 0; e < colour.length; e++) {
    if (colour[e]! < 0) continue;
    const round = position[colour[e]!]!;
    const a = model.ids[model.edgeLeft[e]!]!;
    const b = model.ids[model.edgeRight[e]!]!;
    previous.push({ id: '', round, table: ++table[round]!, a, b });
  }
  const schedule = planner(derived, { previous, fromRound: last, reoptimize: true }, { seedOnly: true });
  const result = Int32Array.from(colour);
  for (let e = 0; e < result.length; e++) if (group.includes(result[e]!)) result[e] = -1;
  for (const m of schedule.meetings) {
    if (m.round < last) continue;
    const e = model.edgeOf.get(pairKey(model.vertexCount, model.indexOf.get(m.a)!, model.indexOf.get(m.b)!));
    if (e !== undefined) result[e] = group[m.round - last]!;
  }
  return result;
}

function scoreOf(model: Model, colour: Int32Array): Score {
  let musts = 0;
  let weight = 0;
  for (let e = 0; e < colour.length; e++) {
    if (colour[e]! < 0) continue;
    if (model.edgeWish[e] === 'must') musts++;
    weight += model.profit[e]!;
  }
  return { fairness: realisedFairness(model, totals(model, colour)), musts, weight };
}

const better = (x: Score, y: Score): boolean =>
  x.fairness !== y.fairness
    ? x.fairness > y.fairness
    : x.musts !== y.musts
      ? x.musts > y.musts
      : x.weight > y.weight;
