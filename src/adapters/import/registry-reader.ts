import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Territory } from '../../app/directory/ports.ts';
import { registryLine, type RegistryBatch } from '../../app/directory/registry-batch.ts';
import {
  mapRnaRow,
  mapSireneRow,
  REJECTION_MESSAGES,
  RNA_REQUIRED_COLUMNS,
  SIRENE_COLUMNS_READ,
  SIRENE_REQUIRED_COLUMNS,
  type RowProblem,
} from '../../domain/directory/import-row.ts';
import { readCsv, type CsvOptions, type FileEncoding } from './csv-stream.ts';

export type RegistryKind = 'sirene' | 'rna';

export interface RegistryReadOptions {
  kind: RegistryKind;
  file: string;
  encoding: FileEncoding;
  /** Only rows whose commune lies in these départements; null reads every row. */
  departements: readonly string[] | null;
  reportPath: string;
  /** Rows per batch handed to the database. */
  batchSize: number;
}

/** What the reader saw, the database aside. */
export interface RegistryReadCounts {
  rows: number;
  /** Rows outside the départements asked for. */
  outside: number;
  /** Closed establishments and dissolved associations (they only archive what the lab holds). */
  closed: number;
  rejected: number;
}

export interface ReadBatch extends RegistryBatch {
  /** Bytes of the file read so far (for the progress bar's time left). */
  bytes: number;
  /** Rows of the file read so far, kept or not. */
  read: number;
}

export const LAYOUTS: Record<
  RegistryKind,
  {
    delimiter: string;
    required: readonly string[];
    /** The columns the row mapper reads; undefined keeps them all. */
    keep?: readonly string[];
    commune: string;
    key: 'siret' | 'rna';
  }
> = {
  sirene: {
    delimiter: ',',
    required: SIRENE_REQUIRED_COLUMNS,
    keep: SIRENE_COLUMNS_READ,
    commune: 'codeCommuneEtablissement',
    key: 'siret',
  },
  rna: { delimiter: ';', required: RNA_REQUIRED_COLUMNS, commune: 'adrs_codeinsee', key: 'rna' },
};

/** Up to 15 digits: exact as a double. */
const DIGITS = /^\d{1,15}$/;

function reportCell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/**
 * Reads a registry file once, streaming: rows outside the départements are counted and dropped,
 * the others mapped and checked; every rejected row goes to the report with its line, column and
 * reason; the kept rows come out in batches of COPY lines. A structural problem of the file
 * (encoding, quotes, columns) throws a `MalformedFileError`, whatever was yielded before it.
 */
export async function* readRegistry(
  options: RegistryReadOptions,
  territory: Pick<Territory, 'resolve' | 'departementOfCommune'>,
): AsyncGenerator<ReadBatch, RegistryReadCounts, undefined> {
  const layout = LAYOUTS[options.kind];
  const csv: CsvOptions = {
    delimiter: layout.delimiter,
    encoding: options.encoding,
    required: layout.required,
    keep: layout.keep,
    progress: { bytes: 0 },
  };
  const wanted = options.departements ? new Set(options.departements) : null;
  const map = options.kind === 'sirene' ? mapSireneRow : mapRnaRow;
  const report = createWriteStream(options.reportPath, { encoding: 'utf8' });
  await writeLine(report, '\uFEFFligne;colonne;raison;valeur;reason\n');
  const counts: RegistryReadCounts = { rows: 0, outside: 0, closed: 0, rejected: 0 };
  // The keys already read, to reject a second row with one of them: the only memory that grows
  // with the file. A SIRET (14 digits) is kept as a number, about a third of the string's cost.
  const seen = new Set<string | number>();
  let lines: string[] = [];

  const reject = async (line: number, problems: RowProblem[]) => {
    counts.rejected++;
    for (const p of problems) {
      const m = REJECTION_MESSAGES[p.reason];
      await writeLine(report, `${[String(line), p.column, m.fr, p.value, m.en].map(reportCell).join(';')}\n`);
    }
  };
  const take = (): ReadBatch => {
    const batch = {
      rows: lines.length,
      text: lines.join(''),
      bytes: csv.progress?.bytes ?? 0,
      read: counts.rows,
    };
    lines = [];
    return batch;
  };

  try {
    for await (const { line, values } of readCsv(options.file, csv)) {
      counts.rows++;
      const code = (values[layout.commune] ?? '').trim().toUpperCase();
      if (wanted && (code === '' || !wanted.has(territory.departementOfCommune(code)))) {
        counts.outside++;
        continue;
      }
      const mapped = map(values);
      if (!mapped.ok) {
        await reject(line, mapped.problems);
        continue;
      }
      const row = mapped.value;
      const place = row.communeInsee ? territory.resolve(row.communeInsee) : undefined;
      if (row.communeInsee && !place) {
        await reject(line, [{ column: layout.commune, reason: 'commune_unknown', value: row.communeInsee }]);
        continue;
      }
      const key = layout.key === 'siret' ? row.siret : row.rna;
      if (key) {
        const compact = DIGITS.test(key) ? Number(key) : key;
        if (seen.has(compact)) {
          await reject(line, [
            { column: layout.key === 'siret' ? 'siret' : 'id', reason: 'duplicate_in_file', value: key },
          ]);
          continue;
        }
        seen.add(compact);
      }
      if (!row.active) counts.closed++;
      lines.push(registryLine({ ...row, place: place ?? null }));
      if (lines.length >= options.batchSize) yield take();
    }
    if (lines.length > 0) yield take();
  } finally {
    report.end();
    await once(report, 'close');
  }
  return counts;
}
