import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { rankProfiles } from '../../../domain/matching/rank-profiles.ts';
import {
  CATEGORIES,
  THEMES,
  UNIVERSES,
  type GeoLookup,
  type MatchProfile,
  type Theme,
} from '../../../domain/matching/model.ts';
import { loadGeography } from '../../geo/load-geography.ts';
import { rankProfilesParallel } from '../../matching/rank-parallel.ts';

const BAD_INPUT = 2;

const exchange = (side: string) =>
  z.object({
    category: z.enum(CATEGORIES, {
      error: (issue) => `unknown ${side} category ${JSON.stringify(issue.input)}`,
    }),
    text: z.string().nullish(),
  });

const ProfileSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  // Optional fields may be missing or null in exports from other tools: both mean empty.
  name: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  universe: z.enum(UNIVERSES, { error: (issue) => `unknown universe ${JSON.stringify(issue.input)}` }),
  insee: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, {
      error: (issue) => `not an INSEE commune code: ${JSON.stringify(issue.input)}`,
    })
    .nullable()
    .default(null),
  description: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  needs: z
    .array(exchange('need'))
    .nullish()
    .transform((v) => v ?? []),
  offers: z
    .array(exchange('offer'))
    .nullish()
    .transform((v) => v ?? []),
  themes: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  partners: z.array(z.string()).optional(),
  met: z.array(z.string()).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

const InputSchema = z.object({ profiles: z.array(ProfileSchema) });

/** Input the user must fix: reported on stderr with exit status 2, never a stack trace. */
export class BadInput extends Error {}

interface SuggestCliOptions {
  in: string;
  out: string;
  top: number;
  for?: string;
  mode: 'complementary' | 'improbable';
}

/** `labo suggest`: complementary partners for each profile of a file, explained (issue 11). */
export function registerSuggest(program: Command): void {
  program
    .command('suggest')
    .description('Suggère à chaque organisation des partenaires complémentaires, avec la raison')
    .requiredOption('--in <file>', 'profiles.json: { "profiles": [...] }')
    .requiredOption('--out <file>', 'rankings.json to write')
    .option('--top <n>', 'suggestions per organisation', parsePositiveInt, 10)
    .option('--for <id>', 'only this organisation')
    .option('--mode <mode>', 'complementary (default) or improbable', parseMode, 'complementary')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : BAD_INPUT))
    .action(async (options: SuggestCliOptions) => {
      try {
        await runSuggest(options);
      } catch (error) {
        if (!(error instanceof BadInput)) throw error;
        process.stderr.write(`labo suggest: ${error.message}\n`);
        process.exitCode = BAD_INPUT;
      }
    });
}

/**
 * From this many organisations to rank, the work is split over worker threads (one per core, at
 * most MAX_THREADS); below it, starting threads costs more than it saves (about half a second).
 */
export const PARALLEL_FROM = 500;
const MAX_THREADS = 4;

async function runSuggest(options: SuggestCliOptions): Promise<void> {
  const profiles = readProfiles(options.in);
  if (options.for !== undefined && !profiles.some((p) => p.id === options.for)) {
    throw new BadInput(`--for: no profile has id ${JSON.stringify(options.for)}`);
  }
  const geo = profiles.some((p) => p.insee) ? loadGeography().lookup : noGeography;
  const rankOptions = {
    top: options.top,
    mode: options.mode,
    ...(options.for !== undefined ? { forIds: [options.for] } : {}),
  };
  const seekers = options.for !== undefined ? 1 : profiles.length;
  const threads = Math.min(availableParallelism(), MAX_THREADS);
  const rankings =
    seekers >= PARALLEL_FROM && threads > 1
      ? await rankProfilesParallel(profiles, geo, rankOptions, { threads, sharing: 'shared' })
      : rankProfiles(profiles, geo, rankOptions);
  writeFileSync(options.out, `${JSON.stringify(rankings, null, 2)}\n`);
}

const noGeography: GeoLookup = () => undefined;

function readProfiles(file: string): MatchProfile[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInput(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseProfiles(text, file, (line) => process.stderr.write(`${line}\n`));
}

/**
 * The profiles of a profiles.json text, validated; throws `BadInput` naming the first bad places
 * (`profiles[4].universe: unknown universe "ONG"`). Unknown themes are dropped with a warning.
 */
export function parseProfiles(text: string, file: string, warn: (line: string) => void): MatchProfile[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${file}: malformed JSON (${(error as Error).message})`);
  }
  const parsed = InputSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${formatPath(issue.path) || 'input'}: ${issue.message}`);
    throw new BadInput(lines.join('\n'));
  }
  const firstAt = new Map<string, number>();
  parsed.data.profiles.forEach((p, i) => {
    const first = firstAt.get(p.id);
    if (first !== undefined)
      throw new BadInput(`profiles[${i}].id: duplicate id ${JSON.stringify(p.id)} (also profiles[${first}])`);
    firstAt.set(p.id, i);
  });
  return parsed.data.profiles.map((p, i) => ({
    id: p.id,
    name: p.name,
    universe: p.universe,
    insee: p.insee,
    description: p.description,
    needs: p.needs.map((e) => ({ category: e.category, ...(e.text ? { text: e.text } : {}) })),
    offers: p.offers.map((e) => ({ category: e.category, ...(e.text ? { text: e.text } : {}) })),
    themes: knownThemes(p.themes, i, warn),
    ...(p.partners ? { partners: p.partners } : {}),
    ...(p.met ? { met: p.met } : {}),
    ...(p.lat !== undefined && p.lon !== undefined ? { lat: p.lat, lon: p.lon } : {}),
  }));
}

function knownThemes(themes: string[], profileIndex: number, warn: (line: string) => void): Theme[] {
  const known: Theme[] = [];
  themes.forEach((t, k) => {
    if ((THEMES as readonly string[]).includes(t)) known.push(t as Theme);
    else warn(`warning: profiles[${profileIndex}].themes[${k}]: unknown theme ${JSON.stringify(t)} ignored`);
  });
  return known;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function parseMode(value: string): 'complementary' | 'improbable' {
  if (value !== 'complementary' && value !== 'improbable')
    throw new InvalidArgumentError('expected "improbable"');
  return value;
}
