/** A scored candidate with the two traits that make suggestions look alike. */
export interface Rankable {
  score: number;
  kind: string;
}

/**
 * Greedy re-ranking so that the top of a list is not ten near-copies of one kind of actor: each
 * pick lowers the score of the remaining candidates of the same kind by `penalty` per earlier
 * pick. A small penalty only swaps near-ties; a strong candidate keeps its rank.
 */
export function diversify<T extends Rankable>(sorted: readonly T[], top: number, penalty: number): T[] {
  const remaining = [...sorted];
  const picked: T[] = [];
  const seen = new Map<string, number>();
  while (picked.length < top && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < remaining.length; i += 1) {
      const c = remaining[i] as T;
      // Candidates are sorted: once the raw score cannot beat the best adjusted one, stop.
      if (c.score <= bestValue) break;
      const value = c.score - penalty * (seen.get(c.kind) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    }
    const [choice] = remaining.splice(bestIndex, 1) as [T];
    picked.push(choice);
    seen.set(choice.kind, (seen.get(choice.kind) ?? 0) + 1);
  }
  return picked;
}
