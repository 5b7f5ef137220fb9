/**
 * `npm run bench -- import-validate [--rows N]`
 *
 * Peak memory of validating one CSV import (POST /api/imports/:entity?mode=validate) of N organisations (default
 * 200,000, about 27 MB), read whole (the file in memory, every row as objects at once: how imports were read before
 * issue 12) and streamed from disk a batch at a time (file-stream.ts: how CSV, XLSX and JSON files are read now). The
 * file is written once by the parent; each way runs in a child process of its own on an embedded database, so that
 * its peak resident memory (maxRSS) is its own. One JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/shared/db';
import { organizations, zones } from '../src/registry/entities';
import { registerEntities } from '../src/shared/records/registry-of-entities';
import { readTable } from '../src/shared/records/file-reader';
import { prepareRows } from '../src/shared/records/import-rows';
import { validateImport } from '../src/shared/records/record-import';
import type { Actor } from '../src/shared/access/actor';

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const rows = arg('rows', 200_000);
const way = process.argv.includes('--whole') ? 'whole' : process.argv.includes('--stream') ? 'stream' : undefined;
const fileArg = process.argv.includes('--file') ? process.argv[process.argv.indexOf('--file') + 1]! : '';

function csv(n: number): Uint8Array {
  const lines = ['代码,中文名称,所属园区,类型,成立年份,简介'];
  for (let i = 1; i <= n; i++) lines.push(`BENCH-${i},兰州测试企业${i}号,LZNA,企业,${2000 + (i % 20)},"从事新材料与新能源技术研发的科技型企业，第 ${i} 号"`);
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function measure(kind: 'whole' | 'stream', path: string) {
  const db = await openDb({});
  registerEntities([zones, organizations]);
  await db.query(`insert into zones (code, kind, name_zh) values ('LZNA', 'state_new_area', '兰州新区')`);
  const admin: Actor = { userId: 0, username: 'bench', role: 'admin', zoneId: null, organizationId: null };
  const base = process.resourceUsage().maxRSS;
  const started = Date.now();
  let valid: number;
  if (kind === 'whole') {
    const prepared = await prepareRows(db, organizations, await readTable('orgs.csv', new Uint8Array(readFileSync(path))));
    valid = prepared.rows.length;
  } else {
    valid = (await validateImport(db, admin, organizations, 'orgs.csv', { path })).report.valid;
  }
  console.log(JSON.stringify({ way: kind, rows, valid, file_mb: +(statSync(path).size / 1e6).toFixed(1), seconds: (Date.now() - started) / 1000,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), rss_before_mb: Math.round(base / 1024) }));
  await db.close();
}

if (way) {
  await measure(way, fileArg);
} else {
  const self = fileURLToPath(new URL('../bin/bench.mjs', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-'));
  const path = join(dir, 'orgs.csv');
  writeFileSync(path, csv(rows));
  try {
    const results = (['whole', 'stream'] as const).map((w) => {
      const out = spawnSync(process.execPath, [self, 'import-validate', `--${w}`, '--rows', String(rows), '--file', path], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      return JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
    });
    console.log(JSON.stringify({ rows, whole: results[0], stream: results[1] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
