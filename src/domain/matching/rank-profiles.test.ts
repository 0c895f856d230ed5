import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCorpus } from './corpus.ts';
import { rankProfiles } from './rank-profiles.ts';
import { CATEGORIES, PARTNERSHIP_TYPES, THEMES, UNIVERSES, type MatchProfile } from './model.ts';
import { scorePair } from './score.ts';
import { suggestFor } from './suggest.ts';
import { profile, SEED_DIRECTORY, testGeo } from './test-profiles.ts';
import { ENGINE_VERSION, WEIGHTS } from './weights.ts';
import { FAMILY } from './universe.ts';

const rank = (list: MatchProfile[], id: string, top = 10) =>
  rankProfiles(list, testGeo, { top, mode: 'complementary' }).rankings[id] ?? [];

describe('rankProfiles on the seeds’ stories', () => {
  it.each([
    ['roaster', 'upcycler'],
    ['upcycler', 'roaster'],
    ['food-bank', 'it-company'],
    ['it-company', 'food-bank'],
    ['circus', 'fast-food'],
    ['fast-food', 'circus'],
  ])('puts %s’s real partner %s in its top 3', (seeker, partner) => {
    expect(
      rank(SEED_DIRECTORY, seeker, 3).map((s) => s.id),
      seeker,
    ).toContain(partner);
  });

  it('says why in French, addressed to the seeker, with the universes and the place', () => {
    const why = rank(SEED_DIRECTORY, 'food-bank').find((s) => s.id === 'it-company')?.why ?? '';
    expect(why).toMatch(/^Votre besoin de bénévoles/);
    expect(why).toContain('association × grande entreprise');
    expect(why).toMatch(/même intercommunalité|à \d+ km|même commune/);
    expect(why.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(2);
  });

  it('tells the reverse exchange from the giver’s side', () => {
    const why = rank(SEED_DIRECTORY, 'roaster').find((s) => s.id === 'upcycler')?.why ?? '';
    expect(why).toMatch(/^Leur besoin de matières/);
    expect(why).toContain('votre offre de matières');
  });

  it('stamps the engine version and a Le Rameau type on every suggestion', () => {
    const out = rankProfiles(SEED_DIRECTORY, testGeo, { top: 5, mode: 'complementary' });
    expect(out.engine).toBe(ENGINE_VERSION);
    for (const list of Object.values(out.rankings)) {
      for (const s of list) expect(PARTNERSHIP_TYPES).toContain(s.type);
    }
  });

  it('ranks only the organisations asked for, never itself, at most `top`', () => {
    const out = rankProfiles(SEED_DIRECTORY, testGeo, { top: 4, mode: 'complementary', forIds: ['circus'] });
    expect(Object.keys(out.rankings)).toEqual(['circus']);
    expect(out.rankings.circus?.length).toBe(4);
    expect(out.rankings.circus?.map((s) => s.id)).not.toContain('circus');
  });

  it('never suggests a known partner, and lowers one already met', () => {
    const withPartner = SEED_DIRECTORY.map((p) =>
      p.id === 'upcycler' ? { ...p, partners: ['roaster'] } : p,
    );
    expect(rank(withPartner, 'upcycler').map((s) => s.id)).not.toContain('roaster');
    const met = SEED_DIRECTORY.map((p) => (p.id === 'upcycler' ? { ...p, met: ['roaster'] } : p));
    const before = rank(SEED_DIRECTORY, 'upcycler').find((s) => s.id === 'roaster')?.score ?? 0;
    const after = rank(met, 'upcycler').find((s) => s.id === 'roaster')?.score ?? 0;
    expect(after).toBeLessThan(before);
  });
});

describe('improbable mode', () => {
  it('keeps only pairs across universes, each with its reason', () => {
    const out = rankProfiles(SEED_DIRECTORY, testGeo, { top: 10, mode: 'improbable' });
    const byId = new Map(SEED_DIRECTORY.map((p) => [p.id, p]));
    for (const [id, list] of Object.entries(out.rankings)) {
      for (const s of list) {
        const a = byId.get(id) as MatchProfile;
        const b = byId.get(s.id) as MatchProfile;
        expect(FAMILY[a.universe]).not.toBe(FAMILY[b.universe]);
        expect(s.why).toMatch(/^Rencontre improbable/);
      }
    }
    expect(out.rankings.circus?.map((s) => s.id)).toContain('fast-food');
  });
});

describe('diversity', () => {
  it('does not fill the top with near-copies of one kind of actor', () => {
    const copies = Array.from({ length: 12 }, (_, i) =>
      profile(`company-${i}`, {
        universe: 'SME',
        description: 'Entreprise locale.',
        offers: [{ category: 'money', text: 'Soutien financier à des projets locaux' }],
      }),
    );
    const other = profile('foundation', {
      universe: 'foundation',
      description: 'Fondation régionale.',
      offers: [{ category: 'money', text: 'Soutien financier à des projets' }],
    });
    const seeker = profile('asso', {
      needs: [{ category: 'money', text: 'Soutien financier pour notre projet local' }],
    });
    const top = rank([seeker, ...copies, other], 'asso', 10).map((s) => s.id);
    expect(top).toContain('foundation');
  });
});

const exchange = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  text: fc.option(
    fc.constantFrom('bénévoles', 'locaux', 'déchets de bois', 'ordinateurs', 'financement', 'salle'),
    { nil: undefined },
  ),
});
const arbitraryProfile = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    universe: fc.constantFrom(...UNIVERSES),
    insee: fc.constantFrom(null, '67482', '67218', '68224', '38185'),
    description: fc.constantFrom(
      '',
      'Association de quartier',
      'Entreprise de menuiserie',
      'Banque alimentaire',
    ),
    needs: fc.array(exchange, { maxLength: 3 }),
    offers: fc.array(exchange, { maxLength: 3 }),
    themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }),
  }) as fc.Arbitrary<MatchProfile>;

