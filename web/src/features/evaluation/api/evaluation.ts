// Evaluation API: frameworks, a zone's evaluation against its peers (time series, radar, rank by year and the
// last year's full evaluation with the data under each indicator), Monte Carlo uncertainty of the ranks.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { z } from 'zod';
import type * as S from '../../../../../src/evaluation/indicators/evaluation.schemas';

// Response types come from the server's own zod schemas (the ones that also yield the OpenAPI document and check
// every response), so the page cannot drift from the API: a type-only import, erased from the bundle.
export type Cell = number | null;
export type FrameworkSummary = z.output<typeof S.frameworkList>['items'][number];
export type Evaluation = z.output<typeof S.evaluation>;
export type EvalNode = Evaluation['nodes'][number];
export type EvalInput = Evaluation['inputs'][string][string];
export type EvalResult = Evaluation['results'][number];
export type ZoneEvaluation = z.output<typeof S.zoneEvaluation>;
export type ZoneRef = ZoneEvaluation['zone'];
export type Uncertainty = z.output<typeof S.uncertainty>;
/** Who published a zone's indicator values for a year, and when (anonymous visitors see published values only). */
export type Publication = z.output<typeof S.publications>['items'][number];

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
