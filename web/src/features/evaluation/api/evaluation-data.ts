// Evaluation data writes: entering an official statistic with its source (admin, or a zone operator in their zones),
// recomputing registry-based values (admin), a framework's weights (admin; saved with the version loaded).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type ResponseOf } from '../../../shared/api/client';

export type IndicatorDef = ResponseOf<'/api/indicators', 'get'>['items'][number];
export type FrameworkDetail = ResponseOf<'/api/frameworks/{id}', 'get'>;
export type FrameworkNodeRow = FrameworkDetail['nodes'][number];
export type EnteredValueBody = BodyOf<'/api/indicator-values', 'post'>;
export type ComputeResult = ResponseOf<'/api/indicator-values/compute', 'post'>;

export function useEnteredIndicators(enabled: boolean) {
  return useQuery({
    queryKey: ['indicators', 'entered'],
    queryFn: () => unwrap(client.GET('/api/indicators', { params: { query: { kind: 'entered' } } })).then((r) => r.items),
    enabled,
  });
}

export function enterValue(body: EnteredValueBody) {
  return unwrap(client.POST('/api/indicator-values', { body }));
}

export function recompute(zone: number, from: number, to: number) {
  return unwrap(client.POST('/api/indicator-values/compute', { body: { zones: [zone], years: from === to ? from : { from, to } } }));
}

export function useFrameworkDetail(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: () => unwrap(client.GET('/api/frameworks/{id}', { params: { path: { id: id! } } })),
    enabled: enabled && id !== null,
  });
}

export function copyFramework(id: number) {
  return unwrap(client.POST('/api/frameworks/{id}/copy', { params: { path: { id } }, body: {} }));
}

/** Saves the nodes with changed weights; the server refuses (409) when the framework changed since `version`. */
export function saveWeights(fw: FrameworkDetail, weights: Record<string, number>) {
  const nodes = fw.nodes.map((n) => ({
    code: n.code, parent: n.parent_code ?? null, level: n.level, name_zh: n.name_zh, name_en: n.name_en ?? null,
    weight: weights[n.code] ?? n.weight, indicator: n.indicator_code ?? null, description: n.description ?? null,
  }));
  return unwrap(client.PATCH('/api/frameworks/{id}', { params: { path: { id: fw.id } }, body: { nodes, version: fw.version } }));
}

/** After a write the evaluation, its uncertainty and the value lists are stale. */
export function invalidateEvaluation(qc: QueryClient) {
  for (const key of ['zone-evaluation', 'uncertainty', 'indicator-values', 'frameworks', 'framework']) void qc.invalidateQueries({ queryKey: [key] });
}
