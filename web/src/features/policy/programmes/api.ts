// Incentive programmes (/api/policy/…): programmes, applications, review, public notice and objections, disbursement
// and the ledger. Money is integer fen everywhere; the pages format it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf } from '../../../shared/api/client';
import type { BiLabel } from '../../../shared/api/types';

export type Rule =
  | { kind: 'org_kind'; in: string[] }
  | { kind: 'qualification'; type: string; on?: string }
  | { kind: 'statistic'; field: string; op: string; value: number; year?: number }
  | { kind: 'founded_before'; date: string };
export type AmountRule = { kind: 'fixed'; amount_fen: number } | { kind: 'share'; field: string; year?: number; rate_bp: number; cap_fen?: number | null };
export interface RequiredDocument { key: string; name_zh: string; name_en: string }

export interface Programme {
  id: number; code: string; zone_id: number; zone_name_zh: string; zone_name_en: string | null; name_zh: string; name_en: string;
  description_zh: string | null; description_en: string | null; rules: Rule[]; amount_rule: AmountRule; budget_fen: number; remaining_fen: number; paid_fen: number;
  opens_on: string; closes_on: string; required_documents: RequiredDocument[]; applications: number; version: number;
  /** The policy measure of an ingested document this programme was defined from. */
  source_proposal?: SourceProposal | null;
}
export interface SourceProposal { id: number; document_id: number; file_name: string; title: string | null; kind: string; name: string; quote: string; detail?: Record<string, string | number>; zone_id?: number }

/** Accepted policy proposals (from ingested documents) that a programme may be defined from. */
export function useAcceptedProposal(id: number | null) {
  return useQuery({
    queryKey: ['intelligence', 'accepted-proposals'],
    queryFn: () => unwrap<{ items: SourceProposal[] }>(client.GET('/api/intelligence/policy-proposals', { params: { query: { status: 'accepted', limit: 200 } } })),
    enabled: id !== null,
    select: (d) => d.items.find((p) => p.id === id) ?? null,
  });
}
export interface RuleResult { index: number; kind: string; pass: boolean; value: string | number | boolean | null; expected: string; label: BiLabel }
export interface YearFigures { operating_revenue: number | null; rd_expense: number | null; exports: number | null; staff: number | null; rd_staff: number | null }
export interface Prefill {
  programme: Programme; date: string; organization: { id: number; code: string; name_zh: string; name_en: string | null; credit_code: string | null };
  statistics: Record<string, YearFigures>; eligibility: { eligible: boolean; results: RuleResult[] };
  amount: { amount_fen: number; base_fen: number | null; capped: boolean; explanation: BiLabel }; existing_application_id: number | null;
}
export interface ApplicationFile { id: number; document: string; filename: string; size_bytes: number; uploaded_at: string }
export interface Objection { id: number; text: string; status: 'open' | 'upheld' | 'dismissed'; resolution: string | null; lodged_by: string | null; created_at: string }
export interface Application {
  id: number; programme_id: number; programme_name_zh: string; programme_name_en: string; organization_id: number; organization_name_zh: string; organization_name_en: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'rejected'; eligibility: RuleResult[]; computed_fen: number; approved_fen: number | null; score: number | null;
  decision_reason: string | null; decided_by: string | null; notice_id: number | null; notice_starts_on: string | null; notice_ends_on: string | null; note: string | null;
  version: number; paid: boolean; disbursable: boolean; open_objections: number; paid_at: string | null; batch_id: number | null;
  files?: ApplicationFile[]; objections?: Objection[];
}
export interface Notice {
  id: number; programme_id: number; programme_name_zh: string; programme_name_en: string; starts_on: string; ends_on: string; running: boolean;
  items: { id: number; status: string; approved_fen: number | null; organization_name_zh: string; organization_name_en: string | null; credit_code: string | null; open_objections: number }[];
}
export interface ObjectionRow extends Objection { application_id: number; organization_name_zh: string; organization_name_en: string | null; programme_name_zh: string; programme_name_en: string }
export interface Ledger {
  programme_id: number; budget_fen: number;
  accounts: { id: number; kind: 'appropriation' | 'budget' | 'paid'; organization_id: number | null; balance_fen: number; name_zh: string | null; name_en: string | null }[];
  entries: { id: number; created_at: string; kind: string; amount_fen: number; memo: string | null; application_id: number | null; batch_id: number | null; username: string | null;
    debit_zh: string; debit_en: string; credit_zh: string; credit_en: string }[];
  totals: { allocated_fen: number; paid_fen: number; remaining_fen: number; balanced: boolean };
}
export interface BatchResult { batch_id: number; total_fen: number; count: number; remaining_fen: number; replayed: boolean }

export const ORG_KINDS = ['enterprise', 'university', 'research_institute', 'lab', 'innovation_platform', 'incubator', 'maker_space', 'investment_fund', 'service_agency'] as const;
export const QUALIFICATIONS = ['hightech_enterprise', 'tech_sme', 'innovative_sme', 'srdi_sme', 'little_giant', 'national_key_lab', 'provincial_key_lab',
  'engineering_center', 'enterprise_tech_center', 'national_incubator', 'provincial_incubator', 'national_maker_space'] as const;
