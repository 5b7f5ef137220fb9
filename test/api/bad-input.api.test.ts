import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response as InjectResponse } from 'light-my-request';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';

/**
 * Bad input is a 400 naming the field, never a 500 (issue 12): each case below came back as a 500 before, from
 * PostgreSQL refusing what validation had let through.
 */
function expectFieldProblem(res: InjectResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const fields = (res.json().errors ?? []).map((e: { field: string }) => e.field);
  expect(fields, res.body).toContain(field);
}

describe.each(BACKENDS)('bad input is a 400 naming the field on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  let zone: Record<string, number>;
  let org: { id: number; version: number; code: string };

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    admin = await new Client(t.app).login('admin');
    anon = new Client(t.app);
    zone = Object.fromEntries((await anon.get('/api/zones?limit=100')).json().items.map((z: { code: string; id: number }) => [z.code, z.id]));
    org = (await admin.post('/api/organizations', { name_zh: '坏输入测试机构', zone_id: zone.LZNA, kind: 'enterprise' })).json();
  });
  afterAll(() => t?.close());

  it('refuses a NUL byte in a text field and in a filter', async () => {
    expectFieldProblem(await admin.post('/api/organizations', { name_zh: 'a\u0000b', zone_id: zone.LZNA, kind: 'lab' }), 'name_zh');
    expectFieldProblem(await anon.get('/api/organizations?q=%00'), 'querystring.q');
    expectFieldProblem(await anon.get('/api/organizations?industry_code=C%0039'), 'querystring.industry_code');
    expectFieldProblem(await anon.get('/api/transfer/demands?q=a%00'), 'querystring.q');
    expectFieldProblem(await admin.request({ method: 'PUT', url: `/api/zones/${zone.LZNA}/match-weights`, payload: { 'te\u0000xt': 1 } }), 'te\\0xt');
  });

  it('refuses integers beyond the column range', async () => {
    expectFieldProblem(await admin.post(`/api/organizations/${org.id}/retire`, { version: 3_000_000_000 }), 'version');
    expectFieldProblem(await admin.post('/api/annual-statistics', { organization_id: org.id, year: 2020, staff: 3_000_000_000 }), 'staff');
    expectFieldProblem(await anon.get('/api/indicator-values?from=1099511627776'), 'querystring.from');
    expectFieldProblem(await anon.get('/api/organizations?zone=99999999999999999999'), 'querystring.zone');
    expectFieldProblem(await anon.get('/api/organizations/99999999999999999999'), 'params.id');
    expectFieldProblem(await anon.get('/api/offers?trl=99999999999'), 'querystring.trl');
  });

  it('refuses impossible dates that pass the format check', async () => {
    expectFieldProblem(await admin.post('/api/qualifications', { organization_id: org.id, type: 'hightech_enterprise', valid_from: '2024-02-31' }), 'valid_from');
    expectFieldProblem(await anon.get('/api/qualifications?asOf=2024-02-31'), 'querystring.asOf');
    expectFieldProblem(await admin.get(`/api/zones/${zone.LZNA}/transfer-funnel?from=2024-02-31`), 'querystring.from');
    expectFieldProblem(await admin.post('/api/transfer/challenges', { zone_id: zone.LZNA, title: '挑战', opens_on: '2030-02-30', closes_on: '2030-03-01' }), 'opens_on');
    // A year back from 29 February is 1 March, not a nonexistent 29 February.
    expect((await admin.get(`/api/zones/${zone.LZNA}/transfer-funnel?to=2024-02-29`)).statusCode).toBe(200);
  });

  it('refuses null for booleans and not-null lists', async () => {
    const person = { name_zh: '张三', zone_id: zone.LZNA };
    expectFieldProblem(await admin.post('/api/people', { ...person, fields: null }), 'fields');
    expectFieldProblem(await admin.post('/api/people', { ...person, is_expert: null }), 'is_expert');
    expectFieldProblem(await admin.post('/api/achievements', { title: '成果', organization_id: org.id, kind: 'invention_patent', converted: null }), 'converted');
    const created = (await admin.post('/api/people', person)).json();
    expectFieldProblem(await admin.patch(`/api/people/${created.id}`, { version: created.version, talent_programmes: null }), 'talent_programmes');
  });

  it('refuses a nonexistent zone in match weights and challenges', async () => {
    expectFieldProblem(await admin.request({ method: 'PUT', url: '/api/zones/987654321/match-weights', payload: { text: 1 } }), 'zone_id');
    expectFieldProblem(await admin.post('/api/transfer/challenges', { zone_id: 987654321, title: '不存在的园区', opens_on: '2030-01-01', closes_on: '2030-02-01' }), 'zone_id');
  });

  it('refuses a bad limit on exports and a truncated multipart body', async () => {
    expectFieldProblem(await anon.get('/api/exports/organizations?limit=abc'), 'querystring.limit');
    expectFieldProblem(await anon.get('/api/exports/qualifications?format=csv&asOf=2023-02-29'), 'querystring.asOf');
    const form = multipart('orgs.csv', 'name_zh,zone,kind\n甲,LZNA,lab\n');
    const truncated = form.payload.subarray(0, form.payload.length - 30);
    const res = await admin.request({ method: 'POST', url: '/api/imports/organizations', payload: truncated, headers: form.headers });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
  });

  it('reports field problems from import jobs, not raw database messages', async () => {
    const csv = `organization,year,staff\n${org.code},2021,3000000000\n${org.code},2022,10\n`;
    const res = await admin.request({ method: 'POST', url: '/api/imports/annual-statistics?mode=valid-only', ...multipart('stats.csv', csv) });
    expect(res.statusCode, res.body).toBe(202);
    const { report, job } = res.json();
    expect(report.errors).toMatchObject([{ line: 2, field: 'staff' }]);
    await t.jobs.drain();
    const done = (await admin.get(`/api/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', error: null, result: { inserted: 1 } });
  });

  it('gives the duplicate message for a duplicate credit code, upper-cases credit codes, refuses a future founding year', async () => {
    const credit = completeCreditCode('91620100MA7H00001');
    const first = await admin.post('/api/organizations', { name_zh: '信用代码甲', zone_id: zone.LZNA, kind: 'enterprise', credit_code: credit.toLowerCase() });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().credit_code).toBe(credit);
    const dup = await admin.post('/api/organizations', { name_zh: '信用代码乙', zone_id: zone.LZNA, kind: 'enterprise', credit_code: credit.toLowerCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'credit_code' }] });
    const next = new Date().getFullYear() + 1;
    expectFieldProblem(await admin.post('/api/organizations', { name_zh: '未来机构', zone_id: zone.LZNA, kind: 'enterprise', founded_year: next }), 'founded_year');
    expect((await admin.post('/api/organizations', { name_zh: '今年机构', zone_id: zone.LZNA, kind: 'enterprise', founded_year: next - 1 })).statusCode).toBe(201);
  });
});
