import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { dbIdParam } from '../../shared/http/zod-blocks';
import type { MatchingHandle } from './matching.service';
import { createZonePair, deleteZonePair, listZonePairs } from './partner-zones';
import { run } from './routes';
import * as S from './schemas';

/** Partner zone pairs (admin only): listing, pairing and unpairing; matching re-reads them after each write. */
export function partnerZoneRoutes(app: FastifyInstance, db: Db, actorOf: (req: FastifyRequest) => Actor | null, matching: MatchingHandle) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transfer'];
  const id = dbIdParam();
  r.get('/api/transfer/zone-partners', { schema: { tags, summary: 'Partner zone pairs used by matching (admin)', response: { 200: S.zonePairList } } },
    (req, reply) => run(req, reply, async () => ({ items: await listZonePairs(db, actorOf(req)) })));
  r.post('/api/transfer/zone-partners', {
    schema: { tags, summary: 'Pair two zones: their listings count as the same partner zone in matching (admin)',
      body: z.object({ zone_id: id, partner_zone_id: id, note: z.string().max(2000).nullish() }), response: { 201: S.zonePair } },
  }, (req, reply) => run(req, reply, async () => {
    const pair = await createZonePair(db, actorOf(req), req.body);
    await matching.reloadPartners();
    return pair;
  }, 201));
  r.delete('/api/transfer/zone-partners/:zoneId/:partnerZoneId', {
    schema: { tags, summary: 'Unpair two zones (admin; either order)', params: z.object({ zoneId: id, partnerZoneId: id }), response: { 200: z.object({ removed: z.literal(true) }) } },
  }, (req, reply) => run(req, reply, async () => {
    await deleteZonePair(db, actorOf(req), req.params.zoneId, req.params.partnerZoneId);
    await matching.reloadPartners();
    return { removed: true as const };
  }));
}
