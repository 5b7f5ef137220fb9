// Partner zone pairs (admin): zones whose listings count as the same partner zone in matching.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type ResponseOf } from '../../../shared/api/client';

export type ZonePair = ResponseOf<'/api/transfer/zone-partners', 'get'>['items'][number];

export function useZonePairs(enabled: boolean) {
  return useQuery({
    queryKey: ['transfer', 'zone-partners'],
    queryFn: () => unwrap(client.GET('/api/transfer/zone-partners')),
    select: (d) => d.items,
    enabled,
  });
}

export const createZonePair = (body: BodyOf<'/api/transfer/zone-partners', 'post'>) => unwrap(client.POST('/api/transfer/zone-partners', { body }));
export const deleteZonePair = (zoneId: number, partnerZoneId: number) =>
  unwrap(client.DELETE('/api/transfer/zone-partners/{zoneId}/{partnerZoneId}', { params: { path: { zoneId, partnerZoneId } } }));
