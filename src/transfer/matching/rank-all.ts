import type { MatchingEngine, MatchOptions } from './match-engine';
import type { MatchItem } from './match-item.schema';

export interface DemandRanking {
  demand_id: string;
  /** Up to `top` results, best first, each with its score and whether it reaches the confidence threshold. */
  results: { offer_id: string; score: number; confident: boolean; why: string[] }[];
  /** No result reaches the threshold (the list is still given in full). */
  no_confident_match: boolean;
  threshold: number;
}

/** Ranks the engine's offers for each demand, in the CLI's output shape. */
export function rankOffersForDemands(engine: MatchingEngine, demands: readonly MatchItem[], options: MatchOptions): DemandRanking[] {
  return demands.map((demand) => {
    const response = engine.matchOffersForDemand(demand, options);
    return {
      demand_id: demand.id,
      results: response.results.map((r) => ({ offer_id: r.id, score: r.score, confident: r.confident, why: r.why })),
      no_confident_match: response.noConfidentMatch,
      threshold: response.threshold,
    };
  });
}

export function rankingsToRun(rankings: readonly DemandRanking[]): Map<string, string[]> {
  return new Map(rankings.map((r) => [r.demand_id, r.results.map((x) => x.offer_id)]));
}
