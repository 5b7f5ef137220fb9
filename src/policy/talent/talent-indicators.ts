/**
 * Talent indicators computed from the registry, per person, each value with the records it was computed from.
 * The registry ties achievements, projects and transfer cases to organisations; what a person did is recorded as a
 * credit (talent_credits: inventor of a patent, leader of a project, broker of a contract), so a value is always
 * a count or sum over named records, never a guess from the employer's totals.
 */
import type { Queryable } from '../../shared/db';

export interface Evidence { kind: string; id: number; label: string; amount?: number | null }
export interface ComputedValue { value: number; evidence: Evidence[] }

interface ComputedSource {
  zh: string;
  en: string;
  /** One row per (person, record): the value is the count of rows, or the sum of `amount` when `sum` is set. */
  sql: string;
  sum?: boolean;
}

const PATENT_KINDS = `('invention_patent', 'utility_model', 'design_patent')`;
const SIGNED_STAGES = `('contract_signed', 'registered', 'implementing', 'closed')`;

export const COMPUTED_SOURCES: Record<string, ComputedSource> = {
  converted_achievements: {
    zh: '已转化的成果（本人署名）', en: 'Converted achievements credited to the person',
    sql: `select c.person_id, a.id, a.title as label, null::numeric as amount from talent_credits c join achievements a on a.id = c.ref_id
          where c.kind = 'achievement' and a.converted and a.retired_at is null and c.person_id = any($1::int8[])`,
  },
  patents: {
    zh: '专利（发明、实用新型、外观设计）', en: 'Patents (invention, utility model, design)',
    sql: `select c.person_id, a.id, a.title as label, null::numeric as amount from talent_credits c join achievements a on a.id = c.ref_id
          where c.kind = 'achievement' and a.kind in ${PATENT_KINDS} and a.retired_at is null and c.person_id = any($1::int8[])`,
  },
  invention_patents: {
    zh: '发明专利', en: 'Invention patents',
    sql: `select c.person_id, a.id, a.title as label, null::numeric as amount from talent_credits c join achievements a on a.id = c.ref_id
          where c.kind = 'achievement' and a.kind = 'invention_patent' and a.retired_at is null and c.person_id = any($1::int8[])`,
  },
  projects_led: {
    zh: '主持的项目', en: 'Projects led',
    sql: `select c.person_id, p.id, p.name_zh as label, p.amount from talent_credits c join projects p on p.id = c.ref_id
          where c.kind = 'project' and c.role = 'lead' and p.retired_at is null and c.person_id = any($1::int8[])`,
  },
  transfer_turnover: {
    zh: '技术转移合同金额（万元）', en: 'Technology transfer contract amount (10k yuan)', sum: true,
    sql: `select c.person_id, t.id, t.code as label, t.contract_amount as amount from talent_credits c join transfer_cases t on t.id = c.ref_id
          where c.kind = 'transfer_case' and t.stage in ${SIGNED_STAGES} and c.person_id = any($1::int8[])`,
  },
  transfer_contracts: {
    zh: '促成的技术转移合同', en: 'Technology transfer contracts brought about',
    sql: `select c.person_id, t.id, t.code as label, t.contract_amount as amount from talent_credits c join transfer_cases t on t.id = c.ref_id
          where c.kind = 'transfer_case' and t.stage in ${SIGNED_STAGES} and c.person_id = any($1::int8[])`,
  },
  programme_memberships: {
    zh: '人才计划入选（在期）', en: 'Talent programme memberships (current)',
    // Memberships of the platform's programmes, plus programmes named in the registry record that the platform
    // does not run (matched by the Chinese name, so one programme is not counted twice).
    sql: `select m.person_id, p.id, p.name_zh as label, null::numeric as amount from talent_memberships m join talent_programmes p on p.id = m.programme_id
          where m.person_id = any($1::int8[]) and m.since <= current_date and (m.until is null or m.until >= current_date)
          union all
          select pe.id as person_id, 0 as id, l.name as label, null::numeric as amount from people pe cross join lateral unnest(pe.talent_programmes) as l(name)
          where pe.id = any($1::int8[]) and not exists (select 1 from talent_memberships m join talent_programmes p on p.id = m.programme_id
            where m.person_id = pe.id and split_part(l.name, ' / ', 1) = p.name_zh)`,
  },
  teams_led: {
    zh: '带领的团队', en: 'Teams led',
    sql: `select t.leader_person_id as person_id, t.id, t.name_zh as label, null::numeric as amount from talent_teams t where t.leader_person_id = any($1::int8[])`,
  },
  team_members_led: {
    zh: '所带团队成员（人）', en: 'Members of the teams led',
    sql: `select distinct on (t.leader_person_id, m.person_id) t.leader_person_id as person_id, m.person_id as id, p.name_zh as label, null::numeric as amount
          from talent_teams t join talent_team_members m on m.team_id = t.id join people p on p.id = m.person_id
          where t.leader_person_id = any($1::int8[]) and m.person_id <> t.leader_person_id`,
  },
  registered_expert: {
    zh: '入库专家', en: 'Registered expert',
    sql: `select id as person_id, id, '入库专家 / registered expert' as label, null::numeric as amount from people where is_expert and id = any($1::int8[])`,
  },
};

/** Values of the named sources for these people: a person without records gets 0 (the registry knows there are none). */
export async function computeSources(db: Queryable, personIds: number[], sources: string[]): Promise<Map<string, Map<number, ComputedValue>>> {
  const out = new Map<string, Map<number, ComputedValue>>();
  for (const key of new Set(sources)) {
    const src = COMPUTED_SOURCES[key]!;
    const byPerson = new Map<number, ComputedValue>(personIds.map((id) => [id, { value: 0, evidence: [] }]));
    const rows = await db.query<{ person_id: number; id: number; label: string; amount: number | null }>(src.sql, [personIds]);
    for (const r of rows) {
      const v = byPerson.get(Number(r.person_id));
      if (!v) continue;
      const amount = r.amount === null ? null : Number(r.amount);
      v.value += src.sum ? amount ?? 0 : 1;
      v.evidence.push({ kind: key, id: Number(r.id), label: String(r.label), amount });
    }
    out.set(key, byPerson);
  }
  return out;
}
