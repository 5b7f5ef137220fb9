import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from './problem';
import { PUBLIC_OPERATIONS } from './public-operations';

/**
 * The OpenAPI document (/docs/json, browsable at /docs), built by @fastify/swagger from the routes' zod schemas and
 * finished here in one place rather than on every route: a deterministic operationId for each operation, the session
 * cookie and CSRF header as security schemes (or none for the public operations of public-operations.ts), the 4xx
 * problem document, a server entry and the licence. OpenAPI 3.1, so that a nullable value is a JSON Schema type
 * union ("null" is a type in 3.1; the 3.0 `nullable` keyword has no meaning beside an `anyOf`). Checked with
 * Redocly's `recommended` rules (src/shared/http/openapi.test.ts).
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const SAFE = new Set(['get', 'head', 'options']);

/** `GET /api/users/{id}/password` → `getUsersByIdPassword`: method, then each path segment in camel case. */
export function operationIdOf(method: string, path: string): string {
  const words = path.split('/').filter(Boolean).filter((s, i) => !(i === 0 && s === 'api'))
    .map((s) => { const param = /^\{(.+)\}$/.exec(s); return param ? `by-${param[1]}` : s; })
    .flatMap((s) => s.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean));
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
}

type Json = Record<string, unknown>;
interface Operation { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> }

const PROBLEM_RESPONSE = {
  description: 'A problem document (RFC 7807): 400 invalid input naming each field, 401 not signed in, 403 not allowed or CSRF token missing, 404 not found, 409 conflict, 429 too many attempts',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** Adds what every operation needs and no route should have to repeat. */
export function finishDocument(doc: Json): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      // Two routes that spell alike (e.g. /a-b and /a/b) would share an id: said at start-up rather than left to a client.
      const other = seen.get(op.operationId);
      if (other) throw new Error(`OpenAPI: operationId ${op.operationId} of ${method.toUpperCase()} ${path} is also that of ${other}`);
      seen.set(op.operationId, `${method.toUpperCase()} ${path}`);
      // Public operations need nothing; the others a session, and on writes its CSRF header too.
      op.security ??= PUBLIC_OPERATIONS.has(`${method.toUpperCase()} ${path}`) ? []
        : SAFE.has(method) ? [{ session: [] }] : [{ session: [], csrf: [] }];
      op.responses ??= {};
      if (!Object.keys(op.responses).some((code) => code.startsWith('4'))) op.responses['4XX'] = PROBLEM_RESPONSE;
    }
  }
  return doc;
}

function problemJsonSchema(): Json {
  const { $schema: _, ...schema } = z.toJSONSchema(problemSchema, { target: 'draft-2020-12', io: 'output' }) as Json;
  return schema;
}

export async function registerOpenApi(app: FastifyInstance, opts: { sessionCookie: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kechuang API', description: 'Registry of innovation actors, technology transfer and evaluation', version: '0.1.0',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: opts.sessionCookie, description: 'The session cookie that POST /api/auth/login sets' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The CSRF token from POST /api/auth/login or GET /api/auth/me; required with the session cookie on every write' },
        },
        schemas: { Problem: problemJsonSchema() },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => finishDocument(('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as Json),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
