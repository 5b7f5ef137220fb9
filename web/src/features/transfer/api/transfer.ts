// Technology transfer: demands (the generic record routes for list/create/read; their workflow, quality, history and
// matches are shared with offers in ./listings), brokerage cases, the zone funnel and challenges (/api/transfer/…).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type ResponseOf } from '../../../shared/api/client';
import type { Item, ListResult, User } from '../../../shared/api/types';

export const COOPERATION_MODES = ['transfer', 'licence', 'joint_rd', 'commissioned', 'consulting', 'talent'] as const;
export const CONFIDENTIALITY = ['public', 'brokers_only'] as const;
export const DEMAND_STATUSES = ['draft', 'submitted', 'screened', 'published', 'sent_back', 'closed'] as const;
export const CASE_STAGES = ['introduced', 'negotiating', 'contract_signed', 'registered', 'implementing', 'closed', 'failed'] as const;
export const CONTRACT_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export const DECLINE_REASONS = ['wrong_field', 'too_early', 'too_expensive', 'not_novel', 'other'] as const;
export const FUNNEL_STAGES = ['collected', 'screened', 'published', 'matched', 'introduced', 'negotiating', 'signed', 'registered', 'implemented'] as const;
export const CHALLENGE_STATUSES = ['open', 'screening', 'published', 'scoring', 'closed'] as const;

// Response types come from the API types generated from the server's OpenAPI document (schema.ts, `npm run gen:api`),
// so the web app cannot drift from the API.
export type QualityReport = ResponseOf<'/api/demands/{id}/quality', 'get'>;
export type Suggestion = QualityReport['suggestions'][number];
export type MatchesResult = ResponseOf<'/api/demands/{id}/matches', 'get'>;
export type MatchView = MatchesResult['items'][number];
export type ExpertMatch = MatchesResult['experts'][number];
export type StatusEvent = ResponseOf<'/api/demands/{id}/status-history', 'get'>['items'][number];
export type CaseSummary = ResponseOf<'/api/transfer/cases', 'get'>['items'][number];
export type CaseDetail = ResponseOf<'/api/transfer/cases/{id}', 'get'>;
export type CaseFile = CaseDetail['files'][number];
export type Funnel = ResponseOf<'/api/zones/{id}/transfer-funnel', 'get'>;
export type Challenge = ResponseOf<'/api/transfer/challenges', 'get'>['items'][number];

export type CaseStage = (typeof CASE_STAGES)[number];
export type StatusAction = 'submit' | 'screen' | 'publish' | 'send_back' | 'close' | 'reopen';

/** What the server accepts as a case document (it checks again). */
export const CASE_FILE_ACCEPT = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv,.jpg,.jpeg,.png,.zip';
export const caseFileUrl = (caseId: number, fileId: number) => `/api/transfer/cases/${caseId}/files/${fileId}`;

export interface StageInput {
  stage: CaseStage;
  note?: string | null;
  contract_type?: string | null;
  contract_amount?: number | null;
  contract_date?: string | null;
  registration_no?: string | null;
  failure_reason?: string | null;
}

/** Brokers: admins everywhere, zone operators in their zone subtree (the server checks the zone). */
export const isBroker = (user: User | null | undefined) => user?.role === 'admin' || user?.role === 'zone_operator';

export function useDemandList(params: { status?: string; q?: string; offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'demands', params],
    queryFn: ({ signal }) =>
      unwrap<ListResult>(client.GET('/api/demands', {
        params: { query: { status: params.status as never, q: params.q, offset: params.offset, limit: params.limit ?? 20, sort: 'id', order: 'desc' } }, signal,
      })),
  });
}

export function useDemand(id: number, enabled = true) {
  return useQuery({ queryKey: ['transfer', 'demand', id], queryFn: () => unwrap<Item>(client.GET('/api/demands/{id}', { params: { path: { id } } })), enabled });
}

// The demand form builds its fields from the entity description (GET /api/meta/entities): checked by the server.
export const createDemand = (draft: Record<string, unknown>) => unwrap<Item>(client.POST('/api/demands', { body: draft as never }));
/** `version` is the one the form was loaded with: the server refuses the change if someone saved in between. */
export const updateDemand = (id: number, version: number, changes: Record<string, unknown>) =>
  unwrap<Item>(client.PATCH('/api/demands/{id}', { params: { path: { id } }, body: { ...changes, version } as never }));
export const openCase = (demandId: number, offerId: number, note?: string | null) =>
  unwrap(client.POST('/api/transfer/cases', { body: { demand_id: demandId, offer_id: offerId, note: note || null } }));

export function useCases(stage?: string) {
  return useQuery({
    queryKey: ['transfer', 'cases', stage ?? null],
    queryFn: () => unwrap(client.GET('/api/transfer/cases', { params: { query: { stage: stage as CaseStage | undefined } } })),
    select: (d) => d.items,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: ['transfer', 'case', id], queryFn: () => unwrap(client.GET('/api/transfer/cases/{id}', { params: { path: { id } } })) });
}

export function useCaseMutations(id: number) {
  const qc = useQueryClient();
  const done = (c: CaseDetail) => {
    qc.setQueryData(['transfer', 'case', id], c);
    void qc.invalidateQueries({ queryKey: ['transfer', 'cases'] });
  };
  return {
    move: useMutation({ mutationFn: (input: StageInput) => unwrap(client.POST('/api/transfer/cases/{id}/stage', { params: { path: { id } }, body: input })), onSuccess: done }),
    note: useMutation({ mutationFn: (note: string) => unwrap(client.POST('/api/transfer/cases/{id}/notes', { params: { path: { id } }, body: { note } })), onSuccess: done }),
    addFile: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        // A multipart file (no JSON body schema): the form goes as it is.
        return unwrap<CaseDetail>(client.POST('/api/transfer/cases/{id}/files', { params: { path: { id } }, body: form as never }));
      },
      onSuccess: done,
    }),
    removeFile: useMutation({
      mutationFn: (fileId: number) => unwrap<CaseDetail>(client.DELETE('/api/transfer/cases/{id}/files/{fileId}', { params: { path: { id, fileId } } })),
      onSuccess: done,
    }),
  };
}

export function useFunnel(zoneId: number | null, from?: string, to?: string) {
  return useQuery({
    queryKey: ['transfer', 'funnel', zoneId, from, to],
    queryFn: () => unwrap(client.GET('/api/zones/{id}/transfer-funnel', { params: { path: { id: zoneId! }, query: { from, to } } })),
    enabled: zoneId !== null,
  });
}

export function useChallenges() {
  return useQuery({
    queryKey: ['transfer', 'challenges'],
    queryFn: () => unwrap(client.GET('/api/transfer/challenges')),
    select: (d) => d.items,
  });
}

export const createChallenge = (body: BodyOf<'/api/transfer/challenges', 'post'>) => unwrap(client.POST('/api/transfer/challenges', { body }));
export const setChallengeStatus = (id: number, status: BodyOf<'/api/transfer/challenges/{id}/status', 'post'>['status']) =>
  unwrap(client.POST('/api/transfer/challenges/{id}/status', { params: { path: { id } }, body: { status } }));
