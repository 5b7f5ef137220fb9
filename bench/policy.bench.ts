/**
 * `npm run bench -- policy [--orgs N] [--years Y] [--workers W] [--keep-schema NAME [--generate-only]] [--reuse-schema NAME]`
 *
 * On the PostgreSQL server (DATABASE_URL or this machine's server), in a schema of its own: a registry of N
 * enterprises (default 1,000,000) with Y years of statistics (default 5), qualifications over time and IP, written
 * by set-based SQL (generated rows, marked generated; the registry benchmark measures the import path), then
 * - assess_all_ms: every enterprise self-assessed against all five programmes on registry data (cases aggregated in
 *   SQL per id range, streamed as compact text to W worker threads, default 2, assessed with the compiled rules),
 * - assess_one_p95_ms: one enterprise through the HTTP API (POST /api/policy/assessment/run, registry prefill + engine),
 * - matching_ms: the enterprises eligible for 20 incentive programmes (the programmes module's compiled SQL): every
 *   total in one pass over the registry and each programme's first page of 1,000 ids (eligibleForProgrammes),
 * - disburse_per_s: bench/policy-ledger.ts's measureDisbursement(db) when that file exists, else null.
 * Progress on stderr, one JSON line last. `--reuse-schema NAME` skips generation and measures on kept data;
 * `--generate-only` (with `--keep-schema`) stops after generating.
 *
 * The registry cannot hold what an enterprise only states (resident, good standing, niche years, ...), so on registry
 * data alone no enterprise can fully qualify. assess_all therefore assesses every enterprise with the statements of
 * STATEMENTS taken as made (as assess_one sends them), and the counts per programme show the verdicts on that basis.
 * HNTE and the little giants also need figures the registry lacks (hi-tech revenue, main-business revenue,
 * liabilities), so none of them qualifies here (each fails or stays incomplete); the other three qualify at shares
 * of about 5–17 % (the generator is tuned for that).
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { openDb, type Db } from '../src/shared/db';
import { buildApp } from '../src/app/build-app';
import { JobQueue } from '../src/shared/jobs/job-queue';
import { commitImport } from '../src/shared/records/record-import';
import { createUser } from '../src/accounts/accounts.service';
import { zones } from '../src/registry/entities';
import { SEED_ZONES } from '../src/registry/demo/seed-zones';
import { AssessPool } from '../src/policy/assessment/assess-all';
import { eligibleForProgrammes } from '../src/policy/programmes/eligibility.repository';
import type { EligibilityRule } from '../src/policy/programmes/eligibility';
import type { Actor } from '../src/shared/access/actor';
import type { PolicyCaseInput } from '../src/policy/rules/case';

const flag = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const ORGS = Number(flag('orgs') ?? 1_000_000);
const YEARS = Number(flag('years') ?? 5);
const WORKERS = Number(flag('workers') ?? 2);
const KEEP = flag('keep-schema');
const REUSE = flag('reuse-schema');
const GENERATE_ONLY = process.argv.includes('--generate-only');
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LAST_YEAR = 2024;
const DATE = `${LAST_YEAR + 1}-06-30`;
const log = (m: string) => process.stderr.write(`[policy bench] ${m}\n`);
const round = (x: number) => Math.round(x * 100) / 100;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

async function openSchema(schema: string, create: boolean): Promise<Db> {
  if (create) {
    await admin('create extension if not exists btree_gin schema public').catch(() => undefined);
    await admin(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  }
  const url = new URL(SERVER);
  url.search = `?options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
  return openDb({ databaseUrl: url.toString() });
}

function depthOf(code: string): number {
  let d = 0;
  for (let z = SEED_ZONES.find((x) => x.code === code); z?.parent; z = SEED_ZONES.find((x) => x.code === z!.parent)) d++;
  return d;
}

/** A deterministic pseudo-random fraction in [0, 1) of the row number g and a stream k, in SQL. */
const rnd = (g: string, k: number) => `((((${g})::int8 * 2654435761 + ${k * 40503}) % 1000003)::float8 / 1000003)`;

