import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkIdentifiers } from './organisation.ts';

function problemsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.details['problems'];
    throw error;
  }
  return [];
}

describe('checkIdentifiers', () => {
  it('derives the SIREN from a SIRET', () => {
    expect(checkIdentifiers({ universe: 'association', siret: '400 485 504 00064' })).toEqual({
      siren: '400485504',
      siret: '40048550400064',
      rna: null,
    });
  });

  it('rejects a SIRET that belongs to another SIREN', () => {
    expect(
      problemsOf(() => checkIdentifiers({ universe: 'sme', siren: '216704825', siret: '40048550400064' })),
    ).toEqual([{ path: 'siret', code: 'siret_mismatch' }]);
  });

  it('names every bad field at once', () => {
    expect(
      problemsOf(() =>
        checkIdentifiers({ universe: 'association', siren: '216704826', siret: '123', rna: 'W12' }),
      ),
    ).toEqual([
      { path: 'siren', code: 'siren_luhn_check_failed' },
      { path: 'siret', code: 'siret_wrong_length' },
      { path: 'rna', code: 'rna_bad_format' },
    ]);
  });

  it('keeps the RNA number for associations only', () => {
    expect(checkIdentifiers({ universe: 'association', rna: 'w672001234' }).rna).toBe('W672001234');
    expect(problemsOf(() => checkIdentifiers({ universe: 'large_company', rna: 'W672001234' }))).toEqual([
      { path: 'rna', code: 'rna_not_for_universe' },
    ]);
  });
});
