/**
 * A child process for the import memory test (test/api/import-memory.api.test.ts): the HTTP app on a fresh embedded
 * database (PGlite, the default a zone office runs) with the demo zones and users, listening on a free port of
 * 127.0.0.1. Its resident memory is the server's alone. Prints {"port": N} once it listens.
 */
import { openDb } from '../../src/shared/db';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { defineJobs } from '../../src/app/jobs';
import { loadDemo } from '../../src/registry/demo/load-demo';
import { setUploadDir } from '../../src/shared/records/import-job';

const db = await openDb({});
await loadDemo(db, { generatedOrganizations: 10 });
if (process.env.KECHUANG_UPLOAD_DIR) setUploadDir(process.env.KECHUANG_UPLOAD_DIR);
const jobs = new JobQueue(db, 50);
defineJobs(jobs, db);
const app = await buildApp({ db, jobs });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.on('SIGTERM', () => { void app.close().then(() => db.close()).finally(() => process.exit(0)); });
