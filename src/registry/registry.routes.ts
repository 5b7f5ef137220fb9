import { dbIdParam } from '../shared/http/zod-blocks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { zoneDashboard } from './dashboard.service';
import { classificationStatsSchema, zoneClassificationStats } from './classification-stats.service';
import * as S from './registry.schemas';

export function registryRoutes(app: FastifyInstance, db: Db, actorOf: (req: FastifyRequest) => Actor | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/zones/:id/dashboard', {
    schema: {
      tags: ['zones'], summary: 'Counts, qualification trend, top organisations and documented facts of a zone and the zones below it',
      params: z.object({ id: dbIdParam() }),
      querystring: z.object({ years: z.coerce.number().int().min(1).max(30).default(10) }),
      response: { 200: S.dashboard },
    },
  }, async (req) => zoneDashboard(req.readDb, actorOf(req), req.params.id, req.query.years));

  r.get('/api/zones/:id/classification', {
    schema: {
      tags: ['zones'], summary: 'Achievements per high-tech sub-field and industry, enterprises per GB/T 4754 division, through the classification crosswalks',
      params: z.object({ id: dbIdParam() }),
      response: { 200: classificationStatsSchema },
    },
  }, async (req) => zoneClassificationStats(req.readDb, actorOf(req), req.params.id));

  r.get('/api/zones/:id/partners', {
    schema: { tags: ['zones'], summary: 'Partner zones (e.g. paired with Shanghai Zhangjiang)', params: z.object({ id: dbIdParam() }), response: { 200: S.partners } },
  }, async (req) => ({
    items: await req.readDb.query<{ id: number; code: string; name_zh: string; name_en: string | null; note: string | null }>(`select z.id, z.code, z.name_zh, z.name_en, p.note from zone_partners p
      join zones z on z.id = case when p.zone_id = $1 then p.partner_zone_id else p.zone_id end
      where (p.zone_id = $1 or p.partner_zone_id = $1) and z.published`, [req.params.id]),
  }));
}
