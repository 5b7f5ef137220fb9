import { isCalendarDate } from '../../shared/http/zod-blocks';
import type { Queryable } from '../../shared/db';
import { zoneSubtree } from '../../shared/access/actor';
import { rejectField } from './common';

/**
 * The transfer funnel of a zone subtree for demands collected in a period: how many reached each stage, the
 * conversion between consecutive stages, the median days spent in each stage, why things dropped out, contracts
 * signed in the period with their turnover, and the conversion rate of achievements. Usable by the evaluation
 * module through `transferFunnel(db, zoneId, from, to)`.
 */
export const FUNNEL_STAGES = ['collected', 'screened', 'published', 'matched', 'introduced', 'negotiating', 'signed', 'registered', 'implemented'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStageRow {
  stage: FunnelStage;
  count: number;
  /** count ÷ previous stage's count (null for the first stage or an empty previous stage). */
  conversion: number | null;
  /** Median days items spent in this stage before moving on (null when none moved on). */
  medianDays: number | null;
}

export interface TransferFunnel {
  zoneId: number;
  from: string;
  to: string;
  stages: FunnelStageRow[];
  dropOuts: { source: 'case_failed' | 'match_declined' | 'demand_closed' | 'demand_sent_back'; reason: string; count: number }[];
  contracts: { count: number; turnover: number };
  achievements: { total: number; converted: number; conversionRate: number | null };
}

const DAY = 86_400_000;
const CASE_STAGE_OF: Partial<Record<string, FunnelStage>> = {
  introduced: 'introduced', negotiating: 'negotiating', contract_signed: 'signed', registered: 'registered', implementing: 'implemented', closed: 'implemented',
};

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  const v = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return Math.round(v * 10) / 10;
}

const ms = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)));

