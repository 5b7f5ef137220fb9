// Matching benchmark: Kechuang's engine against PostgreSQL full-text search, Orama, MiniSearch,
// FlexSearch and LanceDB's native BM25 full-text search on the same generated corpus and queries,
// plus the hand-made evaluation set (`evalSet`) and the set built from real public texts
// (`realSet`, src/transfer/matching/real-set).
//
//   npx tsx bench/matching.bench.ts [--offers N] [--demands 2000] [--engines kechuang,postgres,...]
//                                   [--query-budget 60] [--max-old-space 6144] [--engine-timeout 1200]
//                                   [--kechuang-from text|tokens] [--workers N] [--lexicon on|off]
//                                   [--mlt-min-term-freq 1] [--mlt-min-doc-freq 1] [--mlt-max-terms 25]
//
// Every peer runs in two configurations, reported side by side:
//   - `<peer>` (e.g. `minisearch`): the whole demand as one OR query (every distinct demand token);
//   - `<peer>_mlt` (e.g. `minisearch_mlt`): more-like-this, as Lucene's MoreLikeThis and
//     Elasticsearch's `more_like_this` build a similarity query: the demand's tokens scored by
//     tf × idf (tf in the demand, title counted twice; Lucene's classic idf 1 + ln((N + 1)/(df + 1))
//     over the offers the peer indexed), tokens under the min term / doc frequencies dropped, the
//     best `--mlt-max-terms` (25, Lucene's default) OR-ed, unboosted (Lucene's default). Lucene's
//     min term freq 2 and min doc freq 5 are meant for a whole indexed document; a demand is a
//     short text outside the index (a word used once is often its subject, a word in one offer is
//     a real lead), so both default to 1 here (Elasticsearch's own example for text uses
//     min_term_freq 1).
// Each peer's own ranking and query options as its documentation recommends for "any of these
// words": MiniSearch `combineWith: 'OR'` (BM25+); FlexSearch `suggest: true` (otherwise it ANDs
// the words); Orama `threshold: 1` (any word, BM25); PostgreSQL an OR tsquery ranked by
// `ts_rank_cd`; LanceDB a `MatchQuery` (BM25, operator OR) on an FTS index with the whitespace
// tokenizer and no lower-casing, stemming or stop words (the tokens come analysed).
//
// The parent generates the corpus once and analyses every item once with the platform's
// `analyze` (src/shared/text); each engine then runs in its own child process (so a peer that
// runs out of memory cannot take the run down):
//   - Kechuang (default `--kechuang-from text`) indexes the raw offer texts with
//     `MatchingEngine.rebuild`, analysis in worker threads included: its build time is the whole
//     "text to searchable index" time. With `--kechuang-from tokens` it indexes the parent's
//     pre-analysed tokens plus concept ids instead (build time then excludes analysis);
//   - peers get the identical `analyze` tokens (title tokens twice, as Kechuang counts them),
//     with their own tokenizers replaced by a split on spaces and no further processing; their
//     build time excludes the shared analysis (reported separately) and reading the file. The
//     `_mlt` configurations count document frequencies as they index (part of their build time):
//     every peer indexes the same tokens, so these are each peer's own index statistics (MiniSearch,
//     FlexSearch and LanceDB expose no document-frequency lookup, so one counter serves all).
// Queries always use the pre-analysed demands, so latency excludes analysing the query (the
// more-like-this term selection is part of the query time).
// `ratios` compare Kechuang with the best peer configuration on each nDCG@10 and the fastest on
// p95 and build time (`ratiosPerPeer`: against each one); memory against each peer. Each engine
// also reports `buildCpuSeconds` (CPU of its build, threads included), steadier than wall time
// when the machine is shared; `ratios.buildCpuSeconds` compares it with the lowest peer's.
// Progress goes to stderr; the last stdout line is one JSON object with all figures.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/shared/text';
import {
  CONFIDENT_MATCH_THRESHOLD,
  evaluateRun,
  getConceptsOnlyDictionary,
  getDefaultConceptDictionary,
  MatchingEngine,
  parseQrels,
  type ItemAttributes,
  type PreparedItem,
} from '../src/transfer/matching';
import { parseJsonlItems } from '../src/transfer/matching/read-jsonl-items';
import { generateSyntheticCorpus } from '../src/transfer/matching/synthetic-corpus';

