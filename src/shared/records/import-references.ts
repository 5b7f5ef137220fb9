import type { Queryable } from '../db';
import type { EntityDef } from './field-def';
import type { Visibility } from './record-repository';

/**
 * What a file may write in a reference column: the record's code, its name in either language (兰州新区, Lanzhou New
 * Area), an organisation's unified social credit code, or its numeric id. Codes win over names, names over ids; a name
 * that several records share is reported as ambiguous rather than guessed.
 *
 * Only records the importing user may read are found (`visibility`: published and current ones, their zones', their
 * organisation's): a reference to any other record is reported exactly as one to a record that does not exist, and a
 * name counts only the visible records that bear it, so an import cannot be used to learn what exists elsewhere.
 */
export type RefHit = { id: number; zone_id: number } | { ambiguous: number };

export async function resolveReferences(db: Queryable, def: EntityDef, values: readonly string[], visibility: Visibility = { all: true }): Promise<Map<string, RefHit>> {
  const wanted = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const out = new Map<string, RefHit>();
  if (!wanted.length) return out;
  const zone = def.zoneOwnership === 'self' ? 'id' : 'zone_id';
  const seen = visibleFilter(def, visibility);
  const [zh, en] = def.labelColumns ?? ['name_zh', 'name_en'];
  const hasCredit = def.fields.some((f) => f.name === 'credit_code');
  const byCode = await db.query<{ id: number; zone_id: number; code: string }>(
    `select id, ${zone} as zone_id, code from ${def.table} where code = any($1::text[]) and ${seen}`, [wanted]);
  for (const r of byCode) out.set(r.code, { id: Number(r.id), zone_id: Number(r.zone_id) });
  let rest = wanted.filter((v) => !out.has(v));
  if (rest.length && hasCredit) {
    const upper = rest.map((v) => v.toUpperCase());
    const rows = await db.query<{ id: number; zone_id: number; credit_code: string }>(
      `select id, ${zone} as zone_id, credit_code from ${def.table} where credit_code = any($1::text[]) and retired_at is null and ${seen}`, [upper]);
    const byCredit = new Map(rows.map((r) => [r.credit_code, { id: Number(r.id), zone_id: Number(r.zone_id) }]));
    for (const v of rest) { const hit = byCredit.get(v.toUpperCase()); if (hit) out.set(v, hit); }
    rest = rest.filter((v) => !out.has(v));
  }
  if (rest.length) {
    const lowered = rest.map((v) => v.toLowerCase());
    const rows = await db.query<{ id: number; zone_id: number; zh: string | null; en: string | null }>(
      `select id, ${zone} as zone_id, ${zh} as zh, ${en} as en from ${def.table}
        where retired_at is null and (${zh} = any($1::text[]) or lower(${en}) = any($2::text[])) and ${seen} limit 10000`, [rest, lowered]);
    for (const v of rest) {
      const matches = rows.filter((r) => r.zh === v || (r.en !== null && r.en.toLowerCase() === v.toLowerCase()));
      const ids = new Set(matches.map((r) => Number(r.id)));
      if (ids.size === 1) out.set(v, { id: Number(matches[0]!.id), zone_id: Number(matches[0]!.zone_id) });
      else if (ids.size > 1) out.set(v, { ambiguous: ids.size });
    }
    rest = rest.filter((v) => !out.has(v));
  }
  const numeric = rest.filter((v) => /^\d{1,15}$/.test(v));
  if (numeric.length) {
    const rows = await db.query<{ id: number; zone_id: number }>(`select id, ${zone} as zone_id from ${def.table} where id = any($1::int8[]) and ${seen}`, [numeric.map(Number)]);
    for (const r of rows) out.set(String(r.id), { id: Number(r.id), zone_id: Number(r.zone_id) });
  }
  return out;
}

/**
 * SQL that keeps the records a caller with this visibility may read (the rule of canRead in record-service.ts). Only
 * numbers from the caller's own scope are written into it.
 */
function visibleFilter(def: EntityDef, v: Visibility): string {
  if (v.all) return 'true';
  const alts = ['(published and retired_at is null)'];
  const zone = def.zoneOwnership === 'self' ? 'id' : 'zone_id';
  const zones = (v.zoneIds ?? []).map(Number).filter(Number.isSafeInteger);
  if (zones.length) alts.push(`${zone} in (${zones.join(',')})`);
  const org = def.name === 'organizations' ? 'id' : def.fields.some((f) => f.name === 'organization_id') ? 'organization_id' : null;
  if (org && v.organizationId !== undefined && Number.isSafeInteger(Number(v.organizationId))) alts.push(`${org} = ${Number(v.organizationId)}`);
  return `(${alts.join(' or ')})`;
}
