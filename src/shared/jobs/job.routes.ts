import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { notFound, unauthenticated } from '../http/errors';
import { dbIdParam } from '../http/zod-blocks';
import type { JobQueue } from './job-queue';

export function jobRoutes(app: FastifyInstance, jobs: JobQueue, actorOf: (req: FastifyRequest) => Actor | null) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/jobs/:id', {
    schema: { tags: ['jobs'], summary: 'Status and progress of a background job', params: z.object({ id: dbIdParam() }) },
  }, async (req) => {
    const actor = actorOf(req);
    if (!actor) throw unauthenticated();
    const job = await jobs.get(req.params.id);
    // Jobs are private to whoever started them (and admins).
    if (!job || (actor.role !== 'admin' && job.created_by !== actor.userId)) throw notFound('jobs', req.params.id);
    return job;
  });
}
