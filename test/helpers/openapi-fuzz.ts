import type { Prng } from '../../src/registry/demo/prng';

/**
 * Request generation for the fuzz test (test/api/fuzz.api.test.ts) from the app's OpenAPI document: a plausible
 * value for each schema, then one or more places replaced by something hostile (wrong type, huge number, NUL byte,
 * impossible date, null, deep nesting, long text, unknown key).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema; required: boolean }[];
}

interface OpenApi {
  paths: Record<string, Record<string, {
    parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  }>>;
}

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required }));
      ops.push({ method: method.toUpperCase(), path, body: op.requestBody?.content?.['application/json']?.schema, query });
    }
  }
  return ops;
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema accepts, as far as a simple reading of it goes. */
export function plausible(s: JsonSchema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => typeOf(a) !== 'null') ?? alt[0]!, depth);
  if (s.allOf?.length) return plausible(s.allOf[0]!, depth);
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}')) return '2024-05-01';
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    case 'array':
      return depth > 4 || !s.items ? [] : Array.from({ length: Math.max(s.minItems ?? 0, 1) }, () => plausible(s.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = depth > 4 ? null : plausible(s.properties?.[name] ?? {}, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

function nested(levels: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Hostile JSON values. */
export function hostileValue(r: Prng): unknown {
  return r.pick<() => unknown>([
    () => null,
    () => 'a\u0000b',
    () => '\u0000',
    () => '2024-02-31',
    () => '2023-02-29',
    () => '0000-00-00',
    () => 2_147_483_648,
    () => -2_147_483_649,
    () => 3_000_000_000,
    () => 1_099_511_627_776,
    () => 1e20,
    () => -1e308,
    () => 9_007_199_254_740_993,
    () => 0.5,
    () => -1,
    () => 0,
    () => '',
    () => '   ',
    () => 'x'.repeat(r.pick([301, 5_001, 100_001])),
    () => '1e400',
    () => 'NaN',
    () => true,
    () => [],
    () => [null],
    () => ['a\u0000'],
    () => {},
    () => ({ $gt: 1 }),
    () => nested(r.pick([40, 400])),
    () => "'; drop table zones; --",
    () => '\uD800',
  ])();
}

/** Hostile query-string values (already text). */
export function hostileQuery(r: Prng): string {
  return r.pick([
    'abc', '-1', '0', '1.5', '99999999999999999999', '1099511627776', '2147483648', '\u0000', 'a\u0000b', '2024-02-31', '2023-02-29',
    '', ' ', 'x'.repeat(5_000), '1,2,abc', '1,99999999999999999999', 'true', 'null', '[]', '%', "'", '1e400', 'NaN',
  ]);
}

/** The body with one to three places (anywhere in the tree) replaced by hostile values, or a hostile body as a whole. */
export function mutateBody(r: Prng, schema: JsonSchema | undefined): unknown {
  if (!schema || r.chance(0.1)) return hostileValue(r);
  const body = plausible(schema);
  if (body === null || typeof body !== 'object') return hostileValue(r);
  const keys = new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(body as object)]);
  if (!keys.size || r.chance(0.1)) return { ...(body as object), [r.pick(['unknown_field', '__proto__', 'a\u0000'])]: hostileValue(r) };
  const out = structuredClone(body) as Record<string, unknown>;
  for (let n = r.int(1, 3); n > 0; n--) {
    const key = r.pick([...keys]);
    const sub = schema.properties?.[key];
    // Sometimes one level down, so that nested objects and list items are reached too.
    if (sub && typeOf(sub) === 'object' && r.chance(0.5)) out[key] = mutateBody(r, sub);
    else if (sub && typeOf(sub) === 'array' && r.chance(0.5)) out[key] = [plausible(sub.items ?? {}), hostileValue(r)];
    else out[key] = hostileValue(r);
  }
  return out;
}

/** A query string with plausible values for required parameters and hostile ones for one to three parameters. */
export function mutateQuery(r: Prng, params: Operation['query']): string {
  const values = new Map<string, string>();
  for (const p of params) if (p.required) values.set(p.name, String(plausible(p.schema)));
  if (params.length) for (let n = r.int(1, 3); n > 0; n--) values.set(r.pick(params).name, hostileQuery(r));
  else values.set('unexpected', hostileQuery(r));
  return [...values].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
