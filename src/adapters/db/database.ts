import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction on one connection for bulk loads: raw statements and COPY, committed together. */
export interface BulkSession {
  query<R extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Loads lines in COPY text format (tab-separated, `\N` for null) into `table`. */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations (idempotent; serialised across instances on a server). */
  migrate(): Promise<void>;
  /** PGlite never autovacuums: call after bulk writes so the planner's statistics stay right. */
  vacuumAnalyze(): Promise<void>;
  /** Runs `work` in one transaction: everything it wrote is committed together, or nothing. */
  bulk<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions =
  | { kind: 'postgres'; url: string }
  /** `dataDir` null keeps the database in memory (tests). */
  | { kind: 'pglite'; dataDir: string | null };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  // NOTE: PGlite has no lock of its own; two processes on one directory lose committed rows.
  const lock: DirectoryLock | null = dataDir ? acquireDirectoryLock(dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ?? 'memory://', { extensions: { unaccent, pg_trgm } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    vacuumAnalyze: async () => {
      await client.exec('VACUUM ANALYZE');
    },
    bulk: (work) =>
      client.transaction((tx) =>
        work({
          query: async <R extends Record<string, unknown>>(text: string, params?: unknown[]) =>
            (await tx.query<R>(text, params)).rows,
          // PGlite reads COPY data from a blob it exposes as the device /dev/blob.
          copyIn: async (table, columns, text) => {
            await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
              blob: new Blob([text]),
            });
          },
        }),
      ),
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzleNodePg(pool, { schema });
  await db.execute(sql`select 1`);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: async () => {
      // Several app instances may start at once: one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(4242001)');
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(4242001)').catch(() => undefined);
        client.release();
      }
    },
    vacuumAnalyze: async () => {
      await pool.query('VACUUM ANALYZE');
    },
    bulk: async (work) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await work({
          query: async <R extends Record<string, unknown>>(text: string, params?: unknown[]) =>
            (await client.query<R>(text, params)).rows,
          copyIn: (table, columns, text) =>
            pipeline(
              Readable.from([Buffer.from(text)]),
              client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)),
            ),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // A connection whose rollback failed is discarded rather than handed to the next caller.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
