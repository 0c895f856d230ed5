/**
 * Case and accent folding, and tokenisation of French text. Ligatures and typographic apostrophes
 * are common in text pasted from documents, so they are folded too.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Words of at least two letters or digits; elided articles (l', d', qu') fall off as stop words. */
export function tokenise(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

// NOTE: the list is folded (no accents) and keeps content words a funder would use ("aide",
// "projet" stay in: they are weak but IDF weighs them down instead of a hand-made choice).
const STOP_WORDS_TEXT = `
au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui
ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te
tes toi ton tu un une vos votre vous ete etre avoir ai as avons avez ont est sont sommes etes fait
faire font plus moins tres tout tous toute toutes autre autres aussi ainsi comme dont chaque entre
depuis sans sous vers chez afin car donc puis alors ni soit cela ceci celui celle ceux celles ici
deja encore bien peu beaucoup etc ans an annee annees notamment egalement leurs y sa son nos qu
peut peuvent pouvons souhaitons souhaite cherchons recherchons cherche recherche besoin besoins
offrons proposons propose proposer offre offres mettre disposition dispose disposons avons
structure organisation nombreux nombreuses plusieurs certains certaines quelques
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORDS_TEXT.split(/\s+/).filter(Boolean));
