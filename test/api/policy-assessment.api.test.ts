// Self-assessment, rule versions, policy matching and the cultivation pipeline through the HTTP API, on both
// databases: prefill from registry records the test writes, the H-1 vector of the policy reference completed by the
// user, saved versions with a stale-version conflict, a rule version added from a file (and a bad one), programme
// matching with the contact export, pipeline counts and transitions on a zone with known qualifications, and every
// role that must be refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { BACKENDS } from '../helpers/test-db';

const DATE = '2025-06-30';

/** What the user adds to the registry's facts to make the H-1 vector of ../shared/reference/policy-rules.md. */
const H1_INPUTS = {
  years: [
    { year: 2022, domesticRd: 135, netAssets: 2000 },
    { year: 2023, domesticRd: 180, netAssets: 2400 },
    { year: 2024, domesticRd: 225, netAssets: 3000, hiTechRevenue: 3060, totalIncome: 5200, nonTaxableIncome: 100 },
  ],
  flags: { coreIpOwned: true, inKeyTechField: true, noMajorIncident: true, standardDrafting: true },
  conversionsLast3Years: 12,
  expert: { hnte: { advancement: 7, coreSupport: 7, ipQuantity: 7, acquisition: 5, standardBonus: 1, conversion: 20, managementRules: 5, managementInstitution: 4, managementConversion: 3, managementTalent: 3 } },
};

