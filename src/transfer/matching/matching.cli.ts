import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/** Evaluation sets shipped beside the engine: the hand-made one, the real-text report set and the real-text development set (constants are tuned on real-dev only). */
const BUNDLED_SETS = { eval: 'eval-set', real: 'real-set', 'real-dev': 'real-dev' } as const;
type BundledSet = keyof typeof BUNDLED_SETS;

function parseSet(value: string): BundledSet {
  if (!Object.hasOwn(BUNDLED_SETS, value)) throw new InvalidArgumentError(`must be one of ${Object.keys(BUNDLED_SETS).join(', ')}`);
  return value as BundledSet;
}

/** The three files to evaluate: each given explicitly or taken from a bundled set; undefined while any is missing. */
function evalFiles(options: { set?: BundledSet; qrels?: string; offers?: string; demands?: string }) {
  const dir = options.set ? join(import.meta.dirname, BUNDLED_SETS[options.set]) : undefined;
  const pick = (explicit: string | undefined, name: string) => explicit ?? (dir ? join(dir, name) : undefined);
  const [qrels, offers, demands] = [pick(options.qrels, 'qrels.tsv'), pick(options.offers, 'offers.jsonl'), pick(options.demands, 'demands.jsonl')];
  return qrels && offers && demands ? { qrels, offers, demands } : undefined;
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
    .option('--set <name>', 'a bundled set: eval (hand-made), real (real public texts, report set) or real-dev (real public texts, development set); files given below override its files', parseSet)
    .option('--qrels <file>', 'relevance judgements')
    .option('--offers <file>', 'offers JSON lines')
    .option('--demands <file>', 'demands JSON lines')
    .option('--run <file>', 'evaluate this run (output of `match`) instead of running the engine')
    .action(function (this: Command, options: { set?: BundledSet; qrels?: string; offers?: string; demands?: string; run?: string }) {
      const files = evalFiles(options);
      if (!files) return this.error('give --set, or all of --qrels, --offers and --demands', { exitCode: 1, code: 'commander.missingMandatoryOptionValue' });
      const { qrels: qrelsPath, offers, demands } = files;
      try {
        const qrels = parseQrels(readFileSync(qrelsPath, 'utf8'));
        const run = options.run ? parseRunFile(options.run) : rankingsToRun(loadAndRank(offers, demands, 100));
        const summary = evaluateRun(qrels, run);
        process.stdout.write(`${JSON.stringify({ 'ndcg@10': summary.ndcgAt10, 'recall@100': summary.recallAt100, mrr: summary.mrr, queries: summary.queries })}\n`);
      } catch (error) {
        if (error instanceof JsonlItemError) this.error(error.message, { exitCode: BAD_INPUT_EXIT_CODE, code: 'matching.bad-input' });
        if (error instanceof Error && error.message.startsWith('qrels line')) this.error(`${basename(qrelsPath)}: ${error.message}`, { exitCode: BAD_INPUT_EXIT_CODE, code: 'matching.bad-input' });
        throw error;
      }
    });
}
