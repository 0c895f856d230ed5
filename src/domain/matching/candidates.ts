import type { Corpus } from './corpus.ts';

/** Placeholder until the inverted index lands: every other profile. */
export function candidatesOf(corpus: Corpus, seekerIndex: number, _k: number): number[] {
  return corpus.profiles.map((p) => p.index).filter((i) => i !== seekerIndex);
}
