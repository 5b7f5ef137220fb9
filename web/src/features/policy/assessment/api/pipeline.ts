// The cultivation pipeline of a zone (/api/policy/pipeline) and who is closest to the next rung.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type ResponseOf } from '../../../../shared/api/client';

export type Pipeline = ResponseOf<'/api/policy/pipeline', 'get'>;
export type Closest = ResponseOf<'/api/policy/pipeline/closest', 'get'>;

export function usePipeline(zoneId: number | null, params: { date?: string; lapsingDays?: number } = {}) {
  return useQuery({
    queryKey: ['policy', 'pipeline', zoneId, params],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/pipeline', { params: { query: { zone: zoneId!, date: params.date, lapsing_days: params.lapsingDays } }, signal })),
    enabled: zoneId !== null,
    retry: false,
  });
}

export function useClosest(zoneId: number | null, params: { date?: string; tier?: number | null; limit?: number } = {}) {
  return useQuery({
    queryKey: ['policy', 'pipeline', 'closest', zoneId, params],
    queryFn: ({ signal }) => unwrap(client.GET('/api/policy/pipeline/closest', {
      params: { query: { zone: zoneId!, date: params.date, tier: params.tier ?? undefined, limit: params.limit } }, signal,
    })),
    enabled: zoneId !== null,
    retry: false,
  });
}
