import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_INDICATORS } from '../../evaluation/frameworks/indicators';

/**
 * The extractor's rules that are data (unit words, multipliers, hedge words, the metric lexicon, default zone
 * aliases, not-fact cues) live in ./data/*.json, read once per process on first use. All words are written as they
 * appear after folding (Simplified Chinese, half-width, lower-case), because matching runs on the folded text.
 */
const DATA_DIR = join(import.meta.dirname, 'data');

type Pair = [string, string];
export interface UnitRules {
  multipliers_zh: Record<string, number>;
  trillion_zhao: { exp: number };
  multipliers_en: Record<string, number>;
  currency_prefix: Pair[];
  currency_suffix_zh: Pair[];
  currency_suffix_en: Pair[];
  measures: { word: string; unit: string; exp: number }[];
  percent: string[];
  percentage_points: string[];
  times: string[];
  count_classifiers_zh: string[];
  count_classifiers_cn_numeral: string[];
  years: string[];
  english_non_count_words: string[];
  /** nouns a spelled-out number must count to be a fact (four universities, not "three levels") */
  english_count_nouns: string[];
  /** 新臺幣(下同): the currency word named once for the rest of the article */
  currency_same_below: Pair[];
  /** words that make a bare 亿 / 兆 a sum of money (进口额超过5千亿) */
  money_words: string[];
  /** words right before 一成 / 两成二 that make it a percentage */
  percent_tenths_cues: string[];
}
export interface HedgeRules {
  before_min: string[];
  before_max: string[];
  before_approx: string[];
  approx_verb_zh: string[];
  after_min_number: string[];
  after_min_unit: string[];
  after_max_unit: string[];
  after_approx_unit: string[];
  cumulative: string[];
  target_zh: string[];
  target_zh_not: string[];
  target_en: string[];
}
export interface MetricEntry {
  code: string;
  units: string[];
  zh: string[];
  en: string[];
}
export interface ZoneAlias {
  name: string;
  aliases: string[];
  id?: string;
}
export interface ZoneRules {
  zones: ZoneAlias[];
  coreference_zone: string[];
  coreference_city: string[];
}
export interface NotFactRules {
  spam_words: string[];
  contact_words: string[];
  registration_words: string[];
  related_headers: string[];
  related_line_starts: string[];
  footer_words: string[];
  policy_rate_words: string[];
  anniversary_after: string[];
  anniversary_en: string[];
  ordinal_not_rank_after: string[];
}

export interface PeriodRules {
  roc_markers: string[];
  roc_year_min: number;
  roc_year_max: number;
  roc_not_before: string[];
  roc_not_after: string[];
  comparison_before: string[];
  comparison_after: string[];
  origin_before: string[];
  /** time words without a year (目前, 近年来, currently): a sentence holding one does not take the paragraph's period */
  frame_breakers: string[];
  /** records that hold a breaker word but set no time of their own (历年同期, 历年新高) */
  frame_breakers_not: string[];
  /** first year of each five-year plan (十四五 = 2021) */
  five_year_plans: Record<string, number>;
}

export interface Rules {
  units: UnitRules;
  periods: PeriodRules;
  hedges: HedgeRules;
  metrics: MetricEntry[];
  zones: ZoneRules;
  notFacts: NotFactRules;
  libraryCodes: ReadonlySet<string>;
}

let rules: Rules | undefined;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')) as T;
}

export function getRules(): Rules {
  rules ??= {
    units: readJson<UnitRules>('units.json'),
    periods: readJson<PeriodRules>('periods.json'),
    hedges: readJson<HedgeRules>('hedges.json'),
    metrics: readJson<{ metrics: MetricEntry[] }>('metrics.json').metrics,
    zones: readJson<ZoneRules>('zones.json'),
    notFacts: readJson<NotFactRules>('not-facts.json'),
    libraryCodes: new Set(SHIPPED_INDICATORS.map((i) => i.code)),
  };
  return rules;
}

/** Longest word first, so that a greedy scan prefers 亿元 over 元 and "more than" over "more". */
const sortedCache = new WeakMap<object, unknown[]>();
export function byLengthDesc<T>(items: T[], key: (t: T) => string): T[] {
  // Rule lists are loaded once, so their sorted copies are kept (this runs for every figure of every document).
  const cached = sortedCache.get(items);
  if (cached) return cached as T[];
  const sorted = [...items].sort((a, b) => key(b).length - key(a).length);
  sortedCache.set(items, sorted);
  return sorted;
}

const regexCache = new Map<string, RegExp>();
/** A compiled regular expression, built once per source text. */
export function cachedRegExp(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    regexCache.set(key, re);
  }
  return re;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
