import { seededRandom } from '../seeded-random.ts';
import type { Instance, Participant } from '../types.ts';

export interface Changes {
  /** Share of participants who leave after some round from fromRound − 1 on. */
  readonly leave: number;
  /** Walk-ins per side (from fromRound to the end), or a probability of one when below 1. */
  readonly walkIns: number;
  /** Share of the other side each walk-in may meet. */
  readonly density: number;
  readonly seed: number;
}

/** The event under way at round R: some leave after a round, some walk in from R with new pairs. */
export function underWay(instance: Instance, fromRound: number, changes: Changes): Instance {
  const random = seededRandom(changes.seed);
  const rounds = Array.from({ length: instance.rounds }, (_, i) => i + 1);
  const leave = (p: Participant): Participant => {
    if (random() >= changes.leave) return p;
    const last = fromRound - 1 + Math.floor(random() * (instance.rounds - fromRound + 1));
    return { ...p, present: (p.present ?? rounds).filter((r) => r <= last) };
  };
  const walkIns = (prefix: string): Participant[] => {
    const count = changes.walkIns >= 1 ? changes.walkIns : random() < changes.walkIns ? 1 : 0;
    return Array.from({ length: count }, (_, i) => ({
      id: `${prefix}new${i === 0 ? '' : i + 1}`,
      present: rounds.filter((r) => r >= fromRound),
    }));
  };
  const left = [...instance.left.map(leave), ...walkIns('L')];
  const right = [...instance.right.map(leave), ...walkIns('R')];
  const newcomer = (id: string): boolean => /new\d*$/.test(id);
  const weights = [...instance.weights];
  for (const a of left)
    for (const b of right) {
      if ((newcomer(a.id) || newcomer(b.id)) && random() < changes.density)
        weights.push({ a: a.id, b: b.id, w: Math.floor(random() * 100) });
    }
  return { ...instance, left, right, weights };
}
