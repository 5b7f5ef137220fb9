/**
 * Talent evaluation: the people of a zone (optionally of one programme, or experts only) scored with a scheme through
 * the composite engine — normalisation, weights and aggregation by buildComposite, ranks from it, and rank
 * uncertainty from runUncertainty (Monte Carlo over the normalisation and ±25 % weights). Every result carries every
 * indicator's value, its normalised score and where it comes from (the registry records counted, or who entered the
 * value and its source), so no score is shown bare.
 */
import type { Db } from '../../shared/db';
import { zoneSubtree } from '../../shared/access/actor';
import { buildComposite, CompositeError, runUncertainty, type CompositeData, type NormaliseMethod } from '../../evaluation/composite';
import { compositeProblem } from '../../evaluation/indicators/composite-problem';
import type { Actor } from '../../shared/access/actor';
import { badField } from '../funds/funds-common';
import { frameworkOf, indicatorsOf, methodOf, ROOT } from './scheme';
import { COMPUTED_SOURCES, computeSources, type Evidence } from './talent-indicators';
import { assertTalentViewer, PERSON_PUBLIC, personOut, schemeByCode } from './talent.service';

export interface TalentQuery {
  scheme: string;
  zone: number;
  programme?: number;
  experts?: boolean;
  uncertainty?: boolean;
  runs?: number;
  seed?: number;
}

type Cell = number | null;
const MAX_PEOPLE = 5000;

interface Input {
  value: Cell;
  normalised: Cell;
  used: boolean;
  origin: 'computed' | 'manual';
  evidence: Evidence[];
  source: string | null;
  entered_at: string | null;
  entered_by: string | null;
}

