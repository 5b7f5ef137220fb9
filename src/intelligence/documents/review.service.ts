import type { Db, Queryable, Row } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError } from '../../shared/http/errors';
import { analyze } from '../../shared/text';
import { assertMayReview, forbiddenDocuments, requireActor } from './documents.access';
import { fieldError } from './documents.service';
import { upsertEnteredValue } from '../../evaluation/indicators/evaluation.repository';

/**
 * Fact units an entered indicator's unit takes, with the divisor from the fact's value to the indicator's
 * (money in CNY becomes 10k yuan). Other pairs are not converted: the fact stays a zone fact only.
 */
const INDICATOR_UNIT_OF_FACT: Record<string, { unit: string; divisor: number }[]> = {
  count: [{ unit: 'count', divisor: 1 }],
  percent: [{ unit: 'percent', divisor: 1 }],
  CNY: [{ unit: 'yuan_10k', divisor: 10_000 }],
  count_per_10k_persons: [{ unit: 'per_10k', divisor: 1 }],
};

/**
 * Review of extracted facts: correct (value, unit, period, subject, metric), confirm, reject, merge duplicates.
 * A confirmed fact becomes a zone fact (zone_facts) whose source names the document and whose quote is the fact's
 * exact words; the link back (intel_facts.zone_fact_id) leads from the dashboard to the sentence in the reader.
 * Every change is one transaction with an optimistic version check and an audit event.
 */
export const UNITS = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'TWD', 'JPY', 'count', 'percent', 'pp', 'rank', 'ranks', 'times', 'years', 'm2', 'mu', 'MW', 'CNY_per_km2', 'count_per_10k_persons'] as const;
const PERIOD = /^(\d{4}|\d{4}-(\d{4})?|\d{4}\/\d{2})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export interface FactCorrection {
  version: number;
  value?: string | number;
  unit?: string;
  period?: string | null;
  subject?: string;
  subject_zone_id?: number | null;
  metric?: string;
}

async function lockFact(tx: Queryable, actor: Actor | null, id: number, version: number): Promise<{ fact: Row; actor: Actor }> {
  const rows = await tx.query(`select f.*, f.value::text as value, d.file_name from intel_facts f join intel_documents d on d.id = f.document_id where f.id = $1 for update of f`, [id]);
  const fact = rows[0];
  if (!fact) throw new AppError('NOT_FOUND', 'intelligence.facts.notFound', { id });
  const a = await assertMayReview(tx, actor, Number(fact.zone_id));
  if (Number(fact.version) !== version) throw new AppError('CONFLICT', 'problem.conflict', { current: Number(fact.version), sent: version });
  if (fact.status !== 'proposed') throw new AppError('CONFLICT', 'intelligence.facts.notOpen', { id, status: String(fact.status) });
  return { fact, actor: a };
}

