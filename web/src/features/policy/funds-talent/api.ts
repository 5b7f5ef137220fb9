// Calls and types of the funds (pools, vouchers) and talent evaluation API. Money stays integer fen end to end;
// yuan typed in a form are converted by string arithmetic (yuanToFen), never through a float multiplication.
import { api, apiRequest } from '../../../shared/api/client';

export type Cell = number | null;
export interface Named { id: number; name_zh: string; name_en: string | null }

export interface Pool {
  id: number; code: string; zone_id: number; name_zh: string; name_en: string | null; size_fen: number; balance_fen: number;
  share_bp: number; loan_cap_fen: number; valid_from: string; valid_to: string | null; loans?: number;
}
export interface Loan {
  id: number; pool_id: number; bank_org_id: number; borrower_org_id: number; contract_no: string | null; principal_fen: number;
  start_date: string; maturity_date: string; status: string; bank_name_zh: string; bank_name_en: string | null;
  borrower_name_zh: string; borrower_name_en: string | null;
  claim: { id: number; loss_fen: number; compensated_fen: number; limited_by: string; default_date: string } | null;
}
export interface PoolDetail extends Omit<Pool, 'loans'> {
  manager: boolean;
  banks: Named[];
  summary: { covered_loans: number; covered_principal_fen: number; claims: number; compensated_fen: number };
  loans: Loan[];
  movements: { id: number; kind: string; amount_fen: number; balance_after_fen: number; claim_id: Cell; note: string | null; at: string; username: string | null }[];
}
export interface SchemeStats { valid: number; valid_fen: number; redeemed: number; paid_fen: number; expired: number; expired_fen: number }
export interface VoucherScheme {
  id: number; code: string; zone_id: number; name_zh: string; name_en: string | null; face_value_fen: number; budget_fen: number; issued_fen: number;
  validity_days: number; issue_from: string; issue_to: string; categories: string[]; stats: SchemeStats;
}
export interface VoucherSchemeDetail extends VoucherScheme {
  manager: boolean; budget_left_fen: number;
  providers: { organization_id: number; categories: string[]; name_zh: string; name_en: string | null }[];
}
export interface Voucher {
  id: number; code: string; scheme_id: number; organization_id: number; face_value_fen: number; issued_on: string; expires_on: string;
  redeemed_at: string | null; provider_org_id: number | null; category: string | null; paid_fen: number | null; state: 'valid' | 'redeemed' | 'expired';
  scheme_name_zh: string; scheme_name_en: string | null; org_name_zh: string; org_name_en: string | null; provider_name_zh: string | null; provider_name_en: string | null;
}
export interface Category { value: string; zh: string; en: string }

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
export interface TalentScheme { code: string; name_zh: string; name_en: string; shipped: boolean }
export interface TalentProgramme { id: number; code: string; zone_id: number; name_zh: string; name_en: string | null; members: number; teams: number }
export interface TalentTeam { id: number; zone_id: number; programme_id: number | null; name_zh: string; name_en: string | null; leader: TalentPerson; members: TalentPerson[] }
export interface TalentProgrammeDetail {
  id: number; code: string; zone_id: number; name_zh: string; name_en: string | null; description: string | null;
  members: (TalentPerson & { since: string; until: string | null; source: string | null })[];
  teams: TalentTeam[];
}

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

export const fundsApi = {
  pools: () => api.get<{ items: Pool[] }>('/api/funds/pools'),
  pool: (id: number) => api.get<PoolDetail>(`/api/funds/pools/${id}`),
  createPool: (body: unknown) => api.post<Pool>('/api/funds/pools', body),
  registerLoan: (poolId: number, body: unknown) => api.post<Loan>(`/api/funds/pools/${poolId}/loans`, body),
  claim: (loanId: number, body: unknown) => api.post<{ compensated_fen: number; limited_by: string }>(`/api/funds/loans/${loanId}/claims`, body),
  categories: () => api.get<{ items: Category[] }>('/api/funds/voucher-categories'),
  schemes: () => api.get<{ items: VoucherScheme[] }>('/api/funds/voucher-schemes'),
  scheme: (id: number) => api.get<VoucherSchemeDetail>(`/api/funds/voucher-schemes/${id}`),
  createScheme: (body: unknown) => api.post<VoucherScheme>('/api/funds/voucher-schemes', body),
  registerProvider: (schemeId: number, body: unknown) => api.post<VoucherSchemeDetail>(`/api/funds/voucher-schemes/${schemeId}/providers`, body),
  topUp: (poolId: number, body: unknown) => api.post<PoolDetail>(`/api/funds/pools/${poolId}/top-ups`, body),
  addBank: (poolId: number, body: unknown) => api.post<PoolDetail>(`/api/funds/pools/${poolId}/banks`, body),
  issue: (schemeId: number, body: unknown) => api.post<{ items: Voucher[] }>(`/api/funds/voucher-schemes/${schemeId}/vouchers`, body),
  vouchers: (query: { scheme?: number; state?: string }) => api.get<{ items: Voucher[]; balance: { valid_fen: number; paid_fen: number; expired_fen: number }; today: string }>('/api/funds/vouchers', query),
  redeem: (id: number, body: unknown) => api.post<Voucher>(`/api/funds/vouchers/${id}/redeem`, body),
};

export const talentApi = {
  schemes: () => api.get<{ items: TalentScheme[] }>('/api/talent/schemes'),
  programmes: () => api.get<{ items: TalentProgramme[] }>('/api/talent/programmes'),
  programme: (id: number) => api.get<TalentProgrammeDetail>(`/api/talent/programmes/${id}`),
  createProgramme: (body: { code: string; zone_id: number; name_zh: string; name_en?: string | null; description?: string | null }) =>
    api.post<TalentProgramme>('/api/talent/programmes', body),
  addMember: (id: number, body: { person_id: number; since: string; until?: string | null; source?: string | null }) =>
    api.post<{ id: number }>(`/api/talent/programmes/${id}/members`, body),
  createTeam: (body: { zone_id: number; programme_id?: number | null; name_zh: string; name_en?: string | null; leader_person_id: number; member_ids: number[] }) =>
    api.post<TalentTeam>('/api/talent/teams', body),
  setValue: (body: { scheme: string; person_id: number; indicator: string; value: number; source: string }) => apiRequest<{ id: number }>('/api/talent/values', { method: 'PUT', body }),
  evaluation: (q: { scheme: string; zone: number; programme?: number; experts?: boolean; uncertainty?: boolean }) =>
    api.get<TalentEvaluation>('/api/talent/evaluation', { scheme: q.scheme, zone: q.zone, programme: q.programme, experts: q.experts ? 'true' : undefined, uncertainty: q.uncertainty ? 'true' : undefined }),
};