describe('scorePair', () => {
  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(arbitraryProfile('a'), arbitraryProfile('b'), arbitraryProfile('c'), (a, b, c) => {
        const corpus = prepareCorpus([a, b, c], testGeo, WEIGHTS);
        const [pa, pb] = corpus.profiles as [(typeof corpus.profiles)[0], (typeof corpus.profiles)[0]];
        const ab = scorePair(corpus, pa, pb).score;
        const ba = scorePair(corpus, pb, pa).score;
        return Math.abs(ab - ba) < 1e-9 && ab >= 0 && ab <= 1;
      }),
    );
  });

  // The hubness correction needs every pair's score, so it applies to the full comparison only.
  it('gives the index path the same list as the full comparison on a small directory', () => {
    const corpus = prepareCorpus(SEED_DIRECTORY, testGeo, { ...WEIGHTS, hubness: 0 });
    for (const p of corpus.profiles) {
      const exact = suggestFor(corpus, p.index, { top: 5, mode: 'complementary' });
      const indexed = suggestFor(corpus, p.index, {
        top: 5,
        mode: 'complementary',
        exactUpTo: 0,
        candidates: 8,
      });
      expect(indexed).toEqual(exact);
    }
  });

  it('lowers a candidate that fits everyone below one that fits this seeker (hubness)', () => {
    // A group offering every category meets everyone's needs; the carrier's trucks meet this
    // needer's need just as well, and little else: on this need they tie, until hubness counts.
    const needer = profile('needer', { needs: [{ category: 'equipment' }] });
    const carrier = profile('carrier', { universe: 'SME', offers: [{ category: 'equipment' }] });
    const hub = profile('hub', {
      universe: 'large company',
      offers: CATEGORIES.map((category) => ({ category })),
    });
    const others = CATEGORIES.map((category) => profile(`other-${category}`, { needs: [{ category }] }));
    const list = [needer, carrier, hub, ...others];
    const scores = (hubness: number) =>
      new Map(
        suggestFor(prepareCorpus(list, testGeo, { ...WEIGHTS, hubness }), 0, {
          top: 3,
          mode: 'complementary',
        }).map((s) => [s.id, s.score]),
      );
    const raw = scores(0);
    expect(raw.get('hub')).toBe(raw.get('carrier'));
    const corrected = scores(WEIGHTS.hubness);
    expect((corrected.get('carrier') ?? 0) - (corrected.get('hub') ?? 0)).toBeGreaterThan(0.02);
  });
});
