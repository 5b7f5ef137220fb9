/**
 * Runs the registry computations (computations.ts) for a scope: stale computed values are replaced inside the
 * caller's transaction, all-or-nothing.
 *
 * On a PostgreSQL server the read-only scans do not wait for each other or for the transaction: each runs at once
 * on a connection of its own from the pool (PostgreSQL gives each scan its parallel workers; an INSERT … SELECT
 * never gets any), while the transaction deletes the stale values, and each INSERT starts as soon as its scans are
 * in. The scans start after the recompute lock is taken, so they read what every earlier recompute read or later.
 * PGlite has one connection: there the scans run one after another inside the transaction.
 */
import type { Db, Queryable } from '../../shared/db';
import { CLOSURE, COMPUTATIONS, type ComputedIndicator, type ComputeScope, recordInsert, recordScans, statisticsStatement } from './computations';

type Rows = Record<string, unknown>[];

/** Per-transaction settings for the scans: room for the hash aggregates, and no JIT (see below). */
async function scanSettings(q: Queryable): Promise<void> {
  await q.query(`set local work_mem = '64MB'`);
  // The planner's row estimates for the expanded (qualification × year) rows are far too high, which triggers
  // JIT compilation costing more than the query itself; these statements are plain scans and aggregates.
  await q.query(`set local jit = off`).catch(() => undefined);
}

export async function runComputations(tx: Queryable, inds: ComputedIndicator[], scope: ComputeScope, timings?: Record<string, number>, pool?: Db): Promise<number> {
  if (!inds.length) return 0;
  await scanSettings(tx);
  // Derived values: after a crash they are recomputed, and the job's own (synchronous) status update flushes this
  // commit's WAL before it, so not waiting for the flush here loses nothing.
  await tx.query(`set local synchronous_commit = off`);
  // Recomputations take turns (the lock ends with the transaction), so after the delete a plain INSERT cannot
  // conflict: measured ~35 % cheaper than INSERT … ON CONFLICT.
  await tx.query(`select pg_advisory_xact_lock(hashtext('kechuang.indicator_values.compute'))`);
  let statements = 1; // the delete
  if (scope.zoneIds && scope.subtree === undefined) {
    // A recompute for a few zones (after a single write) reads only their subtrees' records, through the zone indexes.
    const sub = await tx.query<{ id: number }>(`with recursive ${CLOSURE} select distinct descendant as id from closure`, [scope.zoneIds]);
    scope = { ...scope, subtree: sub.map((r) => Number(r.id)) };
    statements++;
  }
  const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    statements++;
    if (timings) timings[label] = Math.round(performance.now() - t0);
    return r;
  };
  const concurrent = pool?.kind === 'postgres';
  const scan = (sql: string, params: unknown[]): Promise<Rows> => (concurrent
    ? pool!.transaction(async (r) => { await scanSettings(r); return r.query(sql, params); })
    : tx.query(sql, params));

  const stat = inds.filter((i) => COMPUTATIONS[i.computation].source === 'statistics');
  const rec = inds.filter((i) => COMPUTATIONS[i.computation].source !== 'statistics');
  const st = stat.length ? statisticsStatement(stat, scope) : null;
  const recScans = rec.length ? recordScans(rec, scope) : [];
  // Started now when concurrent, else one by one below. A failure surfaces where the rows are awaited; the no-op
  // catch only keeps Node from calling it unhandled meanwhile.
  const started = new Map<string, Promise<Rows>>();
  const begin = (label: string, sql: string, params: unknown[]) => {
    const p = timed(label, () => scan(sql, params));
    p.catch(() => undefined);
    started.set(label, p);
    return p;
  };
  const rowsOf = (label: string, sql: string, params: unknown[]) => started.get(label) ?? begin(label, sql, params);
  if (concurrent) {
    if (st) begin('statistics_scan', st.baseSql, st.baseParams);
    for (const s of recScans) begin(`scan_${s.label}`, s.sql, s.params);
  }
  // Values of a computed indicator are all replaced in scope, whatever their origin (entered values are refused
  // for computed indicators).
  await tx.query(`delete from indicator_values where indicator_id = any($1::int8[]) and year between $2 and $3
    and ($4::int8[] is null or zone_id = any($4::int8[]))`, [inds.map((i) => i.id), scope.from, scope.to, scope.zoneIds]);
  // Each INSERT as soon as its rows are in, in the order the scans finish, one after another on the transaction.
  const writes: { rows: Promise<unknown[]>; write: (rows: unknown[]) => Promise<unknown> }[] = [];
  if (st) {
    writes.push({
      rows: rowsOf('statistics_scan', st.baseSql, st.baseParams),
      write: (rows) => { st.params[st.baseIndex] = JSON.stringify(rows); return timed('statistics_insert', () => tx.query(st.sql, st.params)); },
    });
  }
  if (rec.length) {
    const all = async () => {
      const rows: unknown[] = [];
      for (const s of recScans) {
        const got = await rowsOf(`scan_${s.label}`, s.sql, s.params);
        rows.push(...(s.expand ? s.expand(got) : got));
      }
      return rows;
    };
    writes.push({ rows: concurrent ? all() : Promise.resolve([]), write: async (rows) => {
      const ins = recordInsert(rec, scope, concurrent ? rows : await all());
      return timed('records_insert', () => tx.query(ins.sql, ins.params));
    } });
  }
  if (concurrent) {
    let chain: Promise<unknown> = Promise.resolve();
    await Promise.all(writes.map((w) => w.rows.then((rows) => { chain = chain.then(() => w.write(rows)); })));
    await chain;
  } else {
    for (const w of writes) await w.write(await w.rows);
  }
  return statements;
}
