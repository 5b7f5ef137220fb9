import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { BACKENDS, openTestDb, type TestDb } from '../../../test/helpers/test-db';
import type { Actor } from '../../shared/access/actor';
import { registerEntities } from '../../shared/records/registry-of-entities';
import { createRecord } from '../../shared/records/record-service';
import { commitImport } from '../../shared/records/record-import';
import { exportRecords } from '../../shared/records/record-export';
import { REGISTRY_ENTITIES } from '../../registry/entities';
import { demands, offers, TRANSFER_ENTITIES } from '../entities';
import { startMatching } from './matching.service';
import { transferFunnel } from './funnel';

registerEntities([...REGISTRY_ENTITIES, ...TRANSFER_ENTITIES]);

describe.each(BACKENDS)('matching service and funnel on %s', (backend) => {
  let t: TestDb;
  let admin: Actor;
  let zoneId: number;
  let orgId: number;

  beforeAll(async () => {
    t = await openTestDb(backend);
    const db = t.db;
    const user = (await db.query<{ id: number }>(`insert into users (username, password_hash, display_name, role) values ('a', 'x', 'A', 'admin') returning id`))[0]!;
    admin = { userId: Number(user.id), username: 'a', role: 'admin', zoneId: null, organizationId: null };
    zoneId = Number((await db.query<{ id: number }>(`insert into zones (code, kind, name_zh) values ('Z1', 'park', '测试园区') returning id`))[0]!.id);
    orgId = Number((await db.query<{ id: number }>(`insert into organizations (code, zone_id, kind, name_zh) values ('O1', $1, 'enterprise', '测试企业') returning id`, [zoneId]))[0]!.id);
    await db.query(`insert into achievements (code, zone_id, organization_id, kind, title, converted) values ('A1', $1, $2, 'patent', '专利一', true), ('A2', $1, $2, 'patent', '专利二', false)`, [zoneId, orgId]);
  }, 60_000);
  afterAll(() => t?.drop());

  it('builds from the database at start, catches up with imports, and rebuilds', async () => {
    await createRecord(t.db, admin, offers, { title: '锂电池铜箔制备技术', summary: '超薄电解铜箔连续制备工艺', organization_id: orgId, status: 'published' });
    await createRecord(t.db, admin, offers, { title: '旧成果', summary: '已关闭的成果', organization_id: orgId, status: 'closed' });
    const d = await createRecord(t.db, admin, demands, { title: '铜箔技术需求', description: '需要超薄铜箔制备技术', organization_id: orgId });
    const m = await startMatching(t.db);
    expect(m.size()).toEqual({ demands: 1, offers: 1, experts: 0 });

    const csv = 'code,title,summary,organization_id,status\nTO-IMP-1,石墨烯导热膜,高导热石墨烯薄膜制备,O1,published\n';
    const result = await commitImport(t.db, admin, offers, 'offers.csv', new TextEncoder().encode(csv), 'commit');
    expect(result.inserted).toBe(1);
    expect(m.size().offers).toBe(1);
    await m.sync();
    expect(m.size().offers).toBe(2);
    const hits = m.engine.matchOffersForDemand({ id: 'q', lang: 'zh-Hans', title: '石墨烯导热膜', text: '石墨烯' });
    expect(hits.results.length).toBeGreaterThan(0);

    await t.db.query(`update tech_demands set retired_at = now(), updated_at = now() where id = $1`, [d.id]);
    await m.sync();
    expect(m.size().demands).toBe(0);
    expect(await m.rebuild()).toMatchObject({ demands: 0, offers: 2 });
  });

  it('rebuilds beside the live index: skips rows it cannot match, and catches up with writes made meanwhile', async () => {
    const m = await startMatching(t.db);
    const before = m.size();
    // A row written around the API (punctuation only) cannot be matched: counted, not fatal.
    await t.db.query(`insert into tech_offers (code, zone_id, organization_id, title, status) values ('TO-PUNCT', $1, $2, '！！！', 'published')`, [zoneId, orgId]);
    const rebuilding = m.rebuild();
    // Until the new index is complete, the old one answers with everything it had.
    expect(m.size()).toEqual(before);
    const added = await createRecord(t.db, admin, offers, { title: '碳离子治疗装备', summary: '重离子加速器治疗系统', organization_id: orgId, status: 'published' });
    const result = await rebuilding;
    expect(result.skipped).toBe(1);
    await m.sync();
    const hits = m.engine.matchOffersForDemand({ id: 'q', lang: 'zh-Hant', title: '碳離子治療裝備', text: '重離子' });
    expect(hits.results.map((r) => r.id)).toContain(String(added.id));
    await t.db.query(`delete from tech_offers where code = 'TO-PUNCT'`);
  });

  it('exports demands like any described entity: CSV and XLSX carry every exchange column of the row', async () => {
    const created = await createRecord(t.db, admin, demands, { title: '导出测试需求', organization_id: orgId, cooperation_modes: ['licence', 'joint_rd'], budget_min: 1, budget_max: 2.5, ipc_code: 'C25D' });
    const params = { equals: { code: String(created.code) }, includeRetired: false };
    const expected = { code: String(created.code), title: '导出测试需求', organization_id: 'O1', ipc_code: 'C25D', budget_min: '1', budget_max: '2.5', status: 'draft', published: 'false', generated: 'false' };

    const csv = Papa.parse<Record<string, string>>((await exportRecords(t.db, admin, demands, params, 'csv')).toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(csv.data).toHaveLength(1);
    expect(csv.data[0]).toMatchObject(expected);
    expect(csv.data[0]!.cooperation_modes!.split(/[;,]/).map((m) => m.replace(/[[\]"]/g, '').trim())).toEqual(['licence', 'joint_rd']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRecords(t.db, admin, demands, params, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cells = Object.fromEntries(header.map((h, i) => [h, sheet.getRow(2).getCell(i + 1).value]));
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, String(cells[k])]))).toEqual(expected);
  });

  it('reports the funnel with conversion, contracts and achievement conversion', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const f = await transferFunnel(t.db, zoneId, '2020-01-01', today);
    expect(f.stages[0]).toMatchObject({ stage: 'collected', count: 1, conversion: null }); // the exported one; the other was retired
    expect(f.stages[1]).toMatchObject({ stage: 'screened', count: 0, conversion: 0 });
    expect(f.achievements).toEqual({ total: 2, converted: 1, conversionRate: 0.5 });
    expect(f.contracts).toEqual({ count: 0, turnover: 0 });
  });

  it('times every demand-side stage, "collected" included, also for demands published without screening', async () => {
    const zone = Number((await t.db.query<{ id: number }>(`insert into zones (code, kind, name_zh) values ('Z-FUNNEL', 'park', '漏斗园区') returning id`))[0]!.id);
    const org = Number((await t.db.query<{ id: number }>(`insert into organizations (code, zone_id, kind, name_zh) values ('O-FUNNEL', $1, 'enterprise', '漏斗企业') returning id`, [zone]))[0]!.id);
    const demand = async (code: string, createdDaysAgo: number, events: [string, number][]) => {
      const id = Number((await t.db.query<{ id: number }>(
        `insert into tech_demands (code, zone_id, organization_id, title, status, created_at) values ($1, $2, $3, '漏斗需求', $4, now() - make_interval(days => $5)) returning id`,
        [code, zone, org, events.at(-1)![0], createdDaysAgo]))[0]!.id);
      for (const [to, daysAgo] of events) {
        await t.db.query(`insert into transfer_status_events (item_kind, item_id, zone_id, to_status, at) values ('demand', $1, $2, $3, now() - make_interval(days => $4))`, [id, zone, to, daysAgo]);
      }
    };
    await demand('FUNNEL-A', 10, [['submitted', 9], ['published', 4]]); // published unscreened: 6 days collected
    await demand('FUNNEL-B', 20, [['submitted', 20], ['screened', 19], ['published', 15]]); // 1 day collected, 4 screened
    const today = new Date().toISOString().slice(0, 10);
    const f = await transferFunnel(t.db, zone, '2020-01-01', today);
    expect(f.stages.slice(0, 3).map((s) => [s.stage, s.count, s.medianDays])).toEqual([['collected', 2, 3.5], ['screened', 2, 4], ['published', 2, null]]);
  });
});
