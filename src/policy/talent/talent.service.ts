/**
 * Talent programmes (e.g. 萃英计划) with their members and teams, credits tying people to registry records, values
 * entered per person with their source, and operators' evaluation schemes. Writes are for admins and operators of
 * the person's (or programme's) zone and are audited; people are shown by name, title and affiliation only — never
 * their contact data.
 */
import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError, invalid, notFound } from '../../shared/http/errors';
import { assertManager, audit, badField, managedZones, requireActor } from '../funds/funds-common';
import { indicatorsOf, schemeDefinition, schemeIssues, shippedSchemes, type SchemeDefinition } from './scheme';

/** Public fields of a person: what talent pages may show. Email and biography stay in the registry. */
export const PERSON_PUBLIC = `p.id, p.code, p.zone_id, p.name_zh, p.name_en, p.title, p.is_expert, p.organization_id, o.name_zh as org_name_zh, o.name_en as org_name_en`;

export function personOut(r: Row) {
  return {
    id: Number(r.id), code: String(r.code), zone_id: Number(r.zone_id), name_zh: String(r.name_zh), name_en: (r.name_en as string | null) ?? null,
    title: (r.title as string | null) ?? null, is_expert: Boolean(r.is_expert),
    organization: r.organization_id == null ? null : { id: Number(r.organization_id), name_zh: String(r.org_name_zh), name_en: (r.org_name_en as string | null) ?? null },
  };
}

export async function personOrFail(db: Queryable, id: number, field: string) {
  const row = (await db.query(`select ${PERSON_PUBLIC} from people p left join organizations o on o.id = p.organization_id where p.id = $1 and p.retired_at is null`, [id]))[0];
  if (!row) throw badField(field, 'talent.personNotFound', { id });
  return personOut(row);
}

// ——— programmes ———

export async function createProgramme(db: Db, actor: Actor | null, input: { code: string; zone_id: number; name_zh: string; name_en?: string | null; description?: string | null }) {
  const a = await assertManager(db, actor, input.zone_id);
  return db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from talent_programmes where code = $1', [input.code]);
    if (dup.length) throw new AppError('DUPLICATE', 'problem.duplicate', { field: 'code' }, [{ field: 'code', key: 'problem.duplicate', params: { field: 'code' } }]);
    const row = (await tx.query(`insert into talent_programmes (code, zone_id, name_zh, name_en, description) values ($1, $2, $3, $4, $5) returning *`,
      [input.code, input.zone_id, input.name_zh.trim(), input.name_en ?? null, input.description ?? null]))[0]!;
    const out = programmeOut(row);
    await audit(tx, a, 'talent_programmes', out.id, out.zone_id, 'create', null, out);
    return out;
  });
}

const programmeOut = (r: Row) => ({ id: Number(r.id), code: String(r.code), zone_id: Number(r.zone_id), name_zh: String(r.name_zh), name_en: (r.name_en as string | null) ?? null, description: (r.description as string | null) ?? null });

async function programmeRow(db: Queryable, id: number) {
  const row = (await db.query('select * from talent_programmes where id = $1', [id]))[0];
  if (!row) throw notFound('talent programme', id);
  return programmeOut(row);
}

/** Programmes with member and team counts (any signed-in user: the programmes themselves are public policy). */
export async function listProgrammes(db: Queryable, actor: Actor | null) {
  requireActor(actor);
  const rows = await db.query(`select t.*, (select count(*)::int from talent_memberships m where m.programme_id = t.id) as members,
    (select count(*)::int from talent_teams x where x.programme_id = t.id) as teams from talent_programmes t order by t.id`);
  return { items: rows.map((r) => ({ ...programmeOut(r), members: Number(r.members), teams: Number(r.teams) })) };
}

export async function getProgramme(db: Queryable, actor: Actor | null, id: number) {
  const a = requireActor(actor);
  const prog = await programmeRow(db, id);
  // Who is in a programme is for the zone's managers: names of people are personal data (PIPL).
  await assertTalentViewer(db, a, prog.zone_id);
  const members = await db.query(`select ${PERSON_PUBLIC}, m.since, m.until, m.source from talent_memberships m join people p on p.id = m.person_id
    left join organizations o on o.id = p.organization_id where m.programme_id = $1 order by p.id`, [id]);
  const teams = await teamsWhere(db, 't.programme_id = $1', [id]);
  return { ...prog, members: members.map((m) => ({ ...personOut(m), since: String(m.since), until: (m.until as string | null) ?? null, source: (m.source as string | null) ?? null })), teams };
}

