import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, conceptsOf } from './analyse.ts';
import { fold, tokenise } from './normalise.ts';
import { stem } from './stem.ts';

describe('fold and tokenise', () => {
  it('folds case, accents, ligatures and typographic apostrophes', () => {
    expect(fold('Œuvre ÉLÈVES Noël')).toBe('oeuvre eleves noel');
    expect(tokenise('L’économie d’énergie')).toEqual(['economie', 'energie']);
  });

  it('never yields an empty or one-letter token', () => {
    fc.assert(
      fc.property(fc.string(), (s) => tokenise(s).every((t) => t.length > 1 && /^[a-z0-9]+$/.test(t))),
    );
  });
});

describe('stem', () => {
  it.each([
    ['déchets', 'déchet'],
    ['locaux', 'local'],
    ['bénévoles', 'bénévole'],
    ['recyclage', 'recycler'],
    ['associations', 'association'],
    ['jeux', 'jeu'],
    ['culturelles', 'culturel'],
    ['ordinateurs', 'ordinateur'],
  ])('conflates %s and %s', (a, b) => {
    expect(stem(fold(a))).toBe(stem(fold(b)));
  });

  it('keeps short words and numbers as they are', () => {
    expect(stem('bio')).toBe('bio');
    expect(stem('2024')).toBe('2024');
  });

  it('keeps three letters when a plural and a double letter both go', () => {
    // Found by the property below at random: "accs" once became "ac".
    expect(stem('accs')).toBe('acc');
  });

  it('never lengthens a word nor cuts it below three letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,15}$/), (w) => {
        const s = stem(w);
        return s.length <= w.length + 1 && (w.length <= 3 ? s === w : s.length >= 3);
      }),
    );
  });
});

describe('field vocabulary', () => {
  it.each([
    ['nos déchets de production', 'de la matière première pour nos créations', 'gisement'],
    ['des bénévoles pour la collecte', 'du mécénat de compétences', 'benevolat'],
    ['des locaux pour nos réunions', 'une salle équipée', 'locaux'],
    ['du matériel informatique', 'des ordinateurs portables', 'numerique'],
    ['le numérique pour tous', 'des ordinateurs', 'numerique'],
    ["l'insertion des jeunes", "l'emploi des jeunes", 'emploi'],
  ])('joins "%s" and "%s" on the concept %s', (a, b, concept) => {
    expect(conceptsOf(a)).toContain(concept);
    expect(conceptsOf(b)).toContain(concept);
  });

  it('matches a phrase on its full wording only', () => {
    expect(conceptsOf('mise à disposition de personnel')).toContain('emploi');
    expect(conceptsOf('une mise en bouche')).not.toContain('emploi');
  });

  it('drops stop words and keeps stems and concept tokens', () => {
    const terms = analyse('Nous cherchons des bénévoles');
    expect(terms).not.toContain('nous');
    expect(terms).toContain(stem('benevoles'));
    expect(terms).toContain('#benevolat');
  });

  it('never lets a stop word stand for a concept on its own', () => {
    // "cherche" is a stop word whose stem is that of "chercheur" (#recherche).
    expect(conceptsOf('Constructeur qui cherche des isolants')).not.toContain('recherche');
    expect(conceptsOf('Des chercheurs en sciences sociales')).toContain('recherche');
  });

  it('keeps numbers out of the terms', () => {
    expect(analyse('5 000 couverts par jour')).not.toContain('000');
    expect(analyse('Salle de 120 m2')).toContain(stem('m2'));
  });
});
