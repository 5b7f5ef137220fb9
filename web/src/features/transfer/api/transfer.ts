// Technology transfer: demands (the generic record routes for list/create/read; their workflow, quality, history and
// matches are shared with offers in ./listings), brokerage cases, the zone funnel and challenges (/api/transfer/…).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { BiLabel, Item, ListResult, User } from '../../../shared/api/types';

export const COOPERATION_MODES = ['transfer', 'licence', 'joint_rd', 'commissioned', 'consulting', 'talent'] as const;
export const CONFIDENTIALITY = ['public', 'brokers_only'] as const;
export const DEMAND_STATUSES = ['draft', 'submitted', 'screened', 'published', 'sent_back', 'closed'] as const;
export const CASE_STAGES = ['introduced', 'negotiating', 'contract_signed', 'registered', 'implementing', 'closed', 'failed'] as const;
export const CONTRACT_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export const DECLINE_REASONS = ['wrong_field', 'too_early', 'too_expensive', 'not_novel', 'other'] as const;
export const FUNNEL_STAGES = ['collected', 'screened', 'published', 'matched', 'introduced', 'negotiating', 'signed', 'registered', 'implemented'] as const;
export const CHALLENGE_STATUSES = ['open', 'screening', 'published', 'scoring', 'closed'] as const;

export type CaseStage = (typeof CASE_STAGES)[number];
export type StatusAction = 'submit' | 'screen' | 'publish' | 'send_back' | 'close' | 'reopen';

export interface Suggestion {
  field: string;
  points: number;
  zh: string;
  en: string;
}

export interface QualityReport {
  score: number;
  threshold: number;
  passes: boolean;
  suggestions: Suggestion[];
}

export interface MatchView {
  id: number;
  code: string;
  kind: 'demand' | 'offer';
  title: string;
  organization: { id: number } | null;
  score: number;
  confident: boolean;
  why: string[];
  signals?: Record<string, number>;
  declined?: { reason: string; note: string | null };
}

export interface ExpertMatch {
  id: number;
  code: string;
  name: { zh: string; en: string | null };
  title: string | null;
  organization: { id: number; name_zh: string | null; name_en: string | null } | null;
  fields: string[];
  score: number;
  confident: boolean;
  why: string[];
}

export interface MatchesResult {
  items: MatchView[];
  /** Registered experts who could meet a demand (empty for an offer). */
  experts: ExpertMatch[];
  threshold: number;
  noMatch: boolean;
  noConfidentMatch: boolean;
  message: BiLabel | null;
  owner: boolean;
}

export interface StatusEvent {
  from_status?: string | null;
  to_status?: string | null;
  action?: string;
  note?: string | null;
  override?: boolean;
  at?: string;
  username?: string;
  [k: string]: unknown;
}

export interface CaseSummary {
  id: number;
  code: string;
  zone_id: number;
  demand_id: number;
  offer_id: number;
  stage: CaseStage;
  contract_amount: number | string | null;
  contract_date: string | null;
  updated_at: string;
  demand_title: string;
  offer_title: string;
}

export interface CaseDetail extends CaseSummary {
  contract_type: string | null;
  registration_no: string | null;
  failure_reason: string | null;
  next: CaseStage[];
  stages: { stage: CaseStage; entered_at: string; left_at: string | null; note: string | null; user_id: number | null }[];
  notes: { id: number; note: string; user_id: number | null; at: string }[];
  files: CaseFile[];
}

export interface CaseFile {
  id: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  username: string | null;
  uploaded_at: string;
}

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

export interface Funnel {
  zoneId: number;
  from: string;
  to: string;
  stages: { stage: string; count: number; conversion: number | null; medianDays: number | null }[];
  dropOuts: { source: string; reason: string; count: number }[];
  contracts: { count: number; turnover: number };
  achievements: { total: number; converted: number; conversionRate: number | null };
}

export interface Challenge {
  id: number;
  zone_id: number;
  title: string;
  description: string | null;
  opens_on: string;
  closes_on: string;
  status: string;
  [k: string]: unknown;
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

export const createChallenge = (body: { zone_id: number; title: string; description?: string | null; opens_on: string; closes_on: string }) =>
  api.post<Challenge>('/api/transfer/challenges', body);
export const setChallengeStatus = (id: number, status: string) => api.post<Challenge>(`/api/transfer/challenges/${id}/status`, { status });
