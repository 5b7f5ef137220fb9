import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';

const code = (n: number) => completeCreditCode(`91620100MA${String(n).padStart(7, '0')}`);

describe.each(BACKENDS)('import and export on %s', (backend) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
  });
  afterAll(() => t?.close());

  const upload = (entity: string, mode: string, fileName: string, content: string | Uint8Array) =>
    admin.request({ method: 'POST', url: `/api/imports/${entity}?mode=${mode}`, ...multipart(fileName, content) });

  /** Sum over zones of the computed values of every statistics-based indicator for a year (changes when the data do). */
  async function revenueIndicatorSum(year: number) {
    const rows = await t.testDb.db.query<{ s: number | null }>(
      `select sum(v.value) as s from indicator_values v join indicators i on i.id = v.indicator_id
       where v.year = $1 and v.origin = 'computed' and i.computation::text like '%stat%'`, [year]);
    return rows[0]?.s ?? null;
  }

  async function waitForJob(id: number) {
    await t.jobs.drain();
    return (await admin.get(`/api/jobs/${id}`)).json();
  }

  it('validates a file and reports every bad row with its line, writing nothing', async () => {
    const wrong = code(1).slice(0, 17) + (code(1)[17] === '0' ? '1' : '0');
    const csv = [
      'name_zh,name_en,zone,kind,credit_code,founded_year',
      `甲公司,Jia Co,LZNA,enterprise,${code(1)},2010`,
      `乙公司,Yi Co,LZNA,enterprise,${wrong},2011`,
      `丙公司,Bing Co,NOWHERE,enterprise,${code(3)},2012`,
      `丁公司,Ding Co,LZNA,rocket,${code(4)},abc`,
    ].join('\n');
    const report = (await upload('organizations', 'validate', 'orgs.csv', csv)).json();
    expect(report.rows).toBe(4);
    expect(report.valid).toBe(1);
    expect(report.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual(
      expect.arrayContaining(['3:credit_code', '4:zone_id', '5:kind', '5:founded_year']));
    const commit = await upload('organizations', 'commit', 'orgs.csv', csv);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('IMPORT_INVALID');
    expect((await admin.get(`/api/organizations?q=${code(1)}`)).json().total).toBe(0);

    const validOnly = await upload('organizations', 'valid-only', 'orgs.csv', csv);
    expect(validOnly.statusCode).toBe(202);
    const job = await waitForJob(validOnly.json().job.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { inserted: 1, updated: 0, skipped: 3 } });
  });

  it('reads GBK-encoded CSV and Chinese headers, and re-importing updates instead of duplicating', async () => {
    const csv = `中文名称,英文名称,所属园区,类型,统一社会信用代码\n兰州测试材料有限公司,Lanzhou Test Materials,LZNA,企业,${code(10)}\n`;
    const gbk = encodeGb18030(csv);
    const first = await upload('organizations', 'commit', 'gbk.csv', gbk);
    expect(first.statusCode).toBe(202);
    expect((await waitForJob(first.json().job.id)).result).toMatchObject({ inserted: 1, updated: 0 });
    const again = await upload('organizations', 'commit', 'gbk.csv', gbk);
    expect((await waitForJob(again.json().job.id)).result).toMatchObject({ inserted: 0, updated: 1 });
    const found = (await admin.get(`/api/organizations?q=${encodeURIComponent('兰州测试材料')}`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0].name_zh).toBe('兰州测试材料有限公司');
  });

  it('keeps imports in the audit log: the created version, and before/after of each update', async () => {
    const csv = (en: string) => `code,name_zh,name_en,zone,kind\nAUDIT-IMP-1,审计测试有限公司,${en},LZNA,enterprise\n`;
    for (const en of ['Audit First', 'Audit Second']) {
      const res = await upload('organizations', 'commit', 'audit.csv', csv(en));
      expect((await waitForJob(res.json().job.id)).status).toBe('succeeded');
    }
    const id = (await admin.get(`/api/organizations?q=${encodeURIComponent('审计测试')}`)).json().items[0].id;
    const trail = (await admin.get(`/api/organizations/${id}/audit`)).json().items;
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['import-update', 'import-create']);
    expect(trail[0].before.name_en).toBe('Audit First');
    expect(trail[0].after.name_en).toBe('Audit Second');
    // The created version is the one the update started from.
    expect(trail[1].after).toMatchObject({ name_en: 'Audit First', version: 1 });
    expect(trail[1].user.username).toBe('admin');
  });

  it('round-trips organisations through XLSX, CSV and JSON exports', async () => {
    for (const format of ['xlsx', 'csv', 'json'] as const) {
      const res = await admin.get(`/api/exports/organizations?format=${format}&q=${encodeURIComponent('兰州测试材料')}`);
      expect(res.statusCode).toBe(200);
      const body = res.rawPayload;
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(body as unknown as ArrayBuffer);
        expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe(code(10));
      }
      const back = (await upload('organizations', 'validate', `orgs.${format}`, new Uint8Array(body))).json();
      expect(back).toMatchObject({ rows: 1, valid: 1, errors: [] });
    }
  });

  it('imports statistics keyed by organisation and year', async () => {
    const csv = `organization,year,operating_revenue,rd_expense,staff,rd_staff\n${code(10)},2022,"1,200.5",60,80,12\n${code(10)},2023,1500,75,90,15\n`;
    const res = await upload('annual-statistics', 'commit', 'stats.csv', csv);
    expect((await waitForJob(res.json().job.id)).result).toMatchObject({ inserted: 2 });
    const again = await upload('annual-statistics', 'commit', 'stats.csv', csv);
    expect((await waitForJob(again.json().job.id)).result).toMatchObject({ inserted: 0, updated: 2 });
    // The import set off a recomputation of the registry-computed indicators, which now count the new rows.
    const statsYear = new Date().getFullYear() - 1;
    const csvThisYear = `organization,year,operating_revenue,rd_expense,staff,rd_staff\n${code(10)},${statsYear},999999,1,80,12\n`;
    const before = await revenueIndicatorSum(statsYear);
    const third = await upload('annual-statistics', 'commit', 'stats-now.csv', csvThisYear);
    await waitForJob(third.json().job.id);
    const jobs = await t.testDb.db.query<{ kind: string; status: string }>(`select kind, status from jobs order by id desc limit 1`);
    expect(jobs[0]).toEqual({ kind: 'recompute-indicators', status: 'succeeded' });
    expect(await revenueIndicatorSum(statsYear)).not.toBe(before);
    const rows = (await admin.get('/api/annual-statistics?sort=year&limit=500&order=desc')).json().items.filter((r: { refs: { organization_id: { code: string } } }) => r.refs.organization_id.code === code(10));
    expect(rows.map((r: { operating_revenue: number }) => r.operating_revenue).sort()).toEqual([1200.5, 1500, 999999]);
  });
});