async function generate(db: Db): Promise<void> {
  const user = await createUser(db, { username: 'bench-admin', password: 'bench-admin-password', displayName: 'bench', role: 'admin' });
  const actor: Actor = { userId: user.id, username: user.username, role: 'admin', zoneId: null, organizationId: null };
  for (const depth of [0, 1, 2, 3]) {
    const rows = SEED_ZONES.filter((z) => depthOf(z.code) === depth).map((z) => ({ code: z.code, parent_id: z.parent ?? null, kind: z.kind, name_zh: z.name_zh, name_en: z.name_en }));
    if (rows.length) await commitImport(db, actor, zones, 'zones.json', new TextEncoder().encode(JSON.stringify(rows)), 'commit');
  }
  const first = LAST_YEAR - YEARS + 1;
  let t = performance.now();
  // Enterprises spread over the zones below the top level, founded 1995–2022.
  await db.query(`insert into organizations (code, zone_id, kind, name_zh, name_en, founded_year, hightech_field, generated, description)
    select 'PB' || g, z.ids[1 + (g % array_length(z.ids, 1))], 'enterprise', '基准企业' || g, 'Bench enterprise ' || g, 1995 + floor(${rnd('g', 1)} * 28)::int,
           (array['electronic_information','biomedicine','new_materials','advanced_manufacturing','new_energy'])[1 + g % 5], true, '生成的基准数据 / generated benchmark data'
      from generate_series(1, $1::int) g, (select array_agg(id order by id) as ids from zones where parent_id is not null) z`, [ORGS]);
  log(`organisations: ${ORGS} in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // Revenue skewed to small firms (250 to 60,000 万元, median about 1,000) growing 0–15 % a year, staff by revenue;
  // R&D intensity 0.5–12 %, skewed low as in real registries (a uniform draw cubed: median about 2 %, one in five
  // above 6 %).
  for (let y = first; y <= LAST_YEAR; y++) {
    await db.query(`insert into annual_statistics (code, zone_id, organization_id, year, operating_revenue, rd_expense, staff, rd_staff, generated)
      select 'PBS' || o.id || '-' || $1::int, o.zone_id, o.id, $1::int, r.revenue, round(r.revenue * r.intensity, 1), r.staff, greatest(1, round(r.staff * (0.06 + r.intensity * 2.2))), true
        from organizations o, lateral (select round((exp(5.5 + power(${rnd('o.id', 2)}, 2) * 5.5) * power(1 + ${rnd('o.id', 3)} * 0.15, $1::int - ${first}))::numeric, 1) as revenue,
                                              (0.005 + power(${rnd('o.id', 4)}, 3) * 0.115)::numeric as intensity,
                                              greatest(5, round(exp(5.5 + power(${rnd('o.id', 2)}, 2) * 5.5) / (40 + ${rnd('o.id', 5)} * 60)))::int as staff) r
       where o.founded_year <= $1::int`, [y]);
  }
  log(`statistics: ${YEARS} years in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // The ladder: sci-tech SME registrations (yearly), innovative SME, HNTE certificates (3 years), 专精特新, little giants,
  // held at shares a zone's registry of enterprises shows (a quarter registered sci-tech SMEs, 5 % HNTE).
  await db.query(`insert into qualifications (code, zone_id, organization_id, type, level, valid_from, valid_to, generated)
    select 'PBQ' || o.id || '-' || q.type, o.zone_id, o.id, q.type, 'national', q.valid_from, q.valid_to, true from organizations o,
      lateral (values
        ('tech_sme', make_date(${LAST_YEAR}, 5, 1), make_date(${LAST_YEAR}, 12, 31), ${rnd('o.id', 6)} < 0.25),
        ('innovative_sme', make_date(${LAST_YEAR - 1}, 7, 1), make_date(${LAST_YEAR + 2}, 6, 30), ${rnd('o.id', 7)} < 0.08),
        ('hightech_enterprise', make_date(${LAST_YEAR - 2} + (o.id % 3)::int, 11, 1), make_date(${LAST_YEAR + 1} + (o.id % 3)::int, 10, 31), ${rnd('o.id', 8)} < 0.05),
        ('srdi_sme', make_date(${LAST_YEAR - 1}, 7, 1), make_date(${LAST_YEAR + 2}, 6, 30), ${rnd('o.id', 9)} < 0.03),
        ('little_giant', make_date(${LAST_YEAR}, 7, 1), make_date(${LAST_YEAR + 3}, 6, 30), ${rnd('o.id', 10)} < 0.005)
      ) as q(type, valid_from, valid_to, held) where q.held`);
  log(`qualifications in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // 0–3 IP items each (invention, utility model, software copyright; half of the enterprises hold none), some converted.
  await db.query(`insert into achievements (code, zone_id, organization_id, kind, title, year, converted, generated)
    select 'PBA' || o.id || '-' || i, o.zone_id, o.id, (array['invention_patent','utility_model','software_copyright'])[1 + (o.id + i) % 3],
           '基准成果 ' || o.id || '-' || i, ${LAST_YEAR} - (i % 4)::int, (o.id + i) % 5 = 0, true
      from organizations o, generate_series(1, greatest(0, o.id % 6 - 2)::int) i`);
  log(`achievements in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // A registry in use has been vacuumed (autovacuum): freshly bulk-written tables have not, and the first reader would
  // pay for setting their hint bits and could not use index-only scans.
  for (const table of ['organizations', 'annual_statistics', 'qualifications', 'achievements']) await db.query(`vacuum analyze ${table}`);
  log(`vacuum analyze in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // The bulk load leaves gigabytes of dirty pages that the checkpointer and the kernel then write out for a minute or
  // more; measured during that, assess_all took 15.7 s instead of 7.7 s. A registry being assessed is at rest, so
  // the measures start after a checkpoint has written everything (needs superuser or pg_checkpoint; else skipped).
  await db.query('checkpoint').then(() => log(`checkpoint in ${Math.round(performance.now() - t)} ms`),
    (e: Error) => log(`checkpoint skipped (${e.message}): the first measures may include writing the bulk load out`));
}

/** The statements an enterprise makes in its self-assessment (the registry cannot hold them); assess_one sends the same. */
const STATEMENTS: PolicyCaseInput = {
  flags: {
    residentInMainland: true, independentLegalPerson: true, isSme: true, notProhibitedIndustry: true, noMajorIncident: true, goodStanding: true,
    coreIpOwned: true, inKeyTechField: true, refinedManagement: true, ownBrand: true, keyChainLink: true, keyProductField: true,
  },
  nicheYears: 3, digitalLevel: 2, leadingProductField: 'key_link',
  years: [{ year: LAST_YEAR, totalAssets: 5000 }],
};

/** Twenty programme rule sets of the kinds zones define: R&D floors, intensity, qualifications, size, age. */
function programmeRules(i: number): EligibilityRule[] {
  const rules: EligibilityRule[] = [{ kind: 'org_kind', in: ['enterprise'] }];
  const kinds = ['statistic-rd', 'intensity', 'qualification', 'revenue', 'staff'];
  const k = kinds[i % kinds.length];
  if (k === 'statistic-rd') rules.push({ kind: 'statistic', field: 'rd_expense', op: '>=', value: 50 + i * 20, year: -1 });
  if (k === 'intensity') rules.push({ kind: 'statistic', field: 'rd_intensity', op: '>=', value: 3 + (i % 4), year: -1 });
  if (k === 'qualification') rules.push({ kind: 'qualification', type: i % 2 ? 'hightech_enterprise' : 'tech_sme', on: `${LAST_YEAR}-12-31` });
  if (k === 'revenue') rules.push({ kind: 'statistic', field: 'operating_revenue', op: '<=', value: 20000 - i * 500, year: -1 }, { kind: 'statistic', field: 'rd_staff', op: '>=', value: 5, year: -1 });
  if (k === 'staff') rules.push({ kind: 'statistic', field: 'staff', op: '>=', value: 20 + i, year: -1 }, { kind: 'founded_before', date: `${2015 + (i % 5)}-01-01` });
  return rules;
}

/** The 20 programmes' totals (one pass) and each one's first page of 1,000 ids. */
async function measureMatching(db: Db): Promise<{ ms: number; eligible: number; perProgramme: number[] }> {
  const root = (await db.query<{ id: number }>('select id from zones where parent_id is null order by id limit 1'))[0]!.id;
  const allZones = (await db.query<{ id: number }>('select id from zones')).map((z) => Number(z.id));
  const programmes = Array.from({ length: 20 }, (_, i) => ({ zone_id: root, rules: programmeRules(i) }));
  const t = performance.now();
  const r = await eligibleForProgrammes(db, programmes, DATE, { limit: 1000, zoneIds: allZones });
  const ms = performance.now() - t;
  const perProgramme = r.map((x) => x.total);
  return { ms, eligible: perProgramme.reduce((a, b) => a + b, 0), perProgramme };
}

async function measureOne(db: Db, samples: number): Promise<{ p95: number; p50: number; statuses: Record<number, number> }> {
  await createUser(db, { username: 'bench-op', password: 'bench-op-password', displayName: 'bench', role: 'admin' }).catch(() => undefined);
  const app = await buildApp({ db, jobs: new JobQueue(db) });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-op', password: 'bench-op-password' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const csrf = login.json().csrfToken as string;
  const span = (await db.query<{ lo: number; hi: number }>(`select min(id) as lo, max(id) as hi from organizations where kind = 'enterprise'`))[0]!;
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const body = (id: number) => ({
    organization_id: id, programme: 'tech-sme', date: DATE,
    case: STATEMENTS,
  });
  for (let i = 0; i < samples + 20; i++) {
    const id = Number(span.lo) + Math.floor(Math.random() * (Number(span.hi) - Number(span.lo)));
    const t = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/policy/assessment/run', headers: { cookie, 'x-csrf-token': csrf }, payload: body(id) });
    const ms = performance.now() - t;
    if (i >= 20) { times.push(ms); statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1; } // the first 20 warm up
  }
  await app.close();
  return { p95: percentile(times, 95), p50: percentile(times, 50), statuses };
}

async function measureDisburse(db: Db): Promise<number | null> {
  const file = new URL('./policy-ledger.ts', import.meta.url);
  if (!existsSync(file)) return null;
  const mod = (await import(file.href)) as { measureDisbursement?: (db: Db) => Promise<unknown> };
  if (!mod.measureDisbursement) return null;
  const r = await mod.measureDisbursement(db);
  if (typeof r === 'number') return round(r);
  const o = r as Record<string, unknown> | null;
  const v = o?.disburse_per_s ?? o?.perSecond ?? o?.entries_per_s;
  return typeof v === 'number' ? round(v) : null;
}

const schema = REUSE ?? KEEP ?? `bench_policy_${process.pid}`;
const db = await openSchema(schema, !REUSE);
try {
  if (!REUSE) {
    log(`generating ${ORGS} enterprises with ${YEARS} years in schema ${schema}`);
    await generate(db);
    if (GENERATE_ONLY) { log(`generated; kept in schema ${schema}`); process.exit(0); }
  }
  const enterprises = Number((await db.query<{ n: number }>(`select count(*) as n from organizations where kind = 'enterprise'`))[0]!.n);
  log(`assessing ${enterprises} enterprises × 5 programmes with ${WORKERS} workers`);
  const pool = new AssessPool({ date: DATE, workers: WORKERS, rangeSize: 10_000, given: STATEMENTS, onProgress: (n) => { if (n % 100_000 < 10_000) log(`  ${n} assessed`); } });
  let t = performance.now();
  await pool.ready(); // worker start-up (loading the engine, compiling the versions) is not part of the assessment
  log(`workers ready in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  const all = await pool.run(db).finally(() => pool.stop());
  const assessAllMs = performance.now() - t;
  log(`assess_all: ${Math.round(assessAllMs)} ms, ${JSON.stringify(all.counts)}`);
  for (const [programme, c] of Object.entries(all.counts)) {
    const q = c.qualifies + c.qualifies_unverified;
    log(`  ${programme}: ${q} qualify (${round((100 * q) / enterprises)} %; ${c.qualifies_unverified} of them on unverified rules), ${c.fails} fail, ${c.incomplete} incomplete`);
  }
  t = performance.now();
  const matching = await measureMatching(db);
  log(`matching: ${Math.round(matching.ms)} ms, ${matching.eligible} eligible in total over 20 programmes`);
  log(`  eligible per programme: ${matching.perProgramme.map((n, i) => `#${i} ${n} (${round((100 * n) / enterprises)} %)`).join(', ')}`);
  const one = await measureOne(db, 200);
  log(`assess_one: p50 ${round(one.p50)} ms, p95 ${round(one.p95)} ms, statuses ${JSON.stringify(one.statuses)}`);
  const disburse = await measureDisburse(db).catch((e: Error) => { log(`disbursement measure failed: ${e.message}`); return null; });
  console.log(JSON.stringify({
    orgs: enterprises, years: YEARS, workers: WORKERS,
    assess_all_ms: Math.round(assessAllMs), assess_all_per_s: Math.round((enterprises * 5) / (assessAllMs / 1000)),
    assess_one_p95_ms: round(one.p95), assess_one_p50_ms: round(one.p50),
    matching_ms: Math.round(matching.ms), disburse_per_s: disburse,
  }));
} finally {
  await db.close();
  if (!KEEP && !REUSE) await admin(`drop schema if exists ${schema} cascade`);
}
