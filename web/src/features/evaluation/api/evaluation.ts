// Evaluation API: frameworks, a zone's evaluation against its peers (time series, radar, rank by year and the
// last year's full evaluation with the data under each indicator), Monte Carlo uncertainty of the ranks.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';

export type Cell = number | null;

export interface FrameworkSummary {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  description?: string | null;
  shipped: boolean;
  nodes: number;
  indicators: number;
  options?: { panelYears?: number | null; missingIndicators?: string };
}

export interface EvalNode {
  code: string;
  parent_code: string | null;
  level: number;
  indicator_id: number | null;
  indicator_code: string | null;
  name_zh: string;
  name_en: string | null;
  description: string | null;
  weight: number;
  sort: number;
  direction: number | null;
  unit: string | null;
  used: boolean;
}

export interface EvalInput {
  value: Cell;
  normalised: Cell;
  origin: string | null;
  provenance: Record<string, unknown> | null;
  computed_at: string | null;
}

export interface EvalResult {
  zone_id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  score: Cell;
  rank: Cell;
  previous_rank: Cell;
  rank_change: Cell;
  relative: Cell;
  group: string | null;
}

export interface Evaluation {
  framework: { id: number; code: string; name_zh: string; name_en: string | null; options: { groups?: { code: string; name_zh: string; name_en: string }[] | null } };
  year: number;
  years: number[];
  root: string;
  nodes: EvalNode[];
  units: { zone_id: number; code: string; name_zh: string; name_en: string | null }[];
  results: EvalResult[];
  scores: Record<string, Record<string, Cell>>;
  ranks: Record<string, Record<string, Cell>>;
  inputs: Record<string, Record<string, EvalInput>>;
  excluded: { indicator: string; reason: string }[];
  warnings: string[];
}

export interface ZoneRef {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
}

export interface ZoneEvaluation {
  zone: ZoneRef;
  peers: ZoneRef[];
  framework: { id: number; code: string; name_zh: string; name_en: string | null };
  year: number;
  byYear: { year: number; score: Cell; rank: Cell; units: number; error?: string; left_out?: string[]; not_published?: boolean }[];
  radar: { code: string; name_zh: string; name_en: string | null; zone: Cell; peers_mean: Cell }[];
  series: {
    indicator: string;
    name_zh: string;
    name_en: string | null;
    unit: string | null;
    direction: number | null;
    zones: { zone_id: number; code: string; values: { year: number; value: Cell }[] }[];
  }[];
  evaluation: Evaluation | null;
}

export interface Uncertainty {
  runs: number;
  units: { zone_id: number; code: string; name_zh: string; name_en: string | null; nominal: Cell; median: Cell; mean: Cell; q5: Cell; q95: Cell }[];
}

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks'],
    queryFn: () => api.get<{ items: FrameworkSummary[] }>('/api/frameworks').then((r) => r.items),
  });
}

export interface ZoneEvalParams {
  zone: number | null;
  framework: number | null;
  year: number;
  peers: number[];
}

export function zoneEvalQuery(p: ZoneEvalParams): Record<string, string | number | undefined> {
  return { framework: p.framework ?? undefined, year: p.year, peers: p.peers.length ? p.peers.join(',') : undefined };
}

export function useZoneEvaluation(p: ZoneEvalParams) {
  return useQuery({
    queryKey: ['zone-evaluation', p.zone, p.framework, p.year, p.peers.join(',')],
    queryFn: () => api.get<ZoneEvaluation>(`/api/zones/${p.zone}/evaluation`, zoneEvalQuery(p)),
    enabled: p.zone !== null && p.framework !== null,
    retry: false,
  });
}

export function useUncertainty(framework: number | null, zones: number[], year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['uncertainty', framework, zones.join(','), year],
    queryFn: () => api.post<Uncertainty>(`/api/frameworks/${framework}/uncertainty`, { zones, year, runs: 300, seed: 1 }),
    enabled: enabled && framework !== null && zones.length > 1,
    retry: false,
  });
}

/** The download address of the zone's evaluation in a format (xlsx, csv, json, pdf). */
export function exportUrl(format: 'xlsx' | 'csv' | 'json' | 'pdf', p: ZoneEvalParams, lang?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(zoneEvalQuery(p))) if (v !== undefined) q.set(k, String(v));
  if (lang) q.set('lang', lang);
  return `/api/zones/${p.zone}/evaluation.${format}?${q.toString()}`;
}

/** Who published a zone's indicator values for a year, and when (anonymous visitors see published values only). */
export interface Publication { zone_id: number; zone_code: string; year: number; published_by: number; username: string | null; published_at: string }

export function usePublications(zone: number | null, year: number) {
  return useQuery({
    queryKey: ['indicator-publications', zone, year],
    queryFn: () => api.get<{ items: Publication[] }>('/api/indicator-publications', { zone: zone ?? undefined, year }).then((r) => r.items),
    enabled: zone !== null,
  });
}

export function setPublished(zone: number, year: number, publish: boolean) {
  return api.post<{ items: Publication[] }>(`/api/indicator-publications${publish ? '' : '/withdraw'}`, { zones: [zone], years: year });
}
