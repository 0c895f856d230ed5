import { STOP_WORDS, tokenise } from './normalise.ts';
import { stem } from './stem.ts';
import { CONCEPTS } from './vocabulary.ts';

/** Concept tokens start with '#', which no folded word can, so they never collide with stems. */
export const CONCEPT_PREFIX = '#';

interface PhraseEntry {
  stems: string[];
  concepts: string[];
}

// First stem → the phrases starting with it, longest first so "matière première" wins over "matière".
const PHRASES: ReadonlyMap<string, PhraseEntry[]> = buildPhrases(CONCEPTS);

function buildPhrases(concepts: Readonly<Record<string, readonly string[]>>): Map<string, PhraseEntry[]> {
  const byKey = new Map<string, PhraseEntry>();
  for (const [concept, members] of Object.entries(concepts)) {
    for (const member of members) {
      const stems = tokenise(member).map(stem);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const entry = byKey.get(key) ?? { stems, concepts: [] };
      if (!entry.concepts.includes(concept)) entry.concepts.push(concept);
      byKey.set(key, entry);
    }
  }
  const phrases = new Map<string, PhraseEntry[]>();
  for (const entry of byKey.values()) {
    const first = entry.stems[0] as string;
    const list = phrases.get(first) ?? [];
    list.push(entry);
    phrases.set(first, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return phrases;
}

/**
 * The terms of a text: the stems of its content words, then the concept tokens of the field
 * vocabulary it mentions. Phrases are matched on the full word sequence (stop words included),
 * so "mise à disposition" is not mistaken for "mise". Numbers are not terms: "5 000 couverts"
 * and "9 000 m2" say nothing alike.
 */
export function analyse(text: string): string[] {
  const tokens = tokenise(text);
  const stems = tokens.map(stem);
  const terms: string[] = [];
  tokens.forEach((t, i) => {
    if (!STOP_WORDS.has(t) && !NUMBER.test(t)) terms.push(stems[i] as string);
  });
  for (const concept of conceptsOfStems(tokens, stems)) terms.push(CONCEPT_PREFIX + concept);
  return terms;
}

const NUMBER = /^\d+$/;

/** The concepts a text mentions, each once, in order of first mention. */
export function conceptsOf(text: string): string[] {
  const tokens = tokenise(text);
  return conceptsOfStems(tokens, tokens.map(stem));
}

/**
 * A stop word may sit inside a phrase ("mise à disposition") but never stands for a concept on
 * its own: "qui cherche des isolants" shares its stem with "chercheur" and is not research.
 */
function conceptsOfStems(tokens: readonly string[], stems: readonly string[]): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < stems.length) {
    const candidates = PHRASES.get(stems[i] as string);
    const match = candidates?.find(
      (p) =>
        p.stems.every((s, k) => stems[i + k] === s) &&
        !(p.stems.length === 1 && STOP_WORDS.has(tokens[i] as string)),
    );
    if (match) {
      for (const c of match.concepts) if (!found.includes(c)) found.push(c);
      i += match.stems.length;
    } else {
      i += 1;
    }
  }
  return found;
}