export const STAT_FIELDS = ['operating_revenue', 'rd_expense', 'exports', 'staff', 'rd_staff', 'patents_filed', 'patents_granted', 'rd_intensity'] as const;
export const MONEY_FIELDS = ['operating_revenue', 'rd_expense', 'exports'] as const;
export const OPS = ['>=', '>', '<=', '<', '='] as const;
export const APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
type Status = (typeof APPLICATION_STATUSES)[number];

/** fen → "¥1,234.56", from the integer (no float rounding of the amount). */
export function money(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${neg ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
/** yuan typed in a form (up to two decimals) → fen. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

const KEY = ['policy', 'programmes'] as const;

export function useProgrammes() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => unwrap<{ items: Programme[] }>(client.GET('/api/policy/programmes')), select: (d) => d.items });
}
export function useProgramme(id: number) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => unwrap<Programme>(client.GET('/api/policy/programmes/{id}', { params: { path: { id } } })), enabled: id > 0 });
}
export function usePrefill(id: number) {
  return useQuery({ queryKey: [...KEY, 'prefill', id], queryFn: () => unwrap<Prefill>(client.GET('/api/policy/programmes/{id}/prefill', { params: { path: { id } } })), retry: false });
}
export function useApplications(q: { programme?: number; status?: string; disbursable?: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'applications', q],
    queryFn: () => unwrap<{ items: Application[]; total: number }>(client.GET('/api/policy/applications', {
      params: { query: { programme: q.programme, status: q.status as Status, disbursable: q.disbursable === undefined ? undefined : String(q.disbursable) as 'true' | 'false' } },
    })),
    select: (d) => d.items,
  });
}
export function useApplication(id: number) {
  return useQuery({ queryKey: [...KEY, 'application', id], queryFn: () => unwrap<Application>(client.GET('/api/policy/applications/{id}', { params: { path: { id } } })) });
}
export function useNotices() {
  return useQuery({ queryKey: [...KEY, 'notices'], queryFn: () => unwrap<{ items: Notice[] }>(client.GET('/api/policy/notices')), select: (d) => d.items });
}
export function useObjections(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'objections'], queryFn: () => unwrap<{ items: ObjectionRow[] }>(client.GET('/api/policy/objections')), select: (d) => d.items, enabled });
}
export function useLedger(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'ledger', id], queryFn: () => unwrap<Ledger>(client.GET('/api/policy/programmes/{id}/ledger', { params: { path: { id: id! } } })), enabled: id !== null });
}

/** Every write refreshes all programme queries: lists, budgets, queues and the ledger move together. */
export function useProgrammeMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    saveProgramme: useMutation({
      mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) => unwrap<Programme>(id
        ? client.PATCH('/api/policy/programmes/{id}', { params: { path: { id } }, body: body as BodyOf<'/api/policy/programmes/{id}', 'patch'> })
        : client.POST('/api/policy/programmes', { body: body as BodyOf<'/api/policy/programmes', 'post'> })),
      onSuccess,
    }),
    apply: useMutation({ mutationFn: ({ programmeId, note }: { programmeId: number; note?: string }) =>
      unwrap<Application>(client.POST('/api/policy/programmes/{id}/applications', { params: { path: { id: programmeId } }, body: { note: note || null } })), onSuccess }),
    attach: useMutation({
      mutationFn: ({ id, document, file }: { id: number; document: string; file: File }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        // A multipart file (no JSON body schema): the form goes as it is.
        return unwrap<Application>(client.POST('/api/policy/applications/{id}/files', { params: { path: { id }, query: { document } }, body: form as never }));
      },
      onSuccess,
    }),
    submit: useMutation({ mutationFn: (id: number) => unwrap<Application>(client.POST('/api/policy/applications/{id}/submit', { params: { path: { id } } })), onSuccess }),
    review: useMutation({
      mutationFn: ({ id, ...body }: { id: number; decision: 'approve' | 'reject'; score?: number | null; amount_fen?: number | null; reason: string; version: number }) =>
        unwrap<Application>(client.POST('/api/policy/applications/{id}/review', { params: { path: { id } }, body })),
      onSuccess,
    }),
    publishNotice: useMutation({ mutationFn: ({ programmeId, starts_on, ends_on }: { programmeId: number; starts_on: string; ends_on: string }) =>
      unwrap<Notice>(client.POST('/api/policy/programmes/{id}/notices', { params: { path: { id: programmeId } }, body: { starts_on, ends_on } })), onSuccess }),
    object: useMutation({ mutationFn: ({ id, text }: { id: number; text: string }) =>
      unwrap(client.POST('/api/policy/applications/{id}/objections', { params: { path: { id } }, body: { text } })), onSuccess }),
    resolve: useMutation({ mutationFn: ({ id, outcome, resolution }: { id: number; outcome: 'upheld' | 'dismissed'; resolution: string }) =>
      unwrap(client.POST('/api/policy/objections/{id}/resolve', { params: { path: { id } }, body: { outcome, resolution } })), onSuccess }),
    disburse: useMutation({ mutationFn: ({ programmeId, ids, key }: { programmeId: number; ids: number[]; key: string }) =>
      unwrap<BatchResult>(client.POST('/api/policy/programmes/{id}/disbursements', { params: { path: { id: programmeId } }, body: { application_ids: ids, idempotency_key: key } })), onSuccess }),
  };
}