const PEERS = ['postgres', 'orama', 'minisearch', 'flexsearch', 'lancedb'] as const;
type PeerName = (typeof PEERS)[number];
/** `<peer>`: the whole demand as one OR query; `<peer>_mlt`: its more-like-this terms (header). */
type EngineName = 'kechuang' | PeerName | `${PeerName}_mlt`;
const ENGINES: readonly EngineName[] = ['kechuang', ...PEERS.flatMap((peer) => [peer, `${peer}_mlt` as const])];
const PG_URL = process.env.KECHUANG_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const EVAL_DIR = fileURLToPath(new URL('../src/transfer/matching/eval-set/', import.meta.url));
const REAL_DIR = fileURLToPath(new URL('../src/transfer/matching/real-set/', import.meta.url));

// ---------- arguments ----------

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const options = {
  offers: Number(argValue('offers') ?? 1_000_000),
  demands: Number(argValue('demands') ?? 2000),
  engines: (argValue('engines') ?? ENGINES.join(',')).split(',') as EngineName[],
  queryBudgetSeconds: Number(argValue('query-budget') ?? 60),
  maxOldSpaceMiB: Number(argValue('max-old-space') ?? 6144),
  /** Wall-clock limit per engine (build + queries), after which its child is killed. */
  engineTimeoutSeconds: Number(argValue('engine-timeout') ?? 1200),
  kechuangFrom: (argValue('kechuang-from') ?? 'text') as 'text' | 'tokens',
  /** `off`: the hand-written concepts only, without the CC-CEDICT lexicon (for before/after figures). */
  lexicon: (argValue('lexicon') ?? 'on') as 'on' | 'off',
  /** Worker threads for Kechuang's analysis (default: see ParallelLoadOptions). */
  workers: argValue('workers') === undefined ? undefined : Number(argValue('workers')),
  /** More-like-this term selection for the `_mlt` peer configurations (see the header). */
  moreLikeThis: {
    minTermFreq: Number(argValue('mlt-min-term-freq') ?? 1),
    minDocFreq: Number(argValue('mlt-min-doc-freq') ?? 1),
    maxQueryTerms: Number(argValue('mlt-max-terms') ?? 25),
  },
  child: argValue('child') as EngineName | undefined,
  cache: argValue('cache'),
};
const log = (message: string) => process.stderr.write(`[matching-bench${options.child ? `:${options.child}` : ''}] ${message}\n`);

// ---------- shared record format (one JSON line per analysed item) ----------

interface CachedItem {
  id: string;
  /** Word tokens with counts (title counted twice), as both Kechuang and peers index them. */
  tokens: [string, number][];
  /** Kechuang's dictionary concept terms ("c:<id>") with counts. */
  concepts: [string, number][];
  /** Terms only the CC-CEDICT lexicon contributed, with their lexicon weights (Kechuang's query side weighs them down). */
  derived?: [string, number][];
  fields: string[];
  ipc: string[];
  trl?: number;
  price?: number;
  budget?: number;
}

function toCached(prepared: PreparedItem, item: { fields: string[]; ipc: string[]; trl?: number; price?: number; budget?: number }): CachedItem {
  const tokens: [string, number][] = [];
  const concepts: [string, number][] = [];
  for (const entry of prepared.terms) (entry[0].startsWith('c:') ? concepts : tokens).push(entry);
  const derived = prepared.derived ? [...prepared.derived] : undefined;
  return { id: prepared.id, tokens, concepts, derived, fields: item.fields, ipc: item.ipc, trl: item.trl, price: item.price, budget: item.budget };
}

/** Peers see a plain token string: each token repeated as often as it occurs. */
function tokenText(item: CachedItem): string {
  return item.tokens.flatMap(([t, n]) => Array<string>(n).fill(t)).join(' ');
}

const ALL_EXPLAINABLE: ItemAttributes['explainable'] = new Set(['title', 'text', 'fields', 'ipc', 'trl', 'budget', 'price', 'zone']);