async function audit(tx: Queryable, actor: Actor, fact: Row, action: string, after: Row) {
  await tx.query('insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor.userId, 'intel-facts', fact.id, fact.zone_id, action, JSON.stringify(pick(fact)), JSON.stringify(after)]);
}

const pick = (f: Row) => ({ subject: f.subject, subject_zone_id: f.subject_zone_id, metric: f.metric, value: f.value, unit: f.unit, period: f.period, status: f.status });

export async function correctFact(db: Db, actor: Actor | null, id: number, c: FactCorrection) {
  if (c.value !== undefined && !DECIMAL.test(String(c.value).trim())) throw fieldError('value', 'intelligence.facts.value');
  if (c.unit !== undefined && !(UNITS as readonly string[]).includes(c.unit)) throw fieldError('unit', 'intelligence.facts.unit', { options: UNITS.join(', ') });
  if (c.period !== undefined && c.period !== null && !PERIOD.test(c.period)) throw fieldError('period', 'intelligence.facts.period');
  if (c.metric !== undefined && !c.metric.trim()) throw fieldError('metric', 'field.required');
  if (c.subject !== undefined && !c.subject.trim()) throw fieldError('subject', 'field.required');
  return db.transaction(async (tx) => {
    const { fact, actor: a } = await lockFact(tx, actor, id, c.version);
    if (c.subject_zone_id !== undefined && c.subject_zone_id !== null) {
      const z = await tx.query('select 1 from zones where id = $1 and retired_at is null', [c.subject_zone_id]);
      if (!z.length) throw fieldError('subject_zone_id', 'field.unknownRef', { entity: 'zone', value: String(c.subject_zone_id) });
    }
    const next = {
      subject: c.subject?.trim() ?? fact.subject, subject_zone_id: c.subject_zone_id === undefined ? fact.subject_zone_id : c.subject_zone_id,
      metric: c.metric?.trim() ?? fact.metric, value: c.value === undefined ? fact.value : String(c.value).trim(), unit: c.unit ?? fact.unit,
      period: c.period === undefined ? fact.period : c.period,
    };
    const rows = await tx.query(`update intel_facts set subject = $2, subject_zone_id = $3, metric = $4, value = $5::numeric, unit = $6, period = $7,
        reviewed_by = $8, reviewed_at = now(), version = version + 1 where id = $1 returning id, version, value::text as value`,
      [id, next.subject, next.subject_zone_id, next.metric, next.value, next.unit, next.period, a.userId]);
    await audit(tx, a, fact, 'correct', { ...next, status: fact.status });
    return rows[0]!;
  });
}

export async function rejectFact(db: Db, actor: Actor | null, id: number, version: number) {
  return db.transaction(async (tx) => {
    const { fact, actor: a } = await lockFact(tx, actor, id, version);
    const rows = await tx.query(`update intel_facts set status = 'rejected', reviewed_by = $2, reviewed_at = now(), version = version + 1 where id = $1 returning id, status, version`, [id, a.userId]);
    await audit(tx, a, fact, 'reject', { ...pick(fact), status: 'rejected' });
    return rows[0]!;
  });
}

/** Marks a fact a duplicate of another (same zone's documents); the other one is the one that is reviewed. */
export async function mergeFact(db: Db, actor: Actor | null, id: number, version: number, into: number) {
  if (into === id) throw fieldError('into', 'intelligence.facts.mergeSelf');
  return db.transaction(async (tx) => {
    const { fact, actor: a } = await lockFact(tx, actor, id, version);
    const target = (await tx.query("select id, zone_id, status from intel_facts where id = $1 and status in ('proposed', 'confirmed')", [into]))[0];
    if (!target || Number(target.zone_id) !== Number(fact.zone_id)) throw fieldError('into', 'intelligence.facts.mergeTarget', { id: into });
    const rows = await tx.query(`update intel_facts set status = 'merged', merged_into = $2, reviewed_by = $3, reviewed_at = now(), version = version + 1
      where id = $1 returning id, status, merged_into, version`, [id, into, a.userId]);
    await audit(tx, a, fact, 'merge', { ...pick(fact), status: 'merged', merged_into: into });
    return { ...rows[0]!, merged_into: Number(rows[0]!.merged_into) };
  });
}

/**
 * Confirms a fact: it becomes a zone fact of the zone it is about, with the document as source and the fact's
 * words as quote. When another source's confirmed fact says something else for the same subject, metric and
 * period, the reviewer picks: without `supersede` this is a 409 naming it; with it, the other is superseded and its
 * zone fact retired.
 */
export async function confirmFact(db: Db, actor: Actor | null, id: number, version: number, supersede = false) {
  return db.transaction(async (tx) => {
    const { fact, actor: a } = await lockFact(tx, actor, id, version);
    if (fact.subject_zone_id === null) throw fieldError('subject_zone_id', 'intelligence.facts.subjectZone');
    const subjectZone = Number(fact.subject_zone_id);
    if (a.role !== 'admin' && !(await zoneSubtree(tx, a.zoneId!)).includes(subjectZone)) throw new AppError('FORBIDDEN', 'intelligence.facts.otherZone');
    if (fact.value === null || !fact.unit) throw fieldError('value', 'intelligence.facts.valueRequired');
    if (!fact.period) throw fieldError('period', 'intelligence.facts.periodRequired');

    const others = await tx.query(`select id, value::text as value, unit, zone_fact_id from intel_facts
      where subject_zone_id = $1 and metric = $2 and period = $3 and status = 'confirmed' and id <> $4 for update`, [subjectZone, fact.metric, fact.period, id]);
    const disagreeing = others.filter((o) => Number(o.value) !== Number(fact.value) || o.unit !== fact.unit);
    if (disagreeing.length && !supersede) {
      const o = disagreeing[0]!;
      throw new AppError('CONFLICT', 'intelligence.facts.conflict', { id: Number(o.id), value: String(o.value), unit: String(o.unit) }, [], { conflicts: disagreeing.map((d) => ({ ...d, id: Number(d.id) })) });
    }
    for (const o of disagreeing) {
      await tx.query(`update intel_facts set status = 'superseded', reviewed_by = $2, reviewed_at = now(), version = version + 1 where id = $1`, [o.id, a.userId]);
      if (o.zone_fact_id !== null) await tx.query('update zone_facts set retired_at = now(), version = version + 1, updated_at = now() where id = $1', [o.zone_fact_id]);
      await audit(tx, a, o, 'supersede', { superseded_by: id });
    }
    const source = `${String(fact.file_name).slice(0, 400)} (intelligence document ${fact.document_id})`;
    // Zone facts name their metric in words (as the demo's do): the indicator library's name where the code is one.
    const indicator = (await tx.query<{ name_zh: string; name_en: string | null }>('select name_zh, name_en from indicators where code = $1', [fact.metric]))[0];
    // One language per column (migrations/022): the Chinese name in metric, the English in metric_en.
    const metricName = indicator ? indicator.name_zh : String(fact.metric_label ?? fact.metric);
    const metricEn = indicator?.name_en ?? null;
    
    const search = `f-d${fact.document_id}-${id} ${analyze(`${metricName} ${metricEn ?? ''} ${fact.quote}`).join(' ')}`;
    const zf = await tx.query<{ id: number }>(`insert into zone_facts (code, zone_id, metric, metric_en, value, unit, period, source, quote, search)
      values ($1, $2, $3, $4, $5::numeric, $6, $7, $8, $9, to_tsvector('simple', $10)) returning id`,
      [`F-D${fact.document_id}-${id}`, subjectZone, metricName.slice(0, 300), metricEn?.slice(0, 300) ?? null, fact.value, fact.unit, fact.period, source, fact.quote, search]);
    const zoneFactId = Number(zf[0]!.id);
    const indicatorValue = await recordIndicatorValue(tx, a, fact, subjectZone, source, zoneFactId);
    const rows = await tx.query(`update intel_facts set status = 'confirmed', zone_fact_id = $2, reviewed_by = $3, reviewed_at = now(), version = version + 1
      where id = $1 returning id, status, zone_fact_id, version`, [id, zoneFactId, a.userId]);
    await audit(tx, a, fact, 'confirm', { ...pick(fact), status: 'confirmed', zone_fact_id: zoneFactId });
    await tx.query(`insert into audit_events (user_id, entity, entity_id, zone_id, action, after) values ($1, 'zone-facts', $2, $3, 'create', $4)`,
      [a.userId, zoneFactId, subjectZone, JSON.stringify({ metric: metricName, metric_en: metricEn, value: fact.value, unit: fact.unit, period: fact.period, source, quote: fact.quote })]);
    return { ...rows[0]!, zone_fact_id: zoneFactId, indicator_value: indicatorValue, superseded: disagreeing.map((d) => Number(d.id)) };
  });
}

/**
 * A confirmed fact whose metric is an entered indicator of the library (for a single year, in a unit that converts)
 * is also that indicator's value for the zone and year, with the document and quote as its provenance.
 */
async function recordIndicatorValue(tx: Queryable, a: Actor, fact: Row, zoneId: number, source: string, zoneFactId: number) {
  const ind = (await tx.query<{ id: number; code: string; unit: string }>("select id, code, unit from indicators where code = $1 and kind = 'entered'", [fact.metric]))[0];
  const conversion = INDICATOR_UNIT_OF_FACT[String(fact.unit)]?.find((c) => c.unit === ind?.unit);
  if (!ind || !conversion || !/^\d{4}$/.test(String(fact.period))) return null;
  const value = Number(fact.value) / conversion.divisor;
  const year = Number(fact.period);
  await upsertEnteredValue(tx, {
    indicatorId: Number(ind.id), zoneId, year, value, userId: a.userId, source, note: null,
    provenance: {
      origin: 'entered', user: a.userId, username: a.username, source, note: null, unit: ind.unit, confirmed: true, entered_at: new Date().toISOString(),
      extracted: { document_id: Number(fact.document_id), fact_id: Number(fact.id), zone_fact_id: zoneFactId, quote: fact.quote, value: fact.value, unit: fact.unit },
    },
  });
  return { indicator: ind.code, zone_id: zoneId, year, value };
}

/** Confirmed facts about a zone (and the zones below it), each with its quote and the sentence it came from. */
export async function confirmedFactsOfZone(db: Db, zoneId: number) {
  const subtree = await zoneSubtree(db, zoneId);
  const rows = await db.query(`select f.id, f.document_id, d.file_name, d.title, f.subject_zone_id as zone_id, zf.metric, zf.metric_en, f.value::text as value, f.unit, f.period,
      f.quote, f.start_offset, f.end_offset, f.zone_fact_id, f.reviewed_at
    from intel_facts f join intel_documents d on d.id = f.document_id join zone_facts zf on zf.id = f.zone_fact_id and zf.retired_at is null and zf.published
    where f.status = 'confirmed' and f.subject_zone_id = any($1::int8[]) order by f.period desc, f.id desc limit 100`, [subtree]);
  return { items: rows.map((r) => ({ ...r, id: Number(r.id), document_id: Number(r.document_id), zone_fact_id: Number(r.zone_fact_id), zone_id: Number(r.zone_id) })) };
}

export async function reviewProposal(db: Db, actor: Actor | null, id: number, status: 'accepted' | 'dismissed') {
  requireActor(actor);
  return db.transaction(async (tx) => {
    const p = (await tx.query('select * from intel_policy_proposals where id = $1 for update', [id]))[0];
    if (!p) throw new AppError('NOT_FOUND', 'intelligence.proposals.notFound', { id });
    const a = await assertMayReview(tx, actor, Number(p.zone_id));
    if (p.status !== 'proposed') throw new AppError('CONFLICT', 'intelligence.proposals.notOpen', { id, status: String(p.status) });
    const rows = await tx.query('update intel_policy_proposals set status = $2, reviewed_by = $3, reviewed_at = now() where id = $1 returning id, kind, name, status', [id, status, a.userId]);
    await tx.query(`insert into audit_events (user_id, entity, entity_id, zone_id, action, after) values ($1, 'intel-policy-proposals', $2, $3, $4, $5)`,
      [a.userId, id, p.zone_id, status, JSON.stringify({ kind: p.kind, name: p.name })]);
    return { ...rows[0]!, id: Number(rows[0]!.id) };
  });
}

/** Policy proposals the actor may review, newest documents first. */
export async function listProposals(db: Db, actor: Actor | null, q: { zone?: number; status?: string; limit: number; offset: number }) {
  const a = requireActor(actor);
  if (a.role === 'org_user') throw forbiddenDocuments();
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (a.role !== 'admin') where.push(`p.zone_id = any(${add(await zoneSubtree(db, a.zoneId!))}::int8[])`);
  if (q.zone !== undefined) where.push(`p.zone_id = any(${add(await zoneSubtree(db, q.zone))}::int8[])`);
  if (q.status) where.push(`p.status = ${add(q.status)}`);
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await db.query<{ n: number }>(`select count(*)::int8 as n from intel_policy_proposals p ${clause}`, params);
  const rows = await db.query(`select p.id, p.document_id, d.file_name, d.title, p.zone_id, p.kind, p.name, p.detail, p.quote, p.start_offset, p.end_offset, p.status
    from intel_policy_proposals p join intel_documents d on d.id = p.document_id ${clause} order by p.document_id desc, p.start_offset limit ${add(q.limit)} offset ${add(q.offset)}`, params);
  return { items: rows.map((r) => ({ ...r, id: Number(r.id), document_id: Number(r.document_id), zone_id: Number(r.zone_id) })), total: Number(count?.n ?? 0) };
}
