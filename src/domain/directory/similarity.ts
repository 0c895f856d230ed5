import { fold } from './search-query.ts';

/**
 * The trigrams of a text as pg_trgm computes them: folded, split into words on anything that is
 * not a letter or digit, each word padded with two spaces before and one after.
 */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3));
  }
  return result;
}

/** pg_trgm's `similarity`: shared trigrams over all trigrams, 0 to 1. */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
