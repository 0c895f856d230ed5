import { parentPort, workerData } from 'node:worker_threads';
import { communeResolver } from '../territory/territory.ts';
import { MalformedFileError } from './csv-stream.ts';
import { readRegistry } from './registry-reader.ts';
import { IN_FLIGHT, type ReaderMessage, type ReaderData } from './registry-reader-protocol.ts';

/**
 * The reading thread: parses, checks and encodes the file while the main thread writes the
 * previous batches to the database. At most IN_FLIGHT batches wait unconsumed, so memory stays
 * flat when the database is slower than the file.
 */
const port = parentPort;
if (!port) throw new Error('registry-reader.thread.ts runs in a worker thread');
let credits = IN_FLIGHT;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== 'credit') return;
  credits++;
  wake?.();
  wake = null;
});
const send = (message: ReaderMessage) => port.postMessage(message);

try {
  const data = workerData as ReaderData;
  const reader = readRegistry(data.options, communeResolver(data.places));
  let next = await reader.next();
  while (!next.done) {
    if (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    send({ type: 'batch', batch: next.value });
    next = await reader.next();
  }
  send({ type: 'done', counts: next.value });
} catch (error) {
  send(
    error instanceof MalformedFileError
      ? { type: 'malformed', line: error.line, fr: error.fr, en: error.en }
      : { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
  );
} finally {
  port.close();
}
