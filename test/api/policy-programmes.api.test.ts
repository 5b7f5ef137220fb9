import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { eligibilityRules, evaluateEligibility, yearsNeeded } from '../../src/policy/programmes/eligibility';
import { computeValues } from '../../src/evaluation/indicators/indicator.service';
import { eligibleOrganizations, loadOrgFacts } from '../../src/policy/programmes/eligibility.repository';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const lastYear = new Date().getFullYear() - 1;

/** "10 % of last year's R&D, at most ¥500,000", budget ¥1,000,000, enterprises of Lanzhou New Area with R&D ≥ 10 (万元). */
const programme = (zoneId: number, patch: object = {}) => ({
  zone_id: zoneId, name_zh: '研发投入后补助', name_en: 'R&D expense subsidy', description_zh: '按上年研发费用的 10% 补助', description_en: '10% of last year\'s R&D',
  rules: [{ kind: 'org_kind', in: ['enterprise'] }, { kind: 'statistic', field: 'rd_expense', op: '>=', value: 10 }],
  amount_rule: { kind: 'share', field: 'rd_expense', rate_bp: 1000, cap_fen: 50_000_000 },
  budget_fen: 100_000_000, opens_on: day(-1), closes_on: day(30),
  required_documents: [{ key: 'rd_audit', name_zh: '研发费用专项审计报告', name_en: 'R&D expense audit report' }],
  ...patch,
});

async function setStatistics(t: TestApp, orgId: number, rdExpense: number) {
  await t.testDb.db.query(
    `insert into annual_statistics (code, zone_id, organization_id, year, operating_revenue, rd_expense, staff)
     select 'PP-TEST-' || o.id || '-' || $2::int, o.zone_id, o.id, $2::int, 5000, $3::numeric, 100 from organizations o where o.id = $1
     on conflict (zone_id, organization_id, year) do update set rd_expense = excluded.rd_expense`, [orgId, lastYear, rdExpense]);
}

