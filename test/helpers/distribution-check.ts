import type { Queryable } from '../../src/shared/db';

/**
 * What would stop Citus from distributing a schema's zone-owned tables by zone_id, read from pg_catalog: the rules
 * `create_distributed_table(…, 'zone_id')` and `create_reference_table(…)` enforce on keys (docs/scaling.md).
 * Every table of the schema is distributed by zone_id unless the caller names it a reference or a local table.
 */
export interface TableClasses {
  /** Replicated to every node: small, read everywhere, written rarely. */
  reference: readonly string[];
  /** Kept on the coordinator only (Citus-managed local tables). */
  local: readonly string[];
}

interface Key { table: string; name: string; type: string; columns: string[]; partial: boolean }
interface ForeignKey { table: string; name: string; columns: string[]; target: string; targetColumns: string[]; onUpdate: string; onDelete: string }

export async function distributionProblems(db: Queryable, schema: string, classes: TableClasses): Promise<string[]> {
  const tables = (await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition order by 1`, [schema])).map((r) => r.name);
  const zoneColumns = new Map((await db.query<{ table: string; type: string; notnull: boolean }>(
    `select c.relname as table, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and a.attname = 'zone_id' and not a.attisdropped`, [schema])).map((r) => [r.table, r]));
  // Primary keys, unique constraints and unique indexes (including partial and expression ones): Citus requires the
  // distribution column among the plain columns of each.
  const keys = await db.query<Key>(
    `select c.relname as table, i.relname as name,
            coalesce((select contype::text from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u')), 'index') as type,
            array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey::int2[]) with ordinality as k(attnum, n)
                  left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum > 0 order by k.n) as columns,
            x.indpred is not null as partial
     from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and (x.indisunique or x.indisprimary)`, [schema]);
  const exclusions = await db.query<{ table: string; name: string }>(
    `select c.relname as table, k.conname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and k.contype = 'x'`, [schema]);
  const fks = await db.query<ForeignKey>(
    `select c.relname as table, k.conname as name, t.relname as target,
            array(select a.attname::text from unnest(k.conkey) with ordinality as u(attnum, n) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.n) as columns,
            array(select a.attname::text from unnest(k.confkey) with ordinality as u(attnum, n) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.n) as "targetColumns",
            k.confupdtype::text as "onUpdate", k.confdeltype::text as "onDelete"
     from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and k.contype = 'f'`, [schema]);

  const problems: string[] = [];
  const reference = new Set(classes.reference);
  const local = new Set(classes.local);
  for (const name of [...reference, ...local]) if (!tables.includes(name)) problems.push(`${name}: named a reference or local table but does not exist`);
  const distributed = new Set(tables.filter((t) => !reference.has(t) && !local.has(t)));
  const kind = (t: string) => (distributed.has(t) ? 'distributed' : reference.has(t) ? 'reference' : 'local');

  for (const table of distributed) {
    const zone = zoneColumns.get(table);
    if (!zone) {
      problems.push(`${table}: has no zone_id (distribute it by zone or name it a reference or local table)`);
      continue;
    }
    if (!zone.notnull) problems.push(`${table}: zone_id may be null (Citus refuses rows without a distribution value)`);
    if (zone.type !== 'bigint') problems.push(`${table}: zone_id is ${zone.type}, not bigint (colocation needs one type)`);
    if (!keys.some((k) => k.table === table && k.type === 'p')) problems.push(`${table}: has no primary key`);
  }
  for (const k of keys) {
    if (distributed.has(k.table) && zoneColumns.has(k.table) && !k.columns.includes('zone_id')) {
      const what = k.type === 'p' ? 'primary key' : k.type === 'u' ? 'unique constraint' : `unique${k.partial ? ' partial' : ''} index`;
      problems.push(`${k.table}: ${what} ${k.name} (${k.columns.join(', ')}) lacks zone_id`);
    }
  }
  for (const x of exclusions) if (distributed.has(x.table)) problems.push(`${x.table}: exclusion constraint ${x.name} (Citus needs the distribution column in it; check by hand)`);

  for (const fk of fks) {
    const from = kind(fk.table);
    const to = kind(fk.target);
    const label = `${fk.table}.${fk.name} (${fk.columns.join(', ')}) → ${fk.target} (${fk.targetColumns.join(', ')})`;
    if (from === 'reference' && to !== 'reference') problems.push(`${label}: a reference table points at a ${to} table`);
    if (from === 'local' && to === 'distributed') problems.push(`${label}: a local table points at a distributed table`);
    if (from === 'distributed' && to === 'local') problems.push(`${label}: a distributed table points at a local table`);
    if (from === 'distributed' && to === 'distributed') {
      const at = fk.columns.indexOf('zone_id');
      if (at < 0 || fk.targetColumns[at] !== 'zone_id') problems.push(`${label}: does not carry zone_id to zone_id`);
      // 'n' set null, 'd' set default: Citus refuses them when the key holds the distribution column, on delete too.
      if (fk.onDelete === 'n' || fk.onDelete === 'd') problems.push(`${label}: ON DELETE SET NULL/DEFAULT would clear zone_id`);
      if (fk.onUpdate === 'n' || fk.onUpdate === 'd') problems.push(`${label}: ON UPDATE SET NULL/DEFAULT would clear zone_id`);
    }
  }
  return problems;
}

/**
 * Foreign keys between distributed tables declared ON UPDATE CASCADE: right on one PostgreSQL server (moving an
 * organisation moves its records), refused by Citus, which never changes a distribution value. The Citus DDL in
 * docs/scaling.md re-creates them ON UPDATE NO ACTION before distributing.
 */
export async function cascadingZoneKeys(db: Queryable, schema: string): Promise<string[]> {
  return (await db.query<{ name: string }>(
    `select c.relname || '.' || k.conname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and k.contype = 'f' and k.confupdtype = 'c' order by 1`, [schema])).map((r) => r.name);
}
