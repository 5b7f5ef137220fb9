import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BACKENDS } from '../../../test/helpers/test-db';
import { Client, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { buildComposite, copelandScores } from '../composite';
import { loadShippedFrameworks } from './evaluation.routes';
import { validateFrameworkDef } from './framework.service';
import { unitQuestion } from './indicator.service';
import { ZONE_STARTER } from '../frameworks/shipped';

const DEMO_ZONES = ['LZNA', 'LZHTZ', 'LZEZ', 'BYHTZ', 'CDSC', 'TFNA', 'ZJ'];

describe('unit check of entered values', () => {
  const u = (unit: string) => ({ unit, typical_min: null, typical_max: null });
  it('questions a percent entered as a share and a share entered as a percent', () => {
    expect(unitQuestion(u('percent'), 0.037)?.suggestion).toBeCloseTo(3.7);
    expect(unitQuestion(u('percent'), 3.7)).toBeNull();
    expect(unitQuestion(u('share'), 3.7)?.suggestion).toBeCloseTo(0.037);
    expect(unitQuestion(u('share'), 0.037)).toBeNull();
    expect(unitQuestion(u('count'), 2.5)).not.toBeNull();
  });
});

describe('framework validation (pure)', () => {
  const ids = new Map(ZONE_STARTER.nodes.filter((n) => n.indicator).map((n, k) => [n.indicator as string, k + 1]));
  const v = (nodes: typeof ZONE_STARTER.nodes, options = ZONE_STARTER.options) => validateFrameworkDef(nodes, ZONE_STARTER.method, options, ids);
  const fails = (f: () => unknown, code: string, subject: string) => {
    try { f(); } catch (err) {
      const e = err as { extra: { compositeError?: { code: string; subject: string } }; issues: { field: string }[] };
      expect(e.extra.compositeError).toEqual({ code, subject });
      expect(e.issues[0]!.field).toContain(subject);
      return;
    }
    throw new Error('expected a validation error');
  };
  it('accepts the starter framework', () => expect(v(ZONE_STARTER.nodes)).toHaveLength(ZONE_STARTER.nodes.length));
  it('reports a cycle, an unknown parent and a negative weight by name', () => {
    const cyc = ZONE_STARTER.nodes.map((n) => (n.code === 'STARTER' ? { ...n, parent: 'S_INPUT' } : n));
    fails(() => v(cyc), 'FRAMEWORK_CYCLE', 'STARTER');
    fails(() => v(ZONE_STARTER.nodes.map((n) => (n.code === 'S_OUTPUT' ? { ...n, parent: 'NOPE' } : n))), 'UNKNOWN_PARENT', 'S_OUTPUT');
    fails(() => v(ZONE_STARTER.nodes.map((n) => (n.code === 'S_ACTORS' ? { ...n, weight: -1 } : n))), 'NEGATIVE_WEIGHT', 'S_ACTORS');
  });
  it('reports weights that do not sum as the framework requires', () => {
    fails(() => v(ZONE_STARTER.nodes, { ...ZONE_STARTER.options, weightRules: [{ level: 2, sum: 100 }] }), 'INVALID_WEIGHT', 'STARTER');
  });
  it('reports an unknown indicator', () => {
    expect(() => v([...ZONE_STARTER.nodes, { code: 'zzz', parent: 'S_INPUT', level: 1, name_zh: 'x', weight: 1, indicator: 'zzz' }])).toThrow(/VALIDATION/);
  });
});

describe.each(BACKENDS)('evaluation on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let anon: Client;
  let zones: Map<string, number>;
  let year: number;
  let starter: number;
  let torch: number;
  let eis: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    await loadShippedFrameworks(t.testDb.db);
    await loadShippedFrameworks(t.testDb.db); // idempotent
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    anon = new Client(t.app);
    zones = new Map((await t.testDb.db.query<{ id: number; code: string }>('select id, code from zones')).map((z) => [z.code, z.id]));
    year = (await t.testDb.db.query<{ y: number }>('select max(year) as y from annual_statistics'))[0]!.y;
    const fws = (await anon.get('/api/frameworks')).json().items as { id: number; code: string }[];
    starter = fws.find((f) => f.code === 'zone-starter')!.id;
    torch = fws.find((f) => f.code === 'torch-2021')!.id;
    eis = fws.find((f) => f.code === 'eis-2021')!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('ships three frameworks and the indicator library, once', async () => {
    const fws = (await anon.get('/api/frameworks')).json().items;
    expect(fws.filter((f: { shipped: boolean }) => f.shipped)).toHaveLength(3);
    const e = (await anon.get(`/api/frameworks/${eis}`)).json();
    expect(e.nodes.filter((n: { level: number }) => n.level === 1)).toHaveLength(32);
    expect(e.nodes.filter((n: { level: number }) => n.level === 2)).toHaveLength(12);
    const tr = (await anon.get(`/api/frameworks/${torch}`)).json();
    expect(tr.nodes.filter((n: { level: number }) => n.level === 2).map((n: { weight: number }) => n.weight)).toEqual([20, 20, 15, 15, 30]);
    expect(tr.nodes.find((n: { code: string }) => n.code === 'rd_institutions').weight).toBe(0.8);
    const inds = (await anon.get('/api/indicators')).json().items;
    expect(new Set(inds.map((i: { code: string }) => i.code)).size).toBe(inds.length);
  });

  it('refuses anonymous and non-admin writes', async () => {
    expect((await anon.post('/api/indicator-values/compute', { years: year })).statusCode).toBe(401);
    expect((await operator.post('/api/indicator-values/compute', { years: year })).statusCode).toBe(403);
    expect((await anon.post('/api/indicators', { code: 'x', name_zh: 'x', unit: 'count', kind: 'entered' })).statusCode).toBe(401);
    expect((await anon.post(`/api/frameworks/${starter}/copy`, {})).statusCode).toBe(401);
    expect((await anon.post('/api/indicator-values', { indicator: 'torch_profit_margin', zone: 'LZNA', year, value: 5, source: 's' })).statusCode).toBe(401);
  });

  it('computes registry indicators that match hand-written SQL, with provenance', async () => {
    const res = await admin.post('/api/indicator-values/compute', { years: { from: year - 3, to: year } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().values).toBeGreaterThan(0);
    const db = t.testDb.db;
    const lanzhou = zones.get('CN-GS-LZ')!;
    const [expected] = await db.query<{ rd: number; rev: number; rs: number; s: number }>(`select sum(rd_expense)::float8 as rd, sum(operating_revenue)::float8 as rev,
        sum(rd_staff)::float8 as rs, sum(staff)::float8 as s
      from annual_statistics a join zones z on z.id = a.zone_id where z.code in ('LZNA', 'LZHTZ', 'LZEZ') and a.year = $1 and a.retired_at is null`, [year]);
    const got = (await admin.get(`/api/indicator-values?zone=${lanzhou}&indicator=rd_intensity,rd_staff_per_10k&from=${year}&to=${year}`)).json().items;
    const rd = got.find((v: { indicator_code: string }) => v.indicator_code === 'rd_intensity');
    expect(rd.value).toBeCloseTo((expected!.rd / expected!.rev) * 100, 9);
    expect(rd.origin).toBe('computed');
    expect(rd.provenance).toMatchObject({ computation: 'rd_intensity', inputs: { numerator: expect.any(Number), denominator: expect.any(Number) } });
    expect(rd.provenance.computed_at).toBeTruthy();
    expect(got.find((v: { indicator_code: string }) => v.indicator_code === 'rd_staff_per_10k').value).toBeCloseTo((expected!.rs / expected!.s) * 10000, 6);
    const [hte] = await db.query<{ n: number }>(`select count(distinct organization_id)::int8 as n from qualifications q join zones z on z.id = q.zone_id
      where z.code = 'LZNA' and type = 'hightech_enterprise' and valid_from <= make_date($1, 12, 31) and (valid_to is null or valid_to >= make_date($1, 12, 31))`, [year]);
    const hv = (await admin.get(`/api/indicator-values?zone=${zones.get('LZNA')}&indicator=hightech_enterprises&from=${year}&to=${year}`)).json().items[0];
    expect(hv.value).toBe(hte!.n);
    // A qualification indicator filtered by type and level, over the city (covering its zones).
    const [nat] = await db.query<{ n: number }>(`select count(distinct organization_id)::int8 as n from qualifications q join zones z on z.id = q.zone_id
      where z.code in ('LZNA', 'LZHTZ', 'LZEZ') and type in ('national_key_lab', 'engineering_center', 'enterprise_tech_center') and level = 'national'
        and q.retired_at is null and valid_from <= make_date($1, 12, 31) and (valid_to is null or valid_to >= make_date($1, 12, 31))`, [year]);
    const natv = (await admin.get(`/api/indicator-values?zone=${lanzhou}&indicator=national_rd_institution_firms&from=${year}&to=${year}`)).json().items[0];
    expect(natv.value).toBe(nat!.n);
    const [ne] = await db.query<{ n: number }>(`select count(*)::int8 as n from organizations o join zones z on z.id = o.zone_id
      where z.code in ('TFNA', 'CDSC') and o.kind = 'enterprise' and o.founded_year = $1`, [year - 3]);
    const nv = (await admin.get(`/api/indicator-values?zone=${zones.get('TFNA')}&indicator=new_enterprises&from=${year - 3}&to=${year - 3}`)).json().items[0];
    expect(nv.value).toBe(ne!.n);
  });

  it('records division by zero as null with the reason, never 0 or NaN', async () => {
    // No achievements in LZEZ for the year: converted share is 0 / 0.
    const res = await admin.post('/api/indicator-values/compute', { years: year, indicators: ['achievements_converted_share'], zones: [zones.get('LZEZ')] });
    expect(res.statusCode, res.body).toBe(200);
    const v = (await admin.get(`/api/indicator-values?zone=${zones.get('LZEZ')}&indicator=achievements_converted_share&from=${year}&to=${year}`)).json().items[0];
    expect(v.value).toBeNull();
    expect(v.provenance.reason).toBe('division by zero');
    expect(v.provenance.inputs.denominator).toBe(0);
  });

  it('asks before keeping an entered value that does not fit its unit', async () => {
    const body = { indicator: 'torch_profit_margin', zone: 'LZNA', year, value: 0.037, source: '兰州新区统计公报' };
    const asked = await operator.post('/api/indicator-values', body);
    expect(asked.statusCode).toBe(400);
    expect(asked.json().errors[0].field).toBe('value');
    expect(asked.json().confirmRequired).toBe(true);
    expect(asked.json().suggestion).toBeCloseTo(3.7);
    expect(asked.json().errors[0].message).toMatch(/looks like a share: did you mean 3\.7\?/);
    // The same question in Chinese, with no English sentence inside it.
    const operatorZh = await new Client(t.app, 'zh-CN').login('operator');
    const askedZh = (await operatorZh.post('/api/indicator-values', body)).json().errors[0].message as string;
    expect(askedZh).toMatch(/像是比例：是否应为 3\.7？/);
    expect(askedZh.replace('confirm: true', '')).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    const kept = await operator.post('/api/indicator-values', { ...body, confirm: true });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json().provenance).toMatchObject({ origin: 'entered', username: 'operator', source: '兰州新区统计公报', confirmed: true });
    expect((await operator.post('/api/indicator-values', { ...body, zone: 'ZJ', value: 3.7 })).statusCode).toBe(403);
    const computed = await admin.post('/api/indicator-values', { ...body, indicator: 'rd_intensity', value: 3.7 });
    expect(computed.statusCode).toBe(400);
    expect(computed.json().errors[0].field).toBe('indicator');
  });

  it('evaluates zones with ranks consistent with the engine, rank change and drill-down', async () => {
    const res = await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: DEMO_ZONES, year });
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json();
    expect(ev.results).toHaveLength(DEMO_ZONES.length);
    // The same numbers through the engine directly.
    const nodes = ev.nodes.map((n: { code: string; level: number; parent_code: string | null; weight: number; direction: number | null }) =>
      ({ iCode: n.code, level: n.level, parent: n.parent_code, weight: n.weight, direction: n.direction ?? 1 }));
    const indicators = Object.fromEntries(ev.nodes.filter((n: { level: number }) => n.level === 1)
      .map((n: { code: string }) => [n.code, DEMO_ZONES.map((z) => ev.inputs[z][n.code].value)]));
    const direct = buildComposite(nodes, { units: DEMO_ZONES, indicators }, ev.framework.method);
    const rj = direct.ranks.codes.indexOf('STARTER');
    DEMO_ZONES.forEach((z, i) => {
      const r = ev.results.find((x: { code: string }) => x.code === z);
      expect(r.rank).toBe(direct.ranks.values[rj]![i]);
      expect(r.score).toBeCloseTo(direct.aggregated.values[direct.aggregated.codes.indexOf('STARTER')]![i]!, 9);
    });
    expect(ev.results[0].rank).toBe(1);
    expect(ev.results.some((r: { rank_change: number | null }) => r.rank_change !== null)).toBe(true);
    expect(ev.inputs.LZNA.rd_intensity.provenance.computation).toBe('rd_intensity');
    expect(ev.scores.LZNA.S_INPUT).toEqual(expect.any(Number));
  });

  it('reports an indicator with no data and a zone with no data by name', async () => {
    const res = await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: DEMO_ZONES, year: year + 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().compositeError.code).toBe('INDICATOR_NO_DATA');
    const empty = await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: [...DEMO_ZONES, 'CN-SH'], year, missing: 'drop' });
    // CN-SH covers ZJ, so it has data; a zone without organisations has none:
    expect(empty.statusCode).toBe(200);
    const none = await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: ['LZNA', 'LZHTZ', 'CN-GS-BY'], year, missing: 'drop' });
    // CN-GS-BY covers BYHTZ: has data. Torch with no entered data drops entered indicators and says so.
    expect(none.statusCode).toBe(200);
    const tr = await admin.post(`/api/frameworks/${torch}/evaluate`, { zones: DEMO_ZONES, year });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().excluded.map((e: { indicator: string }) => e.indicator)).toContain('torch_listed_firms');
  });

  it('evaluates the EIS framework on a pooled panel with relative scores and groups', async () => {
    const res = await admin.post(`/api/frameworks/${eis}/evaluate`, { zones: DEMO_ZONES, year });
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json();
    expect(ev.years).toHaveLength(8);
    expect(ev.results.every((r: { relative: number | null; group: string | null }) => typeof r.relative === 'number' && r.group !== null)).toBe(true);
    expect(ev.excluded.length).toBe(30);
  });

  it('copies a framework and lets the copy be changed and validated', async () => {
    const copy = await operator.post(`/api/frameworks/${starter}/copy`, { code: `my-starter-${backend}` });
    expect(copy.statusCode, copy.body).toBe(201);
    const c = copy.json();
    expect(c.shipped).toBe(false);
    expect(c.copied_from).toBe(starter);
    expect(c.nodes).toHaveLength(ZONE_STARTER.nodes.length);
    const nodes = c.nodes.map((n: { code: string; parent_code: string | null; level: number; name_zh: string; weight: number; indicator_code: string | null }) =>
      ({ code: n.code, parent: n.parent_code, level: n.level, name_zh: n.name_zh, weight: n.code === 'S_OUTPUT' ? 2 : n.weight, indicator: n.indicator_code }));
    const ok = await operator.patch(`/api/frameworks/${c.id}`, { nodes });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().nodes.find((n: { code: string }) => n.code === 'S_OUTPUT').weight).toBe(2);
    const cyc = await operator.patch(`/api/frameworks/${c.id}`, { nodes: nodes.map((n: { code: string }) => (n.code === 'STARTER' ? { ...n, parent: 'S_INPUT' } : n)) });
    expect(cyc.statusCode).toBe(400);
    expect(cyc.json().compositeError).toEqual({ code: 'FRAMEWORK_CYCLE', subject: 'STARTER' });
    expect(cyc.json().errors[0].message).toContain('cycle');
    const zhOperator = await new Client(t.app, 'zh-CN').login('operator');
    const cycZh = await zhOperator.patch(`/api/frameworks/${c.id}`, { nodes: nodes.map((n: { code: string }) => (n.code === 'STARTER' ? { ...n, parent: 'S_INPUT' } : n)) });
    expect(cycZh.json().errors[0].message).toContain('循环');
    // Weights that do not sum as the framework's rule requires: refused, naming the aggregate.
    const rule = await operator.patch(`/api/frameworks/${c.id}`, { options: { ...c.options, weightRules: [{ level: 2, sum: 100 }] } });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().compositeError).toEqual({ code: 'INVALID_WEIGHT', subject: 'STARTER' });
    expect(rule.json().errors[0].field).toBe('framework.STARTER');
    expect((await operator.patch(`/api/frameworks/${starter}`, { nodes })).statusCode).toBe(403);
    // A framework of statistics indicators only: LBZ has no enterprises, so every value of it is missing.
    const small = [
      { code: 'IDX', parent: null, level: 3, name_zh: '指数', weight: 1 },
      { code: 'D1', parent: 'IDX', level: 2, name_zh: '投入', weight: 1 },
      { code: 'rd_intensity', parent: 'D1', level: 1, name_zh: 'x', weight: 1, indicator: 'rd_intensity' },
      { code: 'rd_staff_per_10k', parent: 'D1', level: 1, name_zh: 'y', weight: 1, indicator: 'rd_staff_per_10k' },
    ];
    expect((await operator.patch(`/api/frameworks/${c.id}`, { nodes: small })).statusCode).toBe(200);
    const noUnit = await admin.post(`/api/frameworks/${c.id}/evaluate`, { zones: ['LZNA', 'LZHTZ', 'LBZ'], year });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().compositeError).toEqual({ code: 'UNIT_NO_DATA', subject: 'LBZ' });
    expect(noUnit.json().errors[0].message).toContain('every value of this unit is missing');
  });

  it('evaluates a framework whose method aggregates by Copeland over its dimensions', async () => {
    const copy = (await admin.post(`/api/frameworks/${starter}/copy`, { code: `copeland-${backend}` })).json();
    const patched = await admin.patch(`/api/frameworks/${copy.id}`, { method: { ...copy.method, aggregate: { method: 'copeland' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const bad = await admin.patch(`/api/frameworks/${copy.id}`, { method: { ...copy.method, aggregate: { method: 'amean', level: 2 } } });
    expect(bad.statusCode).toBe(400);
    const ev = (await admin.post(`/api/frameworks/${copy.id}/evaluate`, { zones: DEMO_ZONES, year })).json();
    const plain = (await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: DEMO_ZONES, year })).json();
    const dims = ev.nodes.filter((n: { level: number; used: boolean }) => n.level === 2 && n.used) as { code: string; weight: number }[];
    const cols = dims.map((d) => Float64Array.from(DEMO_ZONES, (z) => plain.scores[z][d.code] ?? NaN));
    const expected = copelandScores(cols, dims.map((d) => d.weight)).scores;
    DEMO_ZONES.forEach((z, i) => {
      for (const d of dims) expect(ev.scores[z][d.code]).toBeCloseTo(plain.scores[z][d.code], 9);
      expect(ev.scores[z][ev.root]).toBe(expected[i]);
    });
  });

  it('documents the responses of the evaluation routes the web app reads in OpenAPI', async () => {
    const doc = (await anon.get('/docs/json')).json();
    for (const [path, method, status] of [['/api/frameworks', 'get', '200'], ['/api/frameworks/{id}/evaluate', 'post', '200'],
      ['/api/frameworks/{id}/uncertainty', 'post', '200'], ['/api/zones/{id}/evaluation', 'get', '200'], ['/api/indicator-publications', 'post', '201']] as const) {
      expect(doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema, `${method} ${path}`).toBeTruthy();
    }
  });

  it('gives uncertainty intervals and a zone evaluation page with exports', async () => {
    const ua = await admin.post(`/api/frameworks/${starter}/uncertainty`, { zones: DEMO_ZONES, year, runs: 100 });
    expect(ua.statusCode, ua.body).toBe(200);
    for (const u of ua.json().units) expect(u.q5).toBeLessThanOrEqual(u.q95);
    const page = await admin.get(`/api/zones/${zones.get('LZNA')}/evaluation?framework=${starter}&year=${year}&years=3`);
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json();
    expect(p.byYear).toHaveLength(3);
    expect(p.radar).toHaveLength(3);
    expect(p.series.length).toBe(8);
    const csv = await admin.get(`/api/zones/${zones.get('LZNA')}/evaluation.csv?framework=${starter}&year=${year}&years=2`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('rd_intensity');
    const xlsx = await admin.request({ method: 'GET', url: `/api/zones/${zones.get('LZNA')}/evaluation.xlsx?framework=${starter}&year=${year}&years=2&lang=zh-CN` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['结果', '输入与来源']));
    // Headers in the requested language, scores rounded, provenance as a sentence rather than a JSON blob.
    const results = wb.getWorksheet('结果')!;
    expect(results.getRow(2).values).toEqual(expect.arrayContaining(['类别', '园区', '得分', '排名']));
    const scores: number[] = [];
    results.eachRow((row, n) => { const v = row.getCell(5).value; if (n > 2 && typeof v === 'number') scores.push(v); });
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) expect(Math.abs(s * 100 - Math.round(s * 100))).toBeLessThan(1e-9);
    const inputs = wb.getWorksheet('输入与来源')!;
    const provenance: string[] = [];
    inputs.eachRow((row, n) => { if (n > 1) provenance.push(String(row.getCell(14).value ?? '')); });
    expect(provenance.some((p) => p.includes('登记记录计算'))).toBe(true);
    expect(provenance.every((p) => !p.startsWith('{'))).toBe(true);
    const en = await admin.request({ method: 'GET', url: `/api/zones/${zones.get('LZNA')}/evaluation.xlsx?framework=${starter}&year=${year}&years=2&lang=en` });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Results', 'Inputs']));
    expect(wbEn.getWorksheet('Results')!.getRow(2).values).toEqual(expect.arrayContaining(['Kind', 'Zone', 'Score', 'Rank']));
  });
});
