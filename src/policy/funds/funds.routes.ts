/** HTTP routes of risk-compensation pools and innovation vouchers (/api/funds/…); access is checked in the services. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import * as S from './funds.schemas';
import { addBank, claimLoan, createPool, getPool, listPools, registerLoan, topUp } from './pools.service';
import { createScheme, getScheme, issueVouchers, listSchemes, listVouchers, redeemVoucher, registerProvider, SERVICE_CATEGORIES } from './vouchers.service';
import { recordsChanged } from '../../shared/records/record-service';

export function fundsRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policy: funds'];

  r.get('/api/funds/pools', { schema: { tags, summary: 'Risk-compensation pools: a zone\'s for its operators, those an organisation banks for or borrows from', response: { 200: S.poolList } } },
    (req) => listPools(db, actorOf(req)));
  r.post('/api/funds/pools', { schema: { tags, summary: 'Define and endow a pool (admin or zone operator); money in integer fen', body: S.poolBody, response: { 201: S.poolOut } } },
    async (req, reply) => reply.status(201).send(await createPool(db, actorOf(req), req.body)));
  r.get('/api/funds/pools/:id', { schema: { tags, summary: 'A pool: banks, loans (an organisation sees its own), claims, balance history', params: S.idParams, response: { 200: S.poolDetail } } },
    (req) => getPool(db, actorOf(req), req.params.id));
  r.post('/api/funds/pools/:id/banks', { schema: { tags, summary: 'Add a partner bank (an organisation of the registry)', params: S.idParams, body: S.bankBody, response: { 200: S.poolDetail } } },
    (req) => addBank(db, actorOf(req), req.params.id, req.body.organization_id));
  r.post('/api/funds/pools/:id/top-ups', { schema: { tags, summary: 'Add money to the pool', params: S.idParams, body: S.topUpBody, response: { 200: S.poolDetail } } },
    (req) => topUp(db, actorOf(req), req.params.id, req.body.amount_fen, req.body.note ?? null));
  r.post('/api/funds/pools/:id/loans', { schema: { tags, summary: 'Register a covered loan of a partner bank to an enterprise of the zone', params: S.idParams, body: S.loanBody, response: { 201: S.loanOut } } },
    async (req, reply) => reply.status(201).send(await registerLoan(db, actorOf(req), req.params.id, req.body)));
  r.post('/api/funds/loans/:id/claims', {
    schema: { tags, summary: 'Claim a default: compensated at the pool\'s share of the loss, at most the per-loan cap and the remaining balance; once per loan', params: S.idParams, body: S.claimBody, response: { 201: S.claimOut } },
  }, async (req, reply) => {
    const claim = await claimLoan(db, actorOf(req), req.params.id, req.body);
    await fundsChanged(db, 'risk_pool_claims', Number((claim as { id: number }).id));
    return reply.status(201).send(claim);
  });

  r.get('/api/funds/voucher-categories', { schema: { tags, summary: 'Service categories an innovation-voucher scheme can cover', response: { 200: S.categories } } },
    async () => ({ items: SERVICE_CATEGORIES.map((c) => ({ ...c })) }));
  r.get('/api/funds/voucher-schemes', { schema: { tags, summary: 'Innovation-voucher schemes with their balances', response: { 200: S.schemeList } } },
    (req) => listSchemes(db, actorOf(req)));
  r.post('/api/funds/voucher-schemes', { schema: { tags, summary: 'Define a voucher scheme (admin or zone operator)', body: S.schemeBody, response: { 201: S.schemeOut } } },
    async (req, reply) => reply.status(201).send(await createScheme(db, actorOf(req), req.body)));
  r.get('/api/funds/voucher-schemes/:id', { schema: { tags, summary: 'A scheme with its providers and balances', params: S.idParams, response: { 200: S.schemeDetail } } },
    (req) => getScheme(db, actorOf(req), req.params.id));
  r.post('/api/funds/voucher-schemes/:id/providers', { schema: { tags, summary: 'Register (or re-register) a service provider for some of the scheme\'s categories', params: S.idParams, body: S.providerBody, response: { 200: S.schemeDetail } } },
    (req) => registerProvider(db, actorOf(req), req.params.id, req.body));
  r.post('/api/funds/voucher-schemes/:id/vouchers', { schema: { tags, summary: 'Issue one voucher to each enterprise (all or none, within the budget)', params: S.idParams, body: S.issueBody, response: { 201: S.issued } } },
    async (req, reply) => reply.status(201).send(await issueVouchers(db, actorOf(req), req.params.id, req.body)));
  r.get('/api/funds/vouchers', { schema: { tags, summary: 'Vouchers with their state (valid, redeemed, expired) and balances', querystring: S.voucherQuery, response: { 200: S.voucherList } } },
    (req) => listVouchers(db, actorOf(req), req.query));
  r.post('/api/funds/vouchers/:id/redeem', { schema: { tags, summary: 'Redeem a voucher at a registered provider (once, before it expires)', params: S.idParams, body: S.redeemBody, response: { 200: S.redeemed } } },
    async (req) => {
      const voucher = await redeemVoucher(db, actorOf(req), req.params.id, req.body);
      await fundsChanged(db, 'vouchers', req.params.id);
      return voucher;
    });
}

/** Vouchers paid and risk-pool compensation are evaluation indicators of the zone: ask for a recompute. */
async function fundsChanged(db: Db, table: 'vouchers' | 'risk_pool_claims', id: number) {
  const rows = await db.query<{ zone_id: number }>(`select zone_id from ${table} where id = $1`, [id]);
  if (rows[0]) await recordsChanged(db, table === 'vouchers' ? 'vouchers' : 'risk-pool-claims', [Number(rows[0].zone_id)]);
}