function toPrepared(item: CachedItem): PreparedItem {
  return {
    id: item.id,
    terms: new Map([...item.tokens, ...item.concepts]),
    hiddenTerms: new Set(),
    ...(item.derived ? { derived: new Map(item.derived) } : {}),
    attributes: { fields: item.fields, ipc: item.ipc, trl: item.trl, price: item.price, budget: item.budget, explainable: ALL_EXPLAINABLE },
  };
}

async function* readCached(path: string): AsyncGenerator<CachedItem> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as CachedItem;
}

// ---------- engines under test ----------

interface SearchEngine {
  /** When set, the engine builds itself from the raw items file instead of `add` per cached item. */
  buildFromText?(rawPath: string): Promise<void>;
  add(item: CachedItem): void | Promise<void>;
  /** Called once after all adds (flush batches, build indexes). */
  finish(): Promise<void>;
  search(query: CachedItem, k: number): string[] | Promise<string[]>;
  /** Extra memory the engine holds outside this process (PostgreSQL), in bytes. */
  externalBytes?(): Promise<number>;
  close?(): Promise<void>;
}

/** The engine the options ask for: the default dictionary (concepts over the lexicon) or the concepts alone. */
function newMatchingEngine(): MatchingEngine {
  return new MatchingEngine(options.lexicon === 'off' ? getConceptsOnlyDictionary() : getDefaultConceptDictionary());
}

function kechuangEngine(): SearchEngine {
  const engine = newMatchingEngine();
  return {
    // Raw JSON lines go straight to the workers, which parse, validate and analyse them.
    buildFromText: options.kechuangFrom === 'text'
      ? (rawPath) => engine.rebuild({ offers: createInterface({ input: createReadStream(rawPath), crlfDelay: Infinity }) }, { workers: options.workers })
      : undefined,
    add: (item) => engine.offers.upsert(toPrepared(item)),
    finish: async () => engine.offers.trim(),
    search: (query, k) => engine.matchPrepared(toPrepared(query), 'offers-for-demand', { top: k }).results.map((r) => r.id),
  };
}

/** A peer search library over the shared token texts; it ranks documents matching any of the terms. */
interface PeerIndex {
  add(item: CachedItem): void | Promise<void>;
  finish(): Promise<void>;
  /** Ids of the best `k` documents containing any of `terms` (OR), best first. */
  searchAny(terms: readonly string[], k: number): string[] | Promise<string[]>;
  externalBytes?(): Promise<number>;
  close?(): Promise<void>;
}

/**
 * Lucene MoreLikeThis term selection: the query item's tokens scored by tf × idf over the indexed
 * documents (classic idf 1 + ln((N + 1) / (df + 1))), the best `maxQueryTerms` kept.
 */
class MoreLikeThisTerms {
  private readonly docFreq = new Map<string, number>();
  private documents = 0;

  constructor(private readonly settings: typeof options.moreLikeThis) {}

  addDocument(item: CachedItem): void {
    this.documents++;
    for (const [term] of item.tokens) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
  }

