import type { Place } from '../../app/directory/ports.ts';
import type { ReadBatch, RegistryReadCounts, RegistryReadOptions } from './registry-reader.ts';

/**
 * Batches the reading thread may post ahead of the database: enough to keep reading while the
 * database merges a chunk (MERGE_EVERY rows), few enough to keep memory flat (a few megabytes).
 */
export const IN_FLIGHT = 16;

/** Messages from the reading thread to the main thread (the main thread answers each batch with 'credit'). */
export type ReaderMessage =
  | { type: 'batch'; batch: ReadBatch }
  | { type: 'done'; counts: RegistryReadCounts }
  | { type: 'malformed'; line: number | null; fr: string; en: string }
  | { type: 'failed'; message: string };

/** What the reading thread starts with: its options and the communes it may meet, already resolved. */
export interface ReaderData {
  options: RegistryReadOptions;
  places: ReadonlyMap<string, Place>;
}
