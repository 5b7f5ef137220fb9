import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { finishDocument, operationIdOf } from './openapi';
import { PUBLIC_OPERATIONS } from './public-operations';
import { ROUTE_ACCESS } from '../../../test/api/route-access';
import { operationsOf, plausible } from '../../../test/helpers/openapi-fuzz';

/**
 * The OpenAPI document clients generate code from: linted with Redocly CLI's `recommended` rules (no network: its
 * telemetry and update check are switched off), and the properties those rules stand for checked directly.
 */
const REDOCLY = join(createRequire(import.meta.url).resolve('@redocly/cli/package.json'), '..', 'bin', 'cli.js');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

interface Op { operationId?: string; security?: Record<string, string[]>[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }
interface Doc { openapi: string; servers?: { url: string }[]; paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, { type: string; in: string; name: string }> } }

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp('pglite', { demo: false });
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    dir = mkdtempSync(join(tmpdir(), 'kechuang-openapi-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([m]) => METHODS.has(m)).map(([method, op]) => ({ method, path, op })));

  it('passes Redocly CLI lint with the recommended rules, without errors or warnings', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const { stdout } = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', file, '--extends', 'recommended', '--format', 'json', '--max-problems', '10000'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`).slice(0, 20)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);

  it('gives every operation a unique operationId, its security and the problem document for 4xx', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'kc_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
    });
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const { method, path, op } of ops) {
      const expected = PUBLIC_OPERATIONS.has(`${method.toUpperCase()} ${path}`) ? [] : [method === 'get' ? { session: [] } : { session: [], csrf: [] }];
      expect(op.security, `${method} ${path}`).toEqual(expected);
      const clientErrors = Object.entries(op.responses).filter(([code]) => code.startsWith('4'));
      expect(clientErrors.length).toBeGreaterThan(0);
    }
    const audit = doc.paths['/api/audit']!.get!;
    expect(audit.operationId).toBe('getAudit');
    expect(audit.responses['4XX']!.content!['application/problem+json']!.schema!.$ref).toBe('#/components/schemas/Problem');
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
  });

  it('says an operation is public exactly when the server answers anonymous callers', async () => {
    const ops = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    for (const name of PUBLIC_OPERATIONS) expect(ops, `${name} in public-operations.ts is no route`).toContain(name);
    const wrong: string[] = [];
    // The authorization suite's table: 401 for anonymous callers means a session is needed; 2xx means it is not.
    for (const name of ops) {
      const anonymous = ROUTE_ACCESS[name]?.[0];
      if (anonymous === 401 && PUBLIC_OPERATIONS.has(name)) wrong.push(`${name}: public, but anonymous callers get 401`);
      if (anonymous !== undefined && anonymous < 300 && !PUBLIC_OPERATIONS.has(name)) wrong.push(`${name}: anonymous callers get ${anonymous}, but it says a session is needed`);
    }
    // And the server itself, with a request its schema accepts as far as a simple reading goes (ids that do not
    // exist): a public operation never answers 401, one that needs a session never answers 2xx.
    for (const op of operationsOf(doc as never)) {
      const name = `${op.method} ${op.path}`;
      if (name.endsWith('.pdf')) continue; // printed by a browser fetching the server's own port: not under inject()
      const query = op.query.filter((q) => q.required).map((q) => `${q.name}=${encodeURIComponent(String(plausible(q.schema)))}`).join('&');
      const res = await t.app.inject({
        method: op.method as 'GET', url: op.path.replace(/\{[^}]+\}/g, '1') + (query ? `?${query}` : ''),
        ...(op.method === 'GET' ? {} : { payload: (op.body ? plausible(op.body) : {}) as object }),
      });
      // (401 BAD_LOGIN is a wrong password, not a missing session.)
      if (PUBLIC_OPERATIONS.has(name) && res.statusCode === 401 && res.json().code !== 'BAD_LOGIN') wrong.push(`${name}: public, but the server answers 401`);
      if (!PUBLIC_OPERATIONS.has(name) && res.statusCode < 300) wrong.push(`${name}: needs a session, but the server answers ${res.statusCode} without one`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('derives operation ids from method and path, and refuses two routes that would share one', () => {
    expect(operationIdOf('get', '/api/users/{id}/password')).toBe('getUsersByIdPassword');
    expect(operationIdOf('put', '/api/zones/{id}/match-weights')).toBe('putZonesByIdMatchWeights');
    expect(operationIdOf('get', '/api/zones/{id}/evaluation.pdf')).toBe('getZonesByIdEvaluationPdf');
    expect(operationIdOf('delete', '/api/transfer/zone-partners/{zoneId}/{partnerZoneId}')).toBe('deleteTransferZonePartnersByZoneIdByPartnerZoneId');
    expect(() => finishDocument({ paths: { '/api/a-b': { get: { responses: {} } }, '/api/a/b': { get: { responses: {} } } } })).toThrow(/getAB/);
  });
});
