import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../src/adapters/db/database.ts';
import { labs } from '../src/adapters/db/schema.ts';
import startPostgres from '../tests/setup/postgres-server.ts';
import { generatedSireneLines, SIRENE_HEADER } from './fixtures/sirene.ts';

export const OUT = new URL('./out/', import.meta.url).pathname;

/** Communes of Bas-Rhin and Haut-Rhin, for generated rows that pass a `--departement 67,68` filter. */
export const ALSACE_COMMUNES = [
  '67482',
  '67218',
  '67180',
  '67462',
  '67043',
  '68224',
  '68066',
  '68297',
  '68376',
  '68269',
  '67447',
  '67365',
];

/** Writes `rows` SIRENE-format rows to a file under bench/out (streamed: the file may be large). */
export async function writeSireneFile(rows: number, offset = 0): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `sirene-${rows}-${offset}.csv`);
  const out = createWriteStream(path);
  out.write(`${SIRENE_HEADER}\n`);
  for (const line of generatedSireneLines(rows, ALSACE_COMMUNES, offset)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return path;
}

export interface Engine {
  name: 'pglite' | 'postgres';
  database: Database;
  close(): Promise<void>;
}

/** A fresh, migrated PGlite in a temporary directory (file-backed, as a lab's laptop runs it). */
export async function pgliteEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'labo-bench-pglite-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await database.migrate();
  return {
    name: 'pglite',
    database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throw-away PostgreSQL server started as the integration tests start theirs. */
export async function postgresEngine(): Promise<Engine | null> {
  let url = '';
  const project = { provide: (_key: string, value: string) => (url = value) } as unknown as TestProject;
  const stop = await startPostgres(project);
  if (!url) return null;
  const database = await openDatabase({ kind: 'postgres', url });
  await database.migrate();
  return {
    name: 'postgres',
    database,
    close: async () => {
      await database.close();
      stop();
    },
  };
}

export async function createLab(database: Database, slug: string, territory: string[]): Promise<string> {
  const [row] = await database.db
    .insert(labs)
    .values({ slug, name: `Banc d’essai ${slug}`, territory })
    .returning({ id: labs.id });
  if (!row) throw new Error('no lab');
  return row.id;
}

/** Peak resident memory while `run` works, sampled every 50 ms. */
export async function withPeakMemory<T>(run: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
