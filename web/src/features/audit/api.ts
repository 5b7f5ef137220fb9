// Calls of the audit page (src/shared/audit on the server): the filtered log, the filter lists and the export links.
import { client, toQueryString, unwrap, type QueryOf, type ResponseOf } from '../../shared/api/client';

export type AuditEvent = ResponseOf<'/api/audit', 'get'>['items'][number];

/** `from` and `to` are ISO date-times: the start of the first and the end of the last local day chosen. */
export type AuditFilters = Omit<QueryOf<'/api/audit', 'get'>, 'limit' | 'offset'>;

export const auditApi = {
  list: (f: AuditFilters, limit: number, offset: number) => unwrap(client.GET('/api/audit', { params: { query: { ...f, limit, offset } } })),
  facets: () => unwrap(client.GET('/api/audit/facets')),
  exportUrl: (f: AuditFilters, format: 'csv' | 'xlsx') => `/api/audit/export${toQueryString({ ...f, format })}`,
};
