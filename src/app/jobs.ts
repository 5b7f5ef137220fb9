import type { Db } from '../shared/db';
import type { JobQueue } from '../shared/jobs/job-queue';
import { defineImportJob } from '../shared/records/import-job';
import { computeValues } from '../evaluation/indicators/indicator.service';

/** Record types that registry-computed indicators read. */
const INDICATOR_SOURCES = new Set(['organizations', 'qualifications', 'annual-statistics', 'achievements', 'projects']);

/** Every kind of background job the platform runs, defined on one queue. */
export function defineJobs(jobs: JobQueue, db: Db): void {
  // Indicator values derived from the registry are recomputed, as a job of their own, after an import changes their data.
  jobs.define('recompute-indicators', async (ctx) => {
    const { from, to } = ctx.payload as { from: number; to: number };
    return computeValues(db, null, { years: { from, to } }, { skipAccess: true });
  });
  defineImportJob(jobs, db, async (entity, userId) => {
    if (!INDICATOR_SOURCES.has(entity)) return;
    const lastYear = new Date().getFullYear() - 1;
    await jobs.enqueue('recompute-indicators', { from: lastYear - 9, to: lastYear }, userId);
  });
}
