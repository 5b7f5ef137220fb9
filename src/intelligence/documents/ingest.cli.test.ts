import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { openTestDb, type TestDb } from '../../../test/helpers/test-db';
import { registerIngestCommand } from './ingest.cli';

describe('kechuang ingest', () => {
  let t: TestDb;
  let actor: Actor;
  beforeAll(async () => {
    t = await openTestDb('pglite');
    await t.db.query(`insert into zones (code, kind, name_zh, name_en) values ('LZNA', 'new_area', '兰州新区', 'Lanzhou New Area')`);
    const [u] = await t.db.query<{ id: number }>(`insert into users (username, password_hash, display_name, role) values ('cli-admin', 'x', 'CLI admin', 'admin') returning id`);
    actor = { userId: Number(u!.id), username: 'cli-admin', role: 'admin', zoneId: null, organizationId: null };
  }, 60_000);
  afterAll(async () => t?.drop());

  it('stores and processes every file of a folder, reporting bad files one by one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kechuang-ingest-'));
    writeFileSync(join(dir, 'a.txt'), '兰州新区年报\n\n2022年，兰州新区新增科技型企业160家。\n');
    writeFileSync(join(dir, 'b.txt'), new Uint8Array([0, 1, 2, 0, 0, 3, 255, 0]));
    writeFileSync(join(dir, 'c.txt'), '');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    registerIngestCommand(program, <T>(work: (db: Db) => Promise<T>) => work(t.db), async () => actor);
    await program.parseAsync(['node', 'kechuang', 'ingest', dir, '--zone', 'LZNA', '--date', '2023-01-15']);
    log.mockRestore();
    err.mockRestore();
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.find((o) => o.file_name === 'c.txt')).toMatchObject({ status: 'rejected', error: { code: 'empty' } });
    expect(out.find((o) => o.file_name === 'b.txt')).toMatchObject({ status: 'failed' });
    expect(out.find((o) => o.file_name === 'a.txt')).toMatchObject({ status: 'processed' });
    expect((out.find((o) => o.file_name === 'a.txt')!.facts as number)).toBeGreaterThan(0);
    expect(out.at(-1)).toEqual({ stored: 2, refused: 1, failed: 1 });
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    const facts = await t.db.query<{ value: string; quote: string }>('select value::text as value, quote from intel_facts');
    expect(facts.map((f) => f.value)).toContain('160');
  });
});
