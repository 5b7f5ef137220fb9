import type { Queryable, Row } from '../db';
import type { EntityDef } from './field-def';

/**
 * Record codes, and an organisation's unified social credit code, are unique across all zones: imports and lookups
 * find a record by its code alone. Since migrations/030 the database holds them unique per zone only ((zone_id, code):
 * a table distributed by zone on Citus cannot have a unique key without zone_id), so the writers of records keep the
 * rest: each takes this table's advisory lock before writing and checks after writing that no value it wrote exists
 * twice. Writers of one table take turns until commit, so a concurrent duplicate is seen by the second one.
 * A duplicate is reported as PostgreSQL reports a unique violation (23505, naming the column), as before.
 */
export function globalKeyColumns(def: EntityDef): string[] {
  if (def.zoneOwnership === 'self') return []; // zones: a reference table keeps its plain unique code
  return ['code', ...(def.fields.some((f) => f.name === 'credit_code') ? ['credit_code'] : [])];
}

export async function lockGlobalKeys(tx: Queryable, def: EntityDef): Promise<void> {
  if (globalKeyColumns(def).length) await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`kechuang.global-keys.${def.table}`]);
}

export async function assertGloballyUnique(tx: Queryable, def: EntityDef, rows: readonly Row[]): Promise<void> {
  for (const column of globalKeyColumns(def)) {
    const values = [...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === 'string' && v !== ''))];
    if (!values.length) continue;
    const twice = await tx.query<{ value: string }>(
      `select ${column} as value from ${def.table} where ${column} = any($1::text[]) group by ${column} having count(*) > 1 limit 1`, [values]);
    if (twice.length) {
      throw Object.assign(new Error(`duplicate key value: ${def.table}.${column} exists in another zone`),
        { code: '23505', constraint: `${def.table}_${column}_global`, detail: `Key (${column})=(${twice[0]!.value}) already exists.` });
    }
  }
}
