import type { MatchProfile, Place, Suggestion } from '../../domain/matching/model.ts';
import type { SuggestOptions } from '../../domain/matching/suggest.ts';
import type { Weights } from '../../domain/matching/weights.ts';
import type { WireCorpus } from './corpus-wire.ts';

/**
 * How a ranking thread gets the corpus: `rebuild` sends the profiles and the places of their
 * communes and each thread prepares the corpus itself; `shared` prepares it once in the calling
 * thread and hands it over in compact form (vectors in shared memory).
 */
export type CorpusSharing = 'rebuild' | 'shared';

export type ToThread =
  | {
      kind: 'init';
      options: SuggestOptions;
      corpus:
        | { kind: 'rebuild'; profiles: MatchProfile[]; places: [string, Place][]; weights: Weights }
        | { kind: 'shared'; wire: WireCorpus };
    }
  | { kind: 'rank'; task: number; seekers: number[] };

/** The suggestions of a task's seekers, in the order they were asked. */
export interface FromThread {
  task: number;
  lists: Suggestion[][];
}
