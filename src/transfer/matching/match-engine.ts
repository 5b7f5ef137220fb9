import { type Concept, type ConceptDictionary, getDefaultConceptDictionary } from './concept-dictionary';
import { fitSignals, type SignalName } from './fit-signals';
import { InvertedIndex, type QueryTerm } from './inverted-index';
import { type MatchItemInput, parseMatchItem } from './match-item.schema';
import { buildIndexParallel, type ItemSource, type ParallelLoadOptions } from './parallel-load';
import { CONFIDENT_MATCH_THRESHOLD, DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './match-weights';
import { feedbackMultiplier, type PartyWeights } from './party-feedback';
import { CONCEPT_PREFIX, type ItemAttributes, type PreparedItem, prepareItem } from './prepare-item';
import { type SurfaceForms, surfaceForms, translationForm } from './surface-forms';

export interface MatchOptions {
  /** How many results to return (default 20, at most 1000). */
  top?: number;
  /** Overrides of DEFAULT_MATCH_WEIGHTS. */
  weights?: Partial<MatchWeights>;
  /** Feedback-derived weights (feedbackToPartyWeights: per party, and scoped by decline reason), or a plain record of party weights; 1 = neutral. */
  partyWeights?: PartyWeights | Readonly<Record<string, number>>;
}

export interface MatchResult {
  id: string;
  /** Calibrated 0..1; below `threshold` the match is not confident. */
  score: number;
  confident: boolean;
  /** Text/concept similarity alone, 0..1. */
  textScore: number;
  signals: Partial<Record<SignalName, number>>;
  /** Short reasons, never naming fields the result's owner keeps confidential. */
  why: string[];
}

export interface MatchResponse {
  results: MatchResult[];
  /** True when nothing matched at all (results is empty). */
  noMatch: boolean;
  /** True when no result reaches the confidence threshold. */
  noConfidentMatch: boolean;
  reason?: 'no-query-terms' | 'no-candidates';
  threshold: number;
}

export type MatchDirection = 'offers-for-demand' | 'demands-for-offer';

const MAX_TOP = 1000;
/** Text candidates re-ranked per requested result: other signals can reorder within this pool. */
const CANDIDATES_PER_RESULT = 2;
const MIN_CANDIDATES = 30;
const MAX_WHY_TERMS = 3;
const MAX_WHY_CONCEPTS = 4;

/**
 * The matching engine: two inverted indices (offers and demands) over the same analysis,
 * queried in either direction. Pure: no I/O; callers load items from wherever they live.
 */
export class MatchingEngine {
  private offerIndex = new InvertedIndex();
  private demandIndex = new InvertedIndex();

  get offers(): InvertedIndex {
    return this.offerIndex;
  }

  get demands(): InvertedIndex {
    return this.demandIndex;
  }

  constructor(
    private readonly dictionary: ConceptDictionary = getDefaultConceptDictionary(),
    private readonly defaultWeights: Readonly<MatchWeights> = DEFAULT_MATCH_WEIGHTS,
  ) {}

  /** Validates and analyses an item (throws MatchItemError naming the bad field). */
  prepare(input: MatchItemInput | unknown): PreparedItem {
    return prepareItem(parseMatchItem(input), this.dictionary);
  }

  upsertOffer(input: MatchItemInput | unknown): void {
    this.offers.upsert(this.prepare(input));
  }

  upsertDemand(input: MatchItemInput | unknown): void {
    this.demands.upsert(this.prepare(input));
  }

  removeOffer(id: string): boolean {
    return this.offers.remove(id);
  }

  removeDemand(id: string): boolean {
    return this.demands.remove(id);
  }

  /** Bulk build: validates everything first, so a bad item leaves the index untouched. */
  bulkLoad(items: { offers?: readonly unknown[]; demands?: readonly unknown[] }): void {
    const offers = (items.offers ?? []).map((item) => this.prepare(item));
    const demands = (items.demands ?? []).map((item) => this.prepare(item));
    for (const item of offers) this.offers.upsert(item);
    for (const item of demands) this.demands.upsert(item);
    this.offers.trim();
    this.demands.trim();
  }

  /**
   * Rebuilds the given side(s) from scratch, analysing in worker threads (see parallel-load.ts):
   * the way to load a large corpus on start. The current indexes keep answering until the new
   * ones are complete, and stay as they were if any item is invalid (MatchItemError).
   */
  async rebuild(items: { offers?: ItemSource; demands?: ItemSource }, options: ParallelLoadOptions = {}): Promise<void> {
    const offers = items.offers && (await buildIndexParallel(items.offers, this.dictionary, options));
    const demands = items.demands && (await buildIndexParallel(items.demands, this.dictionary, options));
    if (offers) this.offerIndex = offers;
    if (demands) this.demandIndex = demands;
  }

  matchOffersForDemand(demand: MatchItemInput | unknown, options: MatchOptions = {}): MatchResponse {
    return this.matchPrepared(this.prepareQuery(demand), 'offers-for-demand', options);
  }

  matchDemandsForOffer(offer: MatchItemInput | unknown, options: MatchOptions = {}): MatchResponse {
    return this.matchPrepared(this.prepareQuery(offer), 'demands-for-offer', options);
  }

  /** A query item with the written forms of its words, which explanations name instead of analysed terms. */
  prepareQuery(input: MatchItemInput | unknown): PreparedItem {
    const item = parseMatchItem(input);
    const prepared = prepareItem(item, this.dictionary);
    const matchable = new Set(item.matchable ?? ['title', 'text']);
    const texts = [matchable.has('title') ? item.title ?? '' : '', matchable.has('text') ? item.text : ''];
    return { ...prepared, surfaces: surfaceForms(texts, this.dictionary) };
  }

  /** Matching on an already prepared item (lets callers and benchmarks analyse once). */
  matchPrepared(query: PreparedItem, direction: MatchDirection, options: MatchOptions = {}): MatchResponse {
    const weights = { ...this.defaultWeights, ...options.weights };
    const top = Math.min(MAX_TOP, Math.max(1, options.top ?? 20));
    const index = direction === 'offers-for-demand' ? this.offers : this.demands;
    const queryTerms = toQueryTerms(query, weights, this.dictionary);
    const empty = (reason: MatchResponse['reason']): MatchResponse => ({
      results: [], noMatch: true, noConfidentMatch: true, reason, threshold: CONFIDENT_MATCH_THRESHOLD,
    });
    if (queryTerms.length === 0) return empty('no-query-terms');
    const wanted = Math.max(MIN_CANDIDATES, top * CANDIDATES_PER_RESULT);
    let hits = index.search(queryTerms, wanted);
    // Retrieval leaves out very common terms and weak ones past the term budget, for speed. When
    // that leaves fewer candidates than were asked for, search again with every term, so a list
    // is never cut short by pruning (an honest top N: up to N results, confident or not).
    if (hits.length < Math.min(top, index.size) && index.prunedAnyTerm(queryTerms)) hits = index.search(queryTerms, wanted, { allTerms: true });
    if (hits.length === 0) return empty('no-candidates');

    const selfScore = index.selfScore(queryTerms, query.terms) || 1;
    const sideOf = (attributes: ItemAttributes) => (direction === 'offers-for-demand' ? [query.attributes, attributes] : [attributes, query.attributes]);
    const balance = languageBalance(hits, index, weights.languageBalance);
    const ranked = hits.map((hit, i) => {
      const attributes = index.attributes(hit.doc) as ItemAttributes;
      const [demand, offer] = sideOf(attributes);
      const signals = fitSignals(demand, offer, false);
      const textScore = Math.min(1, (hit.score * balance[i]) / selfScore);
      let sum = weights.text * textScore;
      let weightSum = weights.text;
      for (const signal of signals) {
        sum += weights[signal.name] * signal.value;
        weightSum += weights[signal.name];
      }
      const multiplier = options.partyWeights ? feedbackMultiplier(options.partyWeights, weights.feedback, index.docId(hit.doc), attributes, demand, offer) : 1;
      const score = Math.min(1, Math.max(0, (sum / (weightSum || 1)) * multiplier));
      return { doc: hit.doc, score, textScore, signals };
    });
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);

    // Reasons are written only for the results returned, not for every re-ranked candidate.
    const explainable = this.explainableQueryTerms(index, queryTerms, query.surfaces);
    const results = ranked.slice(0, top).map(({ doc, score, textScore, signals }) => {
      const [demand, offer] = sideOf(index.attributes(doc) as ItemAttributes);
      const reasons = fitSignals(demand, offer, true).flatMap((s) => (s.why ? [s.why] : []));
      return {
        id: index.docId(doc),
        score: round(score),
        confident: score >= CONFIDENT_MATCH_THRESHOLD,
        textScore: round(textScore),
        signals: Object.fromEntries(signals.map((s) => [s.name, round(s.value)])),
        why: [...this.explainTerms(index, doc, explainable), ...reasons],
      };
    });
    return {
      results,
      noMatch: false,
      noConfidentMatch: !results.some((r) => r.confident),
      threshold: CONFIDENT_MATCH_THRESHOLD,
    };
  }

  /**
   * The query's terms in the order explanations name them — strongest (weight × idf) first, then
   * the longer (more specific) term, then alphabetical for determinism — worked out once per
   * query rather than once per result.
   */
  private explainableQueryTerms(index: InvertedIndex, query: readonly QueryTerm[], surfaces: SurfaceForms | undefined): RankedQueryTerms {
    const ranked = query
      .map(({ term, weight, derived }) => ({ term, derived, strength: weight * index.idf(term), termId: index.termId(term) }))
      .filter((t) => t.termId >= 0)
      .sort((a, b) => b.strength - a.strength || b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
    return {
      concepts: ranked.filter((t) => t.term.startsWith(CONCEPT_PREFIX)).map((t) => ({ ...t, concept: this.dictionary.byId.get(t.term.slice(CONCEPT_PREFIX.length)) })),
      // Words and translations are named as the query writes them; a term without such a form (a stem of nothing
      // visible, a sub-word or single character of jieba's search mode, a query prepared without forms) is not named.
      words: ranked.filter((t) => !t.term.startsWith(CONCEPT_PREFIX) && !t.derived)
        .flatMap((t) => { const form = surfaces?.words.get(t.term); return form === undefined ? [] : [{ ...t, form }]; }),
      translations: ranked.filter((t) => t.derived)
        .flatMap((t) => { const form = surfaces && translationForm(t.term, surfaces); return form === undefined ? [] : [{ ...t, form }]; }),
    };
  }

  /** Shared concepts and words, strongest first, limited to terms the result may reveal. */
  private explainTerms(index: InvertedIndex, doc: number, query: RankedQueryTerms): string[] {
    const concepts: Concept[] = [];
    let shared = 0;
    for (const { termId, concept } of query.concepts) {
      if (shared === MAX_WHY_CONCEPTS) break;
      if (!index.isExplainableTermId(doc, termId)) continue;
      shared++;
      if (concept) concepts.push(concept); // (a concept id unknown to this dictionary names nothing)
    }
    // Words already named by a shared concept add nothing to the explanation.
    const named = new Set(concepts.flatMap((c) => [...c.en, ...c.zh]).map((n) => n.toLowerCase()));
    const why: string[] = [];
    const words: string[] = [];
    for (const { term, form, termId } of query.words) {
      if (words.length === MAX_WHY_TERMS) break;
      if (!named.has(term) && !named.has(form.toLowerCase()) && !words.includes(form) && index.isExplainableTermId(doc, termId)) words.push(form);
    }
    if (concepts.length > 0) {
      const names = concepts.map((c) => (c.zh[0] && c.zh[0] !== c.en[0] ? `${c.en[0]} / ${c.zh[0]}` : c.en[0]));
      why.push(`共同技术概念 / shared concepts: ${names.join(', ')}`);
    }
    if (words.length > 0) why.push(`共同关键词 / shared terms: ${words.join(', ')}`);
    const translations: string[] = [];
    for (const { form, termId } of query.translations) {
      if (translations.length === MAX_WHY_TERMS) break;
      if (!named.has(form.toLowerCase()) && !words.includes(form) && !translations.includes(form) && index.isExplainableTermId(doc, termId)) translations.push(form);
    }
    if (translations.length > 0) why.push(`经 CC-CEDICT、ECDICT 词典对应 / matched through CC-CEDICT and ECDICT: ${translations.join(', ')}`);
    return why;
  }
}

interface RankedQueryTerms {
  concepts: { term: string; termId: number; concept: Concept | undefined }[];
  words: { term: string; termId: number; form: string }[];
  /** Lexicon translations and gloss phrases of the query, each with the query's word it stands for. */
  translations: { term: string; termId: number; form: string }[];
}

/**
 * Query weights: concepts get `weights.concept`; a word that merely spells out a concept the
 * query already has gets `weights.conceptWord`, so one idea is not counted twice over.
 */
function toQueryTerms(query: PreparedItem, weights: MatchWeights, dictionary: ConceptDictionary): QueryTerm[] {
  const covered = new Set<string>();
  for (const term of query.terms.keys()) {
    if (!term.startsWith(CONCEPT_PREFIX)) continue;
    const index = dictionary.indexOf(term.slice(CONCEPT_PREFIX.length));
    if (index !== undefined) for (const word of dictionary.surfaceTokens[index]) covered.add(word);
  }
  const terms: QueryTerm[] = [];
  for (const [term, count] of query.terms) {
    const translation = query.derived?.get(term);
    if (translation !== undefined) {
      terms.push({ term, weight: weights.lexicon * translation * Math.sqrt(count), derived: true });
      continue;
    }
    const boost = term.startsWith(CONCEPT_PREFIX) ? weights.concept : covered.has(term) ? weights.conceptWord : 1;
    terms.push({ term, weight: boost * Math.sqrt(count) });
  }
  return terms;
}

/**
 * Per-candidate factors that put the text scores of candidates in different languages on one
 * scale (Simplified and Traditional Chinese count as one language: both are folded to one script).
 * An item in another language than the query meets it only through lexicon translations, so its
 * BM25 is lower for the same relevance; each candidate's score is multiplied by (best score of all
 * candidates ÷ best of its language)^balance, the usual per-collection normalisation when merging
 * ranked lists, taken half-way by default. With one language among the candidates nothing changes.
 */
function languageBalance(hits: readonly { doc: number; score: number }[], index: InvertedIndex, balance: number): number[] {
  const factors = new Array<number>(hits.length).fill(1);
  if (balance <= 0 || hits.length < 2) return factors;
  const group = hits.map((hit) => ((index.attributes(hit.doc) as ItemAttributes).lang === 'en' ? 0 : 1));
  const best = [0, 0];
  for (let i = 0; i < hits.length; i++) best[group[i]] = Math.max(best[group[i]], hits[i].score);
  if (best[0] <= 0 || best[1] <= 0) return factors;
  const top = Math.max(best[0], best[1]);
  for (let i = 0; i < hits.length; i++) factors[i] = (top / best[group[i]]) ** balance;
  return factors;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
