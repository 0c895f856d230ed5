import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MatchProfile } from '../../domain/matching/model.ts';
import { rankProfiles } from '../../domain/matching/rank-profiles.ts';
import { loadGeography } from '../geo/load-geography.ts';
import { rankProfilesParallel } from './rank-parallel.ts';

const profiles = (
  JSON.parse(
    readFileSync(new URL('../../../bench/fixtures/matching/profiles.json', import.meta.url), 'utf8'),
  ) as { profiles: MatchProfile[] }
).profiles;
const geo = loadGeography().lookup;

describe('rankProfilesParallel', { timeout: 60_000 }, () => {
  // Small tasks and the candidate index (exactUpTo below the set's size) exercise the reassembly
  // and the index built in each thread; the JSON text compares key order too.
  it.each([
    ['rebuild', 'complementary'],
    ['shared', 'complementary'],
    ['shared', 'improbable'],
  ] as const)('gives the one-thread rankings exactly (%s corpus, %s mode)', async (sharing, mode) => {
    const options = { top: 10, mode, exactUpTo: 100, candidates: 40 };
    const one = rankProfiles(profiles, geo, options);
    const two = await rankProfilesParallel(profiles, geo, options, { threads: 2, sharing, chunk: 7 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('ranks only the profiles asked for, in the order asked', async () => {
    const forIds = [profiles[5]?.id, 'unknown', profiles[2]?.id] as string[];
    const options = { top: 5, mode: 'complementary' as const, forIds };
    const one = rankProfiles(profiles, geo, options);
    const two = await rankProfilesParallel(profiles, geo, options, { threads: 2, sharing: 'shared' });
    expect(Object.keys(two.rankings)).toEqual([profiles[5]?.id, profiles[2]?.id]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('reports a failing thread instead of hanging', async () => {
    const broken = [{ ...(profiles[0] as MatchProfile), needs: null }] as unknown as MatchProfile[];
    await expect(
      rankProfilesParallel(
        broken,
        geo,
        { top: 5, mode: 'complementary' },
        { threads: 1, sharing: 'rebuild' },
      ),
    ).rejects.toThrow();
  });
});
