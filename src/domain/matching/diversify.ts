/** A scored candidate with the two traits that make suggestions look alike. */
export interface Rankable {
  score: number;
  kind: string;
}

const cost = (k: number): number => (k * k) / 2;

/**
 * Greedy re-ranking so that the top of a list is not ten near-copies of one kind of actor: after
 * k picks of a kind, the remaining candidates of that kind lose `penalty`·k²/2. The cost grows
 * with the count, so a second or third of a kind near the top is barely moved (the right partner
 * often looks like another candidate), while a run of copies is broken up. A small penalty only
 * swaps near-ties; a strong candidate keeps its rank.
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
      const value = c.score - penalty * cost(seen.get(c.kind) ?? 0);
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
