/** Worker thread entry: validates and analyses batches of items for `buildIndexParallel`. */
import { parentPort, workerData } from 'node:worker_threads';
import { adoptLexicon } from './bilingual-lexicon';
import { buildConceptDictionary, type Concept } from './concept-dictionary';
import { BatchEncoder, transferList } from './encoded-batch';
import { type MatchItem, MatchItemError, parseMatchItem } from './match-item.schema';

export interface PrepareRequest {
  seq: number;
  /** Items, or JSON texts of items (cheaper to hand over than objects). */
  items: unknown[];
}

export interface PrepareFailure {
  seq: number;
  error: { index: number; field: string; detail: string };
}

const data = workerData as { concepts: Concept[]; lexicon?: string };
const dictionary = buildConceptDictionary(data.concepts, { lexicon: data.lexicon === undefined ? undefined : adoptLexicon(data.lexicon) });
const encoder = new BatchEncoder();
const port = parentPort;

port?.on('message', ({ seq, items }: PrepareRequest) => {
  const valid: MatchItem[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const raw = items[i];
      valid.push(parseMatchItem(typeof raw === 'string' ? parseJson(raw) : raw));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const failure: PrepareFailure = error instanceof MatchItemError
        ? { seq, error: { index: i, field: error.field, detail: error.detail } }
        : { seq, error: { index: i, field: '(item)', detail } };
      port.postMessage(failure);
      return;
    }
  }
  // Analysed and encoded only once the whole batch is valid, so the worker's vocabulary never runs ahead of what it sent.
  const batch = encoder.encodeItems(seq, valid, dictionary);
  port.postMessage(batch, transferList(batch));
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MatchItemError('(line)', 'not valid JSON');
  }
}
