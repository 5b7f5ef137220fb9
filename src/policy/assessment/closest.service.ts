import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { zoneForActor } from './assessment-access';
import { compiledInForce, explainCompiled, summarise, type RuleVersion } from './engine';
import { enterpriseTiers } from './pipeline.repository';
import { caseFromRegistry } from './registry-case';
import { aggregateCases, caseFactsOfRow, type AggregateRow } from './registry-cases.batch';
import { extraVersionsFor } from './rule-versions.service';
import { nextProgramme, programmeLabel, type Programme, tierLabel } from './tiers';

/**
 * Who is closest to the next rung: every enterprise of the zone subtree is self-assessed, on registry data alone,
 * against the programme of the rung above its own. Ranked by verdict (those that already qualify first), then the
 * hard conditions failed, then the conditions the registry cannot decide, then the score. Large zones are
 * pre-ranked with the batch form and only the best are traced in full.
 */
const RANGE = 20_000;
const FULL_TRACE_LIMIT = 3000;

interface Candidate { row: AggregateRow; tier: number; programme: Programme; qualifies: boolean; score: number | null }

export async function closestToNextTier(db: Db, actor: Actor | null, q: { zone: number; date: string; tier?: number; limit: number }) {
  const subtree = await zoneForActor(db, actor, q.zone);
  const appYear = Number(q.date.slice(0, 4));
  const tiers = new Map((await enterpriseTiers(db, subtree, q.date)).map((t) => [Number(t.id), Number(t.tier)]));
  const extras = new Map<Programme, RuleVersion[]>();
  const compiled = async (p: Programme) => {
    if (!extras.has(p)) extras.set(p, await extraVersionsFor(db, p, q.zone));
    return compiledInForce(p, q.date, extras.get(p)!);
  };
  const ids = [...tiers.keys()].filter((id) => q.tier === undefined || tiers.get(id) === q.tier).sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  for (let i = 0; i < ids.length;) {
    const lo = ids[i]!;
    let j = i;
    while (j < ids.length && ids[j]! < lo + RANGE) j++;
    const rows = await aggregateCases(db, lo, ids[j - 1]!, appYear, subtree);
    for (const row of rows) {
      const tier = tiers.get(Number(row.id));
      const programme = tier === undefined ? null : nextProgramme(tier);
      if (tier === undefined || !programme || (q.tier !== undefined && tier !== q.tier)) continue;
      const s = summarise(await compiled(programme), caseFromRegistry(caseFactsOfRow(row), q.date, false).case, q.date);
      candidates.push({ row, tier, programme, qualifies: s.qualifies, score: s.score });
    }
    i = j;
  }
  candidates.sort((a, b) => Number(b.qualifies) - Number(a.qualifies) || (b.score ?? -1) - (a.score ?? -1));
  const traced = [];
  for (const c of candidates.slice(0, FULL_TRACE_LIMIT)) {
    const version = await compiled(c.programme);
    const r = explainCompiled(version, caseFromRegistry(caseFactsOfRow(c.row), q.date, false).case, q.date);
    const failed = r.conditions.filter((x) => x.pass === false).length;
    const unknown = r.conditions.filter((x) => x.pass === null);
    traced.push({
      organization_id: Number(c.row.id),
      tier: c.tier, tier_label: tierLabel(c.tier), next_programme: c.programme, next_label: programmeLabel(c.programme),
      failed, unknown: unknown.length, conditions: r.conditions.length, score: r.score, qualifies: r.qualifies, rules_version: r.rulesVersion,
      missing: unknown.map((x) => ({ id: x.id, title: x.title })),
    });
  }
  traced.sort((a, b) => Number(b.qualifies) - Number(a.qualifies) || a.failed - b.failed || a.unknown - b.unknown || (b.score ?? -1) - (a.score ?? -1) || a.organization_id - b.organization_id);
  const items = traced.slice(0, q.limit);
  const names = await db.query<{ id: number; name_zh: string; name_en: string | null; generated: boolean }>('select id, name_zh, name_en, generated from organizations where id = any($1::int8[])', [items.map((x) => x.organization_id)]);
  const byId = new Map(names.map((n) => [Number(n.id), n]));
  return {
    zone: q.zone, date: q.date, assessed: candidates.length,
    items: items.map(({ unknown: _unknown, ...x }) => {
      const n = byId.get(x.organization_id);
      return { ...x, name_zh: n?.name_zh ?? '', name_en: n?.name_en ?? null, generated: n?.generated ?? false };
    }),
  };
}
