import { hasData, seedDemo } from '../../db/seed/seed-demo.ts';
import type { Role } from '../../../contracts/session.ts';
import { composeRuntime } from '../../../compose.ts';
import { openMigratedDatabase, runServer } from '../../../main.ts';
import { readEnv } from '../../../env.ts';

// The heavy half of the server commands (database, HTTP, auth), loaded only when one of them runs,
// so that `labo --help`, `labo schedule` and `labo suggest` start fast.

export { runServer };

export async function migrate(): Promise<void> {
  const database = await openMigratedDatabase(readEnv());
  await database.close();
  process.stdout.write('Migrations appliquées / migrations applied\n');
}

export async function seed(): Promise<void> {
  const env = readEnv();
  const database = await openMigratedDatabase(env);
  try {
    if (await hasData(database)) {
      process.stdout.write(
        'La base contient déjà des labos : rien à faire / the database already has labs: nothing done\n',
      );
      return;
    }
    const runtime = await composeRuntime(database, {
      publicUrl: `http://localhost:${env.PORT}`,
      logLevel: 'warn',
    });
    await seedDemo(database, runtime.services.accounts, runtime.services.communes);
    process.stdout.write('Territoire de démonstration chargé / demo territory loaded\n');
  } finally {
    await database.close();
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  lab?: string | undefined;
  organisation?: string | undefined;
}

export async function createUser(input: NewUser): Promise<void> {
  const env = readEnv();
  const database = await openMigratedDatabase(env);
  try {
    const runtime = await composeRuntime(database, {
      publicUrl: `http://localhost:${env.PORT}`,
      logLevel: 'warn',
    });
    const labs = await runtime.services.labs.list();
    const lab = input.lab ? labs.find((l) => l.slug === input.lab) : undefined;
    if (input.role !== 'network_admin' && !lab) {
      process.stderr.write(
        `--lab : labo inconnu ou manquant / unknown or missing lab (${labs.map((l) => l.slug).join(', ')})\n`,
      );
      process.exitCode = 2;
      return;
    }
    const user = await runtime.services.accounts.createUser({
      email: input.email,
      name: input.name,
      role: input.role,
      password: input.password,
      labId: lab?.id ?? null,
      organisationId: input.organisation ?? null,
    });
    process.stdout.write(`Compte créé / account created: ${user.id}\n`);
  } finally {
    await database.close();
  }
}
