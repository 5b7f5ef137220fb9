// The zone a zone-wide policy page looks at: ?zone= in the URL, else the user's zone, else the first top-level zone.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { topLevelZones, useZoneParentField } from '../../../../shared/components/ZoneTreeSelect';
import { useZones } from '../../../entities/api/entities';

export function useZoneChoice(): [number | null, (id: number) => void] {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const zones = useZones();
  const parentField = useZoneParentField();
  const zoneId = params.get('zone') ? Number(params.get('zone')) : null;
  const setZone = (id: number) => setParams((p) => { p.set('zone', String(id)); return p; }, { replace: true });
  useEffect(() => {
    if (zoneId !== null || !zones.data?.length) return;
    if (user?.zone_id) return setZone(user.zone_id);
    const first = topLevelZones(zones.data, parentField)[0] ?? zones.data[0];
    if (first) setZone(first.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoneId, zones.data, user, parentField]);
  return [zoneId, setZone];
}
