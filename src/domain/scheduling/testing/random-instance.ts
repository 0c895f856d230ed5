import { seededRandom } from '../seeded-random.ts';
import type { Instance, Participant, WeightedPair } from '../types.ts';

export { seededRandom };

export interface InstanceShape {
  readonly left: number;
  readonly right: number;
  readonly rounds: number;
  /** Tables per round; defaults to as many as the smaller side (no limit). */
  readonly tables?: number;
  /** Share of pairs that may meet. */
  readonly density: number;
  readonly weights: 'random' | 'clustered';
  /** Share of participants who arrive late or leave early. */
  readonly windows?: number;
  /** Share of participants with their own maximum. */
  readonly maxes?: number;
  /** Share of weighted pairs marked as wishes, and of pairs forbidden. */
  readonly wishes?: number;
  readonly forbidden?: number;
  readonly seed: number;
}

/** A random event of the given shape; clustered weights favour pairs in the same sector. */
export function randomInstance(shape: InstanceShape): Instance {
  const random = seededRandom(shape.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const sectors = 6;
  const person = (prefix: string, i: number): Participant & { sector: number } => {
    const base: { id: string; present?: number[]; max?: number; sector: number } = {
      id: `${prefix}${i + 1}`,
      sector: int(0, sectors - 1),
    };
    if (random() < (shape.windows ?? 0)) {
      const from = int(1, Math.max(1, Math.ceil(shape.rounds / 2)));
      const to = int(Math.min(shape.rounds, from + 1), shape.rounds);
      base.present = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    }
    if (random() < (shape.maxes ?? 0)) base.max = int(1, Math.max(1, shape.rounds - 1));
    return base;
  };
  const left = Array.from({ length: shape.left }, (_, i) => person('L', i));
  const right = Array.from({ length: shape.right }, (_, i) => person('R', i));
  const weights: WeightedPair[] = [];
  const forbidden: { a: string; b: string }[] = [];
  for (const a of left) {
    for (const b of right) {
      if (random() >= shape.density) continue;
      if (random() < (shape.forbidden ?? 0)) forbidden.push({ a: a.id, b: b.id });
      const w = shape.weights === 'random' ? int(0, 100) : a.sector === b.sector ? int(60, 100) : int(0, 30);
      const wish = random() < (shape.wishes ?? 0) ? (random() < 0.3 ? 'must' : 'wish') : undefined;
      weights.push({ a: a.id, b: b.id, w, ...(wish ? { wish } : {}) });
    }
  }
  const strip = ({ sector: _sector, ...p }: Participant & { sector: number }): Participant => p;
  return {
    rounds: shape.rounds,
    tables: shape.tables ?? Math.min(shape.left, shape.right),
    left: left.map(strip),
    right: right.map(strip),
    weights,
    ...(forbidden.length ? { forbidden } : {}),
  };
}
