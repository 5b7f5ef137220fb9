// Calls of the audit page (src/shared/audit on the server): the filtered log, the filter lists and the export links.
import { api, toQueryString } from '../../shared/api/client';

export interface AuditEvent {
  source: 'event' | 'batch';
  id: number;
  at: string;
  user: { id: number; username: string } | null;
  entity: string;
  entity_id: number | null;
  zone: { id: number; code: string; name_zh: string; name_en: string | null } | null;
  action: string;
  before: unknown;
  after: unknown;
  batch: { count: number; first_id: number; last_id: number } | null;
}

export interface AuditFilters {
  entity?: string;
  record_id?: number;
  user?: string;
  action?: string;
  /** ISO date-times: the start of the first and the end of the last local day chosen. */
  from?: string;
  to?: string;
  zone?: number;
}

export const auditApi = {
  list: (f: AuditFilters, limit: number, offset: number) => api.get<{ items: AuditEvent[]; total: number }>('/api/audit', { ...f, limit, offset }),
  facets: () => api.get<{ entities: string[]; actions: string[] }>('/api/audit/facets'),
  exportUrl: (f: AuditFilters, format: 'csv' | 'xlsx') => `/api/audit/export${toQueryString({ ...f, format })}`,
};
