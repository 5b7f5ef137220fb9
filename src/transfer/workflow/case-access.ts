import type { Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { TransferError } from './common';
import { brokers, viewerOf } from './disclosure';

/** A case with its parties and titles, and who may read it: its two parties and the brokers of its zone. */
export async function caseRow(db: Queryable, id: number, forUpdate = false): Promise<Row | undefined> {
  return (await db.query(
    `select c.*, d.organization_id as demand_org_id, o.organization_id as offer_org_id, d.title as demand_title, o.title as offer_title,
            bu.username as broker_username, bu.display_name as broker_name, ag.name_zh as agency_name_zh, ag.name_en as agency_name_en
     from transfer_cases c join tech_demands d on d.id = c.demand_id join tech_offers o on o.id = c.offer_id
     left join users bu on bu.id = c.broker_user_id left join organizations ag on ag.id = c.agency_id
     where c.id = $1${forUpdate ? ' for update of c' : ''}`, [id]))[0];
}

export const caseNotFound = (id: number) => new TransferError('NOT_FOUND', 'cases', 'transfer.caseNotFound', { id });

export async function mayReadCase(db: Queryable, actor: Actor, row: Row): Promise<boolean> {
  if (actor.role === 'org_user') return actor.organizationId === Number(row.demand_org_id) || actor.organizationId === Number(row.offer_org_id);
  return brokers(await viewerOf(db, actor), row.zone_id);
}