export async function addMember(db: Db, actor: Actor | null, programmeId: number, input: { person_id: number; since: string; until?: string | null; source?: string | null }) {
  const prog = await programmeRow(db, programmeId);
  const a = await assertManager(db, actor, prog.zone_id);
  const person = await personOrFail(db, input.person_id, 'person_id');
  if (input.until && input.until < input.since) throw badField('until', 'policy.funds.dateOrder', { other: 'since' });
  await db.transaction(async (tx) => {
    const before = (await tx.query('select since, until, source from talent_memberships where programme_id = $1 and person_id = $2', [programmeId, person.id]))[0] ?? null;
    await tx.query(`insert into talent_memberships (programme_id, zone_id, person_id, since, until, source) values ($1, $6, $2, $3, $4, $5)
      on conflict (zone_id, programme_id, person_id) do update set since = excluded.since, until = excluded.until, source = excluded.source`,
    [programmeId, person.id, input.since, input.until ?? null, input.source ?? null, prog.zone_id]);
    await audit(tx, a, 'talent_programmes', programmeId, prog.zone_id, 'member', before, { person_id: person.id, since: input.since, until: input.until ?? null, source: input.source ?? null });
  });
  return getProgramme(db, actor, programmeId);
}

// ——— teams ———

async function teamsWhere(db: Queryable, where: string, params: unknown[]) {
  const teams = await db.query(`select t.* from talent_teams t where ${where} order by t.id`, params);
  if (!teams.length) return [];
  const ids = teams.map((t) => t.id);
  const people = await db.query(`select ${PERSON_PUBLIC} from people p left join organizations o on o.id = p.organization_id
    where p.id in (select leader_person_id from talent_teams where id = any($1::int8[]) union select person_id from talent_team_members where team_id = any($1::int8[]))`, [ids]);
  const byId = new Map(people.map((p) => [Number(p.id), personOut(p)]));
  const members = await db.query<{ team_id: number; person_id: number }>('select team_id, person_id from talent_team_members where team_id = any($1::int8[]) order by person_id', [ids]);
  return teams.map((t) => ({
    id: Number(t.id), zone_id: Number(t.zone_id), programme_id: t.programme_id == null ? null : Number(t.programme_id), name_zh: String(t.name_zh), name_en: (t.name_en as string | null) ?? null,
    leader: byId.get(Number(t.leader_person_id))!,
    members: members.filter((m) => Number(m.team_id) === Number(t.id)).map((m) => byId.get(Number(m.person_id))!),
  }));
}

export async function createTeam(db: Db, actor: Actor | null, input: { zone_id: number; programme_id?: number | null; name_zh: string; name_en?: string | null; leader_person_id: number; member_ids: number[] }) {
  const a = await assertManager(db, actor, input.zone_id);
  if (input.programme_id != null) {
    const prog = await db.query('select 1 from talent_programmes where id = $1', [input.programme_id]);
    if (!prog.length) throw badField('programme_id', 'talent.refNotFound', { kind: 'programme', id: input.programme_id });
  }
  await personOrFail(db, input.leader_person_id, 'leader_person_id');
  if (new Set(input.member_ids).size !== input.member_ids.length) throw badField('member_ids', 'policy.funds.duplicateIds');
  for (const [i, id] of input.member_ids.entries()) {
    if (id === input.leader_person_id) throw badField(`member_ids.${i}`, 'talent.leaderIsMember');
    await personOrFail(db, id, `member_ids.${i}`);
  }
  const teamId = await db.transaction(async (tx) => {
    const row = (await tx.query(`insert into talent_teams (zone_id, programme_id, name_zh, name_en, leader_person_id) values ($1, $2, $3, $4, $5) returning id`,
      [input.zone_id, input.programme_id ?? null, input.name_zh.trim(), input.name_en ?? null, input.leader_person_id]))[0]!;
    for (const id of input.member_ids) await tx.query('insert into talent_team_members (team_id, zone_id, person_id) values ($1, $3, $2)', [row.id, id, input.zone_id]);
    await audit(tx, a, 'talent_teams', Number(row.id), input.zone_id, 'create', null, input as unknown as Row);
    return Number(row.id);
  });
  return (await teamsWhere(db, 't.id = $1', [teamId]))[0]!;
}

// ——— credits and entered values ———

const CREDIT_TABLES = { achievement: 'achievements', project: 'projects', transfer_case: 'transfer_cases' } as const;

