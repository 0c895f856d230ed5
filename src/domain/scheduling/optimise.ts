import { bestAtFairness, fairestBest, type BMatching } from './b-matching.ts';
import { equitableEdgeColouring } from './edge-colouring.ts';
import { exactApplies, exactWindows } from './exact-windows.ts';
import { realisedFairness } from './fairness.ts';
import type { Model } from './model.ts';
import { scheduleWithWindows } from './window-schedule.ts';

export interface Plan {
  /** Round index (0 = fromRound) of each edge, −1 when it does not meet. */
  readonly colour: Int32Array;
  readonly fairness: number;
  /**
   * No schedule can be fairer than this: the flow relaxation's fairness, or the fairness reached
   * when the exact search of a small event proved that none higher exists.
   */
  readonly fairnessBound: number;
  /** b-matching optimum at `fairness`: no schedule that fair weighs more. */
  readonly bound: BMatching;
  /**
   * The plan is proven best (fairness, then `must` pairs, then weight): without presence windows
   * unless weights too large for an exact `must` bonus leave their number unproven; with them,
   * when the exact search of a small event finished within its budget.
   */
  readonly proved: boolean;
}

/**
 * Fairness first, then weight. Without presence windows the b-matching optimum at the best
 * fairness is coloured exactly into rounds (optimal); with windows it is repaired by local search,
 * and if the fairness it reaches falls short, the optimum at that lower fairness is tried too;
 * small events are then searched exactly (`exactWindows`) from the better of the two.
 */
export function optimise(model: Model, preferred?: Int32Array, seedOnly = false): Plan {
  const favoured = preferred ? favouredEdges(preferred) : undefined;
  const { fairness: top, matching } = fairestBest(model, favoured);
  if (model.uniformPresence) {
    return {
      colour: colourExactly(model, matching.chosen, preferred),
      fairness: top,
      fairnessBound: top,
      bound: matching,
      proved: matching.mustsFirst,
    };
  }
  // NOTE: the local search only seeds the exact search when asked and when the exact search applies.
  const seed = seedOnly && exactApplies(model);
  const first = scheduleWithWindows(model, matching.chosen, top, matching.weight, preferred, seed);
  const firstFairness = realisedFairness(model, totals(model, first.colour));
  let colour = first.colour;
  let fairness = Math.min(firstFairness, top);
  let bound = matching;
  if (firstFairness < top) {
    const lowered = bestAtFairness(model, firstFairness, favoured);
    const second = scheduleWithWindows(model, lowered.chosen, firstFairness, lowered.weight, preferred, seed);
    const secondFairness = realisedFairness(model, totals(model, second.colour));
    const useSecond =
      secondFairness > firstFairness ||
      (secondFairness === firstFairness &&
        (second.musts > first.musts ||
          (second.musts === first.musts && second.weight > first.weight + 1e-9)));
    colour = (useSecond ? second : first).colour;
    fairness = useSecond ? secondFairness : firstFairness;
    bound = fairness === firstFairness ? lowered : bestAtFairness(model, fairness);
  }
  // NOTE: small events are searched exactly, seeded with the local search's schedule; when no
  // fairer schedule exists, the search proves it, and that is the fairness bound reported.
  let fairnessBound = top;
  let proved = false;
  if (exactApplies(model)) {
    const exact = exactWindows(model, colour, fairness, top, preferred);
    if (exact.fairness !== fairness) bound = bestAtFairness(model, exact.fairness);
    colour = exact.colour;
    fairness = exact.fairness;
    if (exact.fairnessProved) fairnessBound = fairness;
    proved = exact.proved;
  }
  return { colour, fairness, fairnessBound, bound, proved };
}

/** Edges that had a round in the previous plan. */
function favouredEdges(preferred: Int32Array): Uint8Array {
  // NOTE: a plain loop: TypedArray.from with a mapping function is ten times slower.
  const favoured = new Uint8Array(preferred.length);
  for (let e = 0; e < preferred.length; e++) favoured[e] = preferred[e]! >= 0 ? 1 : 0;
  return favoured;
}

function colourExactly(model: Model, chosen: Uint8Array, preferred?: Int32Array): Int32Array {
  const picked: number[] = [];
  for (let e = 0; e < chosen.length; e++) if (chosen[e]) picked.push(e);
  // NOTE: meetings that keep their previous round are coloured first, while that round is free.
  if (preferred) picked.sort((x, y) => Number(preferred[y]! >= 0) - Number(preferred[x]! >= 0) || x - y);
  const ends = { u: new Int32Array(picked.length), v: new Int32Array(picked.length) };
  const wishes = preferred ? new Int32Array(picked.length) : undefined;
  // NOTE: plain loops: TypedArray.from with a mapping function is ten times slower.
  for (let i = 0; i < picked.length; i++) {
    ends.u[i] = model.edgeLeft[picked[i]!]!;
    ends.v[i] = model.edgeRight[picked[i]!]!;
    if (preferred && wishes) wishes[i] = preferred[picked[i]!]!;
  }
  const colours = equitableEdgeColouring(model.vertexCount, ends, model.planRounds, wishes, model.tables);
  const colour = new Int32Array(chosen.length).fill(-1);
  for (let i = 0; i < picked.length; i++) colour[picked[i]!] = colours[i]!;
  return colour;
}

/** Held plus planned meetings of each vertex. */
export function totals(model: Model, colour: Int32Array): Int32Array {
  const count = Int32Array.from(model.held);
  for (let e = 0; e < colour.length; e++) {
    if (colour[e]! < 0) continue;
    count[model.edgeLeft[e]!]!++;
    count[model.edgeRight[e]!]!++;
  }
  return count;
}
