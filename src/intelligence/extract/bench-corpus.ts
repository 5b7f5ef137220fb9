import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFiles, textFolders } from './run-files';

/**
 * Generated articles for tests and the benchmark: paragraphs of the real evaluation documents (seeds and the
 * held-out articles present on this machine), recombined by a seeded random walk. Marked generated in their id and first line.
 */
export interface GeneratedArticle {
  id: string;
  text: string;
  date: string;
}

function paragraphsOfEvalDocs(): string[] {
  const dir = join(import.meta.dirname, 'eval');
  // docs/ and, where this machine has them, the local/ texts that may not be redistributed (see sources.json): in a
  // fresh clone the corpus is built from the seeds only, so figures are comparable only on the same machine
  const folders = ['dev', 'heldout'].flatMap((set) => textFolders(join(dir, set, 'gold')));
  const files = folders.flatMap((f) => documentFiles(f));
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/\n+/)).map((p) => p.trim()).filter((p) => p.length >= 20);
}

/** Mulberry32: a small deterministic generator so that a run can be repeated exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* generateArticles(count: number, seed = 1): Generator<GeneratedArticle> {
  const paragraphs = paragraphsOfEvalDocs();
  const next = random(seed);
  for (let i = 0; i < count; i++) {
    const n = 4 + Math.floor(next() * 10);
    const body: string[] = [];
    for (let j = 0; j < n; j++) body.push(paragraphs[Math.floor(next() * paragraphs.length)]!);
    const year = 2015 + Math.floor(next() * 10);
    const date = `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    yield { id: `generated-${seed}-${i}`, date, text: `[generated article ${i}, recombined from evaluation paragraphs] ${date}\n${body.join('\n')}` };
  }
}
