import type { MatchingEngine, MatchOptions } from './match-engine';
import type { MatchItem } from './match-item.schema';

export interface DemandRanking {
  demand_id: string;
  results: { offer_id: string; score: number; why: string[] }[];
}

/** Ranks the engine's offers for each demand, in the CLI's output shape. */
export function rankOffersForDemands(engine: MatchingEngine, demands: readonly MatchItem[], options: MatchOptions): DemandRanking[] {
  return demands.map((demand) => ({
    demand_id: demand.id,
    results: engine.matchOffersForDemand(demand, options).results.map((r) => ({ offer_id: r.id, score: r.score, why: r.why })),
  }));
}

export function rankingsToRun(rankings: readonly DemandRanking[]): Map<string, string[]> {
  return new Map(rankings.map((r) => [r.demand_id, r.results.map((x) => x.offer_id)]));
}
