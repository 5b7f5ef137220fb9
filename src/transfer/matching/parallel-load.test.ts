import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchingEngine } from './match-engine';
import { MatchItemError } from './match-item.schema';
import { parseJsonlItems } from './read-jsonl-items';

const dir = join(import.meta.dirname, 'eval-set');
const lines = (name: string) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim() !== '');

describe('parallel rebuild', () => {
  const offerLines = lines('offers.jsonl');
  const demands = parseJsonlItems(lines('demands.jsonl').join('\n'), 'demands.jsonl');
  const sequential = new MatchingEngine();
  sequential.bulkLoad({ offers: offerLines.map((l) => JSON.parse(l) as unknown) });
  const ranking = (engine: MatchingEngine) => demands.map((d) => engine.matchOffersForDemand(d, { top: 30 }).results);

  // Small batches over two workers: batches come back out of order and workers' vocabularies differ.
  it('gives exactly the rankings and explanations of a sequential build', { timeout: 60_000 }, async () => {
    const parallel = new MatchingEngine();
    await parallel.rebuild({ offers: offerLines }, { workers: 2, batchSize: 7 });
    expect(parallel.offers.size).toBe(sequential.offers.size);
    expect(ranking(parallel)).toEqual(ranking(sequential));
  });

  it('rejects an invalid item, naming it, and keeps the current index', { timeout: 60_000 }, async () => {
    const engine = new MatchingEngine();
    engine.upsertOffer({ id: 'kept', lang: 'en', text: 'copper foil' });
    const bad = [...offerLines.slice(0, 20), JSON.stringify({ id: 'x', lang: 'fr', text: 'copper' })];
    const error = await engine.rebuild({ offers: bad }, { workers: 2, batchSize: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatchItemError);
    expect((error as MatchItemError).field).toBe('lang');
    expect((error as MatchItemError).message).toContain('item 21');
    expect(engine.offers.size).toBe(1);
    expect(engine.offers.has('kept')).toBe(true);
  });

  it('analyses on this thread with workers: 0', async () => {
    const engine = new MatchingEngine();
    await engine.rebuild({ offers: offerLines.slice(0, 30) }, { workers: 0 });
    expect(engine.offers.size).toBe(30);
  });
});
