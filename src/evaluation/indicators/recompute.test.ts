/** Single API writes lead to recomputed indicator values, through one coalesced job per burst of writes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/test-db';
import { Client, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { JobQueue } from '../../shared/jobs/job-queue';
import { RECOMPUTE_JOB, recomputeWindow, requestRecompute, withAncestors } from './recompute';

describe.each(BACKENDS)('recompute after single writes on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let zones: Map<string, number>;
  let year: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
    zones = new Map((await t.testDb.db.query<{ id: number; code: string }>('select id, code from zones')).map((z) => [z.code, Number(z.id)]));
    year = (await t.testDb.db.query<{ y: number }>('select max(year) as y from annual_statistics'))[0]!.y;
  }, 120_000);
  afterAll(() => t?.close());

  const value = async (zone: string, indicator: string) => {
    const rows = await t.testDb.db.query<{ value: number | null }>(`select v.value from indicator_values v join indicators i on i.id = v.indicator_id
      where v.zone_id = $1 and i.code = $2 and v.year = $3`, [zones.get(zone), indicator, year]);
    return rows[0]?.value;
  };
  const expected = async (codes: string[]) => (await t.testDb.db.query<{ x: number }>(`select sum(rd_expense)::float8 / sum(operating_revenue)::float8 * 100 as x
    from annual_statistics a join zones z on z.id = a.zone_id where z.code = any($1::text[]) and a.year = $2 and a.retired_at is null`, [codes, year]))[0]!.x;

  it('patching one annual statistics row recomputes its zone and the zones above it', async () => {
    const { from, to } = recomputeWindow();
    expect(year >= from && year <= to, `demo year ${year} inside the recompute window ${from}–${to}`).toBe(true);
    expect((await admin.post('/api/indicator-values/compute', { years: year })).statusCode).toBe(200);
    await t.jobs.drain();
    const before = await value('LZNA', 'rd_intensity');
    expect(before).toBeCloseTo(await expected(['LZNA']), 9);
    const [row] = await t.testDb.db.query<{ id: number; version: number; rd_expense: string }>(`select a.id, a.version, a.rd_expense from annual_statistics a
      join zones z on z.id = a.zone_id where z.code = 'LZNA' and a.year = $1 and a.retired_at is null and a.operating_revenue > 0 order by a.id limit 1`, [year]);
    const jobsBefore = (await t.testDb.db.query<{ n: number }>(`select count(*)::int8 as n from jobs where kind = $1`, [RECOMPUTE_JOB]))[0]!.n;

    const res = await admin.patch(`/api/annual-statistics/${row!.id}`, { version: row!.version, rd_expense: Number(row!.rd_expense) + 50000 });
    expect(res.statusCode, res.body).toBe(200);
    await t.jobs.drain();

    const after = await value('LZNA', 'rd_intensity');
    expect(after).not.toBeCloseTo(before!, 6);
    expect(after).toBeCloseTo(await expected(['LZNA']), 9);
    // Lanzhou (city) covers LZNA: recomputed too.
    expect(await value('CN-GS-LZ', 'rd_intensity')).toBeCloseTo(await expected(['LZNA', 'LZHTZ', 'LZEZ']), 9);
    const jobs = await t.testDb.db.query<{ payload: { zones: number[] }; status: string }>(`select payload, status from jobs where kind = $1 order by id`, [RECOMPUTE_JOB]);
    expect(jobs.length).toBe(jobsBefore + 1);
    expect(jobs.at(-1)!.status).toBe('succeeded');
    expect(jobs.at(-1)!.payload.zones).toEqual(await withAncestors(t.testDb.db, [zones.get('LZNA')!]));
    expect(jobs.at(-1)!.payload.zones).not.toContain(zones.get('ZJ'));
  });

  it('retiring a record recomputes as well', async () => {
    const [row] = await t.testDb.db.query<{ id: number; version: number }>(`select a.id, a.version from annual_statistics a
      join zones z on z.id = a.zone_id where z.code = 'LZHTZ' and a.year = $1 and a.retired_at is null and a.operating_revenue > 0 order by a.id limit 1`, [year]);
    expect((await admin.post(`/api/annual-statistics/${row!.id}/retire`, { version: row!.version })).statusCode).toBe(200);
    await t.jobs.drain();
    expect(await value('LZHTZ', 'rd_intensity')).toBeCloseTo(await expected(['LZHTZ']), 9);
  });

  it('coalesces requests while a recompute is queued: one job per burst, not one per write', async () => {
    await t.jobs.stop();
    const db = t.testDb.db;
    // A queue of our own whose recompute waits on a gate, so that a second and third request find the first running.
    const q = new JobQueue(db, 60_000);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    let started!: () => void;
    const running = new Promise<void>((resolve) => { started = resolve; });
    const seen: number[][] = [];
    q.define(RECOMPUTE_JOB, async (ctx) => { seen.push(ctx.payload.zones as number[]); started(); await gate; return null; });
    const first = await requestRecompute(db, q, [zones.get('LZNA')!]);
    await running;
    const second = await requestRecompute(db, q, [zones.get('TFNA')!]);
    const third = await requestRecompute(db, q, [zones.get('ZJ')!]);
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    const [queued] = await db.query<{ payload: { zones: number[] } }>('select payload from jobs where id = $1', [second]);
    expect(queued!.payload.zones).toEqual(await withAncestors(db, [zones.get('TFNA')!, zones.get('ZJ')!]));
    open();
    await q.drain();
    expect(seen).toHaveLength(2);
  });
});
