import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchProfile } from '../../../domain/matching/model.ts';
import { rankProfiles } from '../../../domain/matching/rank-profiles.ts';
import { loadGeography } from '../../geo/load-geography.ts';
import { BadInput, PARALLEL_FROM, parseProfiles } from './suggest.ts';

const valid = (overrides: Record<string, unknown> = {}) => ({
  id: 'a',
  name: 'A',
  universe: 'association',
  insee: '67482',
  description: 'Une association.',
  needs: [{ category: 'money' }],
  offers: [{ category: 'volunteers', text: 'Bénévoles' }],
  themes: ['food'],
  ...overrides,
});
const parse = (profiles: unknown[], warnings: string[] = []) =>
  parseProfiles(JSON.stringify({ profiles }), 'p.json', (w) => warnings.push(w));

describe('parseProfiles', () => {
  it('accepts the documented shape, with null insee and needs without text', () => {
    const [p] = parse([valid({ insee: null })]);
    expect(p).toMatchObject({ id: 'a', insee: null, needs: [{ category: 'money' }] });
  });

  it.each([
    [[valid(), valid({ id: 'b', universe: 'ONG' })], 'profiles[1].universe: unknown universe "ONG"'],
    [
      [valid({ needs: [{ category: 'love' }] })],
      'profiles[0].needs[0].category: unknown need category "love"',
    ],
    [[valid(), valid()], 'profiles[1].id: duplicate id "a" (also profiles[0])'],
    [[valid({ insee: '6748' })], 'profiles[0].insee: not an INSEE commune code: "6748"'],
  ])('rejects bad input naming the place', (profiles, message) => {
    expect(() => parse(profiles)).toThrow(BadInput);
    expect(() => parse(profiles)).toThrow(message);
  });

  it('rejects malformed JSON', () => {
    expect(() => parseProfiles('{"profiles": [', 'p.json', () => {})).toThrow(/p\.json: malformed JSON/);
  });

  it('reads missing or null optional fields as empty', () => {
    const [p] = parse([{ id: 'x', universe: 'SME', description: null, needs: null, themes: null }]);
    expect(p).toMatchObject({ name: '', description: '', insee: null, needs: [], offers: [], themes: [] });
  });

  it('drops unknown themes with a warning', () => {
    const warnings: string[] = [];
    const [p] = parse([valid({ themes: ['food', 'sport'] })], warnings);
    expect(p?.themes).toEqual(['food']);
    expect(warnings).toEqual(['warning: profiles[0].themes[1]: unknown theme "sport" ignored']);
  });
});

describe('labo suggest', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'labo-suggest-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/labo.js', 'suggest', ...args], { encoding: 'utf8' });

  it('writes the rankings and exits 2 on bad input', () => {
    const input = join(dir, 'p.json');
    const output = join(dir, 'r.json');
    writeFileSync(
      input,
      JSON.stringify({
        profiles: [
          valid(),
          valid({
            id: 'b',
            universe: 'large company',
            needs: [{ category: 'volunteers' }],
            offers: [{ category: 'money' }],
          }),
        ],
      }),
    );
    const ok = run('--in', input, '--out', output, '--top', '1', '--for', 'a');
    expect(ok.status, ok.stderr).toBe(0);
    const rankings = JSON.parse(readFileSync(output, 'utf8')) as {
      engine: string;
      rankings: Record<string, unknown[]>;
    };
    expect(rankings.engine).toMatch(/^labo-match-/);
    expect(rankings.rankings.a?.[0]).toMatchObject({ id: 'b', type: 'mécénat' });

    writeFileSync(input, '{"profiles": [');
    const bad = run('--in', input, '--out', output);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('malformed JSON');
  }, 30_000);

  it('splits a large file over threads with the one-thread result', () => {
    const fixture = (
      JSON.parse(
        readFileSync(new URL('../../../../bench/fixtures/matching/profiles.json', import.meta.url), 'utf8'),
      ) as { profiles: MatchProfile[] }
    ).profiles;
    const profiles = Array.from({ length: PARALLEL_FROM }, (_, i) => ({
      ...(fixture[i % fixture.length] as MatchProfile),
      id: `x${i}`,
    }));
    const input = join(dir, 'many.json');
    const output = join(dir, 'many-out.json');
    writeFileSync(input, JSON.stringify({ profiles }));
    const ok = run('--in', input, '--out', output, '--top', '3');
    expect(ok.status, ok.stderr).toBe(0);
    const expected = rankProfiles(profiles, loadGeography().lookup, { top: 3, mode: 'complementary' });
    expect(readFileSync(output, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  }, 60_000);
});
