/**
 * Generated artefacts are committed and checked (shared/STYLE.md): fails when the SQL migrations
 * lag behind the Drizzle schema or when openapi.json differs from what the routes describe.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi.ts';

const root = new URL('..', import.meta.url).pathname;
const problems: string[] = [];

const migrations = join(root, 'src/adapters/db/migrations');
const scratch = mkdtempSync(join(tmpdir(), 'labo-migrations-'));
try {
  cpSync(migrations, scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  execFileSync(
    join(root, 'node_modules/.bin/drizzle-kit'),
    [
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      join(root, 'src/adapters/db/schema.ts'),
      '--out',
      scratch,
    ],
    { cwd: root, stdio: 'pipe' },
  );
  if (readdirSync(scratch).length !== before) {
    problems.push(
      'Migrations are stale: run `npm run db:generate -- --name <change>` and commit the new migration.',
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const committed = readFileSync(join(root, 'openapi.json'), 'utf8');
if (committed !== (await buildOpenApiDocument())) {
  problems.push('openapi.json is stale: run `npm run openapi` and commit it.');
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.exit(1);
}
process.stdout.write('Generated artefacts are up to date (migrations, openapi.json).\n');
