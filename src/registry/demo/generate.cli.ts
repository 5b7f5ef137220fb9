import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import Papa from 'papaparse';
import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { commitImport } from '../../shared/records/record-import';
import { exportColumns } from '../../shared/records/record-export';
import type { EntityDef } from '../../shared/records/field-def';
import { annualStatistics, organizations, qualifications } from '../entities';
import { DEMO_ZONES_FOR_ORGS } from './seed-zones';
import { generateOrganizations, generateQualifications, generateStatistics, type GeneratedOrganization, type ImportRecord } from './generator';

/** `kechuang generate --orgs N --years Y [--out DIR]`: synthetic data sets of any size, into files or the database. */
const CHUNK = 20_000;

async function writeCsv(path: string, def: EntityDef, rows: Iterable<ImportRecord>): Promise<number> {
  const columns = exportColumns(def).filter((c) => c !== 'published');
  const out = createWriteStream(path);
  out.write(`${columns.join(',')}\n`);
  let n = 0;
  let buffer: unknown[][] = [];
  const flush = async () => {
    if (!buffer.length) return;
    if (!out.write(`${Papa.unparse(buffer)}\n`)) await once(out, 'drain');
    buffer = [];
  };
  for (const r of rows) {
    buffer.push(columns.map((c) => (Array.isArray(r[c]) ? (r[c] as string[]).join(';') : r[c] ?? '')));
    n++;
    if (buffer.length >= 5000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return n;
}

export function registerGenerateCommand(
  program: Command,
  withDb: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
  actorFor: (db: Db, username?: string) => Promise<Actor>,
) {
  program.command('generate').description('Generate synthetic organisations, qualifications and annual statistics (marked generated)')
    .option('--orgs <n>', 'number of organisations', '1000')
    .option('--years <n>', 'years of statistics, ending last year', '5')
    .option('--zones <codes>', 'comma-separated zone codes', DEMO_ZONES_FOR_ORGS.join(','))
    .option('--seed <n>', 'random seed', '1')
    .option('--offset <n>', 'first organisation number (to add to an existing generated set)', '0')
    .option('--out <dir>', 'write CSV files to this folder instead of the database')
    .action(async (opts: { orgs: string; years: string; zones: string; seed: string; offset: string; out?: string }) => {
      const count = Number(opts.orgs);
      const years = Number(opts.years);
      if (!Number.isInteger(count) || count < 1) throw new Error('--orgs must be a positive integer');
      if (!Number.isInteger(years) || years < 1 || years > 50) throw new Error('--years must be between 1 and 50');
      const zoneCodes = opts.zones.split(',').map((z) => z.trim()).filter(Boolean);
      const lastYear = new Date().getFullYear() - 1;
      const firstYear = lastYear - years + 1;
      const seed = Number(opts.seed);
      const offset = Number(opts.offset);
      const orgs = () => generateOrganizations(count, zoneCodes, seed, offset);
      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        const result = {
          organizations: await writeCsv(join(opts.out, 'organizations.csv'), organizations, orgs()),
          qualifications: await writeCsv(join(opts.out, 'qualifications.csv'), qualifications, generateQualifications(orgs(), firstYear, lastYear, seed + 2)),
          'annual-statistics': await writeCsv(join(opts.out, 'annual-statistics.csv'), annualStatistics, generateStatistics(orgs(), firstYear, lastYear, seed + 1)),
        };
        console.log(JSON.stringify({ out: opts.out, ...result }));
        return;
      }
      await withDb(async (db) => {
        const actor = await actorFor(db);
        const totals: Record<string, number> = {};
        let chunk: GeneratedOrganization[] = [];
        const load = async () => {
          for (const [def, rows] of [[organizations, chunk], [qualifications, [...generateQualifications(chunk, firstYear, lastYear, seed + 2)]],
            [annualStatistics, [...generateStatistics(chunk, firstYear, lastYear, seed + 1)]]] as const) {
            const r = await commitImport(db, actor, def, `${def.name}.json`, new TextEncoder().encode(JSON.stringify(rows)), 'commit');
            totals[def.name] = (totals[def.name] ?? 0) + r.inserted + r.updated;
          }
          process.stderr.write(`\r${totals.organizations} organisations written`);
          chunk = [];
        };
        for (const o of orgs()) {
          chunk.push(o);
          if (chunk.length >= CHUNK) await load();
        }
        if (chunk.length) await load();
        process.stderr.write('\n');
        console.log(JSON.stringify(totals));
      });
    });
}
