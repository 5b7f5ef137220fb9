import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { notFound, unauthenticated } from '../http/errors';
import { dbIdParam } from '../http/zod-blocks';
import { nullableNum, num, text, when } from '../http/response-fields';
import type { JobQueue } from './job-queue';

/** What a job's status answer carries (JobQueue.present); `result` is the handler's own summary, kind by kind. */
const jobSchema = z.object({
  id: num, kind: z.string(), status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: num.describe('units done (rows, files, …)'), total: num.describe('units to do; 0 while unknown'),
  result: z.unknown().describe("the handler's summary when succeeded, else null"), error: text,
  created_by: nullableNum, created_at: when, finished_at: when.nullable(),
});

export function jobRoutes(app: FastifyInstance, jobs: JobQueue, actorOf: (req: FastifyRequest) => Actor | null) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id', {
    schema: { tags: ['jobs'], summary: 'Status and progress of a background job', params: z.object({ id: dbIdParam() }), response: { 200: jobSchema } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!actor) throw unauthenticated();
    const job = await jobs.get(req.params.id);
    // Jobs are private to whoever started them (and admins).
    if (!job || (actor.role !== 'admin' && job.created_by !== actor.userId)) throw notFound('jobs', req.params.id);
    return job;
  });
}
