import type { Db } from '../shared/db';
import type { JobQueue } from '../shared/jobs/job-queue';
import { defineImportJob } from '../shared/records/import-job';
import { onRecordChange } from '../shared/records/record-service';
import { computeValues } from '../evaluation/indicators/indicator.service';
import { RECOMPUTE_JOB, recomputeWindow, requestRecompute } from '../evaluation/indicators/recompute';
import { defineDocumentJobs } from '../intelligence/documents/documents.job';
import { defineIndicatorValuesImportJob } from '../evaluation/indicators/indicator-values.import';

/** Record types that registry-computed indicators read. */
const INDICATOR_SOURCES = new Set(['organizations', 'qualifications', 'annual-statistics', 'achievements', 'projects', 'demands', 'transfer-cases', 'policy-disbursements', 'vouchers', 'risk-pool-claims']);

/** Every kind of background job the platform runs, defined on one queue. */
export function defineJobs(jobs: JobQueue, db: Db): void {
  defineDocumentJobs(jobs, db);
  defineIndicatorValuesImportJob(jobs, db);
  // Indicator values derived from the registry are recomputed, as a job of their own, after their data change:
  // for every zone after an import, for the written zones (and those above them) after single API writes.
  jobs.define(RECOMPUTE_JOB, async (ctx) => {
    const { from, to, zones } = ctx.payload as { from: number; to: number; zones?: number[] };
    return computeValues(db, null, { years: { from, to }, zones: zones ?? null }, { skipAccess: true });
  });
  defineImportJob(jobs, db, async (entity, userId) => {
    if (!INDICATOR_SOURCES.has(entity)) return;
    await jobs.enqueue(RECOMPUTE_JOB, recomputeWindow(), userId);
  });
  onRecordChange(db, async (entity, zoneIds) => {
    if (!INDICATOR_SOURCES.has(entity)) return;
    // The write has committed: a failed request for a recompute is logged, not turned into a failed write.
    await requestRecompute(db, jobs, zoneIds).catch((err) => process.stderr.write(`recompute request failed: ${(err as Error).message}\n`));
  });
}
