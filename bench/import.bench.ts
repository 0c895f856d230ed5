/**
 * Import benchmark: rows per second of `labo import sirene` on generated StockEtablissement rows,
 * into PGlite (file-backed) and into a PostgreSQL server started for the run, with peak memory.
 *
 *   npx tsx bench/import.bench.ts [rows=200000] [engines=pglite,postgres]
 *
 * Peak memory is measured on a small file too, to show that it does not grow with the file.
 */
import { join } from 'node:path';
import { importRegistryFile } from '../src/adapters/import/registry-import.ts';
import { directoryRepository } from '../src/adapters/db/directory.repo.ts';
import { territory } from '../src/adapters/territory/territory.ts';
import {
  createLab,
  OUT,
  pgliteEngine,
  postgresEngine,
  withPeakMemory,
  writeSireneFile,
  type Engine,
} from './directory-support.ts';

const rows = Number(process.argv[2] ?? 200_000);
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const places = territory();

async function run(engine: Engine, file: string, count: number) {
  const labId = await createLab(engine.database, `bench-${count}-${Date.now()}`, ['67', '68']);
  const directory = directoryRepository(engine.database.db, () => undefined, engine.database.bulk);
  const { result, peakMb } = await withPeakMemory(() =>
    importRegistryFile(
      { directory, territory: places },
      {
        kind: 'sirene',
        file,
        labId,
        departements: ['67', '68'],
        reportPath: join(OUT, `rejets-${engine.name}-${count}.csv`),
        batchSize: 1000,
      },
    ),
  );
  const vacuumStart = performance.now();
  await engine.database.vacuumAnalyze();
  const vacuum = (performance.now() - vacuumStart) / 1000;
  const written = result.created + result.updated;
  return {
    ...result,
    peakMb,
    vacuum,
    rate: Math.round(result.rows / result.seconds),
    writtenRate: Math.round(written / result.seconds),
  };
}

const small = await writeSireneFile(20_000, 1_000_000);
const large = await writeSireneFile(rows);
process.stdout.write(`Files: ${rows} rows (${large}), 20000 rows (${small}); Node ${process.version}\n`);
for (const name of engines) {
  const engine = name === 'postgres' ? await postgresEngine() : await pgliteEngine();
  if (!engine) {
    process.stdout.write(`${name}: no PostgreSQL binaries, skipped\n`);
    continue;
  }
  try {
    const smallRun = await run(engine, small, 20_000);
    const largeRun = await run(engine, large, rows);
    const again = await run(engine, large, rows).catch(() => null);
    for (const [label, r] of [
      ['20k rows', smallRun],
      [`${rows} rows`, largeRun],
    ] as const) {
      process.stdout.write(
        `${engine.name.padEnd(8)} ${label.padEnd(12)} ${String(r.rate).padStart(7)} rows/s read, ${String(r.writtenRate).padStart(7)} rows/s written ` +
          `(${r.created} created, ${r.skipped} closed skipped, ${r.rejected} rejected) in ${r.seconds.toFixed(1)} s; ` +
          `VACUUM ANALYZE ${r.vacuum.toFixed(1)} s; peak RSS ${r.peakMb} MB\n`,
      );
    }
    if (again)
      process.stdout.write(`${engine.name.padEnd(8)} re-import into a new lab: ${again.rate} rows/s\n`);
  } finally {
    await engine.close();
  }
}
