import { Worker } from 'node:worker_threads';
import { prepareCorpus } from '../../domain/matching/corpus.ts';
import type { GeoLookup, MatchProfile, Place, Suggestion } from '../../domain/matching/model.ts';
import type { Rankings } from '../../domain/matching/rank-profiles.ts';
import type { SuggestOptions } from '../../domain/matching/suggest.ts';
import { ENGINE_VERSION, WEIGHTS, type Weights } from '../../domain/matching/weights.ts';
import { packCorpus } from './corpus-wire.ts';
import type { CorpusSharing, FromThread, ToThread } from './rank-protocol.ts';

export interface ParallelOptions {
  threads: number;
  sharing: CorpusSharing;
  /** Seekers per task; threads take the next task when done, so a slowed thread takes fewer. */
  chunk?: number;
}

const WORKER_ENTRY = new URL('./rank.worker.mjs', import.meta.url);

/**
 * `rankProfiles` on worker threads: the seekers are split into tasks handed to whichever thread
 * is free, and the lists are put back in the seekers' order, so the result is the one-thread
 * result, key for key. The domain stays single-threaded and pure; this is only orchestration.
 */
export async function rankProfilesParallel(
  profiles: readonly MatchProfile[],
  geo: GeoLookup,
  options: SuggestOptions & { forIds?: readonly string[] },
  parallel: ParallelOptions,
  weights: Readonly<Weights> = WEIGHTS,
  engine: string = ENGINE_VERSION,
): Promise<Rankings> {
  const { forIds, ...suggestOptions } = options;
  const indexOf = new Map(profiles.map((p, i) => [p.id, i]));
  const seekers = forIds
    ? forIds.map((id) => indexOf.get(id)).filter((i) => i !== undefined)
    : profiles.map((_, i) => i);
  const threads = Math.max(1, Math.min(parallel.threads, seekers.length));
  const chunk = Math.max(1, parallel.chunk ?? Math.ceil(seekers.length / (threads * 8)));
  const tasks: number[][] = [];
  for (let at = 0; at < seekers.length; at += chunk) tasks.push(seekers.slice(at, at + chunk));

  // Threads start (tsx, module loading) while the corpus is being prepared here.
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_ENTRY));
  try {
    const corpus: Extract<ToThread, { kind: 'init' }>['corpus'] =
      parallel.sharing === 'shared'
        ? { kind: 'shared', wire: packCorpus(prepareCorpus(profiles, geo, weights)) }
        : {
            kind: 'rebuild',
            profiles: [...profiles],
            places: placesOf(profiles, geo),
            weights: { ...weights },
          };
    const lists = await runTasks(workers, { kind: 'init', options: suggestOptions, corpus }, tasks);
    const rankings: Record<string, Suggestion[]> = {};
    tasks.forEach((task, t) =>
      task.forEach((i, k) => {
        rankings[(profiles[i] as MatchProfile).id] = (lists[t] as Suggestion[][])[k] as Suggestion[];
      }),
    );
    return { engine, rankings };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The places of the communes the profiles name, so a thread needs no geography of its own. */
function placesOf(profiles: readonly MatchProfile[], geo: GeoLookup): [string, Place][] {
  const places = new Map<string, Place>();
  for (const p of profiles) {
    if (!p.insee || places.has(p.insee)) continue;
    const place = geo(p.insee);
    if (place) places.set(p.insee, place);
  }
  return [...places];
}

function runTasks(
  workers: readonly Worker[],
  init: ToThread,
  tasks: readonly number[][],
): Promise<Suggestion[][][]> {
  return new Promise((resolve, reject) => {
    const lists: Suggestion[][][] = new Array<Suggestion[][]>(tasks.length);
    let next = 0;
    let done = 0;
    const give = (worker: Worker) => {
      if (next >= tasks.length) return;
      const message: ToThread = { kind: 'rank', task: next, seekers: tasks[next] as number[] };
      next += 1;
      worker.postMessage(message);
    };
    if (tasks.length === 0) {
      resolve(lists);
      return;
    }
    for (const worker of workers) {
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (done < tasks.length) reject(new Error(`ranking thread exited with code ${code}`));
      });
      worker.on('message', (reply: FromThread) => {
        lists[reply.task] = reply.lists;
        done += 1;
        if (done === tasks.length) resolve(lists);
        else give(worker);
      });
      worker.postMessage(init);
      give(worker);
    }
  });
}
