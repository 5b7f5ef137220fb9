// Evaluation API: frameworks, a zone's evaluation against its peers (time series, radar, rank by year and the
// last year's full evaluation with the data under each indicator), Monte Carlo uncertainty of the ranks.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type ResponseOf } from '../../../shared/api/client';

// Response types come from the API types generated from the server's OpenAPI document (schema.ts), so the page
// cannot drift from the API.
export type Cell = number | null;
export type FrameworkSummary = ResponseOf<'/api/frameworks', 'get'>['items'][number];
export type Evaluation = ResponseOf<'/api/frameworks/{id}/evaluate', 'post'>;
export type EvalNode = Evaluation['nodes'][number];
export type EvalInput = Evaluation['inputs'][string][string];
export type EvalResult = Evaluation['results'][number];
export type ZoneEvaluation = ResponseOf<'/api/zones/{id}/evaluation', 'get'>;
export type ZoneRef = ZoneEvaluation['zone'];
export type Uncertainty = ResponseOf<'/api/frameworks/{id}/uncertainty', 'post'>;
/** Who published a zone's indicator values for a year, and when (anonymous visitors see published values only). */
export type Publication = ResponseOf<'/api/indicator-publications', 'get'>['items'][number];

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks'],
    queryFn: () => unwrap(client.GET('/api/frameworks')).then((r) => r.items),
  });
}

export interface ZoneEvalParams {
  zone: number | null;
  framework: number | null;
  year: number;
  peers: number[];
}

export function zoneEvalQuery(p: ZoneEvalParams): { framework?: number; year: number; peers?: string } {
  return { framework: p.framework ?? undefined, year: p.year, peers: p.peers.length ? p.peers.join(',') : undefined };
}

export function useZoneEvaluation(p: ZoneEvalParams) {
  return useQuery({
    queryKey: ['zone-evaluation', p.zone, p.framework, p.year, p.peers.join(',')],
    queryFn: () => unwrap(client.GET('/api/zones/{id}/evaluation', {
      params: { path: { id: p.zone! }, query: { ...zoneEvalQuery(p), framework: p.framework! } },
    })),
    enabled: p.zone !== null && p.framework !== null,
    retry: false,
  });
}

export function useUncertainty(framework: number | null, zones: number[], year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['uncertainty', framework, zones.join(','), year],
    queryFn: () => unwrap(client.POST('/api/frameworks/{id}/uncertainty', { params: { path: { id: framework! } }, body: { zones, year, runs: 300, seed: 1 } })),
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
    queryFn: () => unwrap(client.GET('/api/indicator-publications', { params: { query: { zone: zone === null ? undefined : String(zone), year } } })).then((r) => r.items),
    enabled: zone !== null,
  });
}

export function setPublished(zone: number, year: number, publish: boolean) {
  const body = { zones: [zone], years: year };
  return publish ? unwrap(client.POST('/api/indicator-publications', { body })) : unwrap(client.POST('/api/indicator-publications/withdraw', { body }));
}