export async function addCredit(db: Db, actor: Actor | null, input: { person_id: number; kind: keyof typeof CREDIT_TABLES; ref_id: number; role: 'lead' | 'member'; source?: string | null }) {
  const person = await personOrFail(db, input.person_id, 'person_id');
  const a = await assertManager(db, actor, person.zone_id);
  const ref = await db.query(`select id from ${CREDIT_TABLES[input.kind]} where id = $1`, [input.ref_id]);
  if (!ref.length) throw badField('ref_id', 'talent.refNotFound', { kind: input.kind, id: input.ref_id });
  return db.transaction(async (tx) => {
    const row = (await tx.query(`insert into talent_credits (person_id, zone_id, kind, ref_id, role, source, created_by) values ($1, $2, $3, $4, $5, $6, $7)
      on conflict (zone_id, person_id, kind, ref_id) do update set role = excluded.role, source = excluded.source returning *`,
    [person.id, person.zone_id, input.kind, input.ref_id, input.role, input.source ?? null, a.userId]))[0]!;
    const out = { id: Number(row.id), person_id: person.id, kind: input.kind, ref_id: input.ref_id, role: input.role, source: input.source ?? null };
    await audit(tx, a, 'talent_credits', out.id, person.zone_id, 'credit', null, out);
    return out;
  });
}

/** Sets a manual indicator's value for a person; the indicator must be a manual one of the named scheme. */
export async function setValue(db: Db, actor: Actor | null, input: { scheme: string; person_id: number; indicator: string; value: number; source: string }) {
  const scheme = await schemeByCode(db, input.scheme, 'scheme');
  const manual = indicatorsOf(scheme).filter((i) => i.source === 'manual').map((i) => i.code);
  if (!manual.includes(input.indicator)) throw badField('indicator', 'talent.unknownIndicator', { value: input.indicator, options: manual.join(', ') || '—' });
  const person = await personOrFail(db, input.person_id, 'person_id');
  const a = await assertManager(db, actor, person.zone_id);
  return db.transaction(async (tx) => {
    const before = (await tx.query('select value, source from talent_indicator_values where person_id = $1 and indicator = $2', [person.id, input.indicator]))[0] ?? null;
    const row = (await tx.query(`insert into talent_indicator_values (person_id, zone_id, indicator, value, source, entered_by) values ($1, $2, $3, $4, $5, $6)
      on conflict (zone_id, person_id, indicator) do update set value = excluded.value, source = excluded.source, entered_by = excluded.entered_by, entered_at = now() returning *`,
    [person.id, person.zone_id, input.indicator, input.value, input.source.trim(), a.userId]))[0]!;
    const out = { id: Number(row.id), person_id: person.id, indicator: input.indicator, value: Number(row.value), source: String(row.source), entered_at: String(row.entered_at) };
    await audit(tx, a, 'talent_indicator_values', out.id, person.zone_id, 'set', before, out);
    return out;
  });
}

// ——— schemes ———

export async function schemeByCode(db: Queryable, code: string, field: string): Promise<SchemeDefinition> {
  const shipped = shippedSchemes().find((s) => s.code === code);
  if (shipped) return shipped;
  const row = (await db.query<{ definition: unknown }>('select definition from talent_schemes where code = $1', [code]))[0];
  if (!row) throw badField(field, 'talent.schemeNotFound', { code });
  return schemeDefinition.parse(row.definition);
}

export async function listSchemes(db: Queryable, actor: Actor | null) {
  const a = requireActor(actor);
  const zones = await managedZones(db, a);
  const rows = await db.query<{ definition: unknown; zone_id: number | null }>(
    'select definition, zone_id from talent_schemes where $1::boolean or zone_id = any($2::int8[]) order by id', [zones === null, zones ?? []]);
  return {
    items: [
      ...shippedSchemes().map((s) => ({ ...s, shipped: true, zone_id: null })),
      ...rows.map((r) => ({ ...schemeDefinition.parse(r.definition), shipped: false, zone_id: r.zone_id === null ? null : Number(r.zone_id) })),
    ],
  };
}

export async function createScheme(db: Db, actor: Actor | null, zoneId: number, def: SchemeDefinition) {
  const a = await assertManager(db, actor, zoneId);
  const issues = schemeIssues(def);
  if (issues.length) throw invalid(issues);
  if (shippedSchemes().some((s) => s.code === def.code) || (await db.query('select 1 from talent_schemes where code = $1', [def.code])).length) {
    throw new AppError('DUPLICATE', 'problem.duplicate', { field: 'code' }, [{ field: 'code', key: 'problem.duplicate', params: { field: 'code' } }]);
  }
  return db.transaction(async (tx) => {
    const row = (await tx.query('insert into talent_schemes (code, zone_id, definition, created_by) values ($1, $2, $3, $4) returning id', [def.code, zoneId, JSON.stringify(def), a.userId]))[0]!;
    await audit(tx, a, 'talent_schemes', Number(row.id), zoneId, 'create', null, def as unknown as Row);
    return { ...def, shipped: false, zone_id: zoneId };
  });
}

/** Talent results and programme members are for signed-in admins and operators of the zone (PIPL). */
export async function assertTalentViewer(db: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (a.role === 'admin') return a;
  const zones = await managedZones(db, a);
  if (zones !== null && !zones.includes(Number(zoneId))) throw new AppError('FORBIDDEN', 'talent.forbidden');
  return a;
}
