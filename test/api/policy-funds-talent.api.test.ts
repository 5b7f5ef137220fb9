// Funds (risk-compensation pools, innovation vouchers) and talent evaluation through the HTTP API, on both back ends:
// claim arithmetic and caps, concurrent claims, voucher rules, talent scores and ranks against hand-computed values,
// provenance of every input, privacy of contact data, and the roles that must be refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp, demoClients } from '../helpers/test-app';
import { computeValues } from '../../src/evaluation/indicators/indicator.service';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fieldsOf = (body: Json) => ((body.errors ?? []) as { field: string }[]).map((e) => e.field);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));

describe.each(BACKENDS)('funds and talent on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  let lz: number; // Lanzhou New Area, the operator's zone
  let zj: number; // a zone outside it
  let orgU: number; // the org user's organisation
  let bank: number;
  let borrower: number;
  let outsider: number;
  const q = <T = Json>(sql: string, params: unknown[] = []) => t.testDb.db.query<T & Json>(sql, params);
  const insertOrg = async (code: string, zone: number, kind = 'enterprise') =>
    Number((await q(`insert into organizations (code, zone_id, kind, name_zh, name_en) values ($1, $2, $3, $4, $5) returning id`, [code, zone, kind, `测试机构${code}`, `Test org ${code}`]))[0]!.id);

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    lz = Number((await q(`select id from zones where code = 'LZNA'`))[0]!.id);
    zj = Number((await q(`select id from zones where code = 'ZJ'`))[0]!.id);
    orgU = Number((await q(`select organization_id from users where username = 'orguser'`))[0]!.organization_id);
    await q('update organizations set zone_id = $1 where id = $2', [lz, orgU]);
    bank = await insertOrg('T-BANK', lz, 'financial_institution');
    borrower = await insertOrg('T-BORROWER', lz);
    outsider = await insertOrg('T-OUTSIDER', zj);
  }, 180_000);
  afterAll(() => t?.close());

  const POOL = () => ({
    zone_id: lz, name_zh: '兰州新区科技型企业贷款风险补偿资金池', name_en: 'Lanzhou New Area loan risk-compensation pool',
    size_fen: 2_000_000_000, share_bp: 5000, loan_cap_fen: 200_000_000, valid_from: '2024-01-01', bank_ids: [bank],
  });

  describe('risk-compensation pools', () => {
    let poolId: number;
    let loan1: number;
    let loan2: number;

    it('refuses bad input naming the field, and roles that may not define pools', async () => {
      const bad = async (patch: Json) => {
        const res = await operator.post('/api/funds/pools', { ...POOL(), ...patch });
        expect(res.statusCode, res.body).toBe(400);
        return fieldsOf(res.json());
      };
      expect(await bad({ share_bp: 0 })).toContain('share_bp');
      expect(await bad({ share_bp: 10001 })).toContain('share_bp');
      expect(await bad({ size_fen: 1.5 })).toContain('size_fen');
      expect(await bad({ size_fen: -100 })).toContain('size_fen');
      expect(await bad({ valid_from: '2024-02-30' })).toContain('valid_from');
      expect(await bad({ valid_to: '2023-12-31' })).toContain('valid_to');
      expect(await bad({ bank_ids: [99_999_999] })).toContain('bank_ids.0');
      expect(await bad({ zone_id: 1e20 })).toContain('zone_id');
      expect(await bad({ name_zh: '资金\u0000池' })).toContain('name_zh');
      expect(await bad({ name_zh: '   ' })).toContain('name_zh');
      expect((await orgUser.post('/api/funds/pools', POOL())).statusCode).toBe(403);
      expect((await anon.post('/api/funds/pools', POOL())).statusCode).toBe(401);
      expect((await operator.post('/api/funds/pools', { ...POOL(), zone_id: zj })).statusCode).toBe(403);
    });

    it('compensates at the share of the loss, stops at the per-loan cap, and never twice', async () => {
      const created = await operator.post('/api/funds/pools', POOL());
      expect(created.statusCode, created.body).toBe(201);
      poolId = created.json().id;
      expect(created.json().balance_fen).toBe(2_000_000_000);

      const loan = (patch: Json) => operator.post(`/api/funds/pools/${poolId}/loans`, { bank_org_id: bank, borrower_org_id: orgU, principal_fen: 100_000_000, start_date: '2024-03-01', maturity_date: '2025-03-01', ...patch });
      expect(fieldsOf((await loan({ bank_org_id: borrower })).json())).toContain('bank_org_id');
      expect(fieldsOf((await loan({ borrower_org_id: outsider })).json())).toContain('borrower_org_id');
      expect(fieldsOf((await loan({ maturity_date: '2024-02-01' })).json())).toContain('maturity_date');
      expect(fieldsOf((await loan({ start_date: '2023-06-01' })).json())).toContain('start_date');
      const l1 = await loan({});
      expect(l1.statusCode, l1.body).toBe(201);
      loan1 = l1.json().id;
      const l2 = await loan({ borrower_org_id: borrower, principal_fen: 1_000_000_000 });
      loan2 = l2.json().id;

      const claim = (id: number, body: Json) => operator.post(`/api/funds/loans/${id}/claims`, body);
      expect(fieldsOf((await claim(loan1, { loss_fen: 100_000_001, default_date: '2024-09-01' })).json())).toContain('loss_fen');
      expect(fieldsOf((await claim(loan1, { loss_fen: 1000, default_date: iso(new Date(Date.now() + 5 * 86_400_000)) })).json())).toContain('default_date');
      expect((await orgUser.post(`/api/funds/loans/${loan1}/claims`, { loss_fen: 1000, default_date: '2024-09-01' })).statusCode).toBe(403);

      // ¥600,000 lost at 50 % → ¥300,000, under the ¥2,000,000 cap.
      const c1 = await claim(loan1, { loss_fen: 60_000_000, default_date: '2024-09-01' });
      expect(c1.statusCode, c1.body).toBe(201);
      expect(c1.json()).toMatchObject({ share_fen: 30_000_000, compensated_fen: 30_000_000, limited_by: 'share', balance_after_fen: 1_970_000_000 });
      // ¥8,000,000 lost at 50 % → ¥4,000,000, capped at ¥2,000,000.
      const c2 = await claim(loan2, { loss_fen: 800_000_000, default_date: '2024-10-01' });
      expect(c2.json()).toMatchObject({ share_fen: 400_000_000, compensated_fen: 200_000_000, limited_by: 'loan_cap', balance_after_fen: 1_770_000_000 });
      const again = await claim(loan1, { loss_fen: 60_000_000, default_date: '2024-09-01' });
      expect(again.statusCode).toBe(409);

      const pool = (await operator.get(`/api/funds/pools/${poolId}`)).json();
      expect(pool.balance_fen).toBe(1_770_000_000);
      expect(pool.summary).toMatchObject({ claims: 2, compensated_fen: 230_000_000 });
      expect(pool.movements.map((m: Json) => [m.kind, m.amount_fen, m.balance_after_fen])).toEqual([
        ['endowment', 2_000_000_000, 2_000_000_000], ['compensation', -30_000_000, 1_970_000_000], ['compensation', -200_000_000, 1_770_000_000]]);
      const audited = await q(`select count(*)::int as n from audit_events where entity = 'risk_pool_claims' and action = 'compensate'`);
      expect(audited[0]!.n).toBe(2);
    });

    it('shows an organisation only its own loans, and nobody else the pool', async () => {
      const mine = await orgUser.get(`/api/funds/pools/${poolId}`);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().loans.map((l: Json) => l.id)).toEqual([loan1]);
      expect(mine.json().movements).toEqual([]);
      expect((await orgUser.get('/api/funds/pools')).json().items.map((p: Json) => p.id)).toEqual([poolId]);
      expect((await anon.get(`/api/funds/pools/${poolId}`)).statusCode).toBe(401);
      expect((await operator.get(`/api/funds/pools/${poolId}`)).json().loans).toHaveLength(2);
    });

    it('never goes negative nor pays a loan twice under concurrent claims', async () => {
      // ¥10,000 pool, 100 % share, ¥4,000 cap: five ¥4,000 losses can take ¥4,000 + ¥4,000 + ¥2,000 and no more.
      const p = (await operator.post('/api/funds/pools', { ...POOL(), size_fen: 1_000_000, share_bp: 10000, loan_cap_fen: 400_000 })).json();
      const loans: number[] = [];
      for (let i = 0; i < 5; i++) {
        loans.push((await operator.post(`/api/funds/pools/${p.id}/loans`, { bank_org_id: bank, borrower_org_id: borrower, principal_fen: 1_000_000, start_date: '2024-03-01', maturity_date: '2025-03-01' })).json().id);
      }
      const body = { loss_fen: 400_000, default_date: '2024-12-01' };
      const requests = [...loans, loans[0]!, loans[0]!, loans[0]!, loans[1]!].map((id) => operator.post(`/api/funds/loans/${id}/claims`, body));
      const results = await Promise.all(requests);
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(3);
      expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
      const paid = results.filter((r) => r.statusCode === 201).map((r) => r.json().compensated_fen).sort((a, b) => a - b);
      expect(paid).toEqual([200_000, 400_000, 400_000]);
      const claims = await q('select loan_id, compensated_fen from risk_pool_claims where pool_id = $1', [p.id]);
      expect(new Set(claims.map((c) => Number(c.loan_id))).size).toBe(claims.length);
      const after = await q('select balance_fen from risk_pools where id = $1', [p.id]);
      expect(Number(after[0]!.balance_fen)).toBe(0);
      const moved = await q('select coalesce(sum(amount_fen), 0)::int8 as s, min(balance_after_fen) as lowest from risk_pool_movements where pool_id = $1', [p.id]);
      expect(Number(moved[0]!.s)).toBe(0);
      expect(Number(moved[0]!.lowest)).toBe(0);
    });
  });

  describe('innovation vouchers', () => {
    let schemeId: number;
    let provider: number;
    let voucherU: number;
    let voucherExpired: number;
    const SCHEME = () => ({
      zone_id: lz, name_zh: '兰州新区创新券', name_en: 'Lanzhou New Area innovation vouchers', face_value_fen: 5_000_000, budget_fen: 15_000_000,
      validity_days: 365, issue_from: '2020-01-01', issue_to: '2030-12-31', categories: ['testing', 'rd_design'],
    });

    it('defines a scheme, registers a provider, issues within the budget', async () => {
      const bad = async (patch: Json) => fieldsOf((await operator.post('/api/funds/voucher-schemes', { ...SCHEME(), ...patch })).json());
      expect(await bad({ categories: ['astrology'] })).toContain('categories.0');
      expect(await bad({ issue_to: '2019-01-01' })).toContain('issue_to');
      expect(await bad({ face_value_fen: 0 })).toContain('face_value_fen');
      expect((await orgUser.post('/api/funds/voucher-schemes', SCHEME())).statusCode).toBe(403);
      const s = await operator.post('/api/funds/voucher-schemes', SCHEME());
      expect(s.statusCode, s.body).toBe(201);
      schemeId = s.json().id;

      provider = await insertOrg('T-LAB', zj, 'institute');
      expect(fieldsOf((await operator.post(`/api/funds/voucher-schemes/${schemeId}/providers`, { organization_id: provider, categories: ['ip'] })).json())).toContain('categories.0');
      const reg = await operator.post(`/api/funds/voucher-schemes/${schemeId}/providers`, { organization_id: provider, categories: ['testing'] });
      expect(reg.statusCode, reg.body).toBe(200);

      expect(fieldsOf((await operator.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [outsider] })).json())).toContain('organization_ids.0');
      expect(fieldsOf((await operator.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [orgU], issued_on: '2019-06-01' })).json())).toContain('issued_on');
      expect((await orgUser.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [orgU] })).statusCode).toBe(403);
      const issued = await operator.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [orgU, borrower] });
      expect(issued.statusCode, issued.body).toBe(201);
      expect(issued.json().budget_left_fen).toBe(5_000_000);
      voucherU = issued.json().items[0].id;
      // Issued more than a year ago: expired yesterday.
      const old = await operator.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [orgU], issued_on: daysAgo(366) });
      expect(old.statusCode, old.body).toBe(201);
      voucherExpired = old.json().items[0].id;
      expect(old.json().items[0].expires_on).toBe(daysAgo(2));
      expect((await operator.post(`/api/funds/voucher-schemes/${schemeId}/vouchers`, { organization_ids: [borrower] })).statusCode).toBe(409);
    });

    it('redeems once, at a registered provider for its category, before expiry', async () => {
      const redeem = (who: Client, id: number, patch: Json = {}) => who.post(`/api/funds/vouchers/${id}/redeem`, { provider_org_id: provider, category: 'testing', service_amount_fen: 8_000_000, ...patch });
      expect(fieldsOf((await redeem(orgUser, voucherU, { provider_org_id: bank })).json())).toContain('provider_org_id');
      expect(fieldsOf((await redeem(orgUser, voucherU, { category: 'rd_design' })).json())).toContain('category');
      expect(fieldsOf((await redeem(orgUser, voucherU, { category: 'ip' })).json())).toContain('category');
      const ok = await redeem(orgUser, voucherU);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ state: 'redeemed', paid_fen: 5_000_000, provider_org_id: provider });
      expect((await redeem(operator, voucherU)).statusCode).toBe(409);
      const expired = await redeem(orgUser, voucherExpired);
      expect(expired.statusCode).toBe(409);
      expect(expired.json().errors[0].field).toBe('voucher');
    });

    it('lists vouchers with states and balances; an organisation sees only its own', async () => {
      const all = (await operator.get(`/api/funds/vouchers?scheme=${schemeId}`)).json();
      expect(all.items.map((v: Json) => v.state).sort()).toEqual(['expired', 'redeemed', 'valid']);
      expect(all.balance).toEqual({ valid_fen: 5_000_000, paid_fen: 5_000_000, expired_fen: 5_000_000 });
      const mine = (await orgUser.get('/api/funds/vouchers')).json();
      expect(mine.items.every((v: Json) => v.organization_id === orgU)).toBe(true);
      expect(mine.items).toHaveLength(2);
      expect((await anon.get('/api/funds/vouchers')).statusCode).toBe(401);
      const scheme = (await operator.get(`/api/funds/voucher-schemes/${schemeId}`)).json();
      expect(scheme.stats).toEqual({ valid: 1, valid_fen: 5_000_000, redeemed: 1, paid_fen: 5_000_000, expired: 1, expired_fen: 5_000_000 });
      const audited = await q(`select action, count(*)::int as n from audit_events where entity = 'vouchers' group by action order by action`);
      expect(audited.map((r) => [r.action, r.n])).toEqual([['issue', 3], ['redeem', 1]]);
    });

    it('keeps the budget and redeems once under concurrent requests', async () => {
      const s = (await operator.post('/api/funds/voucher-schemes', { ...SCHEME(), budget_fen: 10_000_000 })).json();
      await operator.post(`/api/funds/voucher-schemes/${s.id}/providers`, { organization_id: provider, categories: ['testing'] });
      // Room for two vouchers; five issue requests at once.
      const issues = await Promise.all([0, 1, 2, 3, 4].map(() => operator.post(`/api/funds/voucher-schemes/${s.id}/vouchers`, { organization_ids: [borrower] })));
      expect(issues.map((r) => r.statusCode).sort()).toEqual([201, 201, 409, 409, 409]);
      const scheme = (await operator.get(`/api/funds/voucher-schemes/${s.id}`)).json();
      expect(scheme).toMatchObject({ issued_fen: 10_000_000, budget_left_fen: 0 });
      const voucher = issues.find((r) => r.statusCode === 201)!.json().items[0].id;
      const redeems = await Promise.all([0, 1, 2, 3, 4, 5].map(() => operator.post(`/api/funds/vouchers/${voucher}/redeem`, { provider_org_id: provider, category: 'testing', service_amount_fen: 1_000_000 })));
      expect(redeems.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const paid = await q('select paid_fen from vouchers where id = $1', [voucher]);
      expect(Number(paid[0]!.paid_fen)).toBe(1_000_000);
    });

    it('feeds the evaluation module: vouchers paid and risk-pool compensation of the year, in 10k yuan', async () => {
      const jobs = await q(`select kind from jobs where kind = 'recompute-indicators' and created_at > now() - interval '10 minutes'`);
      expect(jobs.length).toBeGreaterThan(0);
      const year = new Date().getFullYear();
      await computeValues(t.testDb.db, null, { years: { from: year, to: year }, zones: [lz] }, { skipAccess: true });
      const value = async (code: string) => Number((await q(`select v.value from indicator_values v join indicators i on i.id = v.indicator_id
        where i.code = $1 and v.zone_id = $2 and v.year = $3`, [code, lz, year]))[0]?.value);
      const vouchersFen = Number((await q(`select coalesce(sum(paid_fen), 0) as s from vouchers where zone_id = $1 and extract(year from redeemed_at) = $2`, [lz, year]))[0]!.s);
      const claimsFen = Number((await q(`select coalesce(sum(compensated_fen), 0) as s from risk_pool_claims where zone_id = $1 and extract(year from created_at) = $2`, [lz, year]))[0]!.s);
      expect(vouchersFen).toBeGreaterThan(0);
      expect(claimsFen).toBeGreaterThan(0);
      expect(await value('policy_vouchers_redeemed')).toBeCloseTo(vouchersFen / 1_000_000, 6);
      expect(await value('policy_risk_compensation')).toBeCloseTo(claimsFen / 1_000_000, 6);
    });
  });

  describe('talent evaluation', () => {
    let tz: number;
    const people: Record<string, number> = {};
    const SCHEME = {
      code: 't-hand', name_zh: '手算检验方案', name_en: 'Hand-checked scheme',
      method: { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: 'amean' },
      groups: [
        { code: 'innovation_value', name_zh: '创新价值', name_en: 'Innovation value', weight: 1, indicators: [
          { code: 'converted', name_zh: '转化成果', name_en: 'Converted', weight: 1, source: 'converted_achievements' },
          { code: 'patents', name_zh: '专利', name_en: 'Patents', weight: 1, source: 'patents' }] },
        { code: 'capability', name_zh: '能力', name_en: 'Capability', weight: 1, indicators: [
          { code: 'projects', name_zh: '主持项目', name_en: 'Projects led', weight: 1, source: 'projects_led' }] },
        { code: 'contribution', name_zh: '贡献', name_en: 'Contribution', weight: 2, indicators: [
          { code: 'trained', name_zh: '培养人才', name_en: 'Talents trained', weight: 1, source: 'manual' }] },
      ],
    };

    beforeAll(async () => {
      tz = Number((await q(`insert into zones (code, parent_id, kind, name_zh, name_en) values ('T-TALENT', $1, 'industrial_park', '人才评价测试园', 'Talent test park') returning id`, [lz]))[0]!.id);
      const org = await insertOrg('T-TALENT-ORG', tz);
      for (const [k, email] of [['A', null], ['B', null], ['C', null], ['D', 'd.secret@example.com']] as const) {
        people[k] = Number((await q(`insert into people (code, zone_id, organization_id, name_zh, name_en, title, email) values ($1, $2, $3, $4, $5, '研究员', $6) returning id`,
          [`T-P-${k}`, tz, org, `人员${k}`, `Person ${k}`, email]))[0]!.id);
      }
      const ach = async (kind: string, converted: boolean) => Number((await q(`insert into achievements (code, zone_id, organization_id, kind, title, converted) values ($1, $2, $3, $4, $5, $6) returning id`,
        [`T-A-${Math.random().toString(36).slice(2)}`, tz, org, kind, `成果 ${kind}`, converted]))[0]!.id);
      const prj = async () => Number((await q(`insert into projects (code, zone_id, lead_organization_id, kind, name_zh, status) values ($1, $2, $3, 'rd', '研发项目', 'in_progress') returning id`,
        [`T-PRJ-${Math.random().toString(36).slice(2)}`, tz, org]))[0]!.id);
      const credit = async (who: string, kind: string, ref: number, role = 'lead') => {
        const res = await operator.post('/api/talent/credits', { person_id: people[who], kind, ref_id: ref, role, source: '成果登记表' });
        expect(res.statusCode, res.body).toBe(201);
      };
      // A: 2 converted results, 1 utility model; member (not lead) of a project.
      await credit('A', 'achievement', await ach('technical_result', true));
      await credit('A', 'achievement', await ach('technical_result', true));
      await credit('A', 'achievement', await ach('utility_model', false));
      await credit('A', 'project', await prj(), 'member');
      // B: 1 converted invention patent and 2 more invention patents; leads 2 projects.
      await credit('B', 'achievement', await ach('invention_patent', true));
      await credit('B', 'achievement', await ach('invention_patent', false));
      await credit('B', 'achievement', await ach('invention_patent', false));
      await credit('B', 'project', await prj());
      await credit('B', 'project', await prj());
      // C: 1 design patent; leads 1 project. D: nothing.
      await credit('C', 'achievement', await ach('design_patent', false));
      await credit('C', 'project', await prj());
    });

    it('refuses a bad scheme and bad values naming the field', async () => {
      const dup = structuredClone(SCHEME) as Json;
      dup.groups[1].indicators[0].code = 'patents';
      const res = await operator.post('/api/talent/schemes', { zone_id: tz, definition: dup });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.json())).toContain('groups.1.indicators.0.code');
      const src = structuredClone(SCHEME) as Json;
      src.groups[0].indicators[0].source = 'papers_published';
      expect(fieldsOf((await operator.post('/api/talent/schemes', { zone_id: tz, definition: src })).json()).some((f) => f.startsWith('definition.groups.0.indicators.0.source'))).toBe(true);
      expect((await orgUser.post('/api/talent/schemes', { zone_id: tz, definition: SCHEME })).statusCode).toBe(403);
      const created = await operator.post('/api/talent/schemes', { zone_id: tz, definition: SCHEME });
      expect(created.statusCode, created.body).toBe(201);
      expect(fieldsOf((await operator.request({ method: 'PUT', url: '/api/talent/values', payload: { scheme: 't-hand', person_id: people.A, indicator: 'converted', value: 3, source: '自报' } })).json())).toContain('indicator');
      expect(fieldsOf((await operator.request({ method: 'PUT', url: '/api/talent/values', payload: { scheme: 't-hand', person_id: people.A, indicator: 'trained', value: -1, source: '自报' } })).json())).toContain('value');
      for (const [who, value] of [['A', 10], ['C', 4]] as const) {
        const put = await operator.request({ method: 'PUT', url: '/api/talent/values', payload: { scheme: 't-hand', person_id: people[who], indicator: 'trained', value, source: '人事处培养记录 2025' } });
        expect(put.statusCode, put.body).toBe(200);
      }
    });

    it('scores and ranks people as computed by hand, each score with its inputs', async () => {
      const res = await operator.get(`/api/talent/evaluation?scheme=t-hand&zone=${tz}`);
      expect(res.statusCode, res.body).toBe(200);
      const ev = res.json();
      const by = Object.fromEntries(ev.results.map((r: Json) => [r.person.code, r]));
      // converted A2 B1 C0 D0 → 100 50 0 0; patents A1 B3 C1 D0 → 33.3 100 33.3 0; projects led A0 B2 C1 D0 → 0 100 50 0;
      // trained A10 C4 (B, D missing) → 100, 0. Groups weigh 1, 1, 2; a missing group is left out of the mean:
      // A = (66.67 + 0 + 2·100)/4 = 200/3, B = (75 + 100)/2 = 87.5, C = (16.67 + 50 + 0)/4 = 50/3, D = 0.
      expect(by['T-P-B'].score).toBeCloseTo(87.5, 9);
      expect(by['T-P-A'].score).toBeCloseTo(200 / 3, 9);
      expect(by['T-P-C'].score).toBeCloseTo(50 / 3, 9);
      expect(by['T-P-D'].score).toBeCloseTo(0, 9);
      expect(ev.results.map((r: Json) => [r.person.code, r.rank])).toEqual([['T-P-B', 1], ['T-P-A', 2], ['T-P-C', 3], ['T-P-D', 4]]);
      expect(by['T-P-A'].groups.innovation_value.score).toBeCloseTo(200 / 3, 9);
      expect(by['T-P-A'].inputs.converted).toMatchObject({ value: 2, normalised: 100, origin: 'computed', used: true });
      expect(by['T-P-A'].inputs.converted.evidence).toHaveLength(2);
      expect(by['T-P-A'].inputs.projects.value).toBe(0); // a project where A is only a member is not "led"
      expect(by['T-P-B'].inputs.patents.evidence.map((e: Json) => e.label)).toEqual(['成果 invention_patent', '成果 invention_patent', '成果 invention_patent']);
      expect(by['T-P-A'].inputs.trained).toMatchObject({ value: 10, origin: 'manual', source: '人事处培养记录 2025', entered_by: 'operator' });
      expect(by['T-P-B'].inputs.trained.value).toBeNull();
      expect(res.body).not.toContain('d.secret@example.com');
      expect(res.body).not.toContain('email');
    });

    it('runs the uncertainty analysis of the composite engine', async () => {
      const ev = (await operator.get(`/api/talent/evaluation?scheme=t-hand&zone=${tz}&uncertainty=true&runs=100&seed=7`)).json();
      expect(ev.uncertainty).toMatchObject({ runs: 100, seed: 7 });
      for (const r of ev.results) {
        expect(r.uncertainty.q5).toBeLessThanOrEqual(r.uncertainty.median);
        expect(r.uncertainty.median).toBeLessThanOrEqual(r.uncertainty.q95);
      }
      // D has nothing anywhere: last under every normalisation and weighting.
      expect(ev.results.find((r: Json) => r.person.code === 'T-P-D').uncertainty).toMatchObject({ q5: 4, median: 4, q95: 4 });
    });

    it('evaluates with the shipped default scheme: teams and programmes count, empty indicators are reported', async () => {
      const prog = await operator.post('/api/talent/programmes', { code: 'T-CUIYING', zone_id: tz, name_zh: '萃英计划', name_en: 'Cuiying Programme' });
      expect(prog.statusCode, prog.body).toBe(201);
      expect((await operator.post(`/api/talent/programmes/${prog.json().id}/members`, { person_id: people.C, since: '2024-01-01' })).statusCode).toBe(200);
      const team = await operator.post('/api/talent/teams', { zone_id: tz, programme_id: prog.json().id, name_zh: '先进材料团队', leader_person_id: people.C, member_ids: [people.A, people.D] });
      expect(team.statusCode, team.body).toBe(201);
      expect(fieldsOf((await operator.post('/api/talent/teams', { zone_id: tz, name_zh: '重复', leader_person_id: people.C, member_ids: [people.C] })).json())).toContain('member_ids.0');
      const detail = await operator.get(`/api/talent/programmes/${prog.json().id}`);
      expect(detail.body).not.toContain('d.secret@example.com');
      expect((await orgUser.get(`/api/talent/programmes/${prog.json().id}`)).statusCode).toBe(403);

      const ev = (await operator.get(`/api/talent/evaluation?zone=${tz}`)).json();
      expect(ev.scheme.code).toBe('talent-default');
      const c = ev.results.find((r: Json) => r.person.code === 'T-P-C');
      expect(c.inputs.team_members_led).toMatchObject({ value: 2, used: true });
      expect(c.inputs.programme_memberships).toMatchObject({ value: 1, used: true });
      expect(ev.excluded.map((e: Json) => e.indicator)).toEqual(expect.arrayContaining(['industry_revenue', 'talents_trained', 'transfer_turnover']));
      // Only the programme's people: C (member, leader) and A, D (team members).
      const only = (await operator.get(`/api/talent/evaluation?zone=${tz}&programme=${prog.json().id}`)).json();
      expect(only.results.map((r: Json) => r.person.code).sort()).toEqual(['T-P-A', 'T-P-C', 'T-P-D']);
    });

    it('shows results only to signed-in admins and operators of the zone', async () => {
      expect((await anon.get(`/api/talent/evaluation?zone=${tz}`)).statusCode).toBe(401);
      expect((await orgUser.get(`/api/talent/evaluation?zone=${tz}`)).statusCode).toBe(403);
      expect((await operator.get(`/api/talent/evaluation?zone=${zj}`)).statusCode).toBe(403);
      expect((await admin.get(`/api/talent/evaluation?zone=${tz}&scheme=t-hand`)).statusCode).toBe(200);
      const unknown = await admin.get(`/api/talent/evaluation?zone=${tz}&scheme=nope`);
      expect(unknown.statusCode).toBe(400);
      expect(fieldsOf(unknown.json())).toContain('scheme');
      expect(fieldsOf((await admin.get('/api/talent/evaluation?zone=abc')).json())[0]).toMatch(/zone/);
    });
  });
});
