import { realisedFairness } from './fairness.ts';
import { pairKey, type Model } from './model.ts';
import { totals, type Plan } from './optimise.ts';
import type { Instance, Meeting, Participant, Replan, Schedule } from './types.ts';

/** Up to this many edges × rounds, a planned event with windows gets the round-pair repair. */
export const ROUND_PAIRS_LIMIT = 6000;
/** Sweeps over all pairs of rounds, at most: each one re-plans every pair of rounds once. */
const SWEEPS = 2;

type Planner = (instance: Instance, replan?: Replan) => Schedule;

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
  const score = scoreOf(model, plan.colour);
  let musts = 0;
  let weight = 0;
  for (let e = 0; e < plan.bound.chosen.length; e++) {
    if (!plan.bound.chosen[e]) continue;
    if (model.edgeWish[e] === 'must') musts++;
    weight += model.profit[e]!;
  }
  return score.fairness >= plan.fairnessBound && score.musts >= musts && score.weight >= weight;
}

interface Score {
  readonly fairness: number;
  readonly musts: number;
  readonly weight: number;
}

/**
 * A large-neighbourhood search for events just above the exact search's size: every pair of
 * rounds in turn is planned again with all other rounds fixed, as a re-planning of the last two
 * rounds of the same event with its rounds reordered (the other rounds' meetings held), which is
 * small enough for the exact search. A change is kept when the whole schedule gets fairer, or as
 * fair with more `must` pairs, or as many with more weight. Two rounds at once is what single
 * insertions and one-round re-solves cannot do: move a participant's meeting from one round to
 * another while its partner takes someone else. `plan` is `planSchedule` (passed in: it calls this).
 */
export function repairRoundPairs(
  instance: Instance,
  model: Model,
  start: Int32Array,
  plan: Planner,
): Int32Array {
  let colour = start;
  let best = scoreOf(model, colour);
  const k = model.planRounds;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let improved = false;
    for (let c1 = 0; c1 < k; c1++) {
      for (let c2 = c1 + 1; c2 < k; c2++) {
        const candidate = replanTwoRounds(instance, model, colour, c1, c2, plan);
        const score = scoreOf(model, candidate);
        if (better(score, best)) {
          colour = candidate;
          best = score;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return colour;
}

function replanTwoRounds(
  instance: Instance,
  model: Model,
  colour: Int32Array,
  c1: number,
  c2: number,
  plan: Planner,
): Int32Array {
  const k = model.planRounds;
  // Round c (0-based) of the event becomes round position[c] (1-based): c1 and c2 go last.
  const position = new Int32Array(k);
  let next = 1;
  for (let c = 0; c < k; c++) if (c !== c1 && c !== c2) position[c] = next++;
  position[c1] = k - 1;
  position[c2] = k;
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
  const schedule = plan(derived, { previous, fromRound: k - 1, reoptimize: true });
  const result = Int32Array.from(colour);
  for (let e = 0; e < result.length; e++) if (result[e] === c1 || result[e] === c2) result[e] = -1;
  for (const m of schedule.meetings) {
    if (m.round < k - 1) continue;
    const e = model.edgeOf.get(pairKey(model.vertexCount, model.indexOf.get(m.a)!, model.indexOf.get(m.b)!));
    if (e !== undefined) result[e] = m.round === k - 1 ? c1 : c2;
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
