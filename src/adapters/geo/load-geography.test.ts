import { describe, expect, it } from 'vitest';
import { loadGeography } from './load-geography.ts';

const geo = loadGeography();

describe('loadGeography', () => {
  it('places Strasbourg and Illkirch in the same EPCI, with centres', () => {
    const strasbourg = geo.lookup('67482');
    const illkirch = geo.lookup('67218');
    expect(strasbourg).toMatchObject({ commune: '67482', dep: '67', region: '44', epci: '246700488' });
    expect(illkirch?.epci).toBe(strasbourg?.epci);
    expect(strasbourg?.lat).toBeCloseTo(48.569, 2);
  });

  it('resolves a delegated commune and a merged-away code to the current commune', () => {
    expect(geo.lookup('67014')?.commune).toBe('67418');
    expect(geo.lookup('67041')?.commune).toBe('67004');
  });

  it('resolves a municipal arrondissement to its city and keeps its own centre', () => {
    const paris1 = geo.lookup('75101');
    expect(paris1?.commune).toBe('75056');
    expect(paris1?.lat).not.toBe(geo.lookup('75056')?.lat);
  });

  it('knows every current commune and returns nothing for an unknown code', () => {
    expect(geo.communes.size).toBeGreaterThan(34_900);
    expect(geo.lookup('99999')).toBeUndefined();
  });
});
