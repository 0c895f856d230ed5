import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportedWithPlace } from '../../app/directory/ports.ts';
import type { Services } from '../../app/ports.ts';
import {
  mapRnaRow,
  mapSireneRow,
  REJECTION_MESSAGES,
  RNA_REQUIRED_COLUMNS,
  SIRENE_REQUIRED_COLUMNS,
  type RowProblem,
} from '../../domain/directory/import-row.ts';
import { detectEncoding, readCsv, type CsvOptions, type FileEncoding } from './csv-stream.ts';

export type RegistryKind = 'sirene' | 'rna';

export interface RegistryImportOptions {
  kind: RegistryKind;
  file: string;
  labId: string;
  /** Only rows whose commune lies in these départements; null imports every row. */
  departements: readonly string[] | null;
  reportPath: string;
  batchSize?: number;
  /** Called after each batch with the rows read so far and the file's total. */
  onProgress?: (done: number, total: number) => void;
  /** Called once the file is checked, before anything is written. */
  onChecked?: (total: number, encoding: FileEncoding) => void;
}

export interface RegistryImportSummary {
  rows: number;
  created: number;
  updated: number;
  archived: number;
  /** Rows outside the départements asked for, and closed establishments never imported. */
  skipped: number;
  rejected: number;
  encoding: FileEncoding;
  reportPath: string;
  seconds: number;
}

const LAYOUTS: Record<
  RegistryKind,
  { delimiter: string; required: readonly string[]; commune: string; key: 'siret' | 'rna' }
> = {
  sirene: {
    delimiter: ',',
    required: SIRENE_REQUIRED_COLUMNS,
    commune: 'codeCommuneEtablissement',
    key: 'siret',
  },
  rna: { delimiter: ';', required: RNA_REQUIRED_COLUMNS, commune: 'adrs_codeinsee', key: 'rna' },
};

function reportCell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/**
 * Imports a registry file into a lab. The file is read twice, streaming: first to check it whole
 * (encoding, quotes, columns) so that a malformed file writes nothing; then to upsert its rows in
 * batches keyed by SIRET or RNA number, each batch in one transaction. Every rejected row goes to
 * the report with its line, column and reason; an import run twice changes nothing the second time.
 */
export async function importRegistryFile(
  services: Pick<Services, 'directory' | 'territory'>,
  options: RegistryImportOptions,
): Promise<RegistryImportSummary> {
  const started = performance.now();
  const layout = LAYOUTS[options.kind];
  const encoding: FileEncoding = options.kind === 'rna' ? await detectEncoding(options.file) : 'utf-8';
  const csv: CsvOptions = { delimiter: layout.delimiter, encoding, required: layout.required };

  let total = 0;
  for await (const _row of readCsv(options.file, csv)) total++;
  options.onChecked?.(total, encoding);

  const wanted = options.departements ? new Set(options.departements) : null;
  const map = options.kind === 'sirene' ? mapSireneRow : mapRnaRow;
  const batchSize = options.batchSize ?? 1000;
  const report = createWriteStream(options.reportPath, { encoding: 'utf8' });
  await writeLine(report, '\uFEFFligne;colonne;raison;valeur;reason\n');
  const summary: RegistryImportSummary = {
    rows: 0,
    created: 0,
    updated: 0,
    archived: 0,
    skipped: 0,
    rejected: 0,
    encoding,
    reportPath: options.reportPath,
    seconds: 0,
  };
  const seen = new Set<string>();
  let batch: ImportedWithPlace[] = [];

  const reject = async (line: number, problems: RowProblem[]) => {
    summary.rejected++;
    for (const p of problems) {
      const m = REJECTION_MESSAGES[p.reason];
      await writeLine(report, `${[String(line), p.column, m.fr, p.value, m.en].map(reportCell).join(';')}\n`);
    }
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const outcome = await services.directory.upsertRegistryBatch(
      options.labId,
      layout.key,
      batch,
      options.kind,
    );
    // Closed establishments are only used to archive known ones; the others are not imported.
    summary.skipped += batch.filter((r) => !r.active).length - outcome.archived;
    summary.created += outcome.created;
    summary.updated += outcome.updated;
    summary.archived += outcome.archived;
    batch = [];
    options.onProgress?.(summary.rows, total);
  };

  try {
    for await (const { line, values } of readCsv(options.file, csv)) {
      summary.rows++;
      const code = (values[layout.commune] ?? '').trim().toUpperCase();
      if (wanted && (code === '' || !wanted.has(services.territory.departementOfCommune(code)))) {
        summary.skipped++;
        continue;
      }
      const mapped = map(values);
      if (!mapped.ok) {
        await reject(line, mapped.problems);
        continue;
      }
      const row = mapped.value;
      const place = row.communeInsee ? services.territory.resolve(row.communeInsee) : undefined;
      if (row.communeInsee && !place) {
        await reject(line, [{ column: layout.commune, reason: 'commune_unknown', value: row.communeInsee }]);
        continue;
      }
      const key = layout.key === 'siret' ? row.siret : row.rna;
      if (key) {
        if (seen.has(key)) {
          await reject(line, [
            { column: layout.key === 'siret' ? 'siret' : 'id', reason: 'duplicate_in_file', value: key },
          ]);
          continue;
        }
        seen.add(key);
      }
      batch.push({ ...row, place: place ?? null });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    report.end();
    await once(report, 'close');
  }
  options.onProgress?.(summary.rows, total);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
