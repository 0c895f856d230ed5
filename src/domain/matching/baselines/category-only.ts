import { answers } from '../complementarity.ts';
import type { MatchProfile } from '../model.ts';

/**
 * Baseline: category complementarity alone — for each need, the best answering offer of the
 * other side, summed both ways. No text, no context: what a directory's filters would give.
 */
export function categoryOnlyScore(a: MatchProfile, b: MatchProfile): number {
  return flow(a, b) + flow(b, a);
}

function flow(needer: MatchProfile, giver: MatchProfile): number {
  let total = 0;
  for (const need of needer.needs) {
    let best = 0;
    for (const offer of giver.offers) best = Math.max(best, answers(need.category, offer.category));
    total += best;
  }
  return total;
}
