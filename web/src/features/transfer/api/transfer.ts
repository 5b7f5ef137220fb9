// Technology transfer: demands (the generic record routes for list/create/read; their workflow, quality, history and
// matches are shared with offers in ./listings), brokerage cases, the zone funnel and challenges (/api/transfer/…).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { z } from 'zod';
import type * as S from '../../../../../src/transfer/workflow/schemas';
import type { Item, ListResult, User } from '../../../shared/api/types';

export const COOPERATION_MODES = ['transfer', 'licence', 'joint_rd', 'commissioned', 'consulting', 'talent'] as const;
export const CONFIDENTIALITY = ['public', 'brokers_only'] as const;
export const DEMAND_STATUSES = ['draft', 'submitted', 'screened', 'published', 'sent_back', 'closed'] as const;
export const CASE_STAGES = ['introduced', 'negotiating', 'contract_signed', 'registered', 'implementing', 'closed', 'failed'] as const;
export const CONTRACT_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export const DECLINE_REASONS = ['wrong_field', 'too_early', 'too_expensive', 'not_novel', 'other'] as const;
export const FUNNEL_STAGES = ['collected', 'screened', 'published', 'matched', 'introduced', 'negotiating', 'signed', 'registered', 'implemented'] as const;
export const CHALLENGE_STATUSES = ['open', 'screening', 'published', 'scoring', 'closed'] as const;

// Response types come from the server's own zod schemas (the ones that also yield the OpenAPI document and check
// every response), so the web app cannot drift from the API: a type-only import, erased from the bundle.
export type QualityReport = z.output<typeof S.quality>;
export type Suggestion = QualityReport['suggestions'][number];
export type MatchesResult = z.output<typeof S.matches>;
export type MatchView = MatchesResult['items'][number];
export type ExpertMatch = MatchesResult['experts'][number];
export type StatusEvent = z.output<typeof S.statusHistory>['items'][number];
export type CaseSummary = z.output<typeof S.caseList>['items'][number];
export type CaseDetail = z.output<typeof S.caseDetail>;
export type CaseFile = CaseDetail['files'][number];
export type Funnel = z.output<typeof S.funnel>;
export type Challenge = z.output<typeof S.challenge>;

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
      api.get<ListResult>('/api/demands', { status: params.status, q: params.q, offset: params.offset, limit: params.limit ?? 20, sort: 'id', order: 'desc' }, signal),
  });
}

export function useDemand(id: number, enabled = true) {
  return useQuery({ queryKey: ['transfer', 'demand', id], queryFn: () => api.get<Item>(`/api/demands/${id}`), enabled });
}

export const createDemand = (draft: Record<string, unknown>) => api.post<Item>('/api/demands', draft);
/** `version` is the one the form was loaded with: the server refuses the change if someone saved in between. */
export const updateDemand = (id: number, version: number, changes: Record<string, unknown>) => api.patch<Item>(`/api/demands/${id}`, { ...changes, version });
export const openCase = (demandId: number, offerId: number, note?: string | null) =>
  api.post<CaseDetail>('/api/transfer/cases', { demand_id: demandId, offer_id: offerId, note: note || null });

export function useCases(stage?: string) {
  return useQuery({
    queryKey: ['transfer', 'cases', stage ?? null],
    queryFn: () => api.get<{ items: CaseSummary[] }>('/api/transfer/cases', { stage }),
    select: (d) => d.items,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: ['transfer', 'case', id], queryFn: () => api.get<CaseDetail>(`/api/transfer/cases/${id}`) });
}

export function useCaseMutations(id: number) {
  const qc = useQueryClient();
  const done = (c: CaseDetail) => {
    qc.setQueryData(['transfer', 'case', id], c);
    void qc.invalidateQueries({ queryKey: ['transfer', 'cases'] });
  };
  return {
    move: useMutation({ mutationFn: (input: StageInput) => api.post<CaseDetail>(`/api/transfer/cases/${id}/stage`, input), onSuccess: done }),
    note: useMutation({ mutationFn: (note: string) => api.post<CaseDetail>(`/api/transfer/cases/${id}/notes`, { note }), onSuccess: done }),
    addFile: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return api.upload<CaseDetail>(`/api/transfer/cases/${id}/files`, form);
      },
      onSuccess: done,
    }),
    removeFile: useMutation({ mutationFn: (fileId: number) => api.delete<CaseDetail>(caseFileUrl(id, fileId)), onSuccess: done }),
  };
}

export function useFunnel(zoneId: number | null, from?: string, to?: string) {
  return useQuery({
    queryKey: ['transfer', 'funnel', zoneId, from, to],
    queryFn: () => api.get<Funnel>(`/api/zones/${zoneId}/transfer-funnel`, { from, to }),
    enabled: zoneId !== null,
  });
}

export function useChallenges() {
  return useQuery({
    queryKey: ['transfer', 'challenges'],
    queryFn: () => api.get<{ items: Challenge[] }>('/api/transfer/challenges'),
    select: (d) => d.items,
  });
}

export const createChallenge = (body: { zone_id: number; title: string; description?: string | null; opens_on: string; closes_on: string; prize_amount_fen?: number | null }) =>
  api.post<Challenge>('/api/transfer/challenges', body);
export const setChallengeStatus = (id: number, status: string) => api.post<Challenge>(`/api/transfer/challenges/${id}/status`, { status });