  select(query: CachedItem): string[] {
    const { minTermFreq, minDocFreq, maxQueryTerms } = this.settings;
    const scored: [string, number][] = [];
    for (const [term, tf] of query.tokens) {
      const df = this.docFreq.get(term) ?? 0;
      if (tf < minTermFreq || df < Math.max(1, minDocFreq)) continue;
      scored.push([term, tf * (1 + Math.log((this.documents + 1) / (df + 1)))]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return scored.slice(0, maxQueryTerms).map(([term]) => term);
  }
}

/** A peer in one of its two configurations: the whole demand OR-ed, or its more-like-this terms. */
function peerEngine(index: PeerIndex, mode: 'whole' | 'mlt'): SearchEngine {
  const mlt = mode === 'mlt' ? new MoreLikeThisTerms(options.moreLikeThis) : undefined;
  return {
    add: (item) => {
      mlt?.addDocument(item);
      return index.add(item);
    },
    finish: () => index.finish(),
    search: (query, k) => {
      const terms = mlt ? mlt.select(query) : query.tokens.map(([t]) => t);
      return terms.length === 0 ? [] : index.searchAny(terms, k);
    },
    externalBytes: index.externalBytes?.bind(index),
    close: index.close?.bind(index),
  };
}

async function miniSearchIndex(): Promise<PeerIndex> {
  const { default: MiniSearch } = await import('minisearch');
  const index = new MiniSearch<{ id: string; t: string }>({
    fields: ['t'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'OR' },
  });
  return {
    add: (item) => index.add({ id: item.id, t: tokenText(item) }),
    finish: async () => {},
    searchAny: (terms, k) => index.search(terms.join(' ')).slice(0, k).map((r) => String(r.id)),
  };
}

async function flexSearchIndex(): Promise<PeerIndex> {
  const { Index } = await import('flexsearch');
  const index = new Index({ tokenize: 'strict', encode: (text: string) => text.split(' '), resolution: 9 });
  const ids: string[] = [];
  return {
    add: (item) => {
      ids.push(item.id);
      index.add(ids.length - 1, tokenText(item));
    },
    finish: async () => {},
    // suggest: rank documents matching only some query words too (FlexSearch otherwise ANDs them).
    searchAny: (terms, k) => (index.search(terms.join(' '), { limit: k, suggest: true }) as number[]).map((i) => ids[i]),
  };
}

async function oramaIndex(): Promise<PeerIndex> {
  const { create, insertMultiple, search } = await import('@orama/orama');
  const db = create({
    schema: { t: 'string' } as const,
    components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => raw.split(' ') } },
  });
  let batch: { id: string; t: string }[] = [];
  const flush = async () => {
    await insertMultiple(db, batch, batch.length);
    batch = [];
  };
  return {
    add: async (item) => {
      batch.push({ id: item.id, t: tokenText(item) });
      if (batch.length >= 5000) await flush();
    },
    finish: flush,
    // threshold 1: documents with any of the query words, ranked by Orama's BM25.
    searchAny: async (terms, k) => {
      const result = await search(db, { term: terms.join(' '), properties: ['t'], limit: k, threshold: 1 });
      return result.hits.map((h) => String(h.id));
    },
  };
}

async function postgresIndex(): Promise<PeerIndex> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  await client.query('CREATE TEMP TABLE bench_offers (id text PRIMARY KEY, tsv tsvector NOT NULL)');
  let ids: string[] = [];
  let texts: string[] = [];
  const flush = async () => {
    if (ids.length === 0) return;
    await client.query(
      "INSERT INTO bench_offers (id, tsv) SELECT id, to_tsvector('simple', t) FROM unnest($1::text[], $2::text[]) AS u(id, t)",
      [ids, texts],
    );
    ids = [];
    texts = [];
  };
  return {
    add: async (item) => {
      ids.push(item.id);
      texts.push(tokenText(item));
      if (ids.length >= 5000) await flush();
    },
    finish: async () => {
      await flush();
      await client.query('CREATE INDEX ON bench_offers USING gin (tsv)');
      await client.query('ANALYZE bench_offers');
    },
    searchAny: async (terms, k) => {
      // Tokens are letters, digits or CJK only, so quoting them makes a safe OR query.
      const tsquery = terms.map((t) => `'${t}'`).join(' | ');
      const result = await client.query<{ id: string }>(
        "SELECT id FROM bench_offers, to_tsquery('simple', $1) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, id LIMIT $2",
        [tsquery, k],
      );
      return result.rows.map((r) => r.id);
    },
    externalBytes: async () => Number((await client.query("SELECT pg_total_relation_size('bench_offers') AS n")).rows[0].n),
    close: () => client.end(),
  };
}

