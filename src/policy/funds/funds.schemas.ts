/**
 * Request and response schemas of the funds routes (OpenAPI, validation, checked responses). Money is integer fen:
 * `z.number().int()` refuses 1.5 with a 400 naming the field, so no float ever reaches the ledger.
 */
import { z } from 'zod';
import { nullableNum, num, text, when } from '../../shared/http/response-fields';
import { SERVICE_CATEGORIES } from './vouchers.service';

/** At most ¥10 trillion: far beyond any pool, and well inside JavaScript's exact integers. */
export const fen = z.number().int().positive().max(1e15).describe('integer fen (1 yuan = 100 fen)');
/** A calendar date YYYY-MM-DD (zod's ISO date knows month lengths and leap years: 2024-02-30 is refused). */
export const DATE = z.iso.date().describe('YYYY-MM-DD');
/** A record id: ids are int8, JavaScript numbers are exact up to 2^53 − 1. */
export const dbId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const idParams = z.object({ id });
/** Text PostgreSQL can store: a NUL character would fail in the database, so it is refused here, naming the field. */
export const plain = (max: number) => z.string().trim().max(max).refine((v) => !v.includes('\u0000'), 'text without NUL characters');
const nameZh = plain(200).pipe(z.string().min(1));
const nameEn = plain(200).nullish();
const code = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_.-]+$/).nullish();

export const poolBody = z.object({
  code, zone_id: dbId, name_zh: nameZh, name_en: nameEn,
  size_fen: fen, share_bp: z.number().int().min(1).max(10000).describe('compensation share in basis points: 5000 = 50 %'),
  loan_cap_fen: fen.describe('most compensated for one loan, integer fen'),
  valid_from: DATE, valid_to: DATE.nullish(), bank_ids: z.array(dbId).max(200),
});
export const loanBody = z.object({
  bank_org_id: dbId, borrower_org_id: dbId, contract_no: plain(100).nullish(),
  principal_fen: fen, start_date: DATE, maturity_date: DATE,
});
export const claimBody = z.object({ loss_fen: fen, default_date: DATE, note: plain(2000).nullish() });
export const topUpBody = z.object({ amount_fen: fen, note: plain(2000).nullish() });
export const bankBody = z.object({ organization_id: dbId });

const category = z.enum(SERVICE_CATEGORIES.map((c) => c.value) as [string, ...string[]]);
export const schemeBody = z.object({
  code, zone_id: dbId, name_zh: nameZh, name_en: nameEn,
  face_value_fen: fen, budget_fen: fen, validity_days: z.number().int().min(1).max(3660),
  issue_from: DATE, issue_to: DATE, categories: z.array(category).min(1).max(SERVICE_CATEGORIES.length),
});
export const providerBody = z.object({ organization_id: dbId, categories: z.array(category).min(1).max(SERVICE_CATEGORIES.length) });
export const issueBody = z.object({ organization_ids: z.array(dbId).min(1).max(1000), issued_on: DATE.nullish() });
export const redeemBody = z.object({ provider_org_id: dbId, category, service_amount_fen: fen, note: plain(2000).nullish() });
export const voucherQuery = z.object({ scheme: id.optional(), organization: id.optional(), state: z.enum(['valid', 'redeemed', 'expired']).optional() });

const pool = z.looseObject({
  id: num, code: z.string(), zone_id: num, name_zh: z.string(), name_en: text, size_fen: num, balance_fen: num, share_bp: num, loan_cap_fen: num,
  valid_from: z.string(), valid_to: text,
});
const loan = z.looseObject({ id: num, pool_id: num, bank_org_id: num, borrower_org_id: num, principal_fen: num, start_date: z.string(), maturity_date: z.string(), status: z.string() });
export const poolOut = pool;
export const poolList = z.object({ items: z.array(pool.extend({ loans: num })) });
export const poolDetail = pool.extend({
  manager: z.boolean(),
  banks: z.array(z.object({ id: num, name_zh: z.string(), name_en: text })),
  summary: z.object({ covered_loans: num, covered_principal_fen: num, claims: num, compensated_fen: num }),
  loans: z.array(loan.extend({ claim: z.looseObject({ id: num, loss_fen: num, compensated_fen: num, limited_by: z.string() }).nullable() })),
  movements: z.array(z.object({ id: num, kind: z.string(), amount_fen: num, balance_after_fen: num, claim_id: nullableNum, note: text, at: when, username: text })),
});
export const loanOut = loan;
export const claimOut = z.looseObject({
  id: num, pool_id: num, loan_id: num, loss_fen: num, share_fen: num, compensated_fen: num,
  limited_by: z.enum(['share', 'loan_cap', 'balance']), balance_after_fen: num,
});

const scheme = z.looseObject({
  id: num, code: z.string(), zone_id: num, name_zh: z.string(), name_en: text, face_value_fen: num, budget_fen: num, issued_fen: num,
  validity_days: num, issue_from: z.string(), issue_to: z.string(), categories: z.array(z.string()),
});
const stats = z.object({ valid: num, valid_fen: num, redeemed: num, paid_fen: num, expired: num, expired_fen: num });
export const schemeOut = scheme;
export const schemeList = z.object({ items: z.array(scheme.extend({ stats })) });
export const schemeDetail = scheme.extend({
  manager: z.boolean(), budget_left_fen: num, stats,
  providers: z.array(z.object({ organization_id: num, categories: z.array(z.string()), name_zh: z.string(), name_en: text })),
});
const voucher = z.looseObject({
  id: num, code: z.string(), scheme_id: num, organization_id: num, face_value_fen: num, issued_on: z.string(), expires_on: z.string(),
  redeemed_at: z.string().nullable(), provider_org_id: nullableNum, category: text, paid_fen: nullableNum,
});
export const issued = z.object({ items: z.array(voucher), issued_fen: num, budget_left_fen: num });
export const redeemed = voucher.extend({ state: z.literal('redeemed') });
export const voucherList = z.object({
  items: z.array(voucher.extend({ state: z.enum(['valid', 'redeemed', 'expired']) })),
  balance: z.object({ valid_fen: num, paid_fen: num, expired_fen: num }),
  today: z.string(),
});
export const categories = z.object({ items: z.array(z.object({ value: z.string(), zh: z.string(), en: z.string() })) });
