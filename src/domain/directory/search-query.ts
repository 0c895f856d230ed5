/**
 * A directory search as typed by a facilitator, cleaned before it reaches PostgreSQL: control
 * characters and tsquery operators that mean nothing to a user are dropped, quoted phrases are
 * kept (websearch syntax), and the query is bounded so that one request cannot ask for hundreds
 * of terms.
 */
export interface SearchQuery {
  /** The text for `websearch_to_tsquery('french_unaccent', …)`. */
  text: string;
  /** The words, folded (lower case, no accents), for trigram matching on names. */
  words: string[];
  /** The folded text as one string, for similarity on the whole name. */
  folded: string;
}

export const MAX_SEARCH_WORDS = 12;

/** Lower case without diacritics, as `immutable_unaccent(lower(…))` gives in SQL. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function parseSearchQuery(input: string | undefined): SearchQuery | null {
  if (!input) return null;
  // Keep letters, digits, quotes (phrases), apostrophes and hyphens (words like "aujourd'hui",
  // "Saint-Louis"); anything else separates words.
  const cleaned = input
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}"'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned
    .replace(/"/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^[-']+|[-']+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  const quotes = (cleaned.match(/"/g) ?? []).length;
  // An unbalanced quote would turn the rest of the query into one phrase: drop them all then.
  const text = (quotes % 2 === 0 ? cleaned : cleaned.replace(/"/g, ''))
    .split(' ')
    .filter((token) => !/^[-']+$/.test(token))
    .slice(0, MAX_SEARCH_WORDS * 2)
    .join(' ');
  return { text, words: words.map(fold), folded: fold(words.join(' ')) };
}
