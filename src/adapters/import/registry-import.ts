import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Services } from '../../app/ports.ts';
import { detectEncoding, MalformedFileError, type FileEncoding } from './csv-stream.ts';
import {
  LAYOUTS,
  readRegistry,
  type ReadBatch,
  type RegistryKind,
  type RegistryReadCounts,
  type RegistryReadOptions,
} from './registry-reader.ts';
import type { ReaderData, ReaderMessage } from './registry-reader-protocol.ts';
import type { Place } from '../../app/directory/ports.ts';
import { departementPrefix, territory } from '../territory/territory.ts';

export type { RegistryKind } from './registry-reader.ts';

export interface ImportProgress {
  /** Bytes of the file read, and its size: the share done and the time left. */
  bytes: number;
  totalBytes: number;
  /** Rows of the file read so far. */
  rows: number;
}

export interface RegistryImportOptions {
  kind: RegistryKind;
  file: string;
  labId: string;
  /** Only rows whose commune lies in these départements; null imports every row. */
  departements: readonly string[] | null;
  reportPath: string;
  /** Rows per COPY batch. */
  batchSize?: number;
  /** Reads the file in a worker thread, in parallel with the database's work (the default). */
  worker?: boolean;
  /** Called once the encoding is known, before anything is read. */
  onStart?: (totalBytes: number, encoding: FileEncoding) => void;
  onProgress?: (progress: ImportProgress) => void;
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

type Reader = AsyncGenerator<ReadBatch, RegistryReadCounts, undefined>;

/**
 * The communes the reader needs: with a filter, those of the départements asked for and those
 * whose code starts like one (so that a code resolving elsewhere is still told apart from an
 * unknown one); the others fall back on their code's prefix, as with the whole table.
 */
function placesFor(departements: readonly string[] | null): ReadonlyMap<string, Place> {
  const all = territory().places;
  if (!departements) return all;
  const wanted = new Set(departements);
  return new Map(
    [...all].filter(([code, place]) => wanted.has(place.departement) || wanted.has(departementPrefix(code))),
  );
}

/** The reader run in a worker thread, seen from here as the same generator. */
async function* readInWorker(options: RegistryReadOptions): Reader {
  const data: ReaderData = { options, places: placesFor(options.departements) };
  const worker = new Worker(new URL('./registry-reader.worker.mjs', import.meta.url), { workerData: data });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error: Error) => push({ type: 'failed', message: error.stack ?? error.message }));
  worker.on('exit', (code) => {
    if (code !== 0) push({ type: 'failed', message: `reader thread exited with code ${code}` });
  });
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift();
      if (!message) continue;
      switch (message.type) {
        case 'batch':
          worker.postMessage('credit');
          yield message.batch;
          break;
        case 'done':
          return message.counts;
        case 'malformed':
          throw new MalformedFileError(message.line, message.fr, message.en);
        case 'failed':
          throw new Error(`Lecture du fichier interrompue / reading the file failed: ${message.message}`);
      }
    }
  } finally {
    // Also when the database failed first: the thread must not go on reading for nobody.
    await worker.terminate();
  }
}

/**
 * Imports a registry file into a lab: read once, streaming (in a worker thread by default), its
 * kept rows are upserted by SIRET or RNA number in one transaction — a file found malformed at its
 * last line writes nothing, and an import run twice changes nothing the second time. Every
 * rejected row goes to the report with its line, column and reason.
 */
export async function importRegistryFile(
  services: Pick<Services, 'directory' | 'territory'>,
  options: RegistryImportOptions,
): Promise<RegistryImportSummary> {
  const started = performance.now();
  const layout = LAYOUTS[options.kind];
  const encoding: FileEncoding = options.kind === 'rna' ? await detectEncoding(options.file) : 'utf-8';
  const totalBytes = statSync(options.file).size;
  options.onStart?.(totalBytes, encoding);
  const readOptions: RegistryReadOptions = {
    kind: options.kind,
    file: options.file,
    encoding,
    departements: options.departements,
    reportPath: options.reportPath,
    batchSize: options.batchSize ?? 2000,
  };
  const reader: Reader =
    options.worker === false ? readRegistry(readOptions, services.territory) : readInWorker(readOptions);

  let counts: RegistryReadCounts | null = null;
  async function* batches(): AsyncGenerator<ReadBatch> {
    try {
      let next = await reader.next();
      while (!next.done) {
        const batch = next.value;
        yield batch;
        // Resumed once the batch is in the database.
        options.onProgress?.({ bytes: batch.bytes, totalBytes, rows: batch.read });
        next = await reader.next();
      }
      counts = next.value;
    } finally {
      // The database gave up first: stop the reading thread too, or it would wait forever.
      if (!counts) await reader.return({ rows: 0, outside: 0, closed: 0, rejected: 0 });
    }
  }
  const outcome = await services.directory.loadRegistry(options.labId, layout.key, options.kind, batches());
  const read: RegistryReadCounts = counts ?? { rows: 0, outside: 0, closed: 0, rejected: 0 };
  options.onProgress?.({ bytes: totalBytes, totalBytes, rows: read.rows });
  return {
    rows: read.rows,
    created: outcome.created,
    updated: outcome.updated,
    archived: outcome.archived,
    skipped: read.outside + read.closed - outcome.archived,
    rejected: read.rejected,
    encoding,
    reportPath: options.reportPath,
    seconds: (performance.now() - started) / 1000,
  };
}
