import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('exports demands like any described entity', async () => {
    await createRecord(t.db, admin, demands, { title: '导出测试需求', organization_id: orgId, cooperation_modes: ['licence', 'joint_rd'], budget_min: 1, budget_max: 2 });
    const out = (await exportRecords(t.db, admin, demands, { equals: {}, includeRetired: false }, 'csv')).toString('utf8');
    expect(out).toContain('导出测试需求');
    expect(out).toMatch(/licence/);
  });

  it('reports the funnel with conversion, contracts and achievement conversion', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const f = await transferFunnel(t.db, zoneId, '2020-01-01', today);
    expect(f.stages[0]).toMatchObject({ stage: 'collected', count: 1, conversion: null }); // the exported one; the other was retired
    expect(f.stages[1]).toMatchObject({ stage: 'screened', count: 0, conversion: 0 });
    expect(f.achievements).toEqual({ total: 2, converted: 1, conversionRate: 0.5 });
    expect(f.contracts).toEqual({ count: 0, turnover: 0 });
  });
});
