import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import type { SpreadsheetCodec } from '../../app/directory/ports.ts';
import { neutraliseCell } from '../../domain/directory/spreadsheet-safety.ts';
import { DomainError } from '../../domain/errors.ts';
import { firstInvalidUtf8 } from './csv-stream.ts';

const MAX_ROWS = 50_000;

function malformed(line: number | null, fr: string, en: string): DomainError {
  return new DomainError('malformed_file', fr, {
    line,
    fr,
    en,
    problems: [{ path: line === null ? 'file' : `line.${line}`, code: 'malformed_file', fr, en }],
  });
}

function decode(bytes: Uint8Array): string {
  if (firstInvalidUtf8(bytes) < 0) return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  // A spreadsheet saved by Excel in "CSV (séparateur : point-virgule)" is Windows-1252.
  return new TextDecoder('windows-1252').decode(bytes);
}

function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

async function readCsvBytes(bytes: Uint8Array) {
  const text = decode(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED')
        throw malformed(
          line,
          `Ligne ${line} : guillemet ouvert jamais fermé.`,
          `Line ${line}: a quote is never closed.`,
        );
      if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
        throw malformed(
          line,
          `Ligne ${line} : nombre de colonnes différent de l'en-tête.`,
          `Line ${line}: the number of columns differs from the header.`,
        );
      }
      throw malformed(
        line,
        `Ligne ${line} : CSV illisible (${error.code}).`,
        `Line ${line}: unreadable CSV (${error.code}).`,
      );
    }
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw malformed(1, 'Le fichier est vide.', 'The file is empty.');
  const headers = head.record.map((h) => h.trim());
  return {
    headers,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])),
    })),
  };
}

async function readXlsxBytes(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw malformed(
      null,
      'Ce fichier n’est pas un classeur XLSX lisible.',
      'This file is not a readable XLSX workbook.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    throw malformed(1, 'La première feuille est vide.', 'The first sheet is empty.');
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = cell.text.trim();
  });
  const rows: { line: number; values: Record<string, string> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      // A formula cell is read as the text of its result, never evaluated again.
      values[h] = row.getCell(i + 1).text ?? '';
    });
    rows.push({ line: number, values });
  });
  return { headers: headers.filter((h) => h !== undefined), rows };
}

/** CSV (any of `;` `,` tab, UTF-8 or Windows-1252) and XLSX through exceljs. */
export function spreadsheetCodec(): SpreadsheetCodec {
  return {
    async read(fileName, bytes) {
      const result = /\.xlsx$/i.test(fileName) ? await readXlsxBytes(bytes) : await readCsvBytes(bytes);
      if (result.rows.length > MAX_ROWS) {
        throw malformed(
          null,
          `Le fichier dépasse ${MAX_ROWS} lignes : découpez-le.`,
          `The file has more than ${MAX_ROWS} rows: split it.`,
        );
      }
      const duplicate = result.headers.find((h, i) => h !== '' && result.headers.indexOf(h) !== i);
      if (duplicate)
        throw malformed(
          1,
          `Ligne 1 : la colonne « ${duplicate} » apparaît deux fois.`,
          `Line 1: column "${duplicate}" appears twice.`,
        );
      return result;
    },

    async write(format, headers, rows, sheetName) {
      const safe = rows.map((row) => row.map(neutraliseCell));
      if (format === 'csv') {
        const cell = (v: string) => (/[";\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        // `;` and a BOM: what a French spreadsheet program opens correctly with a double click.
        const text = `\uFEFF${[headers, ...safe].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
        return new TextEncoder().encode(text);
      }
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
      sheet.addRow(headers).font = { bold: true };
      for (const row of safe) sheet.addRow(row);
      sheet.columns.forEach((column) => {
        column.width = 22;
      });
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
  };
}
