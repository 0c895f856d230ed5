import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateReason, mergeFields } from './duplicates.ts';
import { nafSectionOf, parseNaf } from './naf.ts';
import { currentConsents, isInactive, isInformationOverdue, purgeCutoff } from './people.ts';
import { parseSearchQuery } from './search-query.ts';
import { similarity } from './similarity.ts';
import { neutraliseCell } from './spreadsheet-safety.ts';

describe('search queries', () => {
  it('keeps words, phrases, apostrophes and hyphens; drops operators and control characters', () => {
    expect(parseSearchQuery('  jardin   partagé ')).toMatchObject({
      text: 'jardin partagé',
      words: ['jardin', 'partage'],
    });
    expect(parseSearchQuery('"banque alimentaire" & | ! <-> :*')?.text).toBe('"banque alimentaire"');
    expect(parseSearchQuery("aujourd'hui Saint-Louis")?.words).toEqual(["aujourd'hui", 'saint-louis']);
    expect(parseSearchQuery('"non fermé')?.text).toBe('non fermé');
    expect(parseSearchQuery('  !!! ')).toBeNull();
  });

  it('bounds any input to a few words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        const parsed = parseSearchQuery(input);
        if (parsed) expect(parsed.words.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('trigram similarity (as pg_trgm computes it)', () => {
  it('is 1 for the same name whatever the accents and case, high for a typo, low for another name', () => {
    expect(similarity('Épicerie Solidaire', 'epicerie solidaire')).toBe(1);
    expect(similarity('association', 'assocation')).toBeGreaterThan(0.5);
    expect(similarity('Banque Alimentaire', 'Garage Muller')).toBeLessThan(0.1);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBeCloseTo(s);
      }),
    );
  });
});

describe('duplicates', () => {
  const base = { id: 'a', name: 'Repair Café Strasbourg', communeInsee: '67482', siret: null, rna: null };
  it('flags the same SIRET, the same RNA, or a close name in one commune', () => {
    expect(duplicateReason(base, { ...base, id: 'b', name: 'Autre', siret: null, rna: null })).toBeNull();
    expect(
      duplicateReason(
        { ...base, siret: '40048550400064' },
        { ...base, id: 'b', name: 'X', siret: '40048550400064' },
      ),
    ).toBe('same_siret');
    expect(
      duplicateReason({ ...base, rna: 'W672001234' }, { ...base, id: 'b', name: 'X', rna: 'W672001234' }),
    ).toBe('same_rna');
    expect(duplicateReason(base, { ...base, id: 'b', name: 'Repair Cafe de Strasbourg' })).toBe(
      'close_name_same_commune',
    );
    expect(duplicateReason(base, { ...base, id: 'b', communeInsee: '68224' })).toBeNull();
  });

  it('fills the kept organisation’s gaps without overwriting what it has', () => {
    const kept = {
      name: 'Repair Café',
      universe: 'association',
      description: 'Atelier',
      siren: null,
      siret: null,
      rna: 'W672001234',
      naf: null,
      headcountBand: '01',
      communeInsee: '67482',
      address: null,
      postalCode: null,
      website: null,
      themes: ['circular_economy'],
    };
    const absorbed = {
      ...kept,
      description: 'Répare des objets',
      siren: '400485504',
      siret: '40048550400064',
      rna: 'W672009999',
      headcountBand: '11',
      website: 'https://x.example',
      themes: ['culture'],
    };
    expect(mergeFields(kept, absorbed)).toEqual({
      siren: '400485504',
      siret: '40048550400064',
      website: 'https://x.example',
      themes: ['circular_economy', 'culture'],
      description: 'Atelier\n\nRépare des objets',
    });
  });

  it('takes the absorbed organisation’s values for the fields the facilitator chose, the SIREN with the SIRET', () => {
    const kept = {
      name: 'Repair Café',
      universe: 'association',
      description: 'Atelier',
      siren: '552100554',
      siret: '55210055400013',
      rna: null,
      naf: null,
      headcountBand: null,
      communeInsee: '67482',
      address: '1 rue A',
      postalCode: null,
      website: null,
      themes: [],
    };
    const absorbed = {
      ...kept,
      name: 'Repair Café de Strasbourg',
      description: 'Répare',
      siren: '400485504',
      siret: '40048550400064',
      address: null,
    };
    expect(mergeFields(kept, absorbed, ['name', 'siret', 'address', 'description'])).toEqual({
      name: 'Repair Café de Strasbourg',
      siren: '400485504',
      siret: '40048550400064',
      address: null,
      description: 'Répare',
    });
  });
});

describe('NAF', () => {
  it.each([
    ['62.01Z', 'J'],
    ['01.11Z', 'A'],
    ['94.99Z', 'S'],
    ['84.11Z', 'O'],
    ['35.14Z', 'D'],
  ])('%s is in section %s', (code, section) => expect(nafSectionOf(code)).toBe(section));

  it('normalises 6201z to 62.01Z and refuses garbage', () => {
    expect(parseNaf('6201z')).toBe('62.01Z');
    expect(parseNaf('62.01')).toBeNull();
  });
});

describe('people and GDPR rules', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  it('purges after the retention period, not a day before', () => {
    expect(purgeCutoff(now, 36).toISOString()).toBe('2023-11-27T10:00:00.000Z');
    expect(isInactive(new Date('2023-11-26T00:00:00Z'), now, 36)).toBe(true);
    expect(isInactive(new Date('2023-11-28T00:00:00Z'), now, 36)).toBe(false);
  });

  it('reads the consent in force from append-only records: the latest wins', () => {
    const state = currentConsents([
      { purpose: 'newsletter', action: 'given', textVersion: 'v1', at: new Date('2025-01-01') },
      { purpose: 'newsletter', action: 'withdrawn', textVersion: 'v1', at: new Date('2025-06-01') },
      { purpose: 'public_listing', action: 'given', textVersion: 'v2', at: new Date('2025-03-01') },
    ]);
    expect(state).toEqual([
      { purpose: 'newsletter', given: false, textVersion: 'v1', since: new Date('2025-06-01') },
      { purpose: 'public_listing', given: true, textVersion: 'v2', since: new Date('2025-03-01') },
    ]);
  });

  it('says when a person imported from a file has not been informed within a month (Art. 14)', () => {
    const created = new Date('2026-10-01T00:00:00Z');
    expect(isInformationOverdue({ source: 'import', informedAt: null, createdAt: created }, now)).toBe(true);
    expect(isInformationOverdue({ source: 'import', informedAt: now, createdAt: created }, now)).toBe(false);
    expect(isInformationOverdue({ source: 'manual', informedAt: null, createdAt: created }, now)).toBe(false);
  });
});

describe('spreadsheet cells', () => {
  it.each(['=1+1', '+33 6', '-2+3', '@SUM(A1)', '\tx', '\r=x'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });
  it('leaves ordinary text alone', () => expect(neutraliseCell('Café = bonheur')).toBe('Café = bonheur'));
});
