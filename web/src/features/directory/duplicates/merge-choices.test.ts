import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../../../../src/contracts/organisations.ts';
import { defaultChoices, optionsOf, takeOf } from './merge-choices.ts';

const base: Organisation = {
  id: '00000000-0000-4000-8000-000000000001',
  labId: '00000000-0000-4000-8000-000000000009',
  name: 'Repair Café',
  universe: 'association',
  communeInsee: '67482',
  communeName: 'Strasbourg',
  departement: '67',
  siren: null,
  siret: null,
  rna: null,
  description: 'Atelier',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  can: { edit: true, archive: true },
};

describe('merge choices', () => {
  const other: Organisation = {
    ...base,
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Repair Cafe',
    website: 'https://r.example',
    description: 'Répare',
  };

  it('asks only where both records hold different values, descriptions joined by default', () => {
    expect(optionsOf(base, other, 'name')).toEqual(['kept', 'absorbed']);
    expect(optionsOf(base, other, 'website')).toEqual([]);
    expect(optionsOf(base, other, 'communeInsee')).toEqual([]);
    expect(defaultChoices(base, other)).toEqual({ name: 'kept', description: 'both' });
  });

  it('sends the fields whose absorbed value was chosen', () => {
    expect(takeOf({ name: 'absorbed', description: 'both', universe: 'kept' })).toEqual(['name']);
  });
});
