/** Graded relevance per query: query id → (item id → grade 0..3). */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;
/** Ranked item ids per query, best first. */
export type Run = ReadonlyMap<string, readonly string[]>;

export interface EvaluationSummary {
  ndcgAt10: number;
  recallAt100: number;
  mrr: number;
  /** Queries with at least one relevant item (the ones averaged over). */
  queries: number;
}

function dcg(grades: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < grades.length; i++) sum += (2 ** grades[i] - 1) / Math.log2(i + 2);
  return sum;
}

/** TREC-style metrics: nDCG@10 with exponential gain, recall@100 and MRR (grade ≥ 1 counts as relevant). */
export function evaluateRun(qrels: Qrels, run: Run): EvaluationSummary {
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  let queries = 0;
  for (const [query, judgements] of qrels) {
    const relevant = [...judgements.values()].filter((g) => g > 0);
    if (relevant.length === 0) continue;
    queries++;
    const ranked = run.get(query) ?? [];
    const ideal = dcg(relevant.sort((a, b) => b - a).slice(0, 10));
    ndcg += dcg(ranked.slice(0, 10).map((id) => judgements.get(id) ?? 0)) / ideal;
    recall += ranked.slice(0, 100).filter((id) => (judgements.get(id) ?? 0) > 0).length / relevant.length;
    const first = ranked.findIndex((id) => (judgements.get(id) ?? 0) > 0);
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const mean = (x: number) => (queries === 0 ? 0 : Math.round((x / queries) * 1e4) / 1e4);
  return { ndcgAt10: mean(ndcg), recallAt100: mean(recall), mrr: mean(mrr), queries };
}

/** Parses TREC-style qrels lines: "query<TAB>item<TAB>grade" (also accepts the 4-column "query 0 item grade"). */
export function parseQrels(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split(/\s+/);
    const [query, item, grade] = parts.length >= 4 ? [parts[0], parts[2], parts[3]] : parts;
    const value = Number(grade);
    if (!query || !item || !Number.isInteger(value) || value < 0) throw new Error(`qrels line ${index + 1}: expected query, item and an integer grade ≥ 0`);
    let judgements = qrels.get(query);
    if (!judgements) qrels.set(query, (judgements = new Map()));
    judgements.set(item, value);
  });
  return qrels;
}
