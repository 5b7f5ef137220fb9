import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../shared/db';
import { openReadReplica } from '../shared/db/read-replica';
import { JobQueue } from '../shared/jobs/job-queue';
import { setUploadDir } from '../shared/records/import-job';
import { defineJobs } from './jobs';
import { isEmpty, loadDemo } from '../registry/demo/load-demo';
import { loadDemoPeers } from '../registry/demo/load-demo-peers';
import { buildApp } from './build-app';
import { loadShippedFrameworks } from '../evaluation/indicators/evaluation.routes';
import { computeValues } from '../evaluation/indicators/indicator.service';
import { getDefaultLexicon } from '../transfer/matching';
import { startBackupSchedule, type BackupSchedule } from '../ops/backup/backup-schedule';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** DATABASE_READ_URL: a streaming replica of databaseUrl for the read routes (docs/operations.md, Read replica). */
  databaseReadUrl?: string;
  demo: boolean;
  logLevel: string;
  buildWebIfMissing: boolean;
  /** KECHUANG_TRUST_PROXY: '1'/'true' trusts any proxy; otherwise a comma-separated list of proxy addresses. */
  trustProxy?: string;
  metricsToken?: string;
  /** KECHUANG_BACKUP_*: scheduled backups with retention (src/ops/backup); undefined: none. */
  backup?: BackupSchedule;
}

function trustProxySetting(value: string | undefined): boolean | string {
  if (!value || value === '0' || value === 'false') return false;
  return value === '1' || value === 'true' ? true : value;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Opens the database (migrating it), listens at once, then loads the demo region into an empty database. */
export async function serve(options: ServeOptions) {
  if (options.buildWebIfMissing && !existsSync(join(ROOT, 'web/dist/index.html'))) {
    console.error('Building the web app (first start only)…');
    const built = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the web app did not build; see the output above');
  }
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.databaseUrl ? undefined : join(options.dataDir, 'pglite') });
  setUploadDir(join(options.dataDir, 'uploads'));
  await loadShippedFrameworks(db);
  const readReplica = options.databaseReadUrl && options.databaseUrl ? await openReadReplica(db, options.databaseReadUrl) : undefined;
  const jobs = new JobQueue(db);
  defineJobs(jobs, db);
  let ready = false;
  const app = await buildApp({ db, jobs, readReplica, logger: { level: options.logLevel }, isReady: () => ready, trustProxy: trustProxySetting(options.trustProxy), metricsToken: options.metricsToken });
  await app.listen({ port: options.port, host: options.host });
  if (options.demo && (await isEmpty(db))) {
    app.log.info('empty database: loading the demo region');
    await loadDemo(db, { log: (m) => app.log.info(m) });
    const lastYear = new Date().getFullYear() - 1;
    const peers = await loadDemoPeers(db, { firstYear: lastYear - 5, lastYear });
    app.log.info(`demo peer group loaded: ${peers} real zones with generated figures`);
    // Registry-computed indicators for the demo region, so the evaluation pages have values from the start.
    await computeValues(db, null, { years: { from: lastYear - 5, to: lastYear } }, { skipAccess: true });
    app.log.info('indicator values computed for the demo region');
  }
  await jobs.start();
  // The bilingual lexicon loads on first use (a second or two); load it now rather than during someone's first match.
  getDefaultLexicon();
  const backups = options.backup && startBackupSchedule(db, { dataDir: options.dataDir, databaseUrl: options.databaseUrl }, options.backup, app.log);
  ready = true;
  app.log.info(`Kechuang is ready at http://localhost:${options.port} (API docs at /docs)`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    ready = false;
    app.log.info('shutting down: finishing requests in flight; running jobs stop at their next batch and are queued again');
    // Never hang a stop (systemd, orchestrators): past 30 s the process exits and the job locks go with it.
    setTimeout(() => process.exit(1), 30_000).unref();
    // Stop listening (requests in flight finish) while running jobs reach a batch boundary.
    await Promise.all([app.close(), jobs.stop()]);
    await backups?.stop();
    await readReplica?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, db, jobs };
}
