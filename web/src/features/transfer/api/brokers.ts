// Brokers and agencies (technology-transfer centres) as actors: their open cases, success rate and turnover.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type ResponseOf } from '../../../shared/api/client';

export type BrokerFigures = ResponseOf<'/api/transfer/brokers', 'get'>;

export function useBrokerFigures(zone?: number) {
  return useQuery({
    queryKey: ['transfer', 'brokers', zone ?? null],
    queryFn: () => unwrap(client.GET('/api/transfer/brokers', { params: { query: { zone: zone || undefined } } })),
  });
}
