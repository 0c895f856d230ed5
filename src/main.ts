import closeWithGrace from 'close-with-grace';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from './adapters/db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasData, seedDemo } from './adapters/db/seed/seed-demo.ts';
import { composeRuntime } from './compose.ts';
import { readEnv, type Env } from './env.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = resolve(ROOT, 'web/dist');

export function databaseOptions(env: Env) {
  return env.DATABASE_URL
    ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: resolve(env.LABO_DATA_DIR) } as const);
}

/** Opens the database named by the environment and applies pending migrations. */
export async function openMigratedDatabase(env: Env): Promise<Database> {
  const database = await openDatabase(databaseOptions(env));
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(resolve(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources, so `npm start` is all a user runs. */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const index = resolve(WEB_DIST, 'index.html');
  const sources = resolve(ROOT, 'web/src');
  if (!existsSync(sources)) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return;
  log('Construction de l’interface web… / building the web app…');
  const { build } = await import('vite');
  await build({ configFile: resolve(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

export async function startServer(
  env: Env = readEnv(),
): Promise<{ url: string; close: () => Promise<void> }> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await ensureWebBuilt(log);
  const database = await openMigratedDatabase(env);
  const publicUrl = env.LABO_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const runtime = await composeRuntime(database, {
    publicUrl,
    secret: env.LABO_SECRET,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    webDir: WEB_DIST,
    logLevel: env.LOG_LEVEL,
  });
  let seeded = false;
  if (env.LABO_DEMO === '1' && !(await hasData(database))) {
    log('Chargement du territoire de démonstration… / loading the demo territory…');
    await seedDemo(database, runtime.services.accounts, runtime.services.communes);
    seeded = true;
  }
  const address = await runtime.app.listen({ port: env.PORT, host: env.HOST });
  const url = env.LABO_PUBLIC_URL ?? address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  const close = async () => {
    await runtime.app.close();
    await database.close();
  };
  log('');
  log(
    `Labo est prêt sur ${url}  (${database.kind === 'pglite' ? `PGlite, ${resolve(env.LABO_DATA_DIR)}` : 'PostgreSQL'}, ${Date.now() - started} ms)`,
  );
  log(`API : ${url}/api/docs`);
  if (seeded || env.LABO_DEMO === '1') {
    log(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const account of DEMO_ACCOUNTS)
      log(`  ${account.email.padEnd(32)} ${account.role}${account.lab ? ` — ${account.lab}` : ''}`);
  }
  return { url, close };
}

/** `labo start`: serves until SIGINT/SIGTERM, then drains requests and closes the database cleanly. */
export async function runServer(): Promise<void> {
  const server = await startServer();
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) process.stderr.write(`${String(err)}\n`);
    await server.close();
  });
}
