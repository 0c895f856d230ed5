/**
 * A light French stemmer: folds plurals, feminine forms and the common derivational suffixes so
 * that "recyclage", "recycler" and "recyclés" meet. It is deliberately conservative (a stem keeps
 * at least four letters): over-stemming merges unrelated words, which hurts ranking more than a
 * missed plural, and the field vocabulary joins what stemming cannot.
 * Input must already be folded (lower case, no accents).
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  let w = dropPlural(word);
  w = dropSuffix(w);
  // NOTE: never below three letters ("accs" → "acc", not "ac"), as the property test requires.
  if (w.length > 3) w = w.replace(/(.)\1$/, '$1');
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function dropPlural(w: string): string {
  if (w.endsWith('eaux')) return w.slice(0, -1);
  if (w.endsWith('aux') && w.length > 4) return `${w.slice(0, -3)}al`;
  if (w.endsWith('x') && /[aeo]ux$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

// Longest first; each rule removes the suffix (or replaces it) if the rest keeps 4+ letters.
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['issement', ''],
  ['issements', ''],
  ['atrice', ''],
  ['ateur', ''],
  ['ation', ''],
  ['ition', ''],
  ['ement', ''],
  ['ements', ''],
  ['ique', ''],
  ['isme', ''],
  ['iste', ''],
  ['euse', ''],
  ['eur', ''],
  ['erie', ''],
  ['ance', ''],
  ['ence', ''],
  ['able', ''],
  ['ible', ''],
  ['ite', ''],
  ['ive', ''],
  ['if', ''],
  ['ment', ''],
  ['age', ''],
  ['ion', ''],
  ['ee', ''],
  ['es', ''],
  ['er', ''],
  ['ez', ''],
  ['elle', 'el'],
  ['ienne', 'ien'],
  ['ien', ''],
];

function dropSuffix(w: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length) + replacement;
  }
  return w;
}
