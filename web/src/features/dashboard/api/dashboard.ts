import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Dashboard } from '../../../shared/api/types';

export function useZoneDashboard(zoneId: number | null) {
  return useQuery({
    queryKey: ['dashboard', zoneId],
    queryFn: () => api.get<Dashboard>(`/api/zones/${zoneId}/dashboard`),
    enabled: zoneId !== null,
  });
}
