import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { evaluateRun, parseQrels } from './evaluate-run';
import { MatchingEngine } from './match-engine';
import { JsonlItemError, parseJsonlItems } from './read-jsonl-items';
import { type DemandRanking, rankingsToRun, rankOffersForDemands } from './rank-all';

/** Exit code for bad input files (commander uses 1 for its own usage errors). */
const BAD_INPUT_EXIT_CODE = 2;

function readItems(path: string) {
  return parseJsonlItems(readFileSync(path, 'utf8'), basename(path));
}

function loadAndRank(offersPath: string, demandsPath: string, top: number): DemandRanking[] {
  const offers = readItems(offersPath);
  const demands = readItems(demandsPath);
  const engine = new MatchingEngine();
  engine.bulkLoad({ offers });
  return rankOffersForDemands(engine, demands, { top });
}

function parseRunFile(path: string): Map<string, string[]> {
  const rankings = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as DemandRanking;
    } catch {
      throw new JsonlItemError(basename(path), i + 1, '(line)', 'not valid JSON');
    }
  });
  return rankingsToRun(rankings);
}

function parseTop(value: string): number {
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new InvalidArgumentError('must be an integer from 1 to 1000');
  return top;
}

/** Adds `match` and `match-eval` (file-based, no database) to the kechuang CLI. */
export function registerMatchingCommands(program: Command): void {
  program
    .command('match')
    .description('rank offers for each demand from JSON-lines files (no database); prints one JSON line per demand')
    .requiredOption('--offers <file>', 'offers, one JSON object per line: {"id","lang","title","text",...}')
    .requiredOption('--demands <file>', 'demands, same format')
    .option('--top <n>', 'up to n results per demand, each with score and confident flag (none dropped by the threshold)', parseTop, 20)
    .action(function (this: Command, options: { offers: string; demands: string; top: number }) {
      try {
        for (const ranking of loadAndRank(options.offers, options.demands, options.top)) {
          process.stdout.write(`${JSON.stringify(ranking)}\n`);
        }
      } catch (error) {
        if (error instanceof JsonlItemError) this.error(error.message, { exitCode: BAD_INPUT_EXIT_CODE, code: 'matching.bad-input' });
        throw error;
      }
    });

  program
    .command('match-eval')
    .description('evaluate matching against TREC-style qrels (demand_id<TAB>offer_id<TAB>grade): nDCG@10, recall@100, MRR')
    .requiredOption('--qrels <file>', 'relevance judgements')
    .requiredOption('--offers <file>', 'offers JSON lines')
    .requiredOption('--demands <file>', 'demands JSON lines')
    .option('--run <file>', 'evaluate this run (output of `match`) instead of running the engine')
    .action(function (this: Command, options: { qrels: string; offers: string; demands: string; run?: string }) {
      try {
        const qrels = parseQrels(readFileSync(options.qrels, 'utf8'));
        const run = options.run ? parseRunFile(options.run) : rankingsToRun(loadAndRank(options.offers, options.demands, 100));
        const summary = evaluateRun(qrels, run);
        process.stdout.write(`${JSON.stringify({ 'ndcg@10': summary.ndcgAt10, 'recall@100': summary.recallAt100, mrr: summary.mrr, queries: summary.queries })}\n`);
      } catch (error) {
        if (error instanceof JsonlItemError) this.error(error.message, { exitCode: BAD_INPUT_EXIT_CODE, code: 'matching.bad-input' });
        if (error instanceof Error && error.message.startsWith('qrels line')) this.error(`${basename(options.qrels)}: ${error.message}`, { exitCode: BAD_INPUT_EXIT_CODE, code: 'matching.bad-input' });
        throw error;
      }
    });
}
