/**
 * Disbursement throughput of the incentive-programme ledger (src/policy/programmes/ledger.service.ts), invariants
 * held: called by bench/policy.bench.ts (`measureDisbursement(db)`), or alone:
 * `npx tsx bench/policy-ledger.ts [--payments N] [--batch B]` on DATABASE_URL (or the embedded database in memory).
 *
 * On a migrated database it adds its own zone, N generated organisations (marked generated), a programme with a
 * budget for all of them, and N approved applications whose public notice is over; then pays them through the real
 * `disburse` service in batches of B (each batch one transaction: locks, per-application checks including the
 * eligibility rules on registry data, one journal row per payment, audit) and reports payments per second. It then
 * checks the invariants: every application paid once, the budget account equal to budget − paid, trial balance zero.
 * Nothing is removed afterwards (the journal is append-only); use a throw-away database or schema.
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../src/shared/db';
import type { Actor } from '../src/shared/access/actor';
import { disburse } from '../src/policy/programmes/ledger.service';

export interface DisbursementMeasure {
  /** journal rows (payments, each a debit and a credit) written per second */
  disburse_per_s: number;
  payments: number;
  batch_size: number;
  batches: number;
  batch_p50_ms: number;
  batch_max_ms: number;
  setup_ms: number;
  invariants_held: boolean;
}

const log = (msg: string) => process.stderr.write(`[policy-ledger] ${msg}\n`);

export async function measureDisbursement(db: Db, opts: { payments?: number; batchSize?: number } = {}): Promise<DisbursementMeasure> {
  const payments = opts.payments ?? 20_000;
  const batchSize = opts.batchSize ?? 1_000;
  const tag = `PLB-${Date.now().toString(36)}`;
  const t0 = performance.now();
  const zone = Number((await db.query<{ id: number }>(`insert into zones (code, kind, name_zh, name_en, generated) values ($1, 'park', $2, $3, true) returning id`,
    [tag, `台账基准园区${tag}`, `Ledger bench park ${tag}`]))[0]!.id);
  const user = Number((await db.query<{ id: number }>(`insert into users (username, password_hash, display_name, role) values ($1, 'bench: no sign-in', 'ledger bench', 'admin') returning id`,
    [`bench-${tag}`.toLowerCase()]))[0]!.id);
  const actor: Actor = { userId: user, username: `bench-${tag}`, role: 'admin', zoneId: null, organizationId: null };
  await db.query(`insert into organizations (code, zone_id, kind, name_zh, generated, founded_year)
    select $1 || '-' || g, $2, 'enterprise', '台账基准企业' || g, true, 2015 from generate_series(1, $3::int) g`, [tag, zone, payments]);
  const amount = 1_000_000; // ¥10,000 each
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const programme = Number((await db.query<{ id: number }>(`insert into policy_programmes (code, zone_id, name_zh, name_en, rules, amount_rule, budget_fen, opens_on, closes_on, created_by)
    values ($1, $2, '台账基准项目', 'Ledger bench programme', '[{"kind":"org_kind","in":["enterprise"]}]', $3, $4, $5, $6, $7) returning id`,
    [tag, zone, JSON.stringify({ kind: 'fixed', amount_fen: amount }), amount * payments, day(-60), day(30), user]))[0]!.id);
  await db.query(`insert into policy_ledger_accounts (programme_id, zone_id, kind) values ($1, $2, 'appropriation'), ($1, $2, 'budget')`, [programme, zone]);
  await db.query(`insert into policy_ledger_entries (programme_id, zone_id, debit_account_id, credit_account_id, amount_fen, kind, created_by)
    select $1, $4, b.id, a.id, $2, 'allocation', $3 from policy_ledger_accounts a, policy_ledger_accounts b
    where a.programme_id = $1 and b.programme_id = $1 and a.kind = 'appropriation' and b.kind = 'budget'`, [programme, amount * payments, user, zone]);
  const notice = Number((await db.query<{ id: number }>(`insert into policy_notices (programme_id, zone_id, starts_on, ends_on, published_by) values ($1, $2, $3, $4, $5) returning id`,
    [programme, zone, day(-20), day(-10), user]))[0]!.id);
  const apps = (await db.query<{ id: number }>(`insert into policy_applications (programme_id, organization_id, zone_id, status, figures, eligibility, computed_fen, approved_fen, decided_at, decided_by, notice_id)
    select $1, o.id, o.zone_id, 'approved', '{}', '[]', $2, $2, now(), $3, $4 from organizations o where o.zone_id = $5 order by o.id returning id`,
    [programme, amount, user, notice, zone])).map((r) => Number(r.id)).sort((a, b) => a - b);
  // A bulk load is followed by ANALYZE, as PostgreSQL's "Populating a Database" advises (autovacuum would do it within
  // a minute). Without statistics, the foreign-key checks of the first batches plan with default selectivities; with
  // composite (zone_id, …) keys their generic plans may pick the programme's account index and scan every account of
  // the programme per payment, a cost that grows with each batch until autovacuum's ANALYZE replans them.
  await db.query('analyze organizations, policy_applications, policy_ledger_accounts, policy_ledger_entries, policy_disbursements, policy_disbursement_batches');
  const setupMs = performance.now() - t0;
  log(`set up ${apps.length} approved applications in ${Math.round(setupMs)} ms; paying in batches of ${batchSize}`);

  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < apps.length; i += batchSize) {
    const b0 = performance.now();
    await disburse(db, actor, programme, { application_ids: apps.slice(i, i + batchSize), idempotency_key: `${tag}-${i}` });
    times.push(performance.now() - b0);
  }
  const seconds = (performance.now() - start) / 1000;

  const check = (await db.query<{ paid: number; distinct_apps: number; budget: number; trial: number; total: number }>(
    `select (select count(*) from policy_disbursements where programme_id = $1) as paid,
            (select count(distinct application_id) from policy_disbursements where programme_id = $1) as distinct_apps,
            (select balance_fen from policy_ledger_accounts where programme_id = $1 and kind = 'budget') as budget,
            (select sum(balance_fen) from policy_ledger_accounts where programme_id = $1) as trial,
            (select coalesce(sum(amount_fen), 0) from policy_disbursements where programme_id = $1) as total`, [programme]))[0]!;
  const held = Number(check.paid) === apps.length && Number(check.distinct_apps) === apps.length && Number(check.budget) === amount * payments - Number(check.total)
    && Number(check.trial) === 0;
  times.sort((a, b) => a - b);
  return {
    disburse_per_s: Math.round(apps.length / seconds), payments: apps.length, batch_size: batchSize, batches: times.length,
    batch_p50_ms: Math.round(times[Math.floor(times.length / 2)] ?? 0), batch_max_ms: Math.round(times[times.length - 1] ?? 0),
    setup_ms: Math.round(setupMs), invariants_held: held,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { openDb } = await import('../src/shared/db');
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : undefined; };
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL });
  try {
    console.log(JSON.stringify({ backend: db.kind, ...(await measureDisbursement(db, { payments: arg('--payments'), batchSize: arg('--batch') })) }));
  } finally {
    await db.close();
  }
}
