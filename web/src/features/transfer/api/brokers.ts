// Brokers and agencies (technology-transfer centres) as actors: their open cases, success rate and turnover.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../shared/api/client';
import type * as S from '../../../../../src/transfer/workflow/schemas';

export type BrokerFigures = z.output<typeof S.brokerFigures>;

export function useBrokerFigures(zone?: number) {
  return useQuery({
    queryKey: ['transfer', 'brokers', zone ?? null],
    queryFn: () => api.get<BrokerFigures>(`/api/transfer/brokers${zone ? `?zone=${zone}` : ''}`),
  });
}
