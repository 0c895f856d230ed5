import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { instanceProblems } from '../../../domain/scheduling/instance-problems.ts';
import { planSchedule } from '../../../domain/scheduling/plan-schedule.ts';
import type { Instance, Meeting } from '../../../domain/scheduling/types.ts';

const BAD_INPUT = 2;

const id = z.union([z.string().min(1), z.number()]).transform(String);
const round = z.number().int().min(1);

const ParticipantSchema = z.object({
  id,
  present: z.array(round).optional(),
  max: z.number().int().min(0).optional(),
});

const InstanceSchema = z.object({
  rounds: z.number().int().min(1),
  tables: z.number().int().min(1),
  left: z.array(ParticipantSchema),
  right: z.array(ParticipantSchema),
  weights: z.array(
    z.object({
      a: id,
      b: id,
      w: z.number().min(0),
      wish: z.enum(['must', 'wish']).nullish(),
    }),
  ),
  forbidden: z.array(z.object({ a: id, b: id })).optional(),
});

const PreviousSchema = z.object({
  meetings: z.array(
    z.object({ id: z.string().optional(), round, table: z.number().int().min(1), a: id, b: id }),
  ),
});

/** Bad input: the place in the file, then the problem in French and in English. */
class InputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const place = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  ) || '(racine / root)';

function readJson(file: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([`${label}: impossible de lire « ${file} » / cannot read "${file}"`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError([`${label}: JSON mal formé / malformed JSON (${detail})`]);
  }
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, label: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map(
      (issue) => `${label}: ${place(issue.path)}: valeur invalide / invalid value — ${issue.message}`,
    ),
  );
}

interface ScheduleOptions {
  in?: string;
  out?: string;
  previous?: string;
  fromRound?: string;
  reoptimize?: boolean;
}

function run(options: ScheduleOptions): void {
  if (!options.in || !options.out) {
    throw new InputError(['--in et --out sont obligatoires / --in and --out are required']);
  }
  const parsed = parseWith(InstanceSchema, readJson(options.in, options.in), options.in);
  const instance: Instance = {
    ...parsed,
    weights: parsed.weights.map((w) => ({ a: w.a, b: w.b, w: w.w, ...(w.wish ? { wish: w.wish } : {}) })),
  };
  const problems = instanceProblems(instance);
  if (problems.length > 0) throw new InputError(problems.map((p) => `${options.in}: ${p}`));

  const wantsReplan = options.previous !== undefined || options.fromRound !== undefined || options.reoptimize;
  let replan: { previous: Meeting[]; fromRound: number; reoptimize: boolean } | undefined;
  if (wantsReplan) {
    if (options.previous === undefined || options.fromRound === undefined) {
      throw new InputError([
        '--previous et --from-round vont ensemble (et --reoptimize les demande) / --previous and --from-round go together (and --reoptimize needs them)',
      ]);
    }
    const fromRound = Number(options.fromRound);
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > instance.rounds) {
      throw new InputError([
        `--from-round: ${options.fromRound} hors de 1..${instance.rounds} / ${options.fromRound} outside 1..${instance.rounds}`,
      ]);
    }
    const previous = parseWith(
      PreviousSchema,
      readJson(options.previous, options.previous),
      options.previous,
    );
    const meetings = previous.meetings.map((m) => ({
      id: m.id ?? '',
      round: m.round,
      table: m.table,
      a: m.a,
      b: m.b,
    }));
    replan = { previous: meetings, fromRound, reoptimize: options.reoptimize === true };
  }

  const schedule = planSchedule(instance, replan);
  writeFileSync(options.out, `${JSON.stringify(schedule, null, 2)}\n`);
  const moved = schedule.moved === undefined ? '' : `, ${schedule.moved} déplacée(s) / moved`;
  const proof = schedule.optimal
    ? 'optimal prouvé / proven optimal'
    : `borne / bound ${schedule.bound}, équité au plus / fairness at most ${schedule.fairnessBound}`;
  console.log(
    `${schedule.meetings.length} rencontre(s) / meetings, équité / fairness ${schedule.fairness}, ` +
      `poids / weight ${schedule.weight} (${proof}), ` +
      `${schedule.unmet.length} souhait(s) non satisfait(s) / unmet wishes${moved} → ${options.out}`,
  );
}

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'Planifie un speed-dating : équité d’abord, puis poids total / plans a speed-dating event: fairness first, then total weight',
    )
    .option('--in <file>', 'instance JSON (rounds, tables, left, right, weights, forbidden)')
    .option('--out <file>', 'où écrire le planning / where to write the schedule')
    .option('--previous <file>', 'planning précédent à re-planifier / previous schedule to re-plan')
    .option('--from-round <R>', 're-planifier à partir du tour R / re-plan from round R')
    .option('--reoptimize', 'tout recalculer à partir de R / recompute every round from R')
    .action((options: ScheduleOptions) => {
      try {
        run(options);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.error(`labo schedule: entrée invalide / invalid input\n  ${error.problems.join('\n  ')}`);
        process.exitCode = BAD_INPUT;
      }
    });
}
