import type { Db, Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { assertBroker, deny, isBrokerFor, rejectField, requireActor } from './common';
import { caseNotFound, caseRow } from './case-access';
import { viewerOf } from './disclosure';

/**
 * Brokers and transfer centres as actors. Every case is run by a broker (a user: admin or zone operator of the case's
 * zone; by default whoever opened it) and may be run for an agency (an organisation of kind service_agency, a
 * technology-transfer centre). Their figures over the cases a viewer brokers:
 * - workload: open cases (not closed, not failed);
 * - success rate: ended cases (closed or failed) that had a signed contract ÷ ended cases (null before any ended);
 * - turnover: Σ contract amounts of their cases with a signed contract, in integer fen.
 */
export interface ActorFigures {
  cases: number;
  open: number;
  signed: number;
  ended: number;
  successful: number;
  success_rate: number | null;
  turnover_fen: number;
}

const FIGURES = `count(*)::int as cases,
  count(*) filter (where c.stage not in ('closed', 'failed'))::int as open,
  count(*) filter (where c.contract_date is not null)::int as signed,
  count(*) filter (where c.stage in ('closed', 'failed'))::int as ended,
  count(*) filter (where c.stage in ('closed', 'failed') and c.contract_date is not null)::int as successful,
  coalesce(sum(round(c.contract_amount * 1000000)) filter (where c.contract_date is not null), 0)::int8::text as turnover_fen`;

const figures = (r: Record<string, unknown>): ActorFigures => {
  const ended = Number(r.ended);
  const successful = Number(r.successful);
  return {
    cases: Number(r.cases), open: Number(r.open), signed: Number(r.signed), ended, successful,
    success_rate: ended ? Math.round((successful / ended) * 1000) / 1000 : null, turnover_fen: Number(r.turnover_fen),
  };
};

/** Figures per broker and per agency over the cases of the zones the viewer brokers (optionally one zone subtree). */
export async function brokerFigures(db: Queryable, actor: Actor | null, zoneId?: number) {
  const v = await viewerOf(db, requireActor(actor));
  if (!v.allZones && v.brokerZones.size === 0) throw deny('transfer.brokers.forBrokers');
  let zones: number[] | null = v.allZones ? null : [...v.brokerZones];
  if (zoneId !== undefined) {
    const sub = (await db.query<{ id: number }>(
      `with recursive sub(id) as (select $1::int8 union all select z.id from zones z join sub on z.parent_id = sub.id) select id from sub`, [zoneId])).map((r) => Number(r.id));
    zones = zones === null ? sub : sub.filter((z) => zones!.includes(z));
  }
  const where = 'where ($1::int8[] is null or c.zone_id = any($1::int8[]))';
  const [byBroker, byAgency] = await Promise.all([
    db.query(`select c.broker_user_id as user_id, u.username, u.display_name, ${FIGURES} from transfer_cases c
      join users u on u.id = c.broker_user_id ${where} group by c.broker_user_id, u.username, u.display_name order by u.username`, [zones]),
    db.query(`select c.agency_id as organization_id, o.name_zh, o.name_en, ${FIGURES} from transfer_cases c
      join organizations o on o.id = c.agency_id ${where} group by c.agency_id, o.name_zh, o.name_en order by o.name_zh`, [zones]),
  ]);
  return {
    brokers: byBroker.map((r) => ({ user_id: Number(r.user_id), username: String(r.username), display_name: String(r.display_name), ...figures(r) })),
    agencies: byAgency.map((r) => ({ organization_id: Number(r.organization_id), name_zh: String(r.name_zh), name_en: (r.name_en as string | null) ?? null, ...figures(r) })),
  };
}

/** Sets who runs a case (brokers of its zone): the broker must broker that zone, the agency must be a service agency. */
export async function assignCase(db: Db, actor: Actor | null, id: number, input: { broker_user_id?: number; agency_id?: number | null }) {
  const row = await caseRow(db, id);
  if (!row) throw caseNotFound(id);
  const a = requireActor(actor);
  if (a.role === 'org_user') throw caseNotFound(id);
  await assertBroker(db, a, Number(row.zone_id));
  if (input.broker_user_id !== undefined) {
    const u = (await db.query<{ id: number; username: string; role: Actor['role']; zone_id: number | null; organization_id: number | null; active: boolean }>(
      'select id, username, role, zone_id, organization_id, active from users where id = $1', [input.broker_user_id]))[0];
    const asActor = u && { userId: Number(u.id), username: u.username, role: u.role, zoneId: u.zone_id == null ? null : Number(u.zone_id), organizationId: u.organization_id == null ? null : Number(u.organization_id) };
    if (!u || !u.active || !(await isBrokerFor(db, asActor as Actor, Number(row.zone_id)))) throw rejectField('broker_user_id', 'transfer.brokers.notBroker', { id: input.broker_user_id });
  }
  if (input.agency_id != null) {
    const org = await db.query(`select 1 from organizations where id = $1 and kind = 'service_agency' and retired_at is null`, [input.agency_id]);
    if (!org.length) throw rejectField('agency_id', 'transfer.brokers.notAgency', { id: input.agency_id });
  }
  const sets: string[] = [];
  const values: unknown[] = [id];
  if (input.broker_user_id !== undefined) sets.push(`broker_user_id = $${values.push(input.broker_user_id)}`);
  if (input.agency_id !== undefined) sets.push(`agency_id = $${values.push(input.agency_id)}`);
  if (sets.length) await db.query(`update transfer_cases set ${sets.join(', ')}, version = version + 1, updated_at = now() where id = $1`, values);
}
