import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { openDb, type Db } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { AppError } from '../shared/http/errors';
import { translate } from '../shared/i18n';
import { allEntities, entityByName } from '../shared/records/registry-of-entities';
import { commitImport, validateImport } from '../shared/records/record-import';
import { exportRecords, type ExportFormat } from '../shared/records/record-export';
import { loadConfig } from './config';
import { serve } from './server';
import { registerGenerateCommand } from '../registry/demo/generate.cli';
import { registerAccountCommands, registerCreateAdmin } from '../accounts/accounts.cli';
import { registerMatchingCommands } from '../transfer/matching/matching.cli';
import { registerCrosswalkCommands } from '../shared/classification/crosswalk.cli';
import { registerCompositeCommands } from '../evaluation/composite/composite.cli';
import { registerPolicyCommands } from '../policy/policy.cli';
import { registerIntelligenceCommands } from '../intelligence/intelligence.cli';
import { registerBackupCommands } from '../ops/backup/backup.cli';
import { backupScheduleOf } from '../ops/backup/backup-schedule';
import './entities';

/** The `kechuang` command line: thin adapters over the same services the HTTP API uses. */
const config = loadConfig();
const program = new Command('kechuang').description('Kechuang (科创): regional science-and-technology innovation platform');

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : join(config.KECHUANG_DATA_DIR, 'pglite') });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Commands act as a named user (default: the first admin), so that scope rules and the audit log apply. */
async function actorFor(db: Db, username?: string): Promise<Actor> {
  const rows = await db.query<{ id: number; username: string; role: Actor['role']; zone_id: number | null; organization_id: number | null }>(
    username ? 'select * from users where username = $1' : `select * from users where role = 'admin' order by id limit 1`, username ? [username] : []);
  const u = rows[0];
  if (!u) throw new Error(username ? `no user ${username}` : 'no admin user yet: run `kechuang create-admin <name>` first');
  return { userId: u.id, username: u.username, role: u.role, zoneId: u.zone_id, organizationId: u.organization_id };
}

function fail(err: unknown): never {
  if (err instanceof AppError) {
    console.error(translate('en', err.key, err.params));
    for (const i of err.issues) console.error(`  ${i.field}: ${translate('en', i.key, i.params)}`);
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exit(err instanceof AppError && err.status < 500 ? 2 : 1);
}

program.command('serve').description('Start the web app and API (embedded database unless DATABASE_URL is set)')
  .option('--port <port>', 'port', String(config.PORT))
  .option('--data-dir <dir>', 'folder of the embedded database and uploads', config.KECHUANG_DATA_DIR)
  .option('--no-demo', 'do not load the demo region into an empty database')
  .option('--build-web-if-missing', 'build the web app first if web/dist is missing')
  .action(async (opts: { port: string; dataDir: string; demo: boolean; buildWebIfMissing?: boolean }) => {
    await serve({
      port: Number(opts.port), host: config.HOST, dataDir: opts.dataDir, databaseUrl: config.DATABASE_URL, databaseReadUrl: config.DATABASE_READ_URL,
      demo: opts.demo && config.KECHUANG_DEMO === '1', logLevel: config.LOG_LEVEL, trustProxy: config.KECHUANG_TRUST_PROXY, metricsToken: config.KECHUANG_METRICS_TOKEN, buildWebIfMissing: Boolean(opts.buildWebIfMissing),
      backup: backupScheduleOf(config),
    });
  });

program.command('migrate').description('Apply database migrations').action(() => withDb(async () => console.log('migrations applied')));

registerCreateAdmin(program, withDb);

const entityNames = () => allEntities().map((d) => d.name);

program.command('import').description('Import a CSV, XLSX or JSON file; all-or-nothing unless --valid-only')
  .addArgument(new Command().createArgument('<entity>', 'entity').choices(entityNames()))
  .argument('<file>')
  .option('--dry-run', 'validate and report only; write nothing')
  .option('--valid-only', 'import the valid rows and report the others')
  .option('--as <username>', 'act as this user (default: the first admin)')
  .action((entity: string, file: string, opts: { dryRun?: boolean; validOnly?: boolean; as?: string }) => withDb(async (db) => {
    const def = entityByName(entity);
    const actor = await actorFor(db, opts.as);
    const input = { path: file }; // read as a stream, a batch at a time (file-stream.ts)
    const started = Date.now();
    const { report } = await validateImport(db, actor, def, basename(file), input);
    for (const e of report.errors) console.error(`line ${e.line}: ${e.field}: ${translate('en', e.key, e.params)}`);
    if (opts.dryRun) {
      console.log(JSON.stringify({ entity, rows: report.rows, valid: report.valid, errors: report.errors.length, dryRun: true }));
      process.exitCode = report.errors.length ? 2 : 0;
      return;
    }
    const result = await commitImport(db, actor, def, basename(file), input, opts.validOnly ? 'valid-only' : 'commit',
      (done, total) => process.stderr.write(`\r${done}/${total} rows written`), report.rows);
    process.stderr.write('\n');
    console.log(JSON.stringify({ entity, rows: report.rows, inserted: result.inserted, updated: result.updated, skipped: result.skipped, ms: Date.now() - started }));
  }).catch(fail));

program.command('export').description('Export records as CSV, XLSX or JSON')
  .addArgument(new Command().createArgument('<entity>', 'entity').choices(entityNames()))
  .addOption(new Option('--format <format>').choices(['csv', 'xlsx', 'json']).default('csv'))
  .requiredOption('--out <file>')
  .option('--as <username>')
  .action((entity: string, opts: { format: ExportFormat; out: string; as?: string }) => withDb(async (db) => {
    const def = entityByName(entity);
    const body = await exportRecords(db, await actorFor(db, opts.as), def, { equals: {} }, opts.format);
    await writeFile(opts.out, body);
    console.log(`wrote ${opts.out}`);
  }).catch(fail));

registerGenerateCommand(program, withDb, actorFor);
registerAccountCommands(program, withDb, actorFor);
registerMatchingCommands(program);
registerCrosswalkCommands(program);
registerCompositeCommands(program);
registerPolicyCommands(program, withDb, actorFor);
registerIntelligenceCommands(program, withDb, actorFor);
registerBackupCommands(program, config);

await program.parseAsync(process.argv);
