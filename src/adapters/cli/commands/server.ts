import type { Command } from 'commander';
import { z } from 'zod';
import { DataDirectoryLockedError } from '../../db/directory-lock.ts';
import { RoleSchema } from '../../../contracts/session.ts';

const actions = () => import('./server-actions.ts');

/** A known failure (bad configuration, locked data directory): its message, exit status 1, no stack trace. */
async function guarded(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (
      error instanceof DataDirectoryLockedError ||
      (error instanceof Error && /^Configuration invalide/.test(error.message))
    ) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const UserInputSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(2),
  role: RoleSchema,
  password: z.string().min(12, 'au moins 12 caractères / at least 12 characters').max(256),
  lab: z.string().optional(),
  organisation: z.uuid().optional(),
});

export function registerServerCommands(program: Command): void {
  program
    .command('start')
    .description(
      'Sert l’API et l’interface web (PGlite dans ./data, ou DATABASE_URL) / serve the API and web app',
    )
    .action(() => guarded(async () => (await actions()).runServer()));

  program
    .command('migrate')
    .description('Applique les migrations en attente / apply pending migrations')
    .action(() => guarded(async () => (await actions()).migrate()));

  program
    .command('seed')
    .description(
      'Charge le territoire de démonstration dans une base vide / load the demo territory into an empty database',
    )
    .action(() => guarded(async () => (await actions()).seed()));

  program
    .command('user:create')
    .description('Crée un compte / create an account')
    .requiredOption('--email <email>', 'adresse e-mail')
    .requiredOption('--name <name>', 'nom affiché')
    .requiredOption('--role <role>', `rôle : ${RoleSchema.options.join(', ')}`)
    .requiredOption('--password <password>', 'mot de passe (12 caractères au moins)')
    .option('--lab <slug>', 'labo (slug), sauf pour network_admin')
    .option('--organisation <id>', 'organisation représentée (pour un membre)')
    .action((options: Record<string, string | undefined>) =>
      guarded(async () => {
        const parsed = UserInputSchema.safeParse(options);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
          process.exit(2);
        }
        await (await actions()).createUser(parsed.data);
      }),
    );
}