/** Bytes of the files under a directory (LanceDB keeps its table and index on disk). */
function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** LanceDB (native, Rust): a local table in a temporary directory with a BM25 full-text index. */
async function lanceDbIndex(): Promise<PeerIndex> {
  const lancedb = await import('@lancedb/lancedb');
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-lancedb-'));
  const db = await lancedb.connect(dir);
  let table: Awaited<ReturnType<typeof db.createTable>> | undefined;
  let batch: { id: string; t: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (table) await table.add(batch);
    else table = await db.createTable('offers', batch);
    batch = [];
  };
  const opened = () => {
    if (!table) throw new Error('LanceDB: no offers were indexed');
    return table;
  };
  return {
    add: async (item) => {
      batch.push({ id: item.id, t: tokenText(item) });
      if (batch.length >= 50_000) await flush();
    },
    finish: async () => {
      await flush();
      // The tokens come analysed: split on spaces only, nothing lower-cased, stemmed or dropped.
      const fts = lancedb.Index.fts({
        baseTokenizer: 'whitespace',
        lowercase: false,
        stem: false,
        removeStopWords: false,
        asciiFolding: false,
        withPosition: false,
        maxTokenLength: 255,
      });
      await opened().createIndex('t', { config: fts });
    },
    searchAny: async (terms, k) => {
      const query = new lancedb.MatchQuery(terms.join(' '), 't', { operator: lancedb.Operator.Or });
      const rows = await opened().query().fullTextSearch(query).select(['id', '_score']).limit(k).toArray();
      return rows.map((row: { id: string }) => String(row.id));
    },
    externalBytes: async () => directoryBytes(dir),
    close: async () => {
      table?.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function peerIndex(peer: PeerName): Promise<PeerIndex> {
  switch (peer) {
    case 'minisearch':
      return miniSearchIndex();
    case 'flexsearch':
      return flexSearchIndex();
    case 'orama':
      return oramaIndex();
    case 'postgres':
      return postgresIndex();
    case 'lancedb':
      return lanceDbIndex();
  }
}

async function createEngine(name: EngineName): Promise<SearchEngine> {
  if (name === 'kechuang') return kechuangEngine();
  const mlt = name.endsWith('_mlt');
  return peerEngine(await peerIndex((mlt ? name.slice(0, -'_mlt'.length) : name) as PeerName), mlt ? 'mlt' : 'whole');
}

// ---------- measuring ----------

function memoryBytes(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

interface QualityFigures {
  ndcgAt10: number;
  recallAt100: number;
  mrr: number;
}

/**
 * Builds an engine on a judged set (the hand-made `eval-set` or the real-text `real-set`; analysed
 * here, they are small) and scores it: every engine gets the same analysed tokens.
 */
async function judgedSetFigures(name: EngineName, dir: string): Promise<QualityFigures> {
  const engine = newMatchingEngine();
  const load = (file: string) =>
    parseJsonlItems(readFileSync(join(dir, file), 'utf8'), file).map((item) => toCached(engine.prepare(item), item));
  const offers = load('offers.jsonl');
  const demands = load('demands.jsonl');
  const qrels = parseQrels(readFileSync(join(dir, 'qrels.tsv'), 'utf8'));
  const target = await createEngine(name);
  for (const offer of offers) await target.add(offer);
  await target.finish();
  const run = new Map<string, string[]>();
  for (const demand of demands) run.set(demand.id, await target.search(demand, 100));
  await target.close?.();
  const { ndcgAt10, recallAt100, mrr } = evaluateRun(qrels, run);
  return { ndcgAt10, recallAt100, mrr };
}

async function runChild(name: EngineName, cache: string): Promise<void> {
  const qrels = new Map(
    (JSON.parse(readFileSync(join(cache, 'qrels.json'), 'utf8')) as [string, [string, number][]][]).map(([d, j]) => [d, new Map(j)]),
  );
  const demands: CachedItem[] = [];
  for await (const demand of readCached(join(cache, 'demands.jsonl'))) demands.push(demand);

  const before = memoryBytes();
  // Build time counts the engine's own work only, not reading and parsing the shared file.
  let buildMs = 0;
  // CPU time of the build (worker threads included; PostgreSQL's server work is not in it): on a
  // machine shared with other jobs it varies far less than wall time. For the peers, the CPU of
  // reading and parsing the cached file is measured by a dry pass and taken off.
  let readCpuMicros = 0;
  if (name !== 'kechuang' || options.kechuangFrom === 'tokens') {
    const dry = process.cpuUsage();
    for await (const offer of readCached(join(cache, 'offers.jsonl'))) if (offer.id === '') log('empty id');
    const used = process.cpuUsage(dry);
    readCpuMicros = used.user + used.system;
  }
  const cpuBefore = process.cpuUsage();
  let start = performance.now();
  const engine = await createEngine(name);
  buildMs += performance.now() - start;
  let count = 0;
  if (engine.buildFromText) {
    start = performance.now();
    await engine.buildFromText(join(cache, 'offers.raw.jsonl'));
    buildMs += performance.now() - start;
  } else {
    for await (const offer of readCached(join(cache, 'offers.jsonl'))) {
      start = performance.now();
      await engine.add(offer);
      buildMs += performance.now() - start;
      if (++count % 100_000 === 0) log(`indexed ${count}`);
    }
  }
  start = performance.now();
  await engine.finish();
  buildMs += performance.now() - start;
  const buildSeconds = buildMs / 1000;
  const buildCpu = process.cpuUsage(cpuBefore);
  const buildCpuSeconds = Math.max(0, buildCpu.user + buildCpu.system - readCpuMicros) / 1e6;
  const memory = memoryBytes() - before + ((await engine.externalBytes?.()) ?? 0);
  log(`built in ${buildSeconds.toFixed(1)} s (${buildCpuSeconds.toFixed(1)} s of CPU), ${(memory / 2 ** 20).toFixed(0)} MiB`);

  const warmUpStart = performance.now();
  for (const demand of demands.slice(0, 20)) {
    await engine.search(demand, 20); // warm-up, bounded so slow peers keep their query budget
    if (performance.now() - warmUpStart > (options.queryBudgetSeconds * 1000) / 4) break;
  }
  const latencies: number[] = [];
  const run = new Map<string, string[]>();
  const queryStart = performance.now();
  for (const demand of demands) {
    const start = performance.now();
    await engine.search(demand, 20);
    latencies.push(performance.now() - start);
    run.set(demand.id, await engine.search(demand, 100));
    if (performance.now() - queryStart > options.queryBudgetSeconds * 1000) {
      log(`query budget spent after ${latencies.length} of ${demands.length} queries`);
      break;
    }
  }
  await engine.close?.();
  latencies.sort((a, b) => a - b);
  const judged = new Map([...qrels].filter(([d]) => run.has(d)));
  const quality = evaluateRun(judged, run);
  log(`p95 ${percentile(latencies, 0.95).toFixed(2)} ms, nDCG@10 ${quality.ndcgAt10}`);
  const figures = {
    status: 'ok',
    buildSeconds: round(buildSeconds, 2),
    buildCpuSeconds: round(buildCpuSeconds, 2),
    buildIncludesAnalysis: engine.buildFromText !== undefined,
    /** Peak resident memory of the whole engine process (worker threads included), for the 3 GiB target. */
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
    memoryMiB: round(memory / 2 ** 20, 1),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    queries: latencies.length,
    ndcgAt10: quality.ndcgAt10,
    recallAt100: quality.recallAt100,
    mrr: quality.mrr,
    evalSet: await judgedSetFigures(name, EVAL_DIR),
    realSet: await judgedSetFigures(name, REAL_DIR),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

// ---------- parent: generate, analyse, run children, report ----------

function spawnSelf(extraArgs: string[], stdout: 'inherit' | 'pipe'): ReturnType<typeof spawn> {
  return spawn(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${options.maxOldSpaceMiB}`, '--import', 'tsx', fileURLToPath(import.meta.url), ...extraArgs],
    // LanceDB's full-text index build deadlocks (every thread asleep, 0 % CPU) once it writes more than one batch of
    // posting lists while its CPU pool leaves the blocking pool a single thread, which is the case on a 2-core machine
    // (lancedb/lancedb#3568; seen here from 20,000 offers up). Two CPU threads is the fix that issue names.
    { stdio: ['ignore', stdout, 'inherit'], env: { ...process.env, LANCE_CPU_THREADS: process.env.LANCE_CPU_THREADS ?? String(Math.max(2, availableParallelism())) } },
  );
}

async function runEngineInChild(name: EngineName, cache: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const forwarded = ['--query-budget', String(options.queryBudgetSeconds), '--kechuang-from', options.kechuangFrom, '--lexicon', options.lexicon];
    if (options.workers !== undefined) forwarded.push('--workers', String(options.workers));
    const mlt = options.moreLikeThis;
    forwarded.push('--mlt-min-term-freq', String(mlt.minTermFreq), '--mlt-min-doc-freq', String(mlt.minDocFreq), '--mlt-max-terms', String(mlt.maxQueryTerms));
    const child = spawnSelf(['--child', name, '--cache', cache, ...forwarded], 'pipe');
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.engineTimeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as Record<string, unknown>);
      const reason = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` (over the ${options.engineTimeoutSeconds} s engine timeout)` : ''}` : `exit code ${code} (see stderr; heap limit ${options.maxOldSpaceMiB} MiB)`;
      resolve({ status: 'failed', reason });
    });
  });
}

async function postgresReachable(): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return `PostgreSQL unreachable at ${PG_URL}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function writeRawLines(path: string, items: readonly unknown[]): void {
  const fd = openSync(path, 'w');
  for (let i = 0; i < items.length; i += 10_000) writeSync(fd, `${items.slice(i, i + 10_000).map((x) => JSON.stringify(x)).join('\n')}\n`);
  closeSync(fd);
}

function writeLines(path: string, items: Iterable<CachedItem>): void {
  const fd = openSync(path, 'w');
  let buffer: string[] = [];
  for (const item of items) {
    buffer.push(JSON.stringify(item));
    if (buffer.length >= 10_000) {
      writeSync(fd, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`);
  closeSync(fd);
}

async function runParent(): Promise<void> {
  const unknown = options.engines.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown engine(s) ${unknown.join(', ')}; known: ${ENGINES.join(', ')}`);
  const cache = mkdtempSync(join(tmpdir(), 'kechuang-matching-bench-'));
  try {
    log(`generating ${options.offers} offers and ${options.demands} demands`);
    const corpus = generateSyntheticCorpus(getDefaultConceptDictionary().concepts, { offers: options.offers, demands: options.demands });
    const analyser = newMatchingEngine();
    let analysisMs = 0;
    const analysed = function* (items: typeof corpus.offers) {
      for (let i = 0; i < items.length; i++) {
        const start = performance.now();
        const prepared = analyser.prepare(items[i]);
        analysisMs += performance.now() - start;
        if ((i + 1) % 100_000 === 0) log(`analysed ${i + 1}`);
        yield toCached(prepared, items[i]);
      }
    };
    writeLines(join(cache, 'offers.jsonl'), analysed(corpus.offers));
    writeRawLines(join(cache, 'offers.raw.jsonl'), corpus.offers);
    const offerAnalysisSeconds = analysisMs / 1000;
    writeLines(join(cache, 'demands.jsonl'), analysed(corpus.demands));
    writeFileSync(join(cache, 'qrels.json'), JSON.stringify([...corpus.qrels].map(([d, j]) => [d, [...j]])));
    log(`analysis (fold, segment, stem, concepts) of all offers: ${offerAnalysisSeconds.toFixed(1)} s`);
    corpus.offers.length = 0; // release before the children run

    const pgProblem = options.engines.includes('postgres') ? await postgresReachable() : undefined;
    const engines: Record<string, Record<string, unknown>> = {};
    for (const name of options.engines) {
      if (name === 'postgres' && pgProblem) {
        engines[name] = { status: 'skipped', reason: pgProblem };
        log(`postgres skipped: ${pgProblem}`);
        continue;
      }
      log(`running ${name}`);
      engines[name] = await runEngineInChild(name, cache);
    }
    process.stdout.write(`${JSON.stringify(summarise(engines, offerAnalysisSeconds))}\n`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function summarise(engines: Record<string, Record<string, unknown>>, offerAnalysisSeconds: number) {
  const ours = engines.kechuang;
  const num = (x: unknown) => (typeof x === 'number' ? x : Number.NaN);
  const evalNdcg = (f: Record<string, unknown> | undefined) => num((f?.evalSet as QualityFigures | undefined)?.ndcgAt10);
  const realNdcg = (f: Record<string, unknown> | undefined) => num((f?.realSet as QualityFigures | undefined)?.ndcgAt10);
  const peers = Object.entries(engines).filter(([name, figures]) => name !== 'kechuang' && figures.status === 'ok');
  const ratiosPerPeer = Object.fromEntries(
    peers.map(([name, peer]) => [
      name,
      {
        p95: round(num(ours?.p95Ms) / num(peer.p95Ms)),
        ndcgAt10: round(num(ours?.ndcgAt10) / num(peer.ndcgAt10)),
        buildSeconds: round(num(ours?.buildSeconds) / num(peer.buildSeconds)),
        memoryMiB: round(num(ours?.memoryMiB) / num(peer.memoryMiB)),
        evalSetNdcgAt10: round(evalNdcg(ours) / evalNdcg(peer)),
        realSetNdcgAt10: round(realNdcg(ours) / realNdcg(peer)),
      },
    ]),
  );
  /** Kechuang ÷ the best peer configuration on one figure (highest quality, or lowest time). */
  const againstBest = (figure: (f: Record<string, unknown> | undefined) => number, best: 'highest' | 'lowest') => {
    const ranked = peers.filter(([, p]) => Number.isFinite(figure(p))).sort(([, a], [, b]) => (best === 'highest' ? figure(b) - figure(a) : figure(a) - figure(b)));
    if (ranked.length === 0) return undefined;
    const [peer, figures] = ranked[0];
    return { peer, kechuang: figure(ours), peerValue: figure(figures), ratio: round(figure(ours) / figure(figures)) };
  };
  const ratios = {
    ndcgAt10: againstBest((f) => num(f?.ndcgAt10), 'highest'),
    evalSetNdcgAt10: againstBest(evalNdcg, 'highest'),
    realSetNdcgAt10: againstBest(realNdcg, 'highest'),
    p95: againstBest((f) => num(f?.p95Ms), 'lowest'),
    buildSeconds: againstBest((f) => num(f?.buildSeconds), 'lowest'),
    buildCpuSeconds: againstBest((f) => num(f?.buildCpuSeconds), 'lowest'),
    memoryMiB: Object.fromEntries(peers.map(([name, peer]) => [name, round(num(ours?.memoryMiB) / num(peer.memoryMiB))])),
  };
  const fastestPeerP95 = Math.min(...peers.map(([, p]) => num(p.p95Ms)));
  // From raw text, Kechuang's build already includes its (parallel) analysis.
  const indexFromTextSeconds = round((ours?.buildIncludesAnalysis ? 0 : offerAnalysisSeconds) + num(ours?.buildSeconds), 1);
  return {
    bench: 'matching',
    offers: options.offers,
    demands: options.demands,
    analysisSeconds: round(offerAnalysisSeconds, 1),
    confidentThreshold: CONFIDENT_MATCH_THRESHOLD,
    moreLikeThis: options.moreLikeThis,
    engines,
    ratios,
    ratiosPerPeer,
    targets: ours?.status === 'ok'
      ? {
          ndcgAboveEveryPeer: peers.every(([, p]) => num(ours.ndcgAt10) > num(p.ndcgAt10)),
          evalSetNdcgAboveEveryPeer: peers.every(([, p]) => evalNdcg(ours) > evalNdcg(p)),
          realSetNdcgAboveEveryPeer: peers.every(([, p]) => realNdcg(ours) > realNdcg(p)),
          p95Under10ms: num(ours.p95Ms) < 10,
          p95NoWorseThanFastestPeer: peers.length === 0 || num(ours.p95Ms) <= fastestPeerP95,
          indexFromTextSeconds,
          indexUnder60s: indexFromTextSeconds < 60,
          memoryUnder3GiB: num(ours.memoryMiB) < 3072,
        }
      : undefined,
  };
}

// ---------- entry ----------

if (options.child && options.cache) {
  await runChild(options.child, options.cache);
} else if (typeof globalThis.gc !== 'function') {
  // Re-exec with --expose-gc so memory deltas are measured after a full collection.
  const child = spawnSelf(process.argv.slice(2), 'inherit');
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  await runParent();
}
