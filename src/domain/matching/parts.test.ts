import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesOf } from './candidates.ts';
import { ANSWERS, answers } from './complementarity.ts';
import { prepareCorpus } from './corpus.ts';
import { diversify } from './diversify.ts';
import { proximity } from './geography.ts';
import { de, quote } from './labels.ts';
import { CATEGORIES, type MatchProfile } from './model.ts';
import { partnershipType } from './partnership-type.ts';
import { scorePair } from './score.ts';
import { profile, SEED_DIRECTORY, testGeo } from './test-profiles.ts';
import { crossing } from './universe.ts';
import { WEIGHTS } from './weights.ts';

describe('complementarity table', () => {
  it('answers every need but "other" with its own category, all fits within [0, 1]', () => {
    for (const c of CATEGORIES) {
      if (c !== 'other') expect(answers(c, c)).toBe(1);
      for (const fit of Object.values(ANSWERS[c])) expect(fit).toBeGreaterThan(0);
      for (const fit of Object.values(ANSWERS[c])) expect(fit).toBeLessThanOrEqual(1);
    }
  });
});

describe('universe crossing', () => {
  it('values company × association above two associations, symmetrically', () => {
    expect(crossing('large company', 'association')).toBeGreaterThan(crossing('association', 'association'));
    expect(crossing('SME', 'public body')).toBe(crossing('public body', 'SME'));
  });
});

describe('proximity', () => {
  it.each([
    ['67482', '67482', 'commune'],
    ['67482', '67218', 'epci'],
    ['67482', '67180', 'departement'],
    ['67482', '68224', 'region'],
    ['67482', '38185', 'far'],
  ])('%s and %s are at the %s level', (a, b, level) => {
    expect(proximity(testGeo(a), testGeo(b)).level).toBe(level);
  });

  it('measures the distance between commune centres and scores closer higher', () => {
    const near = proximity(testGeo('67482'), testGeo('67218'));
    const far = proximity(testGeo('67482'), testGeo('68224'));
    expect(near.km).toBeGreaterThan(4);
    expect(near.km).toBeLessThan(8);
    expect(far.km).toBeGreaterThan(90);
    expect(near.score).toBeGreaterThan(far.score);
  });

  it('uses an establishment’s own coordinates over its commune centre', () => {
    const a = profile('a', { insee: '67482', lat: 48.5734, lon: 7.7521 });
    const b = profile('b', { insee: '67218', lat: 48.5734, lon: 7.7621 });
    const corpus = prepareCorpus([a, b], testGeo, WEIGHTS);
    const [pa, pb] = corpus.profiles as [(typeof corpus.profiles)[0], (typeof corpus.profiles)[0]];
    const near = scorePair(corpus, pa, pb).proximity;
    expect(near.level).toBe('epci');
    expect(near.km).toBeLessThan(1);
  });

  it('says unknown when a commune is missing', () => {
    expect(proximity(undefined, testGeo('67482')).level).toBe('unknown');
  });
});

describe('diversify', () => {
  const item = (score: number, kind: string) => ({ score, kind });

  it('returns the best prefix when no penalty applies', () => {
    const sorted = [item(0.9, 'a'), item(0.8, 'a'), item(0.7, 'b')];
    expect(diversify(sorted, 2, 0)).toEqual(sorted.slice(0, 2));
  });

  it('lets a close candidate of another kind pass a third copy', () => {
    const sorted = [item(0.9, 'a'), item(0.89, 'a'), item(0.88, 'a'), item(0.87, 'b')];
    expect(diversify(sorted, 3, 0.05).map((i) => i.kind)).toContain('b');
  });

  it('returns min(top, n) distinct items of the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.double({ min: 0, max: 1, noNaN: true }),
            kind: fc.constantFrom('a', 'b', 'c'),
          }),
        ),
        fc.nat(12),
        (items, top) => {
          const sorted = [...items].sort((x, y) => y.score - x.score);
          const out = diversify(sorted, top, 0.05);
          return (
            out.length === Math.min(top, items.length) &&
            new Set(out).size === out.length &&
            out.every((o) => sorted.includes(o))
          );
        },
      ),
    );
  });
});

describe('partnershipType', () => {
  const typeOf = (a: MatchProfile, b: MatchProfile) => {
    const corpus = prepareCorpus([a, b], testGeo, WEIGHTS);
    const [pa, pb] = corpus.profiles as [(typeof corpus.profiles)[0], (typeof corpus.profiles)[0]];
    return partnershipType(scorePair(corpus, pa, pb), a, b);
  };

  it.each([
    ['a company giving money to an association', 'large company', 'money', 'money', 'mécénat'],
    [
      'a company buying from a social enterprise',
      'large company',
      'purchasing',
      'purchasing',
      'pratiques responsables',
    ],
    ['a waste stream between two firms', 'SME', 'materials', 'materials', 'coopération économique'],
    ['research with a university', 'university', 'expertise', 'expertise', 'innovation sociétale'],
  ] as const)('%s', (_, giverUniverse, need, offer, expected) => {
    const giver = profile('giver', { universe: giverUniverse, offers: [{ category: offer }] });
    const needer = profile('needer', {
      universe:
        expected === 'coopération économique'
          ? 'social enterprise'
          : expected === 'pratiques responsables'
            ? 'social enterprise'
            : 'association',
      needs: [{ category: need }],
    });
    expect(typeOf(needer, giver)).toBe(expected);
  });
});

describe('labels', () => {
  it('elides "de" before a vowel or a mute h', () => {
    expect(de('expertise')).toBe('d’expertise');
    expect(de('hébergement')).toBe('d’hébergement');
    expect(de('locaux')).toBe('de locaux');
  });

  it('quotes a member’s words, cut at a word boundary', () => {
    expect(quote('Salle de réunion.')).toBe('« Salle de réunion »');
    expect(quote('un texte assez long pour être coupé quelque part au milieu des mots', 30)).toMatch(
      /^« .{10,30}… »$/,
    );
  });
});

describe('description pivot', () => {
  it('weighs a need found in a longer description less diluted than cosine alone would', () => {
    const words = 'atelier recyclage quartier jeunes emploi cuisine jardin musique sport vélo';
    const corpus = prepareCorpus(
      [
        profile('short', { description: 'Nous donnons des ordinateurs.' }),
        profile('medium', { description: `Nous donnons des ordinateurs, ${words.slice(0, 40)}.` }),
        profile('long', { description: `Nous donnons des ordinateurs, ${words} ${words.toUpperCase()}.` }),
      ],
      testGeo,
      WEIGHTS,
    );
    const [short, medium, long] = corpus.profiles.map((p) => p.descriptionPivot) as [number, number, number];
    expect(short).toBeLessThan(medium);
    expect(medium).toBeLessThan(long);
    expect(short).toBeGreaterThan(0);
  });
});

describe('candidatesOf', () => {
  it('returns k distinct others, never the seeker', () => {
    const corpus = prepareCorpus(SEED_DIRECTORY, testGeo, WEIGHTS);
    const picked = candidatesOf(corpus, 0, 5);
    expect(picked).toHaveLength(5);
    expect(new Set(picked).size).toBe(5);
    expect(picked).not.toContain(0);
  });
});
