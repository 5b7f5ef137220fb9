// Offers (generic record routes + workflow), the public view of demands and offers with disclosure tiers (NDA
// click-through, reveal log), and matches in both directions.
import type { z } from 'zod';
import type * as S from '../../../../../src/transfer/workflow/schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../shared/api/client';
import type { BiLabel, Item, ListResult } from '../../../shared/api/types';
import type { MatchesResult, QualityReport, StatusAction, StatusEvent } from './transfer';

export type ItemKind = 'demand' | 'offer';
export type Tier = 'public' | 'signed_in' | 'nda';
export const TIERS: readonly Tier[] = ['public', 'signed_in', 'nda'];
export const OFFER_STATUSES = ['draft', 'submitted', 'published', 'sent_back', 'closed'] as const;
export const IP_STATUSES = ['granted_patent', 'pending_patent', 'software_copyright', 'know_how', 'none'] as const;

/** Fields that can sit behind a tier (the server's TIERABLE). */
export const TIERABLE: Record<ItemKind, readonly string[]> = {
  demand: ['organization_id', 'description', 'hightech_field', 'ipc_code', 'problem', 'target_indicators', 'acceptance_criteria', 'budget_min', 'budget_max', 'deadline', 'cooperation_modes', 'decision_owner'],
  offer: ['organization_id', 'summary', 'achievement_id', 'hightech_field', 'ipc_code', 'trl', 'ip_status', 'advantages', 'cooperation_modes', 'price_expectation'],
};

// Response types from the server's zod schemas (type-only import, erased from the bundle): see ./transfer.ts.
export type PublicItem = z.output<typeof S.publicItem>;
/** One item's page: with the NDA terms when NDA-tier fields are withheld. */
export type PublicDetail = z.output<typeof S.publicDetail>;
export type Named = NonNullable<PublicItem['organization']>;
export type Withheld = PublicItem['withheld'][number];
export type DisclosureInfo = z.output<typeof S.disclosure>;

export const pathOf = (kind: ItemKind) => (kind === 'demand' ? '/api/demands' : '/api/offers');

/** The market's filters (the server folds scripts and segments the query; vocabularies as in the entity descriptions). */
export interface MarketFilters {
  q?: string;
  zone?: number;
  field?: string;
  mode?: string;
  budget_min?: number;
  budget_max?: number;
}

export function usePublicList(kind: ItemKind, params: MarketFilters & { offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'public', kind, params],
    queryFn: ({ signal }) => api.get<{ items: PublicItem[]; total: number }>(`/api/transfer/${kind}s`, { ...params, q: params.q || undefined, limit: params.limit ?? 20 }, signal),
  });
}

export type BrokerContact = PublicDetail['broker'];
export type InterestRow = z.output<typeof S.interestList>['items'][number];
export interface InterestDraft {
  name: string;
  organization?: string | null;
  contact: string;
  message: string;
  consent: true;
}

/** 我要对接: anyone, signed in or not; the zone's brokers read it. */
export const submitInterest = (kind: ItemKind, id: number, draft: InterestDraft) => api.post<{ id: number }>(`/api/transfer/${kind}s/${id}/interest`, draft);

export function useInterests(params: { kind?: ItemKind; offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'interests', params],
    queryFn: ({ signal }) => api.get<z.output<typeof S.interestList>>('/api/transfer/interests', { ...params, limit: params.limit ?? 20 }, signal),
  });
}

export function usePublicItem(kind: ItemKind, id: number) {
  return useQuery({ queryKey: ['transfer', kind, id, 'view'], queryFn: () => api.get<PublicDetail>(`/api/transfer/${kind}s/${id}`) });
}

export const acceptNda = (kind: ItemKind, id: number) => api.post<{ accepted: true }>(`/api/transfer/${kind}s/${id}/nda`, { accept: true });

export function useDisclosure(kind: ItemKind, id: number, enabled: boolean) {
  return useQuery({ queryKey: ['transfer', kind, id, 'disclosure'], queryFn: () => api.get<DisclosureInfo>(`${pathOf(kind)}/${id}/disclosure`), enabled });
}

/** `version` is the item's version as read: a tier change made meanwhile by someone else is a 409, not overwritten. */
export const saveTiers = (kind: ItemKind, id: number, tiers: Record<string, Tier>, version: number) =>
  apiRequest<{ tiers: Record<string, Tier>; version: number }>(`${pathOf(kind)}/${id}/disclosure`, { method: 'PUT', body: { tiers, version } });

export function useOfferList(params: { status?: string; q?: string; offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'offers', params],
    queryFn: ({ signal }) =>
      api.get<ListResult>('/api/offers', { status: params.status, q: params.q, offset: params.offset, limit: params.limit ?? 20, sort: 'id', order: 'desc' }, signal),
  });
}

export function useOffer(id: number, enabled = true) {
  return useQuery({ queryKey: ['transfer', 'offer', id], queryFn: () => api.get<Item>(`/api/offers/${id}`), enabled });
}

export function useQuality(kind: ItemKind, id: number, enabled = true) {
  return useQuery({ queryKey: ['transfer', kind, id, 'quality'], queryFn: () => api.get<QualityReport>(`${pathOf(kind)}/${id}/quality`), enabled });
}

export function useHistory(kind: ItemKind, id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfer', kind, id, 'history'],
    queryFn: () => api.get<{ items: StatusEvent[] }>(`${pathOf(kind)}/${id}/status-history`),
    select: (d) => d.items,
    enabled,
  });
}

export function useMatches(kind: ItemKind, id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfer', kind, id, 'matches'],
    queryFn: () => api.get<MatchesResult>(`${pathOf(kind)}/${id}/matches`, { limit: 10 }),
    enabled,
  });
}

/** Scores an unsaved demand or offer draft (nothing is stored). */
export const scoreDraft = (kind: ItemKind, draft: Record<string, unknown>) => api.post<QualityReport>(`/api/transfer/quality/${kind}`, draft);
export const createOffer = (draft: Record<string, unknown>) => api.post<Item>('/api/offers', draft);
export const updateOffer = (id: number, version: number, changes: Record<string, unknown>) => api.patch<Item>(`/api/offers/${id}`, { ...changes, version });
export const changeStatus = (kind: ItemKind, id: number, body: { action: StatusAction; note?: string | null; override?: boolean }) =>
  api.post<Item>(`${pathOf(kind)}/${id}/status`, body);
export const declineResult = (kind: ItemKind, id: number, resultId: number, reason: string, note?: string | null) =>
  api.post(`${pathOf(kind)}/${id}/matches/${resultId}/decline`, { reason, note: note || null });

/** Invalidates everything about one demand or offer after a workflow action. */
export function useInvalidateItem(kind: ItemKind, id: number) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['transfer', kind, id] });
}

