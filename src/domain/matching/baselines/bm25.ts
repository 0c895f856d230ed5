import { CATEGORY_LABEL, THEME_LABEL } from '../labels.ts';
import type { MatchProfile } from '../model.ts';
import { STOP_WORDS, tokenise } from '../text/normalise.ts';
import { stem } from '../text/stem.ts';

/**
 * Baseline: Okapi BM25 between whole profiles (name, description, needs, offers, category and
 * theme labels), with the same folding and stemming as the engine but no field vocabulary. It
 * finds *similar* organisations, which is what event tools do; the engine must beat it.
 */
export interface Bm25Index {
  ids: string[];
  docs: Map<string, number>[];
  lengths: number[];
  averageLength: number;
  df: Map<string, number>;
  postings: Map<string, { doc: number; tf: number }[]>;
}

export function profileText(p: MatchProfile): string {
  const side = (label: string, list: MatchProfile['needs']) =>
    list.map((e) => `${label} ${CATEGORY_LABEL[e.category]} ${e.text ?? ''}`).join(' ');
  return [
    p.name,
    p.description,
    side('besoin', p.needs),
    side('offre', p.offers),
    p.themes.map((t) => THEME_LABEL[t]).join(' '),
  ].join(' ');
}

function terms(text: string): string[] {
  return tokenise(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem);
}

export function buildBm25(profiles: readonly MatchProfile[]): Bm25Index {
  const docs = profiles.map((p) => {
    const tf = new Map<string, number>();
    for (const t of terms(profileText(p))) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const lengths = docs.map((d) => [...d.values()].reduce((a, b) => a + b, 0));
  const df = new Map<string, number>();
  const postings = new Map<string, { doc: number; tf: number }[]>();
  docs.forEach((d, doc) => {
    for (const [t, tf] of d) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t) ?? [];
      list.push({ doc, tf });
      postings.set(t, list);
    }
  });
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { ids: profiles.map((p) => p.id), docs, lengths, averageLength, df, postings };
}

/** Scores of every document for the whole profile `queryIndex` as the query (itself excluded: -Infinity). */
export function bm25Scores(index: Bm25Index, queryIndex: number, k1 = 1.2, b = 0.75): Float64Array {
  const n = index.ids.length;
  const scores = new Float64Array(n);
  const query = index.docs[queryIndex] as Map<string, number>;
  for (const t of query.keys()) {
    const df = index.df.get(t) ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const { doc, tf } of index.postings.get(t) ?? []) {
      const norm = tf + k1 * (1 - b + (b * (index.lengths[doc] as number)) / index.averageLength);
      scores[doc] = (scores[doc] as number) + (idf * tf * (k1 + 1)) / norm;
    }
  }
  scores[queryIndex] = -Infinity;
  return scores;
}
