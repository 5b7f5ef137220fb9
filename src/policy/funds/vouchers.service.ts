/**
 * Innovation vouchers (创新券). A zone defines a scheme (face value, budget, issuing window, validity in days,
 * eligible service categories) and registers service providers (organisations of the registry) for some of those
 * categories. Vouchers are issued to enterprises of the zone (within the budget), redeemed once at a registered
 * provider for an eligible category, or expire. A voucher is valid from its issue date up to and including
 * `expires_on`; its state is derived (redeemed / expired / valid), so expiry needs no sweeping job.
 * Issuing locks the scheme row (budget), redeeming locks the voucher row (one redemption).
 */
import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { notFound } from '../../shared/http/errors';
import { assertManager, audit, badField, conflictOn, managedZones, managesZone, orgInZone, orgOrFail, requireActor, today } from './funds-common';

export const SERVICE_CATEGORIES = [
  { value: 'testing', zh: '检验检测', en: 'Testing and inspection' },
  { value: 'rd_design', zh: '研发设计', en: 'R&D and design' },
  { value: 'pilot', zh: '中试熟化', en: 'Pilot production' },
  { value: 'ip', zh: '知识产权服务', en: 'Intellectual property services' },
  { value: 'tech_transfer', zh: '技术转移服务', en: 'Technology transfer services' },
  { value: 'consulting', zh: '科技咨询', en: 'S&T consulting' },
  { value: 'certification', zh: '认证认可', en: 'Certification' },
  { value: 'computing', zh: '数据与算力', en: 'Data and computing' },
] as const;
const CATEGORY_VALUES: string[] = SERVICE_CATEGORIES.map((c) => c.value);

export interface SchemeInput {
  code?: string | null;
  zone_id: number;
  name_zh: string;
  name_en?: string | null;
  face_value_fen: number;
  budget_fen: number;
  validity_days: number;
  issue_from: string;
  issue_to: string;
  categories: string[];
}

export interface RedeemInput { provider_org_id: number; category: string; service_amount_fen: number; note?: string | null }

const STATE_SQL = `case when v.redeemed_at is not null then 'redeemed' when v.expires_on < current_date then 'expired' else 'valid' end`;
const newCode = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

function checkCategories(field: string, cats: string[], allowed: string[], key: 'policy.funds.unknownCategory' | 'policy.funds.categoryNotInScheme') {
  const dup = cats.findIndex((c, i) => cats.indexOf(c) !== i);
  if (dup >= 0) throw badField(`${field}.${dup}`, 'policy.funds.duplicateIds');
  cats.forEach((c, i) => {
    if (!allowed.includes(c)) throw badField(`${field}.${i}`, key, { value: c, options: allowed.join(', ') });
  });
}

function schemeOut(r: Row) {
  return {
    id: Number(r.id), code: String(r.code), zone_id: Number(r.zone_id), name_zh: String(r.name_zh), name_en: (r.name_en as string | null) ?? null,
    face_value_fen: Number(r.face_value_fen), budget_fen: Number(r.budget_fen), issued_fen: Number(r.issued_fen), validity_days: Number(r.validity_days),
    issue_from: String(r.issue_from), issue_to: String(r.issue_to), categories: r.categories as string[],
  };
}

async function schemeRow(db: Queryable, id: number, lock = false) {
  const row = (await db.query(`select * from voucher_schemes where id = $1${lock ? ' for update' : ''}`, [id]))[0];
  if (!row) throw notFound('voucher scheme', id);
  return schemeOut(row);
}

