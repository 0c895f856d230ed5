import { SingleBar } from 'cli-progress';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Lab } from '../../../contracts/session.ts';
import { readEnv } from '../../../env.ts';
import { openMigratedDatabase } from '../../../main.ts';
import { directoryRepository } from '../../db/directory.repo.ts';
import { labRepository } from '../../db/labs.repo.ts';
import { MalformedFileError } from '../../import/csv-stream.ts';
import { importRegistryFile, type RegistryKind } from '../../import/registry-import.ts';
import { centreOf, territory } from '../../territory/territory.ts';

const OptionsSchema = z.object({
  departement: z
    .string()
    .regex(
      /^\s*(\d{2}|2[AB]|97\d)(\s*,\s*(\d{2}|2[AB]|97\d))*\s*$/i,
      'liste de départements, ex. 67,68 / list of départements, e.g. 67,68',
    )
    .optional(),
  lab: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
  batch: z.coerce.number().int().min(1).max(50_000).default(2000),
});

/**
 * The lab an import goes to: the one named, or the only lab whose territory covers every
 * département asked for, or the only lab there is.
 */
export function chooseLab(labs: Lab[], slug: string | undefined, departements: string[] | null): Lab {
  if (slug) {
    const lab = labs.find((l) => l.slug === slug);
    if (!lab)
      throw new Error(`Labo inconnu : ${slug} (labos : ${labs.map((l) => l.slug).join(', ')}) / unknown lab`);
    return lab;
  }
  const covering = departements
    ? labs.filter((l) => departements.every((d) => l.territory.includes(d)))
    : labs;
  if (covering.length === 1 && covering[0]) return covering[0];
  throw new Error(
    `Précisez le labo avec --lab (${labs.map((l) => l.slug).join(', ') || 'aucun labo'}) : ${
      covering.length === 0 ? 'aucun ne couvre ces départements' : 'plusieurs labos conviennent'
    } / name the lab with --lab`,
  );
}

const formatRate = (rows: number, seconds: number) =>
  Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('fr-FR');

/** `labo import <kind> FILE`: options checked, the lab chosen, the file imported with a progress bar. */
export async function run(kind: RegistryKind, file: string, raw: Record<string, unknown>): Promise<void> {
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(
      `Options invalides / invalid options:\n${parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
    );
    process.exit(2);
  }
  const options = parsed.data;
  const departements = options.departement
    ? options.departement.split(',').map((d) => d.trim().toUpperCase())
    : null;
  const database = await openMigratedDatabase(readEnv());
  const bar = new SingleBar({
    format: 'Import {bar} {percentage}% | {rows} lignes | {rate} lignes/s | reste {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    etaBuffer: 20,
  });
  try {
    const lab = chooseLab(await labRepository(database.db).list(), options.lab, departements);
    const places = territory();
    const nearOf = centreOf(places);
    // The report goes to the working directory: the registry file may sit on a read-only disk.
    const reportPath = options.report ?? `${basename(file)}.rejets.csv`;
    const started = performance.now();
    const summary = await importRegistryFile(
      { directory: directoryRepository(database.db, nearOf, database.bulk), territory: places },
      {
        kind,
        file,
        labId: lab.id,
        departements,
        reportPath,
        batchSize: options.batch,
        onStart: (totalBytes, encoding) => {
          process.stdout.write(
            `${file} : ${(totalBytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo, encodage ${encoding}, vers le labo « ${lab.name} »\n`,
          );
          // The bar counts bytes: the number of lines is unknown until the end of a single reading.
          bar.start(totalBytes, 0, { rows: '0', rate: '0' });
        },
        onProgress: ({ bytes, rows }) =>
          bar.update(bytes, {
            rows: rows.toLocaleString('fr-FR'),
            rate: formatRate(rows, (performance.now() - started) / 1000),
          }),
      },
    );
    bar.stop();
    process.stdout.write('Mise à jour des statistiques (VACUUM ANALYZE)…\n');
    await database.vacuumAnalyze();
    process.stdout.write(
      [
        `Terminé en ${summary.seconds.toFixed(1)} s (${formatRate(summary.rows, summary.seconds)} lignes/s) / done`,
        `  créées ${summary.created} · mises à jour ${summary.updated} · archivées ${summary.archived} · ignorées ${summary.skipped} · rejetées ${summary.rejected}`,
        `  rapport des lignes rejetées / rejected lines: ${summary.reportPath}`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    bar.stop();
    if (error instanceof MalformedFileError) {
      process.stderr.write(
        `Fichier refusé, rien n'a été importé : ${error.fr}\nFile refused, nothing imported: ${error.en}\n`,
      );
      process.exitCode = 1;
      return;
    }
    if (error instanceof Error && /--lab|Labo inconnu/.test(error.message)) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}
