// Body of a ranking thread (started through rank.worker.mjs): prepares or receives the corpus once,
// then ranks the seekers it is handed, in the order given.
import { parentPort } from 'node:worker_threads';
import { prepareCorpus, type Corpus } from '../../domain/matching/corpus.ts';
import { suggestFor, type SuggestOptions } from '../../domain/matching/suggest.ts';
import { unpackCorpus } from './corpus-wire.ts';
import type { FromThread, ToThread } from './rank-protocol.ts';

const port = parentPort;
if (!port) throw new Error('rank-thread.ts runs as a worker thread only');

let corpus: Corpus | undefined;
let options: SuggestOptions | undefined;

port.on('message', (message: ToThread) => {
  if (message.kind === 'init') {
    const init = message.corpus;
    options = message.options;
    if (init.kind === 'shared') corpus = unpackCorpus(init.wire);
    else {
      const places = new Map(init.places);
      corpus = prepareCorpus(init.profiles, (insee) => places.get(insee), init.weights);
    }
    return;
  }
  if (!corpus || !options) throw new Error('rank before init');
  const reply: FromThread = {
    task: message.task,
    lists: message.seekers.map((i) => suggestFor(corpus as Corpus, i, options as SuggestOptions)),
  };
  port.postMessage(reply);
});
