// Calls and types of the funds (pools, vouchers) and talent evaluation API. Money stays integer fen end to end;
// yuan typed in a form are converted by string arithmetic (yuanToFen), never through a float multiplication.
import { client, unwrap, unwrapAs, type BodyOf, type FormValues, type QueryOf, type ResponseOf } from '../../../shared/api/client';
import type { paths } from '../../../shared/api/schema';

// Answers and bodies as the generated API types (schema.ts) describe them.
export type Cell = number | null;
export interface Named { id: number; name_zh: string; name_en: string | null }

export type Pool = ResponseOf<'/api/funds/pools', 'get'>['items'][number];
export type PoolDetail = ResponseOf<'/api/funds/pools/{id}', 'get'>;
export type Loan = PoolDetail['loans'][number];
export type VoucherScheme = ResponseOf<'/api/funds/voucher-schemes', 'get'>['items'][number];
export type SchemeStats = VoucherScheme['stats'];
export type VoucherSchemeDetail = ResponseOf<'/api/funds/voucher-schemes/{id}', 'get'>;
export type Voucher = ResponseOf<'/api/funds/vouchers', 'get'>['items'][number];
export type Category = ResponseOf<'/api/funds/voucher-categories', 'get'>['items'][number];

// The talent evaluation's answer schema is open (loose objects): its full shape is typed here.
export interface TalentInput {
  value: Cell; normalised: Cell; used: boolean; origin: 'computed' | 'manual';
  evidence: { kind: string; id: number; label: string; amount?: Cell }[];
  source: string | null; entered_at: string | null; entered_by: string | null;
}
export interface TalentPerson { id: number; code: string; name_zh: string; name_en: string | null; title: string | null; is_expert: boolean; organization: Named | null }
export interface TalentIndicator { code: string; name_zh: string; name_en: string; unit: string | null; weight: number; source: string; source_label: { zh: string; en: string }; used: boolean }
export interface TalentEvaluation {
  scheme: { code: string; name_zh: string; name_en: string; description: string | null; groups: { code: string; name_zh: string; name_en: string; weight: number; used: boolean; indicators: TalentIndicator[] }[] };
  zone: { id: number; code: string; name_zh: string; name_en: string | null };
  people: number;
  excluded: { indicator: string; reason: { zh: string; en: string } }[];
  warnings: string[];
  uncertainty: { runs: number; seed: number; varied: string[] } | null;
  results: {
    person: TalentPerson; score: Cell; rank: Cell; groups: Record<string, { score: Cell; rank: Cell }>;
    inputs: Record<string, TalentInput>; uncertainty: { median: Cell; q5: Cell; q95: Cell; mean: Cell } | null;
  }[];
}
export type TalentScheme = ResponseOf<'/api/talent/schemes', 'get'>['items'][number];
export type TalentProgramme = ResponseOf<'/api/talent/programmes', 'get'>['items'][number];
export type TalentProgrammeDetail = ResponseOf<'/api/talent/programmes/{id}', 'get'>;
export type TalentTeam = TalentProgrammeDetail['teams'][number];

