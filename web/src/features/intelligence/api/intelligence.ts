// The intelligence API as the web app uses it: documents (upload, list/search, reader), fact review, proposals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../shared/api/schema';
import type { Job } from '../../../shared/api/types';
import { client, unwrap, type BodyOf, type FormValues, type QueryOf, type ResponseOf } from '../../../shared/api/client';

// Requests and answers are typed by schema.ts (generated from the server's route schemas, `npm run gen:api`).

/** The upload's answer (202: stored, processing queued as a job). */
export type UploadResult = paths['/api/intelligence/documents']['post']['responses'][202]['content']['application/json'];
export type FileReport = UploadResult['files'][number];
export type DocumentSummary = ResponseOf<'/api/intelligence/documents', 'get'>['items'][number];
export type DocumentWithFacts = ResponseOf<'/api/intelligence/documents/{id}', 'get'>;
export type Fact = DocumentWithFacts['facts'][number];
export type Conflict = Fact['conflicts'][number];
export type Proposal = DocumentWithFacts['proposals'][number];
export type ZoneDocumentFact = ResponseOf<'/api/intelligence/zone-facts', 'get'>['items'][number];


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

export function useDocuments(query: DocumentQuery) {
  return useQuery({
    queryKey: ['intelligence', 'documents', query],
    queryFn: () => unwrap(client.GET('/api/intelligence/documents', {
      params: { query: { ...query, zone: query.zone ?? undefined } as QueryOf<'/api/intelligence/documents', 'get'> },
    })),
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: ['intelligence', 'document', id],
    queryFn: () => unwrap(client.GET('/api/intelligence/documents/{id}', { params: { path: { id } } })),
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
      return unwrap(client.POST('/api/intelligence/documents', { body: form as never }));
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
    // Each action answers its own summary of the fact; the page refetches the document, so the answer is not used.
    mutationFn: ({ fact, action }: { fact: Fact; action: FactAction }): Promise<unknown> => {
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
    queryFn: () => unwrap(client.GET('/api/intelligence/zone-facts', { params: { query: { zone: zoneId } } })),
  });
}
