// Generic, metadata-driven access to every registry entity: one set of calls for all of them.
import { useQuery } from '@tanstack/react-query';
import { client, dynamicApi, toQueryString, unwrap, type QueryValue } from '../../../shared/api/client';
import type { AuditEntry, EntityMeta, Item, ListResult } from '../../../shared/api/types';

export const ENTITY_ORDER = [
  'zones',
  'organizations',
  'qualifications',
  'people',
  'achievements',
  'projects',
  'annual-statistics',
  'zone-facts',
] as const;

export interface ListParams {
  q?: string;
  zone?: number | string | null;
  limit?: number;
  offset?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  includeRetired?: boolean;
  filters?: Record<string, string>;
}

export function listQuery(p: ListParams): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {
    q: p.q?.trim() || undefined,
    zone: p.zone ?? undefined,
    limit: p.limit,
    offset: p.offset,
    sort: p.sort || undefined,
    order: p.sort ? p.order : undefined,
    includeRetired: p.includeRetired ? 'true' : undefined,
  };
  for (const [k, v] of Object.entries(p.filters ?? {})) {
    if (v !== '' && v !== undefined && v !== null) query[k] = v;
  }
  return query;
}

export function fetchEntityMetas(): Promise<{ entities: EntityMeta[] }> {
  // The route declares no answer schema: the entity descriptions are typed here (EntityMeta).
  return unwrap<{ entities: EntityMeta[] }>(client.GET('/api/meta/entities'));
}

export function useEntityMetas() {
  return useQuery({
    queryKey: ['meta', 'entities'],
    queryFn: fetchEntityMetas,
    staleTime: Infinity,
    select: (d) => d.entities,
  });
}

export function useEntityMeta(name: string | undefined): { meta: EntityMeta | undefined; isPending: boolean; error: unknown } {
  const q = useEntityMetas();
  return { meta: q.data?.find((e) => e.name === name), isPending: q.isPending, error: q.error };
}

// The record routes are one set per entity, chosen at run time: their paths go through dynamicApi.
export function listItems(entity: string, p: ListParams, signal?: AbortSignal): Promise<ListResult> {
  return dynamicApi.get<ListResult>(`/api/${entity}`, listQuery(p), signal);
}

export function getItem(entity: string, id: number | string): Promise<Item> {
  return dynamicApi.get<Item>(`/api/${entity}/${id}`);
}

export function createItem(entity: string, fields: Record<string, unknown>): Promise<Item> {
  return dynamicApi.post<Item>(`/api/${entity}`, fields);
}

export function updateItem(entity: string, id: number | string, version: number, changes: Record<string, unknown>): Promise<Item> {
  return dynamicApi.patch<Item>(`/api/${entity}/${id}`, { version, ...changes });
}

export function retireItem(entity: string, id: number | string, version: number): Promise<Item> {
  return dynamicApi.post<Item>(`/api/${entity}/${id}/retire`, { version });
}

export function getAudit(entity: string, id: number | string): Promise<{ items: AuditEntry[] }> {
  return dynamicApi.get<{ items: AuditEntry[] }>(`/api/${entity}/${id}/audit`);
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export function exportUrl(entity: string, format: ExportFormat, p: ListParams): string {
  const { limit: _l, offset: _o, ...rest } = p;
  return `/api/exports/${entity}` + toQueryString({ format, ...listQuery(rest) });
}

/** All zones (for tree selects); small enough to load at once. */
export function useZones() {
  return useQuery({
    queryKey: ['zones', 'all'],
    queryFn: () => listItems('zones', { limit: 500 }),
    staleTime: 60_000,
    select: (d) => d.items,
  });
}