/** "1234.5" yuan → 123450 fen, exactly; null when the text is not an amount with at most two decimals. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  const s = String(text ?? '').trim();
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 123450 fen → "1,234.50". */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${neg ? '−' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const path = (id: number) => ({ path: { id } });

// Bodies come from the pages' forms: their keys are checked here, their values by the server (FormValues).
type Body<P extends keyof paths> = BodyOf<P, 'post'>;

export const fundsApi = {
  pools: () => unwrap(client.GET('/api/funds/pools')),
  pool: (id: number) => unwrap(client.GET('/api/funds/pools/{id}', { params: path(id) })),
  createPool: (body: FormValues<Body<'/api/funds/pools'>>) => unwrap(client.POST('/api/funds/pools', { body: body as Body<'/api/funds/pools'> })),
  registerLoan: (poolId: number, body: FormValues<Body<'/api/funds/pools/{id}/loans'>>) =>
    unwrap(client.POST('/api/funds/pools/{id}/loans', { params: path(poolId), body: body as Body<'/api/funds/pools/{id}/loans'> })),
  claim: (loanId: number, body: FormValues<Body<'/api/funds/loans/{id}/claims'>>) =>
    unwrap(client.POST('/api/funds/loans/{id}/claims', { params: path(loanId), body: body as Body<'/api/funds/loans/{id}/claims'> })),
  categories: () => unwrap(client.GET('/api/funds/voucher-categories')),
  schemes: () => unwrap(client.GET('/api/funds/voucher-schemes')),
  scheme: (id: number) => unwrap(client.GET('/api/funds/voucher-schemes/{id}', { params: path(id) })),
  createScheme: (body: FormValues<Body<'/api/funds/voucher-schemes'>>) =>
    unwrap(client.POST('/api/funds/voucher-schemes', { body: body as Body<'/api/funds/voucher-schemes'> })),
  registerProvider: (schemeId: number, body: FormValues<Body<'/api/funds/voucher-schemes/{id}/providers'>>) =>
    unwrap(client.POST('/api/funds/voucher-schemes/{id}/providers', { params: path(schemeId), body: body as Body<'/api/funds/voucher-schemes/{id}/providers'> })),
  topUp: (poolId: number, body: FormValues<Body<'/api/funds/pools/{id}/top-ups'>>) =>
    unwrap(client.POST('/api/funds/pools/{id}/top-ups', { params: path(poolId), body: body as Body<'/api/funds/pools/{id}/top-ups'> })),
  addBank: (poolId: number, body: FormValues<Body<'/api/funds/pools/{id}/banks'>>) =>
    unwrap(client.POST('/api/funds/pools/{id}/banks', { params: path(poolId), body: body as Body<'/api/funds/pools/{id}/banks'> })),
  issue: (schemeId: number, body: FormValues<Body<'/api/funds/voucher-schemes/{id}/vouchers'>>) =>
    unwrap(client.POST('/api/funds/voucher-schemes/{id}/vouchers', { params: path(schemeId), body: body as Body<'/api/funds/voucher-schemes/{id}/vouchers'> })),
  vouchers: (query: { scheme?: number; state?: string }) =>
    unwrap(client.GET('/api/funds/vouchers', { params: { query: query as QueryOf<'/api/funds/vouchers', 'get'> } })),
  redeem: (id: number, body: FormValues<Body<'/api/funds/vouchers/{id}/redeem'>>) =>
    unwrap(client.POST('/api/funds/vouchers/{id}/redeem', { params: path(id), body: body as Body<'/api/funds/vouchers/{id}/redeem'> })),
};

export const talentApi = {
  schemes: () => unwrap(client.GET('/api/talent/schemes')),
  programmes: () => unwrap(client.GET('/api/talent/programmes')),
  programme: (id: number) => unwrap(client.GET('/api/talent/programmes/{id}', { params: path(id) })),
  createProgramme: (body: BodyOf<'/api/talent/programmes', 'post'>) => unwrap(client.POST('/api/talent/programmes', { body })),
  addMember: (id: number, body: BodyOf<'/api/talent/programmes/{id}/members', 'post'>) =>
    unwrap(client.POST('/api/talent/programmes/{id}/members', { params: path(id), body })),
  createTeam: (body: BodyOf<'/api/talent/teams', 'post'>) => unwrap(client.POST('/api/talent/teams', { body })),
  setValue: (body: BodyOf<'/api/talent/values', 'put'>) => unwrap(client.PUT('/api/talent/values', { body })),
  evaluation: (q: { scheme: string; zone: number; programme?: number; experts?: boolean; uncertainty?: boolean }) =>
    unwrapAs<TalentEvaluation>(client.GET('/api/talent/evaluation', {
      params: { query: { scheme: q.scheme, zone: q.zone, programme: q.programme, experts: q.experts ? 'true' : undefined, uncertainty: q.uncertainty ? 'true' : undefined } },
    })),
};
