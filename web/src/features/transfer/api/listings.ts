// Offers (generic record routes + workflow), the public view of demands and offers with disclosure tiers (NDA
// click-through, reveal log), and matches in both directions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../shared/api/client';
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

// Response types from the generated API types (schema.ts): see ./transfer.ts.
export type PublicItem = ResponseOf<'/api/transfer/demands', 'get'>['items'][number];
/** One item's page: with the NDA terms when NDA-tier fields are withheld. */
export type PublicDetail = ResponseOf<'/api/transfer/demands/{id}', 'get'>;
export type Named = NonNullable<PublicItem['organization']>;
export type Withheld = PublicItem['withheld'][number];
export type DisclosureInfo = ResponseOf<'/api/demands/{id}/disclosure', 'get'>;

/** The market's filters (the server folds scripts and segments the query; vocabularies as in the entity descriptions). */
export type MarketFilters = Omit<QueryOf<'/api/transfer/demands', 'get'>, 'limit' | 'offset'>;

export function usePublicList(kind: ItemKind, params: MarketFilters & { offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'public', kind, params],
    queryFn: ({ signal }) => {
      const init = { params: { query: { ...params, q: params.q || undefined, limit: params.limit ?? 20 } }, signal };
      return unwrap(kind === 'demand' ? client.GET('/api/transfer/demands', init) : client.GET('/api/transfer/offers', init));
    },
  });
}

export type BrokerContact = PublicDetail['broker'];
export type InterestList = ResponseOf<'/api/transfer/interests', 'get'>;
export type InterestRow = InterestList['items'][number];
export type InterestDraft = BodyOf<'/api/transfer/demands/{id}/interest', 'post'>;

/** 我要对接: anyone, signed in or not; the zone's brokers read it. */
export const submitInterest = (kind: ItemKind, id: number, draft: InterestDraft) => {
  const init = { params: { path: { id } }, body: draft };
  return unwrap(kind === 'demand' ? client.POST('/api/transfer/demands/{id}/interest', init) : client.POST('/api/transfer/offers/{id}/interest', init));
};

export function useInterests(params: { kind?: ItemKind; offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'interests', params],
    queryFn: ({ signal }) => unwrap(client.GET('/api/transfer/interests', { params: { query: { ...params, limit: params.limit ?? 20 } }, signal })),
  });
}

export function usePublicItem(kind: ItemKind, id: number) {
  const init = { params: { path: { id } } };
  return useQuery({
    queryKey: ['transfer', kind, id, 'view'],
    queryFn: () => unwrap(kind === 'demand' ? client.GET('/api/transfer/demands/{id}', init) : client.GET('/api/transfer/offers/{id}', init)),
  });
}

export const acceptNda = (kind: ItemKind, id: number) => {
  const init = { params: { path: { id } }, body: { accept: true as const } };
  return unwrap(kind === 'demand' ? client.POST('/api/transfer/demands/{id}/nda', init) : client.POST('/api/transfer/offers/{id}/nda', init));
};

export function useDisclosure(kind: ItemKind, id: number, enabled: boolean) {
  const init = { params: { path: { id } } };
  return useQuery({
    queryKey: ['transfer', kind, id, 'disclosure'],
    queryFn: () => unwrap(kind === 'demand' ? client.GET('/api/demands/{id}/disclosure', init) : client.GET('/api/offers/{id}/disclosure', init)),
    enabled,
  });
}

/** `version` is the item's version as read: a tier change made meanwhile by someone else is a 409, not overwritten. */
export const saveTiers = (kind: ItemKind, id: number, tiers: Record<string, Tier>, version: number) => {
  const init = { params: { path: { id } }, body: { tiers, version } };
  return unwrap(kind === 'demand' ? client.PUT('/api/demands/{id}/disclosure', init) : client.PUT('/api/offers/{id}/disclosure', init));
};

export function useOfferList(params: { status?: string; q?: string; offset?: number; limit?: number }) {
  return useQuery({
    queryKey: ['transfer', 'offers', params],
    queryFn: ({ signal }) =>
      unwrap<ListResult>(client.GET('/api/offers', {
        params: { query: { status: params.status as never, q: params.q, offset: params.offset, limit: params.limit ?? 20, sort: 'id', order: 'desc' } }, signal,
      })),
  });
}

export function useOffer(id: number, enabled = true) {
  return useQuery({ queryKey: ['transfer', 'offer', id], queryFn: () => unwrap<Item>(client.GET('/api/offers/{id}', { params: { path: { id } } })), enabled });
}

export function useQuality(kind: ItemKind, id: number, enabled = true) {
  const init = { params: { path: { id } } };
  return useQuery({
    queryKey: ['transfer', kind, id, 'quality'],
    queryFn: (): Promise<QualityReport> => unwrap(kind === 'demand' ? client.GET('/api/demands/{id}/quality', init) : client.GET('/api/offers/{id}/quality', init)),
    enabled,
  });
}

export function useHistory(kind: ItemKind, id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfer', kind, id, 'history'],
    queryFn: (): Promise<{ items: StatusEvent[] }> => {
      const init = { params: { path: { id } } };
      return unwrap(kind === 'demand' ? client.GET('/api/demands/{id}/status-history', init) : client.GET('/api/offers/{id}/status-history', init));
    },
    select: (d) => d.items,
    enabled,
  });
}

export function useMatches(kind: ItemKind, id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfer', kind, id, 'matches'],
    queryFn: (): Promise<MatchesResult> => {
      const init = { params: { path: { id }, query: { limit: 10 } } };
      return unwrap(kind === 'demand' ? client.GET('/api/demands/{id}/matches', init) : client.GET('/api/offers/{id}/matches', init));
    },
    enabled,
  });
}

/** Scores an unsaved demand or offer draft (nothing is stored). */
// Drafts and changes come from forms built on the entity descriptions (GET /api/meta/entities): the server checks them.
export const scoreDraft = (kind: ItemKind, draft: Record<string, unknown>): Promise<QualityReport> => {
  const init = { body: draft as never };
  return unwrap(kind === 'demand' ? client.POST('/api/transfer/quality/demand', init) : client.POST('/api/transfer/quality/offer', init));
};
export const createOffer = (draft: Record<string, unknown>) => unwrap<Item>(client.POST('/api/offers', { body: draft as never }));
export const updateOffer = (id: number, version: number, changes: Record<string, unknown>) =>
  unwrap<Item>(client.PATCH('/api/offers/{id}', { params: { path: { id } }, body: { ...changes, version } as never }));
export const changeStatus = (kind: ItemKind, id: number, body: { action: StatusAction; note?: string | null; override?: boolean }) => {
  const init = { params: { path: { id } }, body };
  return unwrap(kind === 'demand' ? client.POST('/api/demands/{id}/status', init) : client.POST('/api/offers/{id}/status', init));
};
export const declineResult = (kind: ItemKind, id: number, resultId: number, reason: string, note?: string | null) => {
  const init = { params: { path: { id, resultId } }, body: { reason: reason as DeclineReason, note: note || null } };
  return unwrap(kind === 'demand' ? client.POST('/api/demands/{id}/matches/{resultId}/decline', init) : client.POST('/api/offers/{id}/matches/{resultId}/decline', init));
};
type DeclineReason = BodyOf<'/api/demands/{id}/matches/{resultId}/decline', 'post'>['reason'];

/** Invalidates everything about one demand or offer after a workflow action. */
export function useInvalidateItem(kind: ItemKind, id: number) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['transfer', kind, id] });
}

