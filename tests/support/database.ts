import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.ts';

/** Which engine this run's integration tests use: the `pglite` and `postgres` Vitest projects run the same files. */
export const testEngine: 'pglite' | 'postgres' =
  process.env['LABO_TEST_DB'] === 'postgres' ? 'postgres' : 'pglite';

/** False only when the postgres project runs without a server (never under CI, where setup fails instead). */
export function databaseAvailable(): boolean {
  return testEngine === 'pglite' || inject('postgresUrl') !== '';
}

/** A fresh, migrated database: an in-memory PGlite, or a new database on the run's PostgreSQL server. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    return database;
  }
  const adminUrl = inject('postgresUrl');
  const name = `labo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await database.migrate();
  return database;
}