for (const backend of BACKENDS) {
  describe(`policy assessment API (${backend})`, () => {
    let t: TestApp;
    let admin: Client, operator: Client, orguser: Client, anonymous: Client;
    let orgId: number;
    let lzna: number;
    let testZone: number;
    let chengduOrg: number;
    const ent: Record<string, number> = {};

    const created = async (c: Client, url: string, body: object) => {
      const res = await c.post(url, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; version: number };
    };

    beforeAll(async () => {
      t = await startTestApp(backend, { orgs: 20 });
      admin = await new Client(t.app).login('admin');
      operator = await new Client(t.app).login('operator');
      orguser = await new Client(t.app).login('orguser');
      anonymous = new Client(t.app);
      orgId = (await orguser.get('/api/auth/me')).json().user.organization_id;
      const zones = (await admin.get('/api/zones?limit=200')).json().items as { id: number; code: string }[];
      lzna = zones.find((z) => z.code === 'LZNA')!.id;
      const cdsc = zones.find((z) => z.code === 'CDSC')!.id;
      chengduOrg = (await created(admin, '/api/organizations', { name_zh: '成都测试企业', zone_id: cdsc, kind: 'enterprise', founded_year: 2010 })).id;

      // The organisation user's enterprise: founded 2020, H-1's sales, R&D and staff, one invention and two software copyrights.
      const org = (await admin.get(`/api/organizations/${orgId}`)).json();
      expect((await admin.patch(`/api/organizations/${orgId}`, { version: org.version, founded_year: 2020 })).statusCode).toBe(200);
      const stats = [[2022, 3000, 150, 70, 7], [2023, 4000, 200, 75, 7], [2024, 5000, 250, 80, 8]];
      for (const [year, revenue, rd, staff, rdStaff] of stats) {
        await created(admin, '/api/annual-statistics', { organization_id: orgId, year, operating_revenue: revenue, rd_expense: rd, staff, rd_staff: rdStaff });
      }
      await created(admin, '/api/achievements', { organization_id: orgId, kind: 'invention_patent', title: '一种测试发明专利', year: 2022, patent_no: 'ZL202210000001.X' });
      await created(admin, '/api/achievements', { organization_id: orgId, kind: 'software_copyright', title: '测试软件V1.0', year: 2023 });
      await created(admin, '/api/achievements', { organization_id: orgId, kind: 'software_copyright', title: '测试软件V2.0', year: 2024 });

      // A zone below Lanzhou New Area with four enterprises whose qualifications over time are known.
      testZone = (await created(admin, '/api/zones', { name_zh: '政策测试园', name_en: 'Policy test park', kind: 'park', parent_id: lzna })).id;
      for (const name of ['A', 'B', 'C', 'D']) ent[name] = (await created(admin, '/api/organizations', { name_zh: `梯度企业${name}`, zone_id: testZone, kind: 'enterprise', founded_year: 2015 })).id;
      const q = (organization_id: number, type: string, valid_from: string, valid_to?: string) => created(admin, '/api/qualifications', { organization_id, type, valid_from, valid_to: valid_to ?? null, level: 'national' });
      await q(ent.A!, 'tech_sme', '2023-05-01', '2023-12-31');
      await q(ent.A!, 'innovative_sme', '2024-03-01', '2027-02-28');
      await q(ent.B!, 'hightech_enterprise', '2022-11-01', '2025-10-31');
      await q(ent.D!, 'hightech_enterprise', '2021-01-01'); // no end date: three years
      await q(ent.D!, 'little_giant', '2024-07-01', '2027-06-30');
    });
    afterAll(async () => t?.close());

    it('prefills the case from the registry and says where each value came from', async () => {
      const res = await orguser.get(`/api/policy/assessment/prefill?organization=${orgId}&programme=hnte&date=${DATE}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.rulesVersion.id).toBe('hnte-2016');
      expect(body.case.registrationDate).toBe('2020-12-31');
      expect(body.case.years).toEqual([
        { year: 2022, salesRevenue: 3000, rdExpense: 150, staffAvg: 70, techStaffAvg: 7, rdStaffAvg: 7 },
        { year: 2023, salesRevenue: 4000, rdExpense: 200, staffAvg: 75, techStaffAvg: 7, rdStaffAvg: 7 },
        { year: 2024, salesRevenue: 5000, rdExpense: 250, staffAvg: 80, techStaffAvg: 8, rdStaffAvg: 8 },
      ]);
      expect(body.case.ip.map((i: { class: string }) => i.class).sort()).toEqual(['I', 'II', 'II']);
      expect(body.provenance.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['registrationDate', 'years.2024', 'ip']));
      // Registry data alone cannot decide HNTE (high-tech revenue, domestic R&D …): the preview says what is missing.
      expect(body.preview.verdict).toBe('incomplete');
      expect(body.preview.missing).toEqual(expect.arrayContaining([expect.stringContaining('hiTechRevenue')]));
      const c5 = body.preview.conditions.find((c: { id: string }) => c.id === 'C5');
      expect(c5.pass).toBe(true);
      expect(c5.source).toMatch(/S1/);
    });

    it('asks for what is missing instead of giving a verdict, and assesses H-1 once it is given', async () => {
      const incomplete = await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: DATE });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^case\.years.*hiTechRevenue$/)]));

      const res = await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: DATE, case: H1_INPUTS });
      expect(res.statusCode, res.body).toBe(200);
      const { result, case: merged } = res.json();
      expect(merged.years.find((y: { year: number }) => y.year === 2024)).toMatchObject({ salesRevenue: 5000, hiTechRevenue: 3060 });
      expect(result.rulesVersion).toBe('hnte-2016');
      expect(result.score).toBe(74);
      expect(result.qualifies).toBe(true);
      expect(result.conditions.every((c: { pass: boolean }) => c.pass === true)).toBe(true);
      expect(result.conditions.find((c: { id: string }) => c.id === 'C6').arithmetic.en).toMatch(/3,?060/);

      // One point less on management: 70 is not "above 70", and the advice says how far.
      const lower = await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: DATE, case: { ...H1_INPUTS, expert: { hnte: { ...H1_INPUTS.expert.hnte, managementRules: 1 } } } });
      expect(lower.statusCode, lower.body).toBe(200);
      expect(lower.json().result.score).toBe(70);
      expect(lower.json().result.qualifies).toBe(false);
      expect(lower.json().result.advice.length).toBeGreaterThan(0);
    });

    it('refuses bad input with the field named, in the caller\'s language', async () => {
      const badProgramme = await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'nobel-prize' });
      expect(badProgramme.statusCode).toBe(400);
      expect(badProgramme.json().errors[0].field).toBe('programme');
      const badDate = await orguser.get(`/api/policy/assessment/prefill?organization=${orgId}&programme=hnte&date=2025-02-30`);
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().errors[0].field).toMatch(/date/);
      const negative = await new Client(t.app, 'zh-CN').login('orguser').then((c) => c.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: DATE, case: { years: [{ year: 2024, staffAvg: -3 }] } }));
      expect(negative.statusCode).toBe(400);
      expect(negative.json().errors[0].field).toBe('case.years[0].staffAvg');
      expect(negative.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      const far = await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: '2031-01-01' });
      expect(far.statusCode).toBe(400);
      expect(far.json().errors[0].field).toBe('date');
      const university = (await admin.get('/api/organizations?limit=200&f.kind=university')).json().items[0];
      if (university) expect((await admin.post('/api/policy/assessment/run', { organization_id: university.id, programme: 'hnte' })).statusCode).toBe(400);
    });

    it('refuses those who may not assess an enterprise', async () => {
      expect((await anonymous.get(`/api/policy/assessment/prefill?organization=${orgId}&programme=hnte`)).statusCode).toBe(401);
      expect((await orguser.get(`/api/policy/assessment/prefill?organization=${chengduOrg}&programme=hnte`)).statusCode).toBe(403);
      expect((await operator.post('/api/policy/assessment/run', { organization_id: chengduOrg, programme: 'tech-sme' })).statusCode).toBe(403);
      expect((await operator.get(`/api/policy/assessment/prefill?organization=${orgId}&programme=srdi&date=${DATE}`)).statusCode).toBe(200);
      expect((await orguser.get(`/api/policy/matching/enterprises/${chengduOrg}`)).statusCode).toBe(403);
      expect((await orguser.get(`/api/policy/pipeline?zone=${lzna}`)).statusCode).toBe(403);
      expect((await operator.get(`/api/policy/pipeline?zone=${(await admin.get('/api/zones?limit=200')).json().items.find((z: { code: string }) => z.code === 'CDSC').id}`)).statusCode).toBe(403);
    });

    it('saves assessments as versions, each with its inputs, result and rule version; a stale save is a conflict', async () => {
      const first = await orguser.post('/api/policy/assessments', { organization_id: orgId, programme: 'hnte', date: DATE, case: H1_INPUTS, note: '首次自评' });
      expect(first.statusCode, first.body).toBe(201);
      const saved = first.json();
      expect(saved.version).toBe(1);
      expect(saved.versions[0]).toMatchObject({ version: 1, rules_version: 'hnte-2016', qualifies: true, score: 74, application_date: DATE, saved_by: 'orguser' });
      const second = await orguser.post(`/api/policy/assessments/${saved.id}/versions`, { version: 1, date: DATE, case: { ...H1_INPUTS, expert: { hnte: { ...H1_INPUTS.expert.hnte, managementRules: 1 } } } });
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json().versions.map((v: { version: number; score: number }) => [v.version, v.score])).toEqual([[2, 70], [1, 74]]);
      expect(second.json().versions[0].inputs.expert.hnte.managementRules).toBe(1);
      const stale = await orguser.post(`/api/policy/assessments/${saved.id}/versions`, { version: 1, date: DATE, case: H1_INPUTS });
      expect(stale.statusCode).toBe(409);
      const list = (await orguser.get('/api/policy/assessments')).json();
      expect(list.items.find((i: { id: number }) => i.id === saved.id)).toMatchObject({ version: 2, qualifies: false, score: 70 });
      expect((await operator.get(`/api/policy/assessments/${saved.id}`)).statusCode).toBe(200);
      const outsider = await created(admin, '/api/policy/assessments', { organization_id: chengduOrg, programme: 'tech-sme', date: DATE, use_registry: true, case: { flags: {} } }).catch(() => null);
      if (outsider) expect((await orguser.get(`/api/policy/assessments/${outsider.id}`)).statusCode).toBe(403);
      expect((await anonymous.get(`/api/policy/assessments/${saved.id}`)).statusCode).toBe(401);
    });

    it('adds a rule version from a file; assessments use it from its effective date; a bad file is refused', async () => {
      const listed = (await orguser.get('/api/policy/rule-versions?programme=hnte')).json().items;
      const builtIn = listed.find((v: { id: string }) => v.id === 'hnte-2016');
      expect(builtIn).toMatchObject({ origin: 'builtin', confidence: 'V1' });
      const all = (await orguser.get('/api/policy/rule-versions')).json().items as { id: string; confidence: string; status: string }[];
      expect(all.some((v) => v.confidence === 'V3' || v.confidence === 'reported')).toBe(true);

      const bad = await admin.post('/api/policy/rule-versions', { definition: { id: 'Bad Id!', programme: 'hnte' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['file.id', 'file.title']));
      const notJson = await admin.request({ method: 'POST', url: '/api/policy/rule-versions/file', ...multipart('rules.json', '{ not json') });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().errors[0].field).toBe('file');

      // A stricter score rule from July 2025: the same inputs (74 points) fail C7 when applying after it starts.
      const file = JSON.parse(JSON.stringify((await import('../../src/policy/rules/engine')).builtInVersion('hnte-2016')));
      file.id = 'hnte-2025-test';
      file.effective = { from: '2025-07-01', to: null };
      const c7 = file.conditions.find((c: { id: string }) => c.id === 'C7');
      c7.check.threshold = '75';
      expect((await orguser.post('/api/policy/rule-versions', { definition: file })).statusCode).toBe(403);
      const up = await admin.request({ method: 'POST', url: '/api/policy/rule-versions/file', ...multipart('hnte-2025.json', JSON.stringify(file)) });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ id: 'hnte-2025-test', origin: 'uploaded', file_name: 'hnte-2025.json' });
      expect((await admin.post('/api/policy/rule-versions', { definition: file })).statusCode).toBe(409);

      const now = (await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: '2025-07-15', case: H1_INPUTS })).json().result;
      expect(now.rulesVersion).toBe('hnte-2025-test');
      expect(now.qualifies).toBe(false);
      const before = (await orguser.post('/api/policy/assessment/run', { organization_id: orgId, programme: 'hnte', date: DATE, case: H1_INPUTS })).json().result;
      expect(before.rulesVersion).toBe('hnte-2016');
      expect(before.qualifies).toBe(true);
      expect((await orguser.get('/api/policy/rule-versions?programme=hnte')).json().items.map((v: { id: string }) => v.id)).toContain('hnte-2025-test');
    });

    it('matches open programmes and qualifications for an enterprise, and lists qualified enterprises that have not applied', async () => {
      const rows = await t.testDb.db.query<{ id: number }>(`insert into policy_programmes (code, zone_id, name_zh, name_en, rules, amount_rule, budget_fen, opens_on, closes_on)
        values ('PA-RD-2025', $1, '研发奖补', 'R&D grant', $2::jsonb, $3::jsonb, 1000000000, '2025-01-01', '2025-12-31') returning id`,
      [lzna, JSON.stringify([{ kind: 'org_kind', in: ['enterprise'] }, { kind: 'statistic', field: 'rd_expense', op: '>=', value: 200, year: -1 }]),
        JSON.stringify({ kind: 'share', field: 'rd_expense', year: -1, rate_bp: 1000, cap_fen: 50_000_000 })]);
      const programmeId = Number(rows[0]!.id);

      const mine = await orguser.get(`/api/policy/matching/enterprises/${orgId}?date=${DATE}`);
      expect(mine.statusCode, mine.body).toBe(200);
      const p = mine.json().programmes.find((x: { id: number }) => x.id === programmeId);
      expect(p).toMatchObject({ status: 'meets', applied: null, amount_fen: 25_000_000 });
      expect(mine.json().qualifications.map((q: { programme: string }) => q.programme)).toEqual(['tech-sme', 'innovative-sme', 'hnte', 'srdi', 'little-giant']);

      const candidates = await operator.get(`/api/policy/matching/programme-candidates?programme=${programmeId}&date=${DATE}`);
      expect(candidates.statusCode, candidates.body).toBe(200);
      expect(candidates.json().items.map((i: { id: number }) => i.id)).toContain(orgId);
      expect(candidates.json().items.find((i: { id: number }) => i.id === orgId).amount_fen).toBe(25_000_000);
      const csv = await operator.get(`/api/policy/matching/programme-candidates/export?programme=${programmeId}&date=${DATE}&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body).toContain('Credit code');
      expect(csv.body).toContain('250000.00');
      const xlsx = await operator.get(`/api/policy/matching/programme-candidates/export?programme=${programmeId}&date=${DATE}&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await orguser.get(`/api/policy/matching/programme-candidates?programme=${programmeId}`)).statusCode).toBe(403);

      await t.testDb.db.query(`insert into policy_applications (programme_id, organization_id, zone_id, figures, eligibility, computed_fen) values ($1, $2, $3, '{}', '{}', 25000000)`, [programmeId, orgId, lzna]);
      const after = (await operator.get(`/api/policy/matching/programme-candidates?programme=${programmeId}&date=${DATE}`)).json();
      expect(after.items.map((i: { id: number }) => i.id)).not.toContain(orgId);
      expect((await orguser.get(`/api/policy/matching/enterprises/${orgId}?date=${DATE}`)).json().programmes.find((x: { id: number }) => x.id === programmeId).applied).not.toBeNull();
    });

    it('computes the R&D super-deduction line by line with its sources (vector R-1), and names bad fields', async () => {
      const res = await orguser.post('/api/policy/super-deduction', { taxYear: 2024, expenses: { personnel: 300, directInputs: 200, depreciation: 100, amortisation: 50, design: 50, otherRelated: 100 } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ taxYear: 2024, rate: 1, base: 777.78, extraDeduction: 777.78, excluded: false });
      expect(res.json().lines.every((l: { source: string }) => l.source.length > 0)).toBe(true);
      const bad = await orguser.post('/api/policy/super-deduction', { taxYear: 2024, expenses: { personnel: -1 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('expenses.personnel');
    });

    it('counts enterprises per tier, transitions by year and lapsing certificates of a zone subtree', async () => {
      const res = await operator.get(`/api/policy/pipeline?zone=${testZone}&date=${DATE}&from_year=2021&to_year=2024&lapsing_days=180`);
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.tiers.map((x: { tier: number; count: number }) => [x.tier, x.count])).toEqual([[0, 1], [1, 0], [2, 1], [3, 1], [4, 0], [5, 1]]);
      expect(p.transitions.map((x: { year: number; from: number; to: number; count: number }) => [x.year, x.from, x.to, x.count])).toEqual([
        [2021, 0, 3, 1], [2022, 0, 3, 1], [2023, 0, 1, 1], [2024, 1, 2, 1], [2024, 3, 5, 1],
      ]);
      expect(p.lapsing.total).toBe(1);
      expect(p.lapsing.items[0]).toMatchObject({ organization_id: ent.B, type: 'hightech_enterprise', valid_to: '2025-10-31', days_left: 123 });
      // The parent zone's pipeline holds the test zone's enterprises too.
      const parent = (await admin.get(`/api/policy/pipeline?zone=${lzna}&date=${DATE}`)).json();
      const sum = (x: { tiers: { tier: number; count: number }[] }, tier: number) => x.tiers.find((y) => y.tier === tier)!.count;
      expect(sum(parent, 5)).toBeGreaterThanOrEqual(1);

      const closest = await operator.get(`/api/policy/pipeline/closest?zone=${testZone}&date=${DATE}`);
      expect(closest.statusCode, closest.body).toBe(200);
      expect(closest.json().assessed).toBe(3);
      const next = Object.fromEntries(closest.json().items.map((i: { organization_id: number; next_programme: string }) => [i.organization_id, i.next_programme]));
      expect(next).toEqual({ [ent.A!]: 'hnte', [ent.B!]: 'srdi', [ent.C!]: 'tech-sme' });
      expect((await orguser.get(`/api/policy/pipeline/closest?zone=${testZone}`)).statusCode).toBe(403);
    });
  });
}
