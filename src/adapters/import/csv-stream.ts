import { parse, CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streaming reading of registry and spreadsheet CSV files: bytes are decoded (UTF-8 strictly, or
 * Windows-1252 for the RNA's older files), parsed with an RFC 4180 parser, and yielded one row at
 * a time with its line number, keyed by header name. Memory stays flat whatever the file size.
 * Every structural problem becomes a `MalformedFileError` naming the line, in French and English.
 */

export type FileEncoding = 'utf-8' | 'windows-1252';

export class MalformedFileError extends Error {
  constructor(
    readonly line: number | null,
    readonly fr: string,
    readonly en: string,
  ) {
    super(fr);
    this.name = 'MalformedFileError';
  }
}

/** Index of the first byte that is not valid UTF-8, or -1 (used to name the line after a decoding error). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need > 0) return -1; // cut at the chunk's end: the next chunk decides
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a byte stream to text, counting lines so that a bad byte is reported with its line. */
class Decoder extends Transform {
  private readonly decoder: TextDecoder;
  private lines = 1;

  constructor(private readonly encoding: FileEncoding) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      const at = firstInvalidUtf8(chunk);
      let line = this.lines;
      for (let i = 0; i < (at < 0 ? 0 : at); i++) if (chunk[i] === 0x0a) line++;
      callback(
        new MalformedFileError(
          line,
          `Ligne ${line} : encodage invalide, le fichier n'est pas en UTF-8 (réenregistrez-le en UTF-8).`,
          `Line ${line}: invalid encoding, the file is not UTF-8 (save it again as UTF-8).`,
        ),
      );
      return;
    }
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lines++;
    callback(null, text);
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(
        new MalformedFileError(
          this.lines,
          `Ligne ${this.lines} : le fichier se termine au milieu d'un caractère (encodage invalide).`,
          `Line ${this.lines}: the file ends inside a character (invalid encoding).`,
        ),
      );
    }
  }
}

export interface CsvRow {
  /** Line of the file where the row starts (1 is the header). */
  line: number;
  values: Record<string, string>;
}

export interface CsvOptions {
  delimiter: string;
  encoding: FileEncoding;
  /** Columns the header must have (checked by name, in any order). */
  required: readonly string[];
  /** Only these columns go into each row's values (all when absent). */
  keep?: readonly string[];
  /** Updated with the bytes read from the file so far, for a progress bar. */
  progress?: { bytes: number };
}

function translate(error: unknown): unknown {
  if (error instanceof MalformedFileError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines ?? null;
    const at = line ?? '?';
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new MalformedFileError(
          line,
          `Ligne ${at} : guillemet ouvert jamais fermé (fin du fichier atteinte).`,
          `Line ${at}: a quote is opened and never closed (end of file reached).`,
        );
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        return new MalformedFileError(
          line,
          `Ligne ${at} : guillemet mal placé dans un champ.`,
          `Line ${at}: misplaced quote in a field.`,
        );
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      case 'CSV_RECORD_INCONSISTENT_COLUMNS':
        return new MalformedFileError(
          line,
          `Ligne ${at} : nombre de colonnes différent de l'en-tête.`,
          `Line ${at}: the number of columns differs from the header.`,
        );
      default:
        return new MalformedFileError(
          line,
          `Ligne ${at} : CSV illisible (${error.code}).`,
          `Line ${at}: unreadable CSV (${error.code}).`,
        );
    }
  }
  return error;
}

/**
 * The header and an iterator over the rows of a CSV file. The header is checked for the required
 * columns before any row is read.
 */
export async function* readCsv(path: string, options: CsvOptions): AsyncGenerator<CsvRow, void, undefined> {
  // Line numbers come from each record's raw text (its newlines), which costs a quarter less
  // than the parser's per-record info objects; empty lines and column counts are checked here.
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    raw: true,
    skip_empty_lines: false,
    relax_column_count: true,
  });
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new Decoder(options.encoding);
  source.on('error', (e) => parser.destroy(e));
  const progress = options.progress;
  if (progress) source.on('data', (chunk) => (progress.bytes += chunk.length));
  decoder.on('error', (e) => parser.destroy(e));
  source.pipe(decoder).pipe(parser);
  let headers: string[] | null = null;
  let kept: number[] = [];
  let next = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = next;
      next += newlines(item.raw);
      if (item.record.length === 1 && item.record[0] === '' && item.raw.trim() === '') continue;
      if (!headers) {
        headers = item.record.map((h) => h.trim().replace(/^\uFEFF/, ''));
        const missing = options.required.filter((c) => !headers?.includes(c));
        if (missing.length > 0) {
          throw new MalformedFileError(
            line,
            `Ligne ${line} : colonnes manquantes dans l'en-tête : ${missing.join(', ')}.`,
            `Line ${line}: columns missing from the header: ${missing.join(', ')}.`,
          );
        }
        const keep = options.keep ? new Set(options.keep) : null;
        kept = headers.flatMap((h, i) => (!keep || keep.has(h) ? [i] : []));
        continue;
      }
      if (item.record.length !== headers.length) {
        throw new MalformedFileError(
          line,
          `Ligne ${line} : nombre de colonnes différent de l'en-tête.`,
          `Line ${line}: the number of columns differs from the header.`,
        );
      }
      const values: Record<string, string> = {};
      for (const i of kept) values[headers[i]!] = item.record[i] ?? '';
      yield { line, values };
    }
  } catch (error) {
    throw translate(error);
  } finally {
    source.destroy();
  }
  if (!headers)
    throw new MalformedFileError(1, 'Le fichier est vide (aucun en-tête).', 'The file is empty (no header).');
}

/**
 * Line breaks in a record's raw text. The parser leaves out the last character of a CRLF record
 * delimiter (the raw text ends with `\r`), which also stands for an old Mac file's `\r`.
 */
function newlines(raw: string): number {
  let count = raw.endsWith('\r') ? 1 : 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The RNA changed encodings over the years (ISO-8859-1 in 2018, UTF-8 with a BOM since): a file
 * that is not valid UTF-8 in its first megabytes is read as Windows-1252 (a superset of Latin-1).
 */
export async function detectEncoding(path: string): Promise<FileEncoding> {
  const stream = createReadStream(path, { start: 0, end: 4 * 1024 * 1024 - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const invalid = firstInvalidUtf8(bytes);
  return invalid >= 0 ? 'windows-1252' : 'utf-8';
}
