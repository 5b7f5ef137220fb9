// Incentive programmes (/api/policy/…): programmes, applications, review, public notice and objections, disbursement
// and the ledger. Money is integer fen everywhere; the pages format it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type ResponseOf } from '../../../shared/api/client';

// Answers are typed by schema.ts (generated from the server's route schemas, `npm run gen:api`). Rules keep the
// form's shape (codes as chosen in the form, checked by the server); the programme's own rules fit it.
export type Rule =
  | { kind: 'org_kind'; in: string[] }
  | { kind: 'qualification'; type: string; on?: string }
  | { kind: 'statistic'; field: string; op: string; value: number; year?: number }
  | { kind: 'founded_before'; date: string };
export type AmountRule = { kind: 'fixed'; amount_fen: number } | { kind: 'share'; field: string; year?: number; rate_bp: number; cap_fen?: number | null };
export type RequiredDocument = Programme['required_documents'][number];
export type Programme = ResponseOf<'/api/policy/programmes/{id}', 'get'>;
/** An accepted policy measure of an ingested document that a programme may be defined from. */
export type SourceProposal = ResponseOf<'/api/intelligence/policy-proposals', 'get'>['items'][number];

/** Accepted policy proposals (from ingested documents) that a programme may be defined from. */
export function useAcceptedProposal(id: number | null) {
  return useQuery({
    queryKey: ['intelligence', 'accepted-proposals'],
    queryFn: () => unwrap(client.GET('/api/intelligence/policy-proposals', { params: { query: { status: 'accepted', limit: 200 } } })),
    enabled: id !== null,
    select: (d) => d.items.find((p) => p.id === id) ?? null,
  });
}
export type Prefill = ResponseOf<'/api/policy/programmes/{id}/prefill', 'get'>;
export type RuleResult = Prefill['eligibility']['results'][number];
export type YearFigures = Prefill['statistics'][string];
export type Application = ResponseOf<'/api/policy/applications', 'get'>['items'][number];
/** One application with its documents and objections. */
export type ApplicationDetail = ResponseOf<'/api/policy/applications/{id}', 'get'>;
export type ApplicationFile = ApplicationDetail['files'][number];
export type Objection = ApplicationDetail['objections'][number];
export type Notice = ResponseOf<'/api/policy/notices/{id}', 'get'>;
export type ObjectionRow = ResponseOf<'/api/policy/objections', 'get'>['items'][number];
export type Ledger = ResponseOf<'/api/policy/programmes/{id}/ledger', 'get'>;
export type BatchResult = ResponseOf<'/api/policy/programmes/{id}/disbursements', 'post'>;

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
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => unwrap(client.GET('/api/policy/programmes')), select: (d) => d.items });
}
export function useProgramme(id: number) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => unwrap(client.GET('/api/policy/programmes/{id}', { params: { path: { id } } })), enabled: id > 0 });
}
export function usePrefill(id: number) {
  return useQuery({ queryKey: [...KEY, 'prefill', id], queryFn: () => unwrap(client.GET('/api/policy/programmes/{id}/prefill', { params: { path: { id } } })), retry: false });
}
export function useApplications(q: { programme?: number; status?: string; disbursable?: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'applications', q],
    queryFn: () => unwrap(client.GET('/api/policy/applications', {
      params: { query: { programme: q.programme, status: q.status as Status, disbursable: q.disbursable === undefined ? undefined : String(q.disbursable) as 'true' | 'false' } },
    })),
    select: (d) => d.items,
  });
}
export function useApplication(id: number) {
  return useQuery({ queryKey: [...KEY, 'application', id], queryFn: () => unwrap(client.GET('/api/policy/applications/{id}', { params: { path: { id } } })) });
}
export function useNotices() {
  return useQuery({ queryKey: [...KEY, 'notices'], queryFn: () => unwrap(client.GET('/api/policy/notices')), select: (d) => d.items });
}
export function useObjections(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'objections'], queryFn: () => unwrap(client.GET('/api/policy/objections')), select: (d) => d.items, enabled });
}
export function useLedger(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'ledger', id], queryFn: () => unwrap(client.GET('/api/policy/programmes/{id}/ledger', { params: { path: { id: id! } } })), enabled: id !== null });
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
      unwrap(client.POST('/api/policy/programmes/{id}/applications', { params: { path: { id: programmeId } }, body: { note: note || null } })), onSuccess }),
    attach: useMutation({
      mutationFn: ({ id, document, file }: { id: number; document: string; file: File }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        // A multipart file (no JSON body schema): the form goes as it is.
        return unwrap(client.POST('/api/policy/applications/{id}/files', { params: { path: { id }, query: { document } }, body: form as never }));
      },
      onSuccess,
    }),
    submit: useMutation({ mutationFn: (id: number) => unwrap(client.POST('/api/policy/applications/{id}/submit', { params: { path: { id } } })), onSuccess }),
    review: useMutation({
      mutationFn: ({ id, ...body }: { id: number; decision: 'approve' | 'reject'; score?: number | null; amount_fen?: number | null; reason: string; version: number }) =>
        unwrap(client.POST('/api/policy/applications/{id}/review', { params: { path: { id } }, body })),
      onSuccess,
    }),
    publishNotice: useMutation({ mutationFn: ({ programmeId, starts_on, ends_on }: { programmeId: number; starts_on: string; ends_on: string }) =>
      unwrap(client.POST('/api/policy/programmes/{id}/notices', { params: { path: { id: programmeId } }, body: { starts_on, ends_on } })), onSuccess }),
    object: useMutation({ mutationFn: ({ id, text }: { id: number; text: string }) =>
      unwrap(client.POST('/api/policy/applications/{id}/objections', { params: { path: { id } }, body: { text } })), onSuccess }),
    resolve: useMutation({ mutationFn: ({ id, outcome, resolution }: { id: number; outcome: 'upheld' | 'dismissed'; resolution: string }) =>
      unwrap(client.POST('/api/policy/objections/{id}/resolve', { params: { path: { id } }, body: { outcome, resolution } })), onSuccess }),
    disburse: useMutation({ mutationFn: ({ programmeId, ids, key }: { programmeId: number; ids: number[]; key: string }) =>
      unwrap(client.POST('/api/policy/programmes/{id}/disbursements', { params: { path: { id: programmeId } }, body: { application_ids: ids, idempotency_key: key } })), onSuccess }),
  };
}
