// The one way the web app talks to the server: a typed client generated from the server's OpenAPI document
// (openapi-fetch over schema.ts, `npm run gen:api`), JSON over fetch, same-origin cookies, the CSRF header on every
// non-GET request, Accept-Language following the UI language, and RFC 7807 problems turned into ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** A problem document as the server sends it; a network failure has only a status (0) and a code. */
export type Problem = Partial<components['schemas']['Problem']> & { status: number };
export type FieldError = NonNullable<components['schemas']['Problem']['errors']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', acceptLanguage);
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/**
 * The typed client: `client.GET('/api/zones/{id}', { params: { path: { id } } })` checks the path, its parameters,
 * the body and the answer against schema.ts. Wrap each call in `unwrap` to get the data or an ApiError.
 */
export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // As before: empty values (undefined, null, '') are left out of the query.
  querySerializer: (query) => toQueryString(query as Record<string, QueryValue>).slice(1),
});
client.use(sessionHeaders);

/** What every openapi-fetch call resolves to: the parsed answer or the parsed (or raw) error body. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError from the problem document (a network failure: status 0, code NETWORK). */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail: String(e) });
  }
  const { response, error } = answer;
  if (!response.ok) {
    const p = error && typeof error === 'object' ? (error as Partial<Problem>) : {};
    throw new ApiError({
      ...p,
      status: response.status,
      title: p.title ?? response.statusText,
      detail: p.detail ?? (typeof error === 'string' && error ? error : undefined),
    });
  }
  return (answer.data ?? null) as T;
}

/**
 * Calls whose path is chosen at run time, which schema.ts cannot name: the generic record routes of the registry
 * (`/api/${entity}/…`, one set per entity, their fields described by GET /api/meta/entities). Same pipeline as
 * `client` (headers, CSRF, problems); everything with a fixed path uses `client` and its types instead.
 */
type Method = 'get' | 'post' | 'patch' | 'delete';
type Dynamic = (method: Method, path: string, init: { params?: { query?: Record<string, QueryValue> }; body?: unknown; signal?: AbortSignal }) => Promise<Answer<unknown>>;
const dynamic = <T>(method: Method, path: string, init: Parameters<Dynamic>[2] = {}) =>
  unwrap(((client.request as unknown) as Dynamic)(method, path, init)) as Promise<T>;

export const dynamicApi = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => dynamic<T>('get', path, { params: { query }, signal }),
  post: <T>(path: string, body?: unknown) => dynamic<T>('post', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => dynamic<T>('patch', path, { body }),
};

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON answer (200, else 201) of an operation in schema.ts: `ResponseOf<'/api/audit', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { responses: infer R } ? (R extends { 200: infer OK } ? Json<OK> : R extends { 201: infer Created } ? Json<Created> : never) : never;
/** The JSON request body of an operation in schema.ts: `BodyOf<'/api/users', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query parameters of an operation in schema.ts. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/**
 * `unwrap` for the few routes whose answer schema is looser than what the page relies on (open objects, a plain
 * string for a closed set): the page's own type T is taken on trust, as it was before the client was generated.
 */
export function unwrapAs<T>(call: Promise<Answer<unknown>>): Promise<T> {
  return unwrap(call) as Promise<T>;
}

/** A body read from an untyped form (antd's values): its keys are checked against T here, its values by the server. */
export type FormValues<T> = { [K in keyof T]?: unknown };
