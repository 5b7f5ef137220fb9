/**
 * Recomputation of registry-based indicator values after single writes (an import asks for its own recompute).
 * A write asks for its zone and every zone above it (a zone's value covers its subtree). Requests are coalesced
 * in the job queue's own table: while a recompute job is still queued, later writes add their zones to it instead
 * of queueing another, so a burst of writes costs one job per zone set, not one per write, and a restart loses
 * nothing (the request is a row, not a timer).
 */
import type { Db } from '../../shared/db';
import type { JobQueue } from '../../shared/jobs/job-queue';

export const RECOMPUTE_JOB = 'recompute-indicators';

/** The years a write-triggered recompute covers: the same ten-year window as after an import. */
export function recomputeWindow(now = new Date()): { from: number; to: number } {
  const to = now.getFullYear() - 1;
  return { from: to - 9, to };
}

/** The zones and all their ancestors. */
export async function withAncestors(db: Db, zoneIds: number[]): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`with recursive up(id, parent_id) as (
      select id, parent_id from zones where id = any($1::int8[])
      union select z.id, z.parent_id from zones z join up on z.id = up.parent_id)
    select distinct id from up order by id`, [zoneIds]);
  return rows.map((r) => Number(r.id));
}

/** Adds the zones to a queued recompute of the same years, or queues one. Returns the job id. */
export async function requestRecompute(db: Db, jobs: JobQueue, zoneIds: number[], userId: number | null = null): Promise<number | null> {
  if (!zoneIds.length) return null;
  const zones = await withAncestors(db, zoneIds);
  const { from, to } = recomputeWindow();
  // `status = 'queued'` is checked again on the row itself: a job the queue claimed meanwhile has read its payload
  // already, so the zones must go to a new job instead.
  const merged = await db.query<{ id: number }>(`update jobs j set payload = jsonb_set(j.payload, '{zones}',
      to_jsonb(array(select distinct x from unnest(array(select jsonb_array_elements_text(j.payload->'zones')::int8) || $1::int8[]) x order by x)))
    where j.id = (select id from jobs where kind = $2 and status = 'queued' and payload ? 'zones'
                    and (payload->>'from')::int = $3 and (payload->>'to')::int = $4 order by id limit 1 for update skip locked)
      and j.status = 'queued'
    returning j.id`, [zones, RECOMPUTE_JOB, from, to]);
  if (merged[0]) return Number(merged[0].id);
  return (await jobs.enqueue(RECOMPUTE_JOB, { from, to, zones }, userId)).id;
}
