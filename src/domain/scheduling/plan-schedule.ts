import { maxFairness, weightBound } from './b-matching.ts';
import { explainUnmet } from './explain.ts';
import { realisedFairness } from './fairness.ts';
import { keepAndFill } from './keep-and-fill.ts';
import { meetingId, meetingIds } from './meeting-id.ts';
import { buildModel, pairKey, type Model } from './model.ts';
import { optimise, totals } from './optimise.ts';
import { repairRoundGroups, roundPairsApply } from './round-pairs.ts';
import { assignTables, sortMeetings, type PlacedPair } from './tables.ts';
import type { Instance, Meeting, Replan, Schedule } from './types.ts';

/** Internal settings, for the round repair's own calls. */
export interface PlanOptions {
  /** The local search only seeds the exact search of a small event (see `scheduleWithWindows`). */
  readonly seedOnly?: boolean;
}

/**
 * Plans a speed-dating event: fairness first (every participant meets at least min(m, its cap)
 * others, m as large as possible), then the total weight. Same input, same schedule.
 *
 * Re-planning (`replan`): meetings before `fromRound` are history and stay as they were. By
 * default the later planned meetings whose participants are still present keep their round and
 * table and the free participants are paired again; with `reoptimize` the later rounds are
 * planned afresh, history counting towards fairness, previous rounds and tables kept where the
 * new plan allows.
 */
export function planSchedule(instance: Instance, replan?: Replan, options: PlanOptions = {}): Schedule {
  const fromRound = replan ? Math.min(Math.max(1, Math.floor(replan.fromRound)), instance.rounds + 1) : 1;
  const history = (replan?.previous ?? [])
    .filter((m) => m.round < fromRound)
    .map((m): Meeting => ({ ...m, id: meetingId(m.a, m.b) }));
  const upcoming = (replan?.previous ?? []).filter((m) => m.round >= fromRound);
  const previousById = new Map(upcoming.map((m) => [meetingId(m.a, m.b), m]));
  const model = buildModel(instance, fromRound, history);

  let colour: Int32Array;
  let fairnessBound: number;
  let boundAt: { fairness: number; weight: number } | undefined;
  let proved = false;
  if (replan && !replan.reoptimize) {
    colour = keepAndFill(model, upcoming).colour;
    fairnessBound = -1;
  } else {
    const preferred = preferredRounds(model, upcoming);
    const plan = optimise(model, preferred, options.seedOnly);
    colour =
      !replan && roundPairsApply(model, plan)
        ? repairRoundGroups(instance, model, plan, planSchedule)
        : plan.colour;
    fairnessBound = plan.fairnessBound;
    proved = plan.proved && colour === plan.colour;
    boundAt = { fairness: plan.fairness, weight: weightBound(model, plan.fairness, plan.bound) };
  }

  const pairs = placedPairs(model, colour);
  const planned = assignTables(pairs, model.tables, previousById);
  // NOTE: history is before fromRound and the planned meetings come sorted.
  const meetings = [...sortMeetings(history), ...planned];
  const fairness = realisedFairness(model, totals(model, colour));
  if (fairnessBound < 0) fairnessBound = Math.max(fairness, maxFairness(model));
  const heldWeight = model.heldWeight;
  const plannedWeight = pairs.reduce((sum, p) => sum + p.weight, 0);
  const boundWeight =
    boundAt && boundAt.fairness === fairness ? boundAt.weight : weightBound(model, fairness);
  const unmet = explainUnmet({ model, meetings, fairness });
  const weight = round9(heldWeight + plannedWeight);
  const bound = Math.max(weight, round9(heldWeight + boundWeight));
  const schedule: Schedule = {
    meetings,
    weight,
    bound,
    fairness,
    fairnessBound,
    optimal: proved || (fairness >= fairnessBound && weight >= bound && everyMustMeets(model, colour)),
    unmet,
  };
  if (!replan) return schedule;
  const kept = new Set(planned.map((m) => `${m.id}@${m.round}#${m.table}`));
  const moved = upcoming.filter((m) => !kept.has(`${meetingId(m.a, m.b)}@${m.round}#${m.table}`)).length;
  return { ...schedule, moved };
}

/** The meeting pairs of a colouring, in the order of the instance's pairs. */
function placedPairs(model: Model, colour: Int32Array): PlacedPair[] {
  const { ids } = model;
  const idOf = meetingIds(ids);
  const pairs: PlacedPair[] = [];
  for (let e = 0; e < colour.length; e++) {
    if (colour[e]! < 0) continue;
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    pairs.push({
      id: idOf(u, v),
      a: ids[u]!,
      b: ids[v]!,
      round: model.fromRound + colour[e]!,
      weight: model.edgeWeight[e]!,
    });
  }
  return pairs;
}

/** Every pair marked `must` that may still meet does. */
function everyMustMeets(model: Model, colour: Int32Array): boolean {
  for (let e = 0; e < colour.length; e++) if (model.edgeWish[e] === 'must' && colour[e]! < 0) return false;
  return true;
}

const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The round each edge had in the previous plan (index from fromRound), to move as little as possible. */
function preferredRounds(model: Model, upcoming: readonly Meeting[]): Int32Array | undefined {
  if (upcoming.length === 0) return undefined;
  const preferred = new Int32Array(model.edgeLeft.length).fill(-1);
  for (const m of upcoming) {
    const u = model.indexOf.get(m.a);
    const v = model.indexOf.get(m.b);
    if (u === undefined || v === undefined) continue;
    const e = model.edgeOf.get(pairKey(model.vertexCount, u, v));
    if (e !== undefined) preferred[e] = m.round - model.fromRound;
  }
  return preferred;
}