export async function createScheme(db: Db, actor: Actor | null, input: SchemeInput) {
  const a = await assertManager(db, actor, input.zone_id);
  if (input.issue_to < input.issue_from) throw badField('issue_to', 'policy.funds.dateOrder', { other: 'issue_from' });
  checkCategories('categories', input.categories, CATEGORY_VALUES, 'policy.funds.unknownCategory');
  if (input.face_value_fen > input.budget_fen) throw badField('budget_fen', 'field.min', { min: input.face_value_fen });
  return db.transaction(async (tx) => {
    const row = schemeOut((await tx.query(
      `insert into voucher_schemes (code, zone_id, name_zh, name_en, face_value_fen, budget_fen, validity_days, issue_from, issue_to, categories, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
      [input.code?.trim() || newCode('VS'), input.zone_id, input.name_zh.trim(), input.name_en ?? null, input.face_value_fen, input.budget_fen, input.validity_days,
        input.issue_from, input.issue_to, input.categories, a.userId]))[0]!);
    await audit(tx, a, 'voucher_schemes', row.id, row.zone_id, 'create', null, row);
    return row;
  });
}

export async function registerProvider(db: Db, actor: Actor | null, schemeId: number, input: { organization_id: number; categories: string[] }) {
  const scheme = await schemeRow(db, schemeId);
  const a = await assertManager(db, actor, scheme.zone_id);
  // Providers may sit outside the zone (a university's testing centre serves many zones): only existence is checked.
  await orgOrFail(db, input.organization_id, 'organization_id');
  checkCategories('categories', input.categories, scheme.categories, 'policy.funds.categoryNotInScheme');
  await db.transaction(async (tx) => {
    const before = (await tx.query('select categories from voucher_providers where scheme_id = $1 and organization_id = $2', [schemeId, input.organization_id]))[0] ?? null;
    await tx.query(`insert into voucher_providers (scheme_id, zone_id, organization_id, categories, registered_by) values ($1, $5, $2, $3, $4)
      on conflict (zone_id, scheme_id, organization_id) do update set categories = excluded.categories, registered_by = excluded.registered_by, registered_at = now()`,
    [schemeId, input.organization_id, input.categories, a.userId, scheme.zone_id]);
    await audit(tx, a, 'voucher_schemes', schemeId, scheme.zone_id, 'register_provider', before, { organization_id: input.organization_id, categories: input.categories });
  });
  return getScheme(db, actor, schemeId);
}

/** Issues one voucher to each organisation, all or none, within the scheme's budget and issuing window. */
export async function issueVouchers(db: Db, actor: Actor | null, schemeId: number, input: { organization_ids: number[]; issued_on?: string | null }) {
  const scheme = await schemeRow(db, schemeId);
  const a = await assertManager(db, actor, scheme.zone_id);
  const now = await today(db);
  const issuedOn = input.issued_on ?? now;
  if (issuedOn > now) throw badField('issued_on', 'policy.funds.dateFuture');
  if (issuedOn < scheme.issue_from || issuedOn > scheme.issue_to) throw badField('issued_on', 'policy.funds.outsidePeriod', { from: scheme.issue_from, to: scheme.issue_to });
  if (new Set(input.organization_ids).size !== input.organization_ids.length) throw badField('organization_ids', 'policy.funds.duplicateIds');
  for (const [i, id] of input.organization_ids.entries()) await orgInZone(db, id, scheme.zone_id, `organization_ids.${i}`);
  return db.transaction(async (tx) => {
    const s = await schemeRow(tx, schemeId, true);
    const total = s.face_value_fen * input.organization_ids.length;
    if (s.issued_fen + total > s.budget_fen) {
      throw conflictOn('organization_ids', 'policy.funds.budgetExceeded', { count: input.organization_ids.length, face: s.face_value_fen, left: s.budget_fen - s.issued_fen });
    }
    await tx.query('update voucher_schemes set issued_fen = issued_fen + $2, version = version + 1 where id = $1', [schemeId, total]);
    const issued = [];
    for (const orgId of input.organization_ids) {
      const v = (await tx.query(
        `insert into vouchers (code, scheme_id, zone_id, organization_id, face_value_fen, issued_on, expires_on, issued_by)
         values ($1, $2, $3, $4, $5, $6::date, $6::date + $7::int - 1, $8) returning *`,
        [newCode('CV'), schemeId, s.zone_id, orgId, s.face_value_fen, issuedOn, s.validity_days, a.userId]))[0]!;
      const out = voucherOut(v);
      await audit(tx, a, 'vouchers', out.id, s.zone_id, 'issue', null, out);
      issued.push(out);
    }
    return { items: issued, issued_fen: s.issued_fen + total, budget_left_fen: s.budget_fen - s.issued_fen - total };
  });
}

function voucherOut(r: Row) {
  return {
    id: Number(r.id), code: String(r.code), scheme_id: Number(r.scheme_id), zone_id: Number(r.zone_id), organization_id: Number(r.organization_id),
    face_value_fen: Number(r.face_value_fen), issued_on: String(r.issued_on), expires_on: String(r.expires_on),
    redeemed_at: (r.redeemed_at as string | null) ?? null, provider_org_id: r.provider_org_id == null ? null : Number(r.provider_org_id),
    category: (r.category as string | null) ?? null, service_amount_fen: r.service_amount_fen == null ? null : Number(r.service_amount_fen),
    paid_fen: r.paid_fen == null ? null : Number(r.paid_fen),
  };
}

/** Redeems a voucher once, before it expires, at a provider registered for the category (see the file comment). */
export async function redeemVoucher(db: Db, actor: Actor | null, voucherId: number, input: RedeemInput) {
  const a = requireActor(actor);
  const v0 = (await db.query('select * from vouchers where id = $1', [voucherId]))[0];
  if (!v0) throw notFound('voucher', voucherId);
  const manager = await managesZone(db, a, Number(v0.zone_id));
  const party = a.role === 'org_user' && (a.organizationId === Number(v0.organization_id) || a.organizationId === input.provider_org_id);
  if (!manager && !party) {
    if (a.role === 'org_user' && a.organizationId !== Number(v0.organization_id)) throw notFound('voucher', voucherId);
    await assertManager(db, a, Number(v0.zone_id));
  }
  const scheme = await schemeRow(db, Number(v0.scheme_id));
  if (!scheme.categories.includes(input.category)) throw badField('category', 'policy.funds.categoryNotInScheme', { value: input.category, options: scheme.categories.join(', ') });
  const provider = (await db.query<{ categories: string[] }>('select categories from voucher_providers where scheme_id = $1 and organization_id = $2', [scheme.id, input.provider_org_id]))[0];
  if (!provider) throw badField('provider_org_id', 'policy.funds.providerNotRegistered', { id: input.provider_org_id });
  if (!provider.categories.includes(input.category)) throw badField('category', 'policy.funds.providerCategory', { id: input.provider_org_id, value: input.category });
  return db.transaction(async (tx) => {
    const v = (await tx.query(`select *, current_date::text as today from vouchers where id = $1 for update`, [voucherId]))[0]!;
    if (v.redeemed_at) throw conflictOn('voucher', 'policy.funds.voucherRedeemed', { code: String(v.code), at: String(v.redeemed_at).slice(0, 10) });
    if (String(v.today) > String(v.expires_on)) throw conflictOn('voucher', 'policy.funds.voucherExpired', { code: String(v.code), date: String(v.expires_on) });
    if (String(v.today) < String(v.issued_on)) throw conflictOn('voucher', 'policy.funds.voucherNotYet', { code: String(v.code), date: String(v.issued_on) });
    const paid = Math.min(Number(v.face_value_fen), input.service_amount_fen);
    const after = voucherOut((await tx.query(
      `update vouchers set redeemed_at = now(), redeemed_by = $2, provider_org_id = $3, category = $4, service_amount_fen = $5, paid_fen = $6, service_note = $7
       where id = $1 returning *`, [voucherId, a.userId, input.provider_org_id, input.category, input.service_amount_fen, paid, input.note ?? null]))[0]!);
    await audit(tx, a, 'vouchers', voucherId, Number(v.zone_id), 'redeem', voucherOut(v), after);
    return { ...after, state: 'redeemed' as const };
  });
}

/** Schemes the actor manages, or (organisations) those they hold vouchers of or provide services for; with balances. */
export async function listSchemes(db: Queryable, actor: Actor | null) {
  const a = requireActor(actor);
  const zones = await managedZones(db, a);
  const org = a.role === 'org_user' ? a.organizationId ?? -1 : null;
  const rows = await db.query(
    `select s.* from voucher_schemes s
     where case when $3::int8 is null then ($1::boolean or s.zone_id = any($2::int8[]))
                else exists (select 1 from vouchers v where v.scheme_id = s.id and v.organization_id = $3)
                  or exists (select 1 from voucher_providers p where p.scheme_id = s.id and p.organization_id = $3) end
     order by s.id desc limit 500`, [zones === null, zones ?? [], org]);
  const items = [];
  for (const r of rows) items.push({ ...schemeOut(r), stats: await schemeStats(db, Number(r.id), org) });
  return { items };
}

async function schemeStats(db: Queryable, schemeId: number, org: number | null) {
  const rows = await db.query<{ state: string; n: number; face: number; paid: number }>(
    `select ${STATE_SQL} as state, count(*)::int as n, coalesce(sum(v.face_value_fen), 0)::int8 as face, coalesce(sum(v.paid_fen), 0)::int8 as paid
     from vouchers v where v.scheme_id = $1 and ($2::int8 is null or v.organization_id = $2) group by 1`, [schemeId, org]);
  const of = (s: string) => rows.find((r) => r.state === s);
  return {
    valid: Number(of('valid')?.n ?? 0), valid_fen: Number(of('valid')?.face ?? 0),
    redeemed: Number(of('redeemed')?.n ?? 0), paid_fen: Number(of('redeemed')?.paid ?? 0),
    expired: Number(of('expired')?.n ?? 0), expired_fen: Number(of('expired')?.face ?? 0),
  };
}

export async function getScheme(db: Queryable, actor: Actor | null, schemeId: number) {
  const a = requireActor(actor);
  const scheme = await schemeRow(db, schemeId);
  const manager = await managesZone(db, a, scheme.zone_id);
  if (!manager) {
    const org = a.role === 'org_user' ? a.organizationId : null;
    const involved = org !== null && (await db.query(`select 1 from vouchers where scheme_id = $1 and organization_id = $2
      union all select 1 from voucher_providers where scheme_id = $1 and organization_id = $2 limit 1`, [schemeId, org])).length > 0;
    if (!involved) throw notFound('voucher scheme', schemeId);
  }
  const providers = await db.query(`select p.organization_id, p.categories, o.name_zh, o.name_en from voucher_providers p join organizations o on o.id = p.organization_id
    where p.scheme_id = $1 order by o.id`, [schemeId]);
  return {
    ...scheme, manager, budget_left_fen: scheme.budget_fen - scheme.issued_fen,
    stats: await schemeStats(db, schemeId, manager ? null : a.organizationId),
    providers: providers.map((p) => ({ organization_id: Number(p.organization_id), categories: p.categories as string[], name_zh: String(p.name_zh), name_en: (p.name_en as string | null) ?? null })),
  };
}

/** Vouchers with their state: managers see their zones', an organisation its own and those redeemed at it. */
export async function listVouchers(db: Queryable, actor: Actor | null, filter: { scheme?: number; state?: string; organization?: number }) {
  const a = requireActor(actor);
  const zones = await managedZones(db, a);
  const org = a.role === 'org_user' ? a.organizationId ?? -1 : null;
  const rows = await db.query(
    `select v.*, ${STATE_SQL} as state, s.name_zh as scheme_name_zh, s.name_en as scheme_name_en,
            o.name_zh as org_name_zh, o.name_en as org_name_en, p.name_zh as provider_name_zh, p.name_en as provider_name_en
     from vouchers v join voucher_schemes s on s.id = v.scheme_id join organizations o on o.id = v.organization_id
     left join organizations p on p.id = v.provider_org_id
     where case when $3::int8 is null then ($1::boolean or v.zone_id = any($2::int8[])) else (v.organization_id = $3 or v.provider_org_id = $3) end
       and ($4::int8 is null or v.scheme_id = $4) and ($5::int8 is null or v.organization_id = $5)
       and ($6::text is null or ${STATE_SQL} = $6)
     order by v.id desc limit 1000`,
    [zones === null, zones ?? [], org, filter.scheme ?? null, filter.organization ?? null, filter.state ?? null]);
  const items = rows.map((r) => ({
    ...voucherOut(r), state: String(r.state) as 'valid' | 'redeemed' | 'expired', scheme_name_zh: String(r.scheme_name_zh), scheme_name_en: (r.scheme_name_en as string | null) ?? null,
    org_name_zh: String(r.org_name_zh), org_name_en: (r.org_name_en as string | null) ?? null,
    provider_name_zh: (r.provider_name_zh as string | null) ?? null, provider_name_en: (r.provider_name_en as string | null) ?? null,
  }));
  const sum = (state: string, k: 'face_value_fen' | 'paid_fen') => items.filter((i) => i.state === state).reduce((s, i) => s + (i[k] ?? 0), 0);
  return {
    items,
    balance: { valid_fen: sum('valid', 'face_value_fen'), paid_fen: sum('redeemed', 'paid_fen'), expired_fen: sum('expired', 'face_value_fen') },
    today: await today(db),
  };
}
