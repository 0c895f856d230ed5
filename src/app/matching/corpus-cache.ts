import { prepareCorpus, type Corpus } from '../../domain/matching/corpus.ts';
import type { GeoLookup } from '../../domain/matching/model.ts';
import { WEIGHTS } from '../../domain/matching/weights.ts';
import type { MatchingSource } from './ports.ts';
import { toMatchProfile } from './to-match-profile.ts';

/**
 * One analysed corpus per lab, rebuilt only when the lab's directory changed: analysing every
 * profile is the expensive part, scoring one organisation's candidates is cheap.
 */
export class CorpusCache {
  private readonly entries = new Map<string, { fingerprint: string; corpus: Promise<Corpus> }>();

  constructor(
    private readonly source: MatchingSource,
    private readonly geo: GeoLookup,
  ) {}

  async corpusOf(labId: string): Promise<Corpus> {
    const fingerprint = await this.source.fingerprint(labId);
    const cached = this.entries.get(labId);
    if (cached && cached.fingerprint === fingerprint) return cached.corpus;
    const corpus = this.source
      .profiles(labId)
      .then((profiles) => prepareCorpus(profiles.map(toMatchProfile), this.geo, WEIGHTS));
    this.entries.set(labId, { fingerprint, corpus });
    corpus.catch(() => this.entries.delete(labId));
    return corpus;
  }
}
