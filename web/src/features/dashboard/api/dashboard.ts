import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../shared/api/client';

export function useZoneDashboard(zoneId: number | null) {
  return useQuery({
    queryKey: ['dashboard', zoneId],
    queryFn: () => unwrap(client.GET('/api/zones/{id}/dashboard', { params: { path: { id: zoneId! } } })),
    enabled: zoneId !== null,
  });
}
