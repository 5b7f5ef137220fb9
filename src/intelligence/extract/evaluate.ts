import { canonicalDecimal } from './decimal';

/** A fact as scored: the fields the match rule compares, plus the document it belongs to. */
export interface ScoredFact {
  document: string;
  value: string | number;
  unit: string;
  period: string | null;
  quote?: string;
}

export type FactKind = 'money' | 'count' | 'percent' | 'rank' | 'other';
const MONEY = new Set(['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'TWD', 'JPY']);

/** money (a currency), count (count, count_per_10k_persons), percent (percent, pp), rank (rank, ranks), other. */
export function kindOf(unit: string): FactKind {
  if (MONEY.has(unit)) return 'money';
  if (unit === 'count' || unit === 'count_per_10k_persons') return 'count';
  if (unit === 'percent' || unit === 'pp') return 'percent';
  if (unit === 'rank' || unit === 'ranks') return 'rank';
  return 'other';
}

/** "Plain indicator facts" of issue 11: stocks, flows, money, shares, growth rates, ranks. */
export const PLAIN_KINDS: readonly FactKind[] = ['money', 'count', 'percent', 'rank'];

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  documents: number;
  gold: number;
  predicted: number;
  overall: Prf;
  plain: Prf;
  byKind: Record<FactKind, Prf>;
  misses: ScoredFact[];
  spurious: ScoredFact[];
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

const keyOf = (f: ScoredFact) => `${canonicalDecimal(f.value) ?? String(f.value)}\u0000${f.unit}\u0000${f.period ?? ''}`;

/**
 * Scores predicted facts against gold facts. The match rule: inside one document, a predicted fact matches a gold
 * fact when value (compared as exact decimals: "85739000" = 85739000 = "8.5739e7"), unit (exact code) and period
 * (exact string, null only with null) agree. Each gold fact matches at most one prediction (multiset matching).
 * Only documents that have a gold file are scored; predictions for other documents are ignored.
 */
export function evaluate(gold: ScoredFact[], predicted: ScoredFact[], goldDocuments?: Iterable<string>): EvaluationReport {
  const documents = new Set(goldDocuments ?? gold.map((g) => g.document));
  const pool = new Map<string, ScoredFact[]>();
  for (const g of gold) {
    const k = `${g.document}\u0001${keyOf(g)}`;
    pool.set(k, [...(pool.get(k) ?? []), g]);
  }
  const kinds: FactKind[] = ['money', 'count', 'percent', 'rank', 'other'];
  const counts = Object.fromEntries(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<FactKind, { tp: number; fp: number; fn: number }>;
  const spurious: ScoredFact[] = [];
  const scoredPredictions = predicted.filter((p) => documents.has(p.document));
  for (const p of scoredPredictions) {
    const list = pool.get(`${p.document}\u0001${keyOf(p)}`);
    if (list && list.length) {
      list.pop();
      counts[kindOf(p.unit)].tp++;
    } else {
      counts[kindOf(p.unit)].fp++;
      spurious.push(p);
    }
  }
  const misses = [...pool.values()].flat();
  for (const g of misses) counts[kindOf(g.unit)].fn++;
  const sum = (ks: readonly FactKind[]) => ks.reduce((a, k) => ({ tp: a.tp + counts[k].tp, fp: a.fp + counts[k].fp, fn: a.fn + counts[k].fn }), { tp: 0, fp: 0, fn: 0 });
  const all = sum(kinds);
  const plain = sum(PLAIN_KINDS);
  return {
    documents: documents.size,
    gold: gold.filter((g) => documents.has(g.document)).length,
    predicted: scoredPredictions.length,
    overall: prf(all.tp, all.fp, all.fn),
    plain: prf(plain.tp, plain.fp, plain.fn),
    byKind: Object.fromEntries(kinds.map((k) => [k, prf(counts[k].tp, counts[k].fp, counts[k].fn)])) as Record<FactKind, Prf>,
    misses,
    spurious,
  };
}
