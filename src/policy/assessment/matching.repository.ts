import type { Queryable } from '../../shared/db';

/** SQL of policy matching: the incentive programmes open to an enterprise, applications already made, contact rows. */
export interface OpenProgrammeRow {
  id: number;
  code: string;
  zone_id: number;
  name_zh: string;
  name_en: string;
  rules: unknown;
  amount_rule: unknown;
  opens_on: string;
  closes_on: string;
}

/** Programmes open on the date whose zone is the enterprise's zone or a zone above it. */
export async function programmesOpenTo(db: Queryable, zoneId: number, date: string): Promise<OpenProgrammeRow[]> {
  return db.query<OpenProgrammeRow>(`with recursive up(id) as (select $1::int8 union select z.parent_id from zones z join up on z.id = up.id where z.parent_id is not null)
    select p.id, p.code, p.zone_id, p.name_zh, p.name_en, p.rules, p.amount_rule, p.opens_on::text as opens_on, p.closes_on::text as closes_on
      from policy_programmes p where p.zone_id in (select id from up) and $2::date between p.opens_on and p.closes_on order by p.closes_on, p.id`, [zoneId, date]);
}

export async function applicationsOf(db: Queryable, organizationId: number): Promise<Map<number, string>> {
  const rows = await db.query<{ programme_id: number; status: string }>('select programme_id, status from policy_applications where organization_id = $1', [organizationId]);
  return new Map(rows.map((r) => [Number(r.programme_id), r.status]));
}

export interface ContactRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  credit_code: string | null;
  zone_id: number;
  zone_name_zh: string;
  address: string | null;
  website: string | null;
  generated: boolean;
}

export async function contactRows(db: Queryable, ids: readonly number[]): Promise<ContactRow[]> {
  return db.query<ContactRow>(`select o.id, o.code, o.name_zh, o.name_en, o.credit_code, o.zone_id, z.name_zh as zone_name_zh, o.address, o.website, o.generated
    from organizations o join zones z on z.id = o.zone_id where o.id = any($1::int8[]) order by o.id`, [[...ids]]);
}