describe.each(BACKENDS)('incentive programmes on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let lzna: number;
  let outside: number;
  let orgU: number;
  let programmeId: number;
  let applicationId: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    orgUser = await new Client(t.app).login('orguser');
    const db = t.testDb.db;
    lzna = Number((await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id);
    outside = Number((await db.query<{ id: number }>(`select id from zones where code = 'ZJ'`))[0]!.id);
    orgU = Number((await db.query<{ organization_id: number }>(`select organization_id from users where username = 'orguser'`))[0]!.organization_id);
    await db.query(`update organizations set kind = 'enterprise' where id = $1`, [orgU]);
    await setStatistics(t, orgU, 320.5); // ¥3,205,000 of R&D → 10 % = ¥320,500
  }, 180_000);
  afterAll(() => t?.close());

  it('defines a programme, refusing bad input by field and the wrong roles', async () => {
    const bad = async (patch: object) => {
      const res = await operator.post('/api/policy/programmes', programme(lzna, patch));
      expect(res.statusCode).toBe(400);
      return (res.json().errors as { field: string }[]).map((e) => e.field).join(' ');
    };
    expect(await bad({ budget_fen: -1 })).toContain('budget_fen');
    expect(await bad({ budget_fen: 10.5 })).toContain('budget_fen');
    expect(await bad({ rules: [{ kind: 'statistic', field: 'rd_expense', op: '≈', value: 1 }] })).toContain('rules');
    expect(await bad({ amount_rule: { kind: 'share', field: 'rd_expense', rate_bp: 20_000 } })).toContain('amount_rule');
    expect(await bad({ closes_on: day(-5) })).toContain('closes_on');
    expect(await bad({ zone_id: outside })).toContain('zone_id');
    expect((await orgUser.post('/api/policy/programmes', programme(lzna))).statusCode).toBe(403);
    expect((await new Client(t.app).post('/api/policy/programmes', programme(lzna))).statusCode).toBe(401);
    const res = await operator.post('/api/policy/programmes', programme(lzna));
    expect(res.statusCode).toBe(201);
    programmeId = res.json().id;
    expect(res.json()).toMatchObject({ budget_fen: 100_000_000, remaining_fen: 100_000_000, paid_fen: 0 });
    expect((await orgUser.get('/api/policy/programmes')).json().items.map((p: { id: number }) => p.id)).toContain(programmeId);
  });

  it('prefills the form from the registry and refuses ineligible and duplicate applications', async () => {
    const pre = (await orgUser.get(`/api/policy/programmes/${programmeId}/prefill`)).json();
    expect(pre.eligibility.eligible).toBe(true);
    expect(pre.eligibility.results.map((r: { pass: boolean }) => r.pass)).toEqual([true, true, true]);
    expect(pre.amount.amount_fen).toBe(32_050_000);
    expect(pre.statistics[lastYear].rd_expense).toBe(320_500_000);

    // A programme for little giants only: refused, with the failing rule named.
    const giants = (await operator.post('/api/policy/programmes', programme(lzna, { rules: [{ kind: 'qualification', type: 'little_giant' }], amount_rule: { kind: 'fixed', amount_fen: 10_000_000 } }))).json();
    const refused = await orgUser.post(`/api/policy/programmes/${giants.id}/applications`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('organization_id');
    expect(refused.json().errors[0].message).toContain('little_giant');
    expect(refused.json().eligibility.find((r: { kind: string }) => r.kind === 'qualification').pass).toBe(false);

    // The "which enterprises qualify" query (SQL) and the per-organisation evaluation agree on the whole registry.
    const db = t.testDb.db;
    const rulesToTry = [programme(lzna).rules, [{ kind: 'statistic', field: 'rd_intensity', op: '>', value: 2, year: -1 }], [{ kind: 'founded_before', date: '2015-06-01' }],
      [{ kind: 'qualification', type: 'hightech_enterprise', on: day(0) }]];
    for (const raw of rulesToTry) {
      const rules = eligibilityRules.parse(raw);
      const sqlIds = (await eligibleOrganizations(db, { zone_id: lzna, rules }, day(0), { limit: 100_000 })).ids;
      const all = (await db.query<{ id: number }>('select id from organizations')).map((r) => Number(r.id));
      const facts = await loadOrgFacts(db, all, lzna, yearsNeeded(rules, { kind: 'fixed', amount_fen: 1 }, day(0)));
      const jsIds = all.filter((id) => evaluateEligibility(rules, facts.get(id)!, day(0)).eligible).sort((a, b) => a - b);
      expect(sqlIds).toEqual(jsIds);
    }

    expect((await operator.post(`/api/policy/programmes/${programmeId}/applications`, {})).statusCode).toBe(403);
    const created = await orgUser.post(`/api/policy/programmes/${programmeId}/applications`, { note: '首次申报' });
    expect(created.statusCode).toBe(201);
    applicationId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', computed_fen: 32_050_000 });
    const again = await orgUser.post(`/api/policy/programmes/${programmeId}/applications`, {});
    expect(again.statusCode).toBe(409);
  });

  it('needs the documents before submission, then reviewers decide with reasons', async () => {
    const early = await orgUser.post(`/api/policy/applications/${applicationId}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('files');
    const wrongType = await orgUser.request({ method: 'POST', url: `/api/policy/applications/${applicationId}/files?document=rd_audit`, ...multipart('audit.exe', 'MZ') });
    expect(wrongType.statusCode).toBe(400);
    const wrongDoc = await orgUser.request({ method: 'POST', url: `/api/policy/applications/${applicationId}/files?document=photo`, ...multipart('a.pdf', '%PDF-1.4') });
    expect(wrongDoc.json().errors[0].field).toBe('document');
    const up = await orgUser.request({ method: 'POST', url: `/api/policy/applications/${applicationId}/files?document=rd_audit`, ...multipart('研发审计报告.pdf', '%PDF-1.4 audit') });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().files[0].id;
    expect((await operator.get(`/api/policy/applications/${applicationId}/files/${fileId}`)).body).toBe('%PDF-1.4 audit');
    const sub = await orgUser.post(`/api/policy/applications/${applicationId}/submit`);
    expect(sub.statusCode).toBe(200);
    expect(sub.json().status).toBe('submitted');

    const queue = (await operator.get('/api/policy/applications?status=submitted')).json();
    expect(queue.items.map((a: { id: number }) => a.id)).toContain(applicationId);
    const version = sub.json().version;
    expect((await orgUser.post(`/api/policy/applications/${applicationId}/review`, { decision: 'approve', reason: '自评', version })).statusCode).toBe(403);
    const tooMuch = await operator.post(`/api/policy/applications/${applicationId}/review`, { decision: 'approve', amount_fen: 32_050_001, reason: '符合', version });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toBe('amount_fen');
    expect((await operator.post(`/api/policy/applications/${applicationId}/review`, { decision: 'approve', reason: ' ', version })).json().errors[0].field).toBe('reason');
    const ok = await operator.post(`/api/policy/applications/${applicationId}/review`, { decision: 'approve', score: 88, amount_fen: 30_000_000, reason: '研发投入真实，材料齐全', version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approved_fen: 30_000_000, score: 88, disbursable: false });
  });

  it('goes through public notice with an objection, then pays once and the ledger balances', async () => {
    const notice = await operator.post(`/api/policy/programmes/${programmeId}/notices`, { starts_on: day(0), ends_on: day(5) });
    expect(notice.statusCode).toBe(201);
    expect(notice.json().items.map((i: { id: number }) => i.id)).toEqual([applicationId]);
    const objection = await admin.post(`/api/policy/applications/${applicationId}/objections`, { text: '该企业研发人员数量存疑' });
    expect(objection.statusCode).toBe(201);
    const key = `batch-${backend}-one`;
    const running = await operator.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [applicationId], idempotency_key: key });
    expect(running.statusCode).toBe(409);
    expect(running.json().errors[0].field).toBe('application_ids.0');
    expect((await orgUser.post(`/api/policy/objections/${objection.json().id}/resolve`, { outcome: 'dismissed', resolution: '无' })).statusCode).toBe(403);
    const resolved = await operator.post(`/api/policy/objections/${objection.json().id}/resolve`, { outcome: 'dismissed', resolution: '经核查研发人员 15 人，属实' });
    expect(resolved.statusCode).toBe(200);
    // The notice period passes.
    await t.testDb.db.query('update policy_notices set starts_on = $1, ends_on = $2 where id = $3', [day(-10), day(-1), notice.json().id]);
    expect((await orgUser.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [applicationId], idempotency_key: key })).statusCode).toBe(403);
    const paid = await operator.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [applicationId], idempotency_key: key });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ total_fen: 30_000_000, remaining_fen: 70_000_000, replayed: false });
    const replay = await operator.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [applicationId], idempotency_key: key });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ batch_id: paid.json().batch_id, replayed: true });
    const twice = await operator.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [applicationId], idempotency_key: `${key}-again` });
    expect(twice.statusCode).toBe(409);

    const ledger = (await operator.get(`/api/policy/programmes/${programmeId}/ledger`)).json();
    expect(ledger.totals).toEqual({ allocated_fen: 100_000_000, paid_fen: 30_000_000, remaining_fen: 70_000_000, balanced: true });
    // The evaluation module counts it: the payment asked for a recompute of the zone's indicators (write-triggered
    // recomputes cover complete years), and this year's values are ¥300,000 = 30 (10k yuan) and one enterprise.
    const jobs = await t.testDb.db.query<{ kind: string }>(`select kind from jobs where kind = 'recompute-indicators' and created_at > now() - interval '5 minutes'`);
    expect(jobs.length).toBeGreaterThan(0);
    const year = new Date().getFullYear();
    await computeValues(t.testDb.db, null, { years: { from: year, to: year }, zones: null }, { skipAccess: true });
    const indicator = async (code: string) => (await t.testDb.db.query<{ value: number }>(`select v.value from indicator_values v join indicators i on i.id = v.indicator_id
      where i.code = $1 and v.zone_id = $2 and v.year = $3`, [code, lzna, year]))[0]?.value;
    expect(Number(await indicator('policy_subsidies_disbursed'))).toBe(30);
    expect(Number(await indicator('policy_enterprises_supported'))).toBe(1);
    expect(ledger.entries[0]).toMatchObject({ kind: 'disbursement', amount_fen: 30_000_000, application_id: applicationId });
    expect((await orgUser.get(`/api/policy/programmes/${programmeId}/ledger`)).statusCode).toBe(403);
    expect((await orgUser.get(`/api/policy/applications/${applicationId}`)).json()).toMatchObject({ paid: true });

    // The database itself refuses a second payment and a payment of an unapproved application.
    const db = t.testDb.db;
    const batch = paid.json().batch_id;
    await expect(db.query(`insert into policy_disbursements (batch_id, application_id, programme_id, organization_id, zone_id, amount_fen) values ($1, $2, $3, $4, $5, 30000000)`,
      [batch, applicationId, programmeId, orgU, lzna])).rejects.toThrow();
    await expect(db.query(`update policy_applications set status = 'rejected' where id = $1`, [applicationId])).rejects.toThrow();
    await expect(db.query('delete from policy_ledger_entries where programme_id = $1', [programmeId])).rejects.toThrow();

    const audit = await db.query<{ entity: string; action: string }>(`select entity, action from audit_events where entity like 'policy-%' order by id`);
    const actions = audit.map((a) => `${a.entity}:${a.action}`);
    for (const a of ['policy-programmes:define', 'policy-applications:apply', 'policy-applications:attach', 'policy-applications:submit', 'policy-applications:approve',
      'policy-notices:publish', 'policy-objections:lodge', 'policy-objections:dismissed', 'policy-disbursement-batches:disburse']) expect(actions).toContain(a);

    const xlsx = await operator.request({ method: 'GET', url: `/api/policy/programmes/${programmeId}/ledger.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Disbursements')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Amount (yuan)');
    expect(sheet.getRow(2).getCell(5).value).toBe(300000);
    const zhXlsx = await new Client(t.app, 'zh-CN').login('operator').then((c) => c.request({ method: 'GET', url: `/api/policy/programmes/${programmeId}/ledger.xlsx` }));
    const wbZh = new ExcelJS.Workbook();
    await wbZh.xlsx.load(zhXlsx.rawPayload as unknown as ArrayBuffer);
    expect(wbZh.getWorksheet('拨付明细')!.getRow(1).getCell(5).value).toBe('金额（元）');
  });

  it('changes the budget through the ledger, never below what was paid; an upheld objection rejects', async () => {
    const current = (await operator.get(`/api/policy/programmes/${programmeId}`)).json();
    const low = await operator.patch(`/api/policy/programmes/${programmeId}`, { budget_fen: 20_000_000, version: current.version });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0].field).toBe('budget_fen');
    const zh = await new Client(t.app, 'zh-CN').login('operator').then((c) => c.patch(`/api/policy/programmes/${programmeId}`, { budget_fen: 20_000_000, version: current.version }));
    expect(zh.json().errors[0].message).toContain('已拨付');
    expect((await operator.patch(`/api/policy/programmes/${programmeId}`, { budget_fen: 120_000_000, version: current.version + 5 })).statusCode).toBe(409);
    const raised = await operator.patch(`/api/policy/programmes/${programmeId}`, { budget_fen: 120_000_000, version: current.version });
    expect(raised.json()).toMatchObject({ budget_fen: 120_000_000, remaining_fen: 90_000_000, paid_fen: 30_000_000 });
    expect((await operator.get(`/api/policy/programmes/${programmeId}/ledger`)).json().totals).toEqual({ allocated_fen: 120_000_000, paid_fen: 30_000_000, remaining_fen: 90_000_000, balanced: true });

    const db = t.testDb.db;
    const other = Number((await db.query<{ id: number }>(`select id from organizations where zone_id = $1 and id <> $2 order by id limit 1`, [lzna, orgU]))[0]!.id);
    const n = (await db.query<{ id: number }>(`insert into policy_notices (programme_id, zone_id, starts_on, ends_on) values ($1, $2, $3, $4) returning id`, [programmeId, lzna, day(-1), day(5)]))[0]!.id;
    const appId = Number((await db.query<{ id: number }>(`insert into policy_applications (programme_id, organization_id, zone_id, status, figures, eligibility, computed_fen, approved_fen, decided_at, notice_id)
      values ($1, $2, $3, 'approved', '{}', '[]', 100, 100, now(), $4) returning id`, [programmeId, other, lzna, n]))[0]!.id);
    const obj = await orgUser.post(`/api/policy/applications/${appId}/objections`, { text: '该企业已注销' });
    expect(obj.statusCode).toBe(201);
    const upheld = await operator.post(`/api/policy/objections/${obj.json().id}/resolve`, { outcome: 'upheld', resolution: '经核实属实' });
    expect(upheld.statusCode).toBe(200);
    expect((await operator.get(`/api/policy/applications/${appId}`)).json()).toMatchObject({ status: 'rejected', disbursable: false });
    expect((await operator.post(`/api/policy/objections/${obj.json().id}/resolve`, { outcome: 'dismissed', resolution: '再议' })).statusCode).toBe(409);
    await db.query('update policy_notices set starts_on = $1, ends_on = $2 where id = $3', [day(-10), day(-1), n]);
    const refused = await operator.post(`/api/policy/programmes/${programmeId}/disbursements`, { application_ids: [appId], idempotency_key: `rejected-${backend}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].message).toContain('rejected');
  });

  it('under 100 concurrent disbursement requests never overspends and never pays twice', async () => {
    const db = t.testDb.db;
    // Budget for 10 of 30 approved applications (¥10,000 each); 100 requests, each for one of them, most of them racing for the same ones.
    const p = (await admin.post('/api/policy/programmes', programme(lzna, { rules: [], amount_rule: { kind: 'fixed', amount_fen: 1_000_000 }, budget_fen: 10_000_000, required_documents: [] }))).json();
    const orgs = (await db.query<{ id: number }>(`with recursive sub(id) as (select id from zones where id = $1 union select z.id from zones z join sub on z.parent_id = sub.id)
      select id from organizations where zone_id in (select id from sub) and retired_at is null order by id limit 30`, [lzna])).map((r) => Number(r.id));
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    const n = (await db.query<{ id: number }>(`insert into policy_notices (programme_id, zone_id, starts_on, ends_on) values ($1, $2, $3, $4) returning id`, [p.id, lzna, day(-20), day(-10)]))[0]!.id;
    const apps = (await db.query<{ id: number }>(
      `insert into policy_applications (programme_id, organization_id, zone_id, status, figures, eligibility, computed_fen, approved_fen, decided_at, notice_id)
       select $1, o.id, o.zone_id, 'approved', '{}', '[]', 1000000, 1000000, now(), $2 from organizations o where o.id = any($3::int8[]) returning id`, [p.id, n, orgs])).map((r) => Number(r.id));
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      operator.post(`/api/policy/programmes/${p.id}/disbursements`, { application_ids: [apps[i % apps.length]!], idempotency_key: `race-${backend}-${i}` })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 500)).toEqual([]);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    const paid = await db.query<{ application_id: number; n: number }>('select application_id, count(*)::int as n from policy_disbursements where programme_id = $1 group by application_id', [p.id]);
    expect(paid).toHaveLength(10);
    expect(paid.every((r) => Number(r.n) === 1)).toBe(true);
    const ledger = (await admin.get(`/api/policy/programmes/${p.id}/ledger`)).json();
    expect(ledger.totals).toEqual({ allocated_fen: 10_000_000, paid_fen: 10_000_000, remaining_fen: 0, balanced: true });
    // The unpaid rest is still disbursable (only the budget ran out); an organisation user sees only its own organisation's applications.
    expect((await operator.get(`/api/policy/applications?programme=${p.id}&disbursable=true`)).json().items.length).toBe(apps.length - 10);
    const own = (await orgUser.get('/api/policy/applications')).json().items as { organization_id: number }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.organization_id === orgU)).toBe(true);
    const foreign = Number((await db.query<{ id: number }>('select id from policy_applications where programme_id = $1 and organization_id <> $2 limit 1', [p.id, orgU]))[0]!.id);
    expect((await orgUser.get(`/api/policy/applications/${foreign}`)).statusCode).toBe(404);
    expect((await orgUser.get('/api/policy/applications?status=bogus')).json().errors[0].field).toContain('status');
  }, 120_000);
});

describe('a disbursement batch killed part-way', () => {
  it('leaves no half-paid batch', async () => {
    const { openTestDb, SERVER_URL } = await import('../helpers/test-db');
    const testDb = await openTestDb(BACKENDS.includes('postgres') ? 'postgres' : 'pglite');
    if (testDb.db.kind !== 'postgres') { await testDb.drop(); return; } // a separate process needs a server database
    const db = testDb.db;
    const { loadDemo } = await import('../../src/registry/demo/load-demo');
    await import('../../src/app/entities');
    await loadDemo(db, { generatedOrganizations: 10 });
    const zone = Number((await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id);
    const admin = Number((await db.query<{ id: number }>(`select id from users where role = 'admin' order by id limit 1`))[0]!.id);
    const pid = Number((await db.query<{ id: number }>(`insert into policy_programmes (code, zone_id, name_zh, name_en, rules, amount_rule, budget_fen, opens_on, closes_on)
      values ('KILL', $1, '杀进程', 'Kill', '[]', '{"kind":"fixed","amount_fen":100}', 100000000, $2, $3) returning id`, [zone, day(-30), day(30)]))[0]!.id);
    await db.query(`insert into policy_ledger_accounts (programme_id, zone_id, kind) values ($1, $2, 'appropriation'), ($1, $2, 'budget')`, [pid, zone]);
    await db.query(`insert into policy_ledger_entries (programme_id, zone_id, debit_account_id, credit_account_id, amount_fen, kind)
      select $1, a.zone_id, b.id, a.id, 100000000, 'allocation' from policy_ledger_accounts a, policy_ledger_accounts b where a.programme_id = $1 and b.programme_id = $1 and a.kind = 'appropriation' and b.kind = 'budget'`, [pid]);
    const n = (await db.query<{ id: number }>(`insert into policy_notices (programme_id, zone_id, starts_on, ends_on) values ($1, $2, $3, $4) returning id`, [pid, zone, day(-20), day(-10)]))[0]!.id;
    const apps = (await db.query<{ id: number }>(`insert into policy_applications (programme_id, organization_id, zone_id, status, figures, eligibility, computed_fen, approved_fen, decided_at, notice_id)
      select $1, o.id, o.zone_id, 'approved', '{}', '[]', 100, 100, now(), $2 from organizations o where o.zone_id = $3 returning id`, [pid, n, zone])).map((r) => Number(r.id));
    expect(apps.length).toBeGreaterThan(1);
    const schema = (await db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
    const url = new URL(SERVER_URL);
    url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    // The child pays the whole batch inside one transaction, says so, then waits to be killed before it commits.
    const script = `
      const { openDb } = await import('./src/shared/db/index.ts');
      const { disburse } = await import('./src/policy/programmes/ledger.service.ts');
      const db = await openDb({ databaseUrl: process.env.DATABASE_URL });
      const actor = { userId: ${admin}, username: 'admin', role: 'admin', zoneId: null, organizationId: null };
      await disburse(db, actor, ${pid}, { application_ids: ${JSON.stringify(apps)}, idempotency_key: 'kill-batch' }, {
        beforeCommit: async (tx, batchId) => {
          const n = (await tx.query('select count(*)::int as n from policy_disbursements where batch_id = $1', [batchId]))[0].n;
          process.stdout.write('written ' + n + '\\n');
          await new Promise((r) => setTimeout(r, 60000));
        },
      });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/written \d+/.test(out)) { child.kill('SIGKILL'); resolve(); }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(err).toBe('');
    expect(out).toContain(`written ${apps.length}`);
    expect(child.signalCode).toBe('SIGKILL');
    expect((await db.query<{ n: number }>('select count(*)::int as n from policy_disbursements where programme_id = $1', [pid]))[0]!.n).toBe(0);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from policy_ledger_entries where programme_id = $1 and kind = 'disbursement'`, [pid]))[0]!.n).toBe(0);
    expect((await db.query<{ n: number }>('select count(*)::int as n from policy_disbursement_batches where programme_id = $1', [pid]))[0]!.n).toBe(0);
    expect(Number((await db.query<{ b: number }>(`select balance_fen as b from policy_ledger_accounts where programme_id = $1 and kind = 'budget'`, [pid]))[0]!.b)).toBe(100_000_000);
    await testDb.drop();
  }, 120_000);
});
