import type { Database } from '../db/database.ts';

const EVERY = 30 * 60_000;

/**
 * PGlite has no autovacuum: edits leave dead rows, stale planner statistics and GIN pending lists
 * that every search then scans (measured: 6,700 edited organisations doubled the median search).
 * Every half hour the embedded database is vacuumed and analysed; a PostgreSQL server does this
 * itself. Timers do not keep the process alive; a failure is logged and retried next time.
 */
export function startDatabaseMaintenance(
  database: Pick<Database, 'kind' | 'vacuumAnalyze'>,
  log: (message: string, error?: unknown) => void,
  every = EVERY,
): () => void {
  if (database.kind !== 'pglite') return () => undefined;
  const timer = setInterval(() => {
    database.vacuumAnalyze().catch((error: unknown) => log('VACUUM ANALYZE failed', error));
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
