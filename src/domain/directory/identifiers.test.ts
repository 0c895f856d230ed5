import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnSum, parseRna, parseSiren, parseSiret, sirenOf, type Siret } from './identifiers.ts';

interface Vectors {
  siren_valid: { siren: string }[];
  siren_invalid: { input: string; expected: string; reason: string; normalized?: string }[];
  siret: { siret: string; expected: 'valid' | 'invalid' }[];
}
// The reference vectors of shared/data (real SIRENs of communes, EPCI, companies and La Poste).
const vectors = JSON.parse(
  readFileSync(new URL('../../../../shared/data/siren-test-vectors.json', import.meta.url), 'utf8'),
) as Vectors;

describe('SIREN', () => {
  it.each(vectors.siren_valid.map((v) => v.siren))('accepts the real SIREN %s', (siren) => {
    expect(parseSiren(siren)).toEqual({ ok: true, value: siren });
  });

  it.each(vectors.siren_invalid)('handles $input ($reason)', (v) => {
    const parsed = parseSiren(v.input);
    if (v.expected === 'valid_after_normalization') {
      expect(parsed).toEqual({ ok: true, value: v.normalized });
    } else {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok && v.reason !== 'luhn_check_failed') expect(parsed.problem).toBe(v.reason);
    }
  });

  it('rejects any single altered digit of a valid SIREN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '216704825';
        const digit = (Number(valid[position]) + delta) % 10;
        const altered = valid.slice(0, position) + String(digit) + valid.slice(position + 1);
        expect(parseSiren(altered).ok).toBe(false);
      }),
    );
  });
});

describe('SIRET', () => {
  it.each(vectors.siret)('$siret is $expected', ({ siret, expected }) => {
    expect(parseSiret(siret).ok).toBe(expected === 'valid');
  });

  it('gives the SIREN of an establishment', () => {
    expect(sirenOf('40048550400064' as Siret)).toBe('400485504');
  });

  it('computes the Luhn sum of the INSEE example', () => {
    expect(luhnSum('732829320') % 10).toBe(0);
  });
});

describe('RNA', () => {
  it.each(['W672001234', 'w 672 001 234', 'W2A1000123'])('accepts %s', (input) => {
    expect(parseRna(input).ok).toBe(true);
  });
  it.each(['', 'W67200123', 'X672001234', 'W67200123A', '672001234'])('rejects "%s"', (input) => {
    expect(parseRna(input).ok).toBe(false);
  });
});
