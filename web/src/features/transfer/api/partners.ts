// Partner zone pairs (admin): zones whose listings count as the same partner zone in matching.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../shared/api/client';
import type * as S from '../../../../../src/transfer/workflow/schemas';

export type ZonePair = z.output<typeof S.zonePair>;

export function useZonePairs(enabled: boolean) {
  return useQuery({
    queryKey: ['transfer', 'zone-partners'],
    queryFn: () => api.get<{ items: ZonePair[] }>('/api/transfer/zone-partners'),
    select: (d) => d.items,
    enabled,
  });
}

export const createZonePair = (body: { zone_id: number; partner_zone_id: number; note?: string | null }) => api.post<ZonePair>('/api/transfer/zone-partners', body);
export const deleteZonePair = (zoneId: number, partnerZoneId: number) => api.delete<{ removed: true }>(`/api/transfer/zone-partners/${zoneId}/${partnerZoneId}`);
