import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { RECOMPUTE_JOB } from '../../src/evaluation/indicators/recompute';

/**
 * Issue 12: indicator values are importable in the import wizard, with their source: zone and indicator by code or
 * name, column labels and messages in the reader's language, operators only for their zones, all-or-nothing, and a
 * recompute of the zones written.
 */
describe.each(BACKENDS)('importing indicator values on %s', (backend) => {
  let t: TestApp;
  let adminZh: Client;
  let operatorZh: Client;
  let operator: Client;
  let orgUser: Client;
  let entered: { id: number; code: string; name_zh: string };
  let computed: { code: string };
  let other: { name_zh: string };
  const year = new Date().getFullYear() - 2;

  const send = (client: Client, csv: string, mode = 'validate') =>
    client.request({ method: 'POST', url: `/api/imports/indicator-values?mode=${mode}`, ...multipart('values.csv', csv) });
  const stored = async () => t.testDb.db.query<{ value: number; source_document: string; provenance: Record<string, unknown> }>(
    `select v.value::float8 as value, v.source_document, v.provenance from indicator_values v join zones z on z.id = v.zone_id
      where z.code = 'LZNA' and v.indicator_id = $1 and v.year = $2`, [entered.id, year]);

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    adminZh = await new Client(t.app, 'zh-CN').login('admin');
    operatorZh = await new Client(t.app, 'zh-CN').login('operator');
    operator = await new Client(t.app, 'en').login('operator');
    orgUser = await new Client(t.app, 'en').login('orguser');
    const db = t.testDb.db;
    entered = (await db.query<{ id: number; code: string; name_zh: string }>(
      `select id, code, name_zh from indicators where kind = 'entered' and unit not in ('percent') and (select count(*) from indicators x where x.name_zh = indicators.name_zh) = 1 order by code limit 1`))[0]!;
    computed = (await db.query<{ code: string }>(`select code from indicators where kind <> 'entered' order by code limit 1`))[0]!;
    other = (await db.query<{ name_zh: string }>(`
      with recursive sub(id) as (select id from zones where code = 'LZNA' union select z.id from zones z join sub on z.parent_id = sub.id)
      select name_zh from zones where id not in (select id from sub) and published order by id limit 1`))[0]!;
    expect(entered && computed && other).toBeTruthy();
  }, 120_000);
  afterAll(() => t?.close());

  it('reports each bad row by line with the column\'s label in the reader\'s language', async () => {
    const csv = [
      '所属园区,指标,年份,数值,来源标题,来源网址,原文引述',
      `兰州新区,${entered.name_zh},${year},42,统计公报,https://example.org/a,全年……42`,
      `${other.name_zh},${entered.code},${year},5,统计公报,,`,
      `兰州新区,${computed.code},${year},5,统计公报,,`,
      `兰州新区,${entered.code},${year - 1},5,,,`,
      `无此园区,${entered.code},明年,abc,统计公报,,`,
    ].join('\n');
    const res = await send(operatorZh, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { rows: number; valid: number; errors: { line: number; field: string; column: string; message: string }[] };
    expect(report).toMatchObject({ entity: 'indicator-values', rows: 5, valid: 1 });
    const at = (line: number) => report.errors.filter((e) => e.line === line).map((e) => e.message);
    expect(at(3)).toEqual(['所属园区：您无权执行此操作：该记录不在您管理的园区范围内']);
    expect(at(4)[0]).toMatch(/^指标：应为录入型指标/);
    expect(at(5)).toEqual(['来源标题：为必填项']);
    expect(at(6)).toEqual(expect.arrayContaining(['所属园区：找不到代码、名称或编号为“无此园区”的园区与区域', '年份：应为整数', '数值：应为数字']));
    expect(report.errors.map((e) => e.message).join('\n')).not.toMatch(/zone_id|source_title|must be|an entered/);
    // all-or-nothing: a file with any bad row writes nothing
    expect((await send(operatorZh, csv, 'commit')).statusCode).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it('imports values with their source for the operator\'s zone and asks for a recompute', async () => {
    const before = Number((await t.testDb.db.query<{ n: number }>('select count(*)::int8 as n from jobs where kind = $1', [RECOMPUTE_JOB]))[0]!.n);
    const csv = `zone,indicator,year,value,source title,source url,quote\nLanzhou New Area,${entered.code},${year},"1,234.5",Statistical communiqué,https://example.org/c,"… was 1,234.5"\n`;
    const res = await send(operator, csv, 'commit');
    expect(res.statusCode, res.body).toBe(202);
    await t.jobs.drain();
    const job = (await operator.get(`/api/jobs/${res.json().job.id}`)).json();
    expect(job).toMatchObject({ status: 'succeeded', result: { inserted: 1 } });
    // A job is its starter's (and admins'): anyone else is told it does not exist, a bad id is a 400.
    expect((await orgUser.get(`/api/jobs/${res.json().job.id}`)).statusCode).toBe(404);
    expect((await operator.get('/api/jobs/not-a-number')).statusCode).toBe(400);
    const [row] = await stored();
    expect(row).toMatchObject({ value: 1234.5, source_document: 'Statistical communiqué' });
    expect(row!.provenance).toMatchObject({ origin: 'entered', source_url: 'https://example.org/c', quote: '… was 1,234.5', imported_from: 'values.csv' });
    const after = Number((await t.testDb.db.query<{ n: number }>('select count(*)::int8 as n from jobs where kind = $1', [RECOMPUTE_JOB]))[0]!.n);
    expect(after).toBeGreaterThan(before);
  });

  it('lets admins write any zone, refuses organisation users, and serves a template in each language', async () => {
    const res = await send(adminZh, `所属园区,指标,年份,数值,来源标题\n${other.name_zh},${entered.code},${year},7,公报\n`);
    expect(res.json()).toMatchObject({ rows: 1, valid: 1, errors: [] });
    expect((await send(orgUser, `zone,indicator,year,value,source title\nLZNA,${entered.code},${year},7,x\n`)).statusCode).toBe(403);
    const zh = await adminZh.get('/api/imports/indicator-values/template?format=csv&lang=zh-CN');
    expect(zh.statusCode).toBe(200);
    expect(zh.body.split('\n')[0]).toBe('\ufeff所属园区＊,指标＊,年份＊,数值＊,来源标题,来源网址,原文引述,备注\r');
    const en = await adminZh.get('/api/imports/indicator-values/template?format=csv&lang=en');
    expect(en.body).toContain('Zone *,Indicator *,Year *,Value *,Source title,Source URL,Quote,Note');
  });
});
