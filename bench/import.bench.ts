/**
 * Import benchmark: rows per second of `labo import sirene` on generated StockEtablissement rows,
 * into PGlite (file-backed) and into a PostgreSQL server started for the run, with peak memory,
 * beside the previous method (bench/baselines/registry-batched-upserts.ts) in the same process.
 *
 *   npx tsx bench/import.bench.ts [rows=200000] [engines=pglite,postgres] [--no-baseline]
 *
 * Each figure is for a fresh lab, so every kept row is an insert; `rows/s` counts the rows read
 * (the rate the issue asks for), `written/s` the organisations created. Peak memory is measured on
 * a file ten times smaller too, to show that it does not grow with the file.
 */
import { join } from 'node:path';
import { directoryRepository } from '../src/adapters/db/directory.repo.ts';
import { importRegistryFile } from '../src/adapters/import/registry-import.ts';
import { territory } from '../src/adapters/territory/territory.ts';
import { baselineImport } from './baselines/registry-batched-upserts.ts';
import {
  createLab,
  OUT,
  pgliteEngine,
  postgresEngine,
  withPeakMemory,
  writeSireneFile,
  type Engine,
} from './directory-support.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rows = Number(args[0] ?? 200_000);
const engines = (args[1] ?? 'pglite,postgres').split(',');
const withBaseline = !process.argv.includes('--no-baseline');
const places = territory();
const ALSACE = ['67', '68'];

interface Figure {
  label: string;
  rows: number;
  created: number;
  seconds: number;
  peakMb: number;
}

async function current(engine: Engine, file: string, label: string): Promise<Figure> {
  const labId = await createLab(engine.database, `bench-${label}-${Date.now()}`, ALSACE);
  const directory = directoryRepository(engine.database.db, () => undefined, engine.database.bulk);
  const { result, peakMb } = await withPeakMemory(() =>
    importRegistryFile(
      { directory, territory: places },
      {
        kind: 'sirene',
        file,
        labId,
        departements: ALSACE,
        reportPath: join(OUT, `rejets-${engine.name}-${label}.csv`),
      },
    ),
  );
  await engine.database.vacuumAnalyze();
  return { label, rows: result.rows, created: result.created, seconds: result.seconds, peakMb };
}

async function baseline(engine: Engine, file: string, label: string): Promise<Figure> {
  const labId = await createLab(engine.database, `bench-${label}-${Date.now()}`, ALSACE);
  const { result, peakMb } = await withPeakMemory(() =>
    baselineImport(engine.database.db, places, file, labId, ALSACE),
  );
  await engine.database.vacuumAnalyze();
  return { label, ...result, peakMb };
}

const rate = (f: Figure) => Math.round(f.rows / f.seconds);
const line = (engine: string, f: Figure) =>
  `${engine.padEnd(8)} ${f.label.padEnd(24)} ${String(rate(f)).padStart(7)} rows/s  ` +
  `${String(Math.round(f.created / f.seconds)).padStart(7)} written/s  ${f.seconds.toFixed(1).padStart(6)} s  ` +
  `peak RSS ${f.peakMb} MB  (${f.created} created of ${f.rows})\n`;

const small = await writeSireneFile(Math.round(rows / 10), 1_000_000);
const large = await writeSireneFile(rows);
process.stdout.write(
  `SIRENE files of ${rows} and ${Math.round(rows / 10)} rows, one in ten closed; Node ${process.version}\n`,
);
for (const name of engines) {
  const engine = name === 'postgres' ? await postgresEngine() : await pgliteEngine();
  if (!engine) {
    process.stdout.write(`${name}: no PostgreSQL binaries, skipped\n`);
    continue;
  }
  try {
    const figures = [
      await current(engine, small, `${Math.round(rows / 10)} rows`),
      await current(engine, large, `${rows} rows`),
    ];
    for (const f of figures) process.stdout.write(line(engine.name, f));
    if (withBaseline) {
      const before = await baseline(engine, large, `${rows} rows, baseline`);
      process.stdout.write(line(engine.name, before));
      const now = figures[1]!;
      process.stdout.write(
        `${engine.name.padEnd(8)} ratio current / baseline: ${(rate(now) / rate(before)).toFixed(1)}×\n`,
      );
    }
  } finally {
    await engine.close();
  }
}
