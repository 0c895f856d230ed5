import { bestAtFairness, fairestBest, type BMatching } from './b-matching.ts';
import { equitableEdgeColouring } from './edge-colouring.ts';
import { realisedFairness } from './fairness.ts';
import type { Model } from './model.ts';
import { scheduleWithWindows } from './window-schedule.ts';

export interface Plan {
  /** Round index (0 = fromRound) of each edge, −1 when it does not meet. */
  readonly colour: Int32Array;
  readonly fairness: number;
  /** No schedule can be fairer than this (the flow relaxation's fairness). */
  readonly fairnessBound: number;
  /** b-matching optimum at `fairness`: no schedule that fair weighs more. */
  readonly bound: BMatching;
}

/**
 * Fairness first, then weight. Without presence windows the b-matching optimum at the best
 * fairness is coloured exactly into rounds (optimal); with windows it is repaired by local search,
 * and if the fairness it reaches falls short, the optimum at that lower fairness is tried too.
 */
export function optimise(model: Model, preferred?: Int32Array): Plan {
  const favoured = preferred ? Uint8Array.from(preferred, (c) => (c >= 0 ? 1 : 0)) : undefined;
  const { fairness: top, matching } = fairestBest(model, favoured);
  if (model.uniformPresence) {
    return {
      colour: colourExactly(model, matching.chosen, preferred),
      fairness: top,
      fairnessBound: top,
      bound: matching,
    };
  }
  const first = scheduleWithWindows(model, matching.chosen, top, matching.weight, preferred);
  const firstFairness = realisedFairness(model, totals(model, first.colour));
  if (firstFairness >= top) {
    return { colour: first.colour, fairness: top, fairnessBound: top, bound: matching };
  }
  const lowered = bestAtFairness(model, firstFairness, favoured);
  const second = scheduleWithWindows(model, lowered.chosen, firstFairness, lowered.weight, preferred);
  const secondFairness = realisedFairness(model, totals(model, second.colour));
  const useSecond =
    secondFairness > firstFairness ||
    (secondFairness === firstFairness &&
      (second.musts > first.musts || (second.musts === first.musts && second.weight > first.weight + 1e-9)));
  const fairness = useSecond ? secondFairness : firstFairness;
  const bound = fairness === firstFairness ? lowered : bestAtFairness(model, fairness);
  return { colour: (useSecond ? second : first).colour, fairness, fairnessBound: top, bound };
}

function colourExactly(model: Model, chosen: Uint8Array, preferred?: Int32Array): Int32Array {
  const picked: number[] = [];
  for (let e = 0; e < chosen.length; e++) if (chosen[e]) picked.push(e);
  // NOTE: meetings that keep their previous round are coloured first, while that round is free.
  if (preferred) picked.sort((x, y) => Number(preferred[y]! >= 0) - Number(preferred[x]! >= 0) || x - y);
  const ends = {
    u: Int32Array.from(picked, (e) => model.edgeLeft[e]!),
    v: Int32Array.from(picked, (e) => model.edgeRight[e]!),
  };
  const wishes = preferred ? Int32Array.from(picked, (e) => preferred[e]!) : undefined;
  const colours = equitableEdgeColouring(model.vertexCount, ends, model.planRounds, wishes, model.tables);
  const colour = new Int32Array(chosen.length).fill(-1);
  picked.forEach((e, i) => (colour[e] = colours[i]!));
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