export async function evaluateTalent(db: Db, actor: Actor | null, q: TalentQuery) {
  await assertTalentViewer(db, actor, q.zone);
  const scheme = await schemeByCode(db, q.scheme, 'scheme');
  const zone = (await db.query<{ id: number; code: string; name_zh: string; name_en: string | null }>('select id, code, name_zh, name_en from zones where id = $1', [q.zone]))[0];
  if (!zone) throw badField('zone', 'field.unknownRef', { entity: 'zone', value: q.zone });
  const zones = await zoneSubtree(db, q.zone);
  const people = (await db.query(
    `select ${PERSON_PUBLIC} from people p left join organizations o on o.id = p.organization_id
     where p.zone_id = any($1::int8[]) and p.retired_at is null and ($2::boolean is not true or p.is_expert)
       and ($3::int8 is null or exists (select 1 from talent_memberships m where m.programme_id = $3 and m.person_id = p.id)
            or exists (select 1 from talent_teams t left join talent_team_members tm on tm.team_id = t.id
                       where t.programme_id = $3 and (t.leader_person_id = p.id or tm.person_id = p.id)))
     order by p.id limit ${MAX_PEOPLE + 1}`, [zones, q.experts ?? null, q.programme ?? null])).map(personOut);
  if (people.length < 2) throw badField('zone', 'talent.tooFewPeople', { count: people.length });
  const truncated = people.length > MAX_PEOPLE;
  if (truncated) people.pop();
  const ids = people.map((p) => p.id);

  const indicators = indicatorsOf(scheme);
  const computed = await computeSources(db, ids, indicators.filter((i) => i.source !== 'manual').map((i) => i.source));
  const manualRows = await db.query<{ person_id: number; indicator: string; value: number; source: string; entered_at: string; username: string | null }>(
    `select v.person_id, v.indicator, v.value, v.source, v.entered_at, u.username from talent_indicator_values v left join users u on u.id = v.entered_by
     where v.person_id = any($1::int8[]) and v.indicator = any($2::text[])`, [ids, indicators.filter((i) => i.source === 'manual').map((i) => i.code)]);
  const manual = new Map(manualRows.map((r) => [`${r.person_id}|${r.indicator}`, r]));

  const inputs = new Map<number, Record<string, Input>>(people.map((p) => [p.id, {}]));
  const columns: Record<string, Cell[]> = {};
  for (const ind of indicators) {
    columns[ind.code] = people.map((p) => {
      const slot = inputs.get(p.id)!;
      if (ind.source === 'manual') {
        const m = manual.get(`${p.id}|${ind.code}`);
        slot[ind.code] = { value: m ? Number(m.value) : null, normalised: null, used: false, origin: 'manual', evidence: [], source: m?.source ?? null, entered_at: m?.entered_at ?? null, entered_by: m?.username ?? null };
      } else {
        const c = computed.get(ind.source)!.get(p.id)!;
        slot[ind.code] = { value: c.value, normalised: null, used: false, origin: 'computed', evidence: c.evidence, source: null, entered_at: null, entered_by: null };
      }
      return slot[ind.code]!.value;
    });
  }

  // Indicators nobody has a value for, or on which everyone is equal, say nothing about these people: left out, reported.
  const excluded: { indicator: string; reason: { zh: string; en: string } }[] = [];
  const keep = new Set<string>();
  for (const ind of indicators) {
    const xs = columns[ind.code]!.filter((x): x is number => x !== null);
    if (!xs.length) excluded.push({ indicator: ind.code, reason: { zh: '无人有该指标数据', en: 'nobody has a value for it' } });
    else if (xs.every((x) => x === xs[0])) excluded.push({ indicator: ind.code, reason: { zh: `所有人取值相同（${xs[0]}），无法区分`, en: `everyone has the same value (${xs[0]}); it cannot tell people apart` } });
    else keep.add(ind.code);
  }
  if (!keep.size) throw badField('scheme', 'talent.emptyGroup', { group: ROOT });

  const framework = frameworkOf(scheme, keep);
  const method = methodOf(scheme);
  const data: CompositeData = { units: people.map((p) => p.code), indicators: Object.fromEntries([...keep].map((c) => [c, columns[c]!])) };
  let res;
  try {
    res = buildComposite(framework, data, method);
  } catch (err) {
    if (err instanceof CompositeError) throw compositeProblem(err, 'scheme');
    throw err;
  }
  const col = (t: { codes: string[]; values: (number | null)[][] }, code: string) => t.values[t.codes.indexOf(code)]!;
  const groupCodes = framework.filter((n) => n.level === 2).map((n) => n.iCode);

  let uncertainty: { runs: number; seed: number; byCode: Map<string, { median: Cell; q5: Cell; q95: Cell; mean: Cell }> } | null = null;
  const warnings: string[] = [];
  if (truncated) warnings.push(`only the first ${MAX_PEOPLE} people of the zone are evaluated; narrow by programme or experts`);
  if (q.uncertainty) {
    const runs = Math.min(Math.max(q.runs ?? 300, 20), 3000);
    const seed = q.seed ?? 1;
    const normalise: NormaliseMethod[] = [method.normalise, { method: 'zscore', mean: 50, sd: 10 }];
    try {
      const u = await runUncertainty(framework, data, method, { normalise, weights: { levels: [1, 2], noise: 0.25, nSets: 50 } }, { nRuns: runs, seed, workers: 1 });
      uncertainty = { runs, seed, byCode: new Map(u.rankStats.map((s) => [s.uCode, { median: s.median, q5: s.q5, q95: s.q95, mean: s.mean }])) };
    } catch (err) {
      if (!(err instanceof CompositeError)) throw err;
      warnings.push(`uncertainty analysis not possible: ${err.code} ${err.subject}`);
    }
  }

  const results = people.map((p, i) => {
    const slot = inputs.get(p.id)!;
    for (const code of keep) {
      slot[code]!.used = true;
      slot[code]!.normalised = col(res.normalised, code)[i] ?? null;
    }
    return {
      person: p,
      score: col(res.aggregated, ROOT)[i] ?? null,
      rank: col(res.ranks, ROOT)[i] ?? null,
      groups: Object.fromEntries(groupCodes.map((g) => [g, { score: col(res.aggregated, g)[i] ?? null, rank: col(res.ranks, g)[i] ?? null }])),
      inputs: slot,
      uncertainty: uncertainty?.byCode.get(p.code) ?? null,
    };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.person.id - b.person.id);

  return {
    scheme: {
      code: scheme.code, name_zh: scheme.name_zh, name_en: scheme.name_en, description: scheme.description ?? null, method: scheme.method,
      groups: scheme.groups.map((g) => ({
        code: g.code, name_zh: g.name_zh, name_en: g.name_en, weight: g.weight, used: groupCodes.includes(g.code),
        indicators: g.indicators.map((ind) => ({
          code: ind.code, name_zh: ind.name_zh, name_en: ind.name_en, unit: ind.unit ?? null, weight: ind.weight, direction: ind.direction, source: ind.source,
          source_label: ind.source === 'manual' ? { zh: '逐人录入（注明来源）', en: 'entered per person with its source' } : { zh: COMPUTED_SOURCES[ind.source]!.zh, en: COMPUTED_SOURCES[ind.source]!.en },
          used: keep.has(ind.code),
        })),
      })),
    },
    zone, programme: q.programme ?? null, experts_only: Boolean(q.experts), people: people.length,
    excluded, warnings,
    uncertainty: uncertainty ? { runs: uncertainty.runs, seed: uncertainty.seed, varied: ['normalisation (min-max, z-score)', 'weights ±25 % at indicator and group level'] } : null,
    results,
  };
}
