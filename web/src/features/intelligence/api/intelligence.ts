// The intelligence API as the web app uses it: documents (upload, list/search, reader), fact review, proposals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type FormValues, type QueryOf } from '../../../shared/api/client';

// Requests are checked against schema.ts; these routes declare no answer schemas, so the answers are typed here.

export interface FileReport {
  file_name: string;
  document_id: number | null;
  status: 'queued' | 'rejected';
  error: { field: string; code: string; message: string; en: string; zh: string } | null;
}

export interface Job {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  error: string | null;
}

export interface UploadResult {
  job: Job;
  zone_id: number;
  files: FileReport[];
}

export interface DocumentError {
  code: string;
  en: string;
  zh: string;
}

export interface DocumentSummary {
  id: number;
  zone_id: number;
  zone_name_zh: string;
  zone_name_en: string | null;
  file_name: string;
  size_bytes: number;
  uploaded_by_name: string | null;
  uploaded_at: string;
  article_date: string | null;
  status: 'queued' | 'processed' | 'failed';
  error: DocumentError | null;
  title: string | null;
  lang: string | null;
  facts: number;
  open_facts: number;
  snippet?: string | null;
}

export interface Conflict {
  id: number;
  document_id: number;
  file_name: string;
  value: string | null;
  unit: string | null;
  period: string;
  status: string;
  quote: string;
}

export interface Fact {
  id: number;
  subject: string;
  subject_zone_id: number | null;
  subject_zone_name_zh: string | null;
  subject_zone_name_en: string | null;
  metric: string;
  metric_label: string | null;
  metric_name_zh: string | null;
  metric_name_en: string | null;
  value: string | null;
  unit: string | null;
  unit_raw: string | null;
  period: string | null;
  period_detail: string | null;
  quote: string;
  start_offset: number;
  end_offset: number;
  /** the figure itself inside the quote (facts of one sentence share their quote, not their figure) */
  figure_start: number | null;
  figure_end: number | null;
  approx: boolean;
  bound: 'min' | 'max' | null;
  cumulative: boolean;
  target: boolean;
  status: 'proposed' | 'confirmed' | 'rejected' | 'merged' | 'superseded';
  merged_into: number | null;
  zone_fact_id: number | null;
  version: number;
  conflicts: Conflict[];
}

export interface Proposal {
  id: number;
  document_id?: number;
  file_name?: string;
  kind: 'measure' | 'rate' | 'amount';
  name: string;
  detail: Record<string, string | number>;
  quote: string;
  start_offset: number;
  end_offset: number;
  status: 'proposed' | 'accepted' | 'dismissed';
}

export interface RemovedSpan {
  start: number;
  end: number;
  reason: string;
}

export interface DocumentDetail extends DocumentSummary {
  original_text: string | null;
  clean_text: string | null;
  removed: RemovedSpan[] | null;
  sentences: { start: number; end: number }[] | null;
  may_review: boolean;
  proposals: Proposal[];
}

export type DocumentWithFacts = Omit<DocumentDetail, 'facts'> & { facts: Fact[] };

export interface DocumentQuery {
  zone?: number | null;
  q?: string;
  period?: string;
  metric?: string;
  status?: string;
  job?: number;
  limit?: number;
  offset?: number;
}

export interface ZoneDocumentFact {
  id: number;
  document_id: number;
  file_name: string;
  title: string | null;
  metric: string;
  /** The metric's English name, where there is one (the reader's language is shown, falling back to metric). */
  metric_en?: string | null;
  value: string;
  unit: string;
  period: string;
  quote: string;
}

export function useDocuments(query: DocumentQuery) {
  return useQuery({
    queryKey: ['intelligence', 'documents', query],
    queryFn: () => unwrap<{ items: DocumentSummary[]; total: number }>(client.GET('/api/intelligence/documents', {
      params: { query: { ...query, zone: query.zone ?? undefined } as QueryOf<'/api/intelligence/documents', 'get'> },
    })),
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: ['intelligence', 'document', id],
    queryFn: () => unwrap<DocumentWithFacts>(client.GET('/api/intelligence/documents/{id}', { params: { path: { id } } })),
  });
}

export function useJob(id: number | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => unwrap<Job>(client.GET('/api/jobs/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
    // poll while the job runs: its progress is what the upload panel shows
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 500),
  });
}

export function useUpload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { files: File[]; zone: number | null; articleDate: string | null }) => {
      const form = new FormData();
      if (input.zone !== null) form.append('zone', String(input.zone));
      if (input.articleDate) form.append('article_date', input.articleDate);
      for (const f of input.files) form.append('files', f, f.name);
      // A multipart form (no JSON body schema): it goes as it is.
      return unwrap<UploadResult>(client.POST('/api/intelligence/documents', { body: form as never }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['intelligence'] }),
  });
}

export type FactAction =
  | { kind: 'confirm'; supersede?: boolean }
  | { kind: 'reject' }
  | { kind: 'merge'; into: number }
  | { kind: 'correct'; changes: Partial<Pick<Fact, 'value' | 'unit' | 'period' | 'subject' | 'subject_zone_id' | 'metric'>> };

export function useFactAction(documentId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fact, action }: { fact: Fact; action: FactAction }) => {
      const params = { path: { id: fact.id } };
      // A correction comes from the fact's form (units from the server's list): the server checks the values.
      if (action.kind === 'correct') {
        const body = { version: fact.version, ...action.changes } as FormValues<BodyOf<'/api/intelligence/facts/{id}', 'patch'>>;
        return unwrap(client.PATCH('/api/intelligence/facts/{id}', { params, body: body as BodyOf<'/api/intelligence/facts/{id}', 'patch'> }));
      }
      if (action.kind === 'confirm') return unwrap(client.POST('/api/intelligence/facts/{id}/confirm', { params, body: { version: fact.version, supersede: Boolean(action.supersede) } }));
      if (action.kind === 'merge') return unwrap(client.POST('/api/intelligence/facts/{id}/merge', { params, body: { version: fact.version, into: action.into } }));
      return unwrap(client.POST('/api/intelligence/facts/{id}/reject', { params, body: { version: fact.version } }));
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['intelligence', 'document', documentId] });
      void qc.invalidateQueries({ queryKey: ['intelligence', 'zone-facts'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useProposalReview(documentId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: 'accepted' | 'dismissed' }) =>
      unwrap(client.POST('/api/intelligence/policy-proposals/{id}/review', { params: { path: { id } }, body: { status } })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['intelligence', 'document', documentId] }),
  });
}

export function useZoneDocumentFacts(zoneId: number) {
  return useQuery({
    queryKey: ['intelligence', 'zone-facts', zoneId],
    queryFn: () => unwrap<{ items: ZoneDocumentFact[] }>(client.GET('/api/intelligence/zone-facts', { params: { query: { zone: zoneId } } })),
  });
}
