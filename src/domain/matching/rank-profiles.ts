import { prepareCorpus } from './corpus.ts';
import type { GeoLookup, MatchProfile, Suggestion } from './model.ts';
import { suggestAll, type SuggestOptions } from './suggest.ts';
import { ENGINE_VERSION, WEIGHTS, type Weights } from './weights.ts';

export interface Rankings {
  engine: string;
  rankings: Record<string, Suggestion[]>;
}

/**
 * The engine's entry point: every organisation's (or only `forIds`') top suggestions among the
 * given profiles. Pure: geography comes in as a lookup, weights as data.
 */
export function rankProfiles(
  profiles: readonly MatchProfile[],
  geo: GeoLookup,
  options: SuggestOptions & { forIds?: readonly string[] },
  weights: Readonly<Weights> = WEIGHTS,
  engine: string = ENGINE_VERSION,
): Rankings {
  const corpus = prepareCorpus(profiles, geo, weights);
  return { engine, rankings: suggestAll(corpus, options, options.forIds) };
}
