import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The import wizard's server side (src/shared/records): references by name, credit code or code; problems named by
 * the column's label in the reader's language; templates that import cleanly; upload caps per role.
 */
describe.each(BACKENDS)('import wizard on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let adminZh: Client;
  let operatorZh: Client;
  let orgUserZh: Client;
  let anon: Client;
  let org: { name_zh: string; credit_code: string; code: string };

  type Issue = { line: number; field: string; column: string; message: string };
  const validate = async (client: Client, entity: string, name: string, content: string | Uint8Array) => {
    const res = await client.request({ method: 'POST', url: `/api/imports/${entity}?mode=validate`, ...multipart(name, content) });
    return res;
  };
  const issues = async (client: Client, entity: string, csv: string): Promise<Issue[]> => {
    const res = await validate(client, entity, 'rows.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().errors;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    admin = await new Client(t.app, 'en').login('admin');
    adminZh = await new Client(t.app, 'zh-CN').login('admin');
    operatorZh = await new Client(t.app, 'zh-CN').login('operator');
    orgUserZh = await new Client(t.app, 'zh-CN').login('orguser');
    anon = new Client(t.app);
    const db = t.testDb.db;
    org = (await db.query<{ name_zh: string; credit_code: string; code: string }>(
      `select o.name_zh, o.credit_code, o.code from organizations o join zones z on z.id = o.zone_id
        where z.code = 'LZNA' and o.credit_code is not null and (select count(*) from organizations x where x.name_zh = o.name_zh) = 1 order by o.id limit 1`))[0]!;
    expect(org).toBeTruthy();
    const lz = (await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id;
    for (const code of ['TWIN-1', 'TWIN-2']) {
      await db.query(`insert into organizations (code, zone_id, kind, name_zh) values ($1, $2, 'enterprise', '重名测试机构')`, [code, lz]);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('resolves references by name in either language, by credit code and by code', async () => {
    const orgs = `code,name_zh,zone,kind\nIW-1,测试机构甲,兰州新区,enterprise\nIW-2,测试机构乙,Lanzhou New Area,企业\nIW-3,测试机构丙,LZNA,企业\n`;
    expect(await issues(adminZh, 'organizations', orgs)).toEqual([]);
    const demands = `代码,需求名称,所属机构,合作方式\nIW-D1,按名称,${org.name_zh},技术转让；合作开发\nIW-D2,按信用代码,${org.credit_code.toLowerCase()},transfer\nIW-D3,按代码,${org.code},许可\n`;
    expect(await issues(adminZh, 'demands', demands)).toEqual([]);
  });

  it('names the column by its label in the reader\'s language, with vocabularies and entities by their names', async () => {
    const csv = `code,name_zh,zone,kind,founded_year,level\nIW-9,某机构,无此园区,商店,明年,国家级\nIW-10,某机构二,兰州新区,企业,2001,\n`;
    const zh = await issues(adminZh, 'organizations', csv);
    const text = zh.map((e) => e.message).join('\n');
    expect(zh.map((e) => [e.line, e.field])).toEqual(expect.arrayContaining([[2, 'zone_id'], [2, 'kind'], [2, 'founded_year']]));
    expect(text).toContain('所属园区：找不到代码、名称或编号为“无此园区”的园区与区域');
    expect(text).toContain('成立年份：应为整数');
    expect(text).toMatch(/类型：应为以下之一：企业、高等院校/);
    // No raw field names, English type phrases or English codes in the Chinese messages.
    expect(text).not.toMatch(/zone_id|founded_year|name_zh|an integer|enterprise|university/);
    expect(zh.find((e) => e.field === 'founded_year')!.column).toBe('成立年份');

    const en = await issues(admin, 'organizations', csv);
    expect(en.map((e) => e.message)).toEqual(expect.arrayContaining(['Founded: must be a whole number', expect.stringMatching(/^Kind: must be one of: Enterprise, University/)]));

    const twins = await issues(adminZh, 'demands', '代码,需求名称,所属机构\nIW-T,重名,重名测试机构\n');
    expect(twins[0]).toMatchObject({ line: 2, field: 'organization_id', column: '所属机构' });
    expect(twins[0]!.message).toBe('所属机构：“重名测试机构”对应创新主体中的 2 条记录，请改填其代码');

    const dup = await issues(adminZh, 'organizations', 'code,name_zh,zone,kind\nIW-D,甲,兰州新区,企业\nIW-D,乙,兰州新区,企业\n');
    expect(dup).toEqual([{ line: 3, field: 'code', column: '代码', message: '代码：在文件中重复（第 2 行也是此值）' }]);
    const modes = await issues(adminZh, 'demands', `代码,需求名称,所属机构,合作方式\nIW-M,甲,${org.code},以物易物\n`);
    expect(modes[0]!.message).toMatch(/^合作方式：应为以下之一：技术转让、许可/);
  });

  it('serves templates in the reader\'s language whose example row imports cleanly', async () => {
    expect((await anon.get('/api/imports/organizations/template?format=csv')).statusCode).toBe(401);
    for (const entity of ['organizations', 'people', 'achievements', 'demands', 'offers', 'zones', 'qualifications', 'projects']) {
      const csv = await adminZh.get(`/api/imports/${entity}/template?format=csv`);
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const header = csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]!;
      expect(header, entity).not.toMatch(/_id|name_zh|name_en/);
      expect(await issues(adminZh, entity, csv.body), entity).toEqual([]);

      const xlsx = await admin.request({ method: 'GET', url: `/api/imports/${entity}/template?format=xlsx` });
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets[0]!.rowCount).toBe(2);
      const res = await validate(admin, entity, 'template.xlsx', new Uint8Array(xlsx.rawPayload));
      expect(res.json().errors, entity).toEqual([]);
    }
    const orgHeader = (await adminZh.get('/api/imports/organizations/template?format=csv')).body;
    expect(orgHeader).toContain('中文名称＊');
    expect(orgHeader).toContain('所属园区＊');
    const enHeader = (await admin.get('/api/imports/organizations/template?format=csv')).body;
    expect(enHeader).toContain('Chinese name *');
  });

  it('caps uploads per role with a clear 413', async () => {
    const big = `code,name_zh,zone,kind\nIW-B,${'大'.repeat(2_200_000)},兰州新区,企业\n`; // about 6.6 MB
    const refused = await validate(orgUserZh, 'organizations', 'big.csv', big);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().title).toContain('5 MB');
    expect(refused.json().code).toBe('TOO_LARGE');
    const accepted = await validate(operatorZh, 'organizations', 'big.csv', big);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().errors.map((e: Issue) => e.field)).toContain('name_zh');
  });
});
