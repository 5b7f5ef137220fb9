import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { invalid } from '../../shared/http/errors';
import { zoneForActor } from './assessment-access';
import { countTiers, lapsingCertificates, tierTransitions } from './pipeline.repository';
import { TIERS, tierLabel } from './tiers';

/**
 * The gradient-cultivation pipeline of a zone subtree on a date: how many enterprises stand on each rung, how many
 * moved between rungs each year (qualifications over time), and the certificates about to lapse without a renewal.
 * Who is closest to the next rung needs the rule engine on registry data: see closest.service.ts.
 */
export interface PipelineQuery {
  zone: number;
  date: string;
  fromYear?: number;
  toYear?: number;
  lapsingDays: number;
  limit: number;
}

export async function zonePipeline(db: Db, actor: Actor | null, q: PipelineQuery) {
  const subtree = await zoneForActor(db, actor, q.zone);
  const dateYear = Number(q.date.slice(0, 4));
  const toYear = q.toYear ?? dateYear - 1;
  const fromYear = q.fromYear ?? toYear - 4;
  if (fromYear > toYear || toYear - fromYear > 30) throw invalid([{ field: 'from_year', key: 'policy.assessment.years' }]);
  const [counts, transitions, lapsing] = await Promise.all([
    countTiers(db, subtree, q.date),
    tierTransitions(db, subtree, fromYear, toYear),
    lapsingCertificates(db, subtree, q.date, q.lapsingDays, q.limit),
  ]);
  const countOf = (tier: number) => counts.filter((c) => c.tier === tier).reduce((n, c) => n + Number(c.count), 0);
  return {
    zone: q.zone,
    date: q.date,
    tiers: [0, ...TIERS.map((t) => t.tier)].map((tier) => ({ tier, label: tierLabel(tier), count: countOf(tier) })),
    transitions: transitions.map((t) => ({ year: t.year, from: t.from_tier, to: t.to_tier, count: Number(t.count), upward: t.to_tier > t.from_tier })),
    years: { from: fromYear, to: toYear },
    lapsing: {
      days: q.lapsingDays,
      total: lapsing.total,
      items: lapsing.rows.map((r) => ({ ...r, label: tierLabel(r.tier) })),
    },
  };
}