export async function transferFunnel(db: Queryable, zoneId: number, from: string, to: string): Promise<TransferFunnel> {
  // Date.parse takes 2024-02-31 for 2 March: only dates that exist in the calendar may reach the query.
  if (!isCalendarDate(from)) throw rejectField('from', 'transfer.funnel.fromDate');
  if (!isCalendarDate(to)) throw rejectField('to', 'transfer.funnel.toDate');
  if (to < from) throw rejectField('to', 'transfer.funnel.order');
  const zones = await zoneSubtree(db, zoneId);
  const inPeriod = `zone_id = any($1::int8[]) and created_at >= $2::date and created_at < ($3::date + 1)`;
  const demandRows = await db.query<{ id: number; status: string | null; created_at: unknown }>(
    `select id, status, created_at from tech_demands where retired_at is null and ${inPeriod}`, [zones, from, to]);
  const ids = demandRows.map((d) => Number(d.id));
  const [events, matched, cases] = await Promise.all([
    db.query<{ item_id: number; to_status: string; at: unknown }>(
      `select item_id, to_status, at from transfer_status_events where item_kind = 'demand' and item_id = any($1::int8[]) order by id`, [ids]),
    db.query<{ demand_id: number; at: unknown }>('select demand_id, at from transfer_demand_matched where demand_id = any($1::int8[])', [ids]),
    db.query<{ demand_id: number; case_id: number; stage: string; entered_at: unknown; left_at: unknown }>(
      `select c.demand_id, s.case_id, s.stage, s.entered_at, s.left_at from transfer_case_stages s join transfer_cases c on c.id = s.case_id
       where c.demand_id = any($1::int8[]) order by s.id`, [ids]),
  ]);

  // First time each demand entered each stage.
  const entered = new Map<number, Partial<Record<FunnelStage, number>>>();
  const mark = (id: number, stage: FunnelStage, at: number) => {
    const m = entered.get(id) ?? {};
    if (m[stage] === undefined || Number.isNaN(m[stage]!) || at < m[stage]!) m[stage] = at;
    entered.set(id, m);
  };
  for (const d of demandRows) {
    mark(Number(d.id), 'collected', ms(d.created_at));
    // A demand may carry a status without a workflow event for it (written before imports logged theirs): count the
    // stage it reached, without a date. Only that stage: the earlier ones follow from it, and an undated "screened"
    // beside a dated "published" would hide when the demand left "collected" (a demand may be published unscreened).
    if (d.status === 'screened' || d.status === 'published') mark(Number(d.id), d.status, NaN);
  }
  for (const e of events) {
    if (e.to_status === 'screened') mark(Number(e.item_id), 'screened', ms(e.at));
    if (e.to_status === 'published') mark(Number(e.item_id), 'published', ms(e.at));
  }
  for (const m of matched) mark(Number(m.demand_id), 'matched', ms(m.at));
  const caseDays = new Map<FunnelStage, number[]>();
  for (const s of cases) {
    const stage = CASE_STAGE_OF[s.stage];
    if (!stage) continue;
    mark(Number(s.demand_id), stage, ms(s.entered_at));
    if (s.left_at && s.stage !== 'closed') caseDays.set(stage, [...(caseDays.get(stage) ?? []), (ms(s.left_at) - ms(s.entered_at)) / DAY]);
  }
  // Reaching a later stage implies the earlier ones (a case opened straight from an unpublished demand).
  const counts = FUNNEL_STAGES.map(() => 0);
  const stageDays = FUNNEL_STAGES.map(() => [] as number[]);
  for (const m of entered.values()) {
    let deepest = 0;
    FUNNEL_STAGES.forEach((st, i) => { if (m[st] !== undefined) deepest = i; });
    for (let i = 0; i <= deepest; i++) counts[i]!++;
    // Days in the demand-side stages: from entering one to entering the next reached stage.
    for (let i = 0; i < 4; i++) {
      const start = m[FUNNEL_STAGES[i]!];
      if (start === undefined || Number.isNaN(start)) continue;
      // The next stage with a date: a stage skipped, or reached without a recorded date, does not end this one.
      const next = FUNNEL_STAGES.slice(i + 1).map((st) => m[st]).find((t) => t !== undefined && !Number.isNaN(t));
      if (next !== undefined && next >= start) stageDays[i]!.push((next - start) / DAY);
    }
  }
  const stages: FunnelStageRow[] = FUNNEL_STAGES.map((stage, i) => ({
    stage,
    count: counts[i]!,
    conversion: i === 0 || counts[i - 1] === 0 ? null : Math.round((counts[i]! / counts[i - 1]!) * 1000) / 1000,
    medianDays: i < 4 ? median(stageDays[i]!) : median(caseDays.get(stage) ?? []),
  }));

  const [failed, declined, closedDemands, contracts, achievements] = await Promise.all([
    db.query<{ reason: string; n: number }>(
      `select failure_reason as reason, count(*)::int as n from transfer_cases where stage = 'failed' and demand_id = any($1::int8[]) group by 1 order by 2 desc`, [ids]),
    db.query<{ reason: string; n: number }>(
      `select reason, count(*)::int as n from transfer_match_feedback where outcome = 'rejected' and ${inPeriod.replace(/created_at/g, 'at')} group by 1 order by 2 desc`, [zones, from, to]),
    db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from tech_demands d where id = any($1::int8[]) and status in ('closed', 'sent_back')
       and not exists (select 1 from transfer_cases c where c.demand_id = d.id) group by 1`, [ids]),
    db.query<{ n: number; turnover: string | null }>(
      `select count(*)::int as n, sum(contract_amount)::text as turnover from transfer_cases
       where zone_id = any($1::int8[]) and contract_date between $2::date and $3::date`, [zones, from, to]),
    db.query<{ total: number; converted: number }>(
      `select count(*)::int as total, count(*) filter (where converted)::int as converted from achievements where retired_at is null and zone_id = any($1::int8[])`, [zones]),
  ]);
  const a = achievements[0]!;
  return {
    zoneId, from, to, stages,
    dropOuts: [
      ...failed.map((r) => ({ source: 'case_failed' as const, reason: r.reason, count: Number(r.n) })),
      ...declined.map((r) => ({ source: 'match_declined' as const, reason: r.reason, count: Number(r.n) })),
      ...closedDemands.map((r) => ({ source: r.status === 'closed' ? 'demand_closed' as const : 'demand_sent_back' as const, reason: r.status, count: Number(r.n) })),
    ],
    contracts: { count: Number(contracts[0]?.n ?? 0), turnover: Number(contracts[0]?.turnover ?? 0) },
    achievements: { total: Number(a.total), converted: Number(a.converted), conversionRate: a.total ? Math.round((a.converted / a.total) * 1000) / 1000 : null },
  };
}