describe('an import killed part-way', () => {
  it('leaves the database as it was', async () => {
    const { openTestDb, SERVER_URL } = await import('../helpers/test-db');
    const testDb = await openTestDb('postgres');
    const { loadDemo } = await import('../../src/registry/demo/load-demo');
    await loadDemo(testDb.db, { generatedOrganizations: 10 });
    const before = (await testDb.db.query<{ n: number }>('select count(*)::int8 as n from organizations'))[0]!.n;
    const dir = mkdtempSync(join(tmpdir(), 'kc-kill-'));
    const lines = ['name_zh,zone,kind,code'];
    for (let i = 0; i < 60_000; i++) lines.push(`杀进程测试${i},LZNA,enterprise,KILL-${i}`);
    writeFileSync(join(dir, 'big.csv'), lines.join('\n'));
    const schema = (await testDb.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
    const url = new URL(SERVER_URL);
    url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const child = spawn(process.execPath, ['bin/kechuang.mjs', 'import', 'organizations', join(dir, 'big.csv')], {
      env: { ...process.env, DATABASE_URL: url.toString() }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill it as soon as the first batch is written inside the transaction.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/rows written/.test(chunk.toString())) { child.kill('SIGKILL'); resolve(); }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 500));
    const after = (await testDb.db.query<{ n: number }>('select count(*)::int8 as n from organizations'))[0]!.n;
    expect(child.signalCode).toBe('SIGKILL');
    expect(after).toBe(before);
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
});

/** GB18030 encoding via a reverse table of the decoder (Node has a GB18030 decoder but no encoder). */
function encodeGb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
