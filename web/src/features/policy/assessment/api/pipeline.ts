// The cultivation pipeline of a zone (/api/policy/pipeline) and who is closest to the next rung.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../shared/api/client';
import type * as S from '../../../../../../src/policy/assessment/assessment.schemas';

export type Pipeline = z.output<typeof S.pipeline>;
export type Closest = z.output<typeof S.closest>;

export function usePipeline(zoneId: number | null, params: { date?: string; lapsingDays?: number } = {}) {
  return useQuery({
    queryKey: ['policy', 'pipeline', zoneId, params],
    queryFn: ({ signal }) => api.get<Pipeline>('/api/policy/pipeline', { zone: zoneId, date: params.date, lapsing_days: params.lapsingDays }, signal),
    enabled: zoneId !== null,
    retry: false,
  });
}

export function useClosest(zoneId: number | null, params: { date?: string; tier?: number | null; limit?: number } = {}) {
  return useQuery({
    queryKey: ['policy', 'pipeline', 'closest', zoneId, params],
    queryFn: ({ signal }) => api.get<Closest>('/api/policy/pipeline/closest', { zone: zoneId, date: params.date, tier: params.tier, limit: params.limit }, signal),
    enabled: zoneId !== null,
    retry: false,
  });
}
