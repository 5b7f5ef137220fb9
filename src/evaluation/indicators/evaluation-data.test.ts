// The evaluation page's writes over the API: an entered value with its source in parts (title, address, quote), the
// missing-source and bad-address refusals naming their fields, and a framework saved with a stale version (409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/test-db';
import { Client, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { loadShippedFrameworks } from './evaluation.routes';

describe.each(BACKENDS)('evaluation data writes on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let starter: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    await loadShippedFrameworks(t.testDb.db);
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    starter = ((await admin.get('/api/frameworks')).json().items as { id: number; code: string }[]).find((f) => f.code === 'zone-starter')!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('keeps the parts of an entered value\'s source; a missing source or a bad address names its field', async () => {
    const base = { indicator: 'torch_profit_margin', zone: 'LZNA', year: 2024, value: 5 };
    const ok = await operator.post('/api/indicator-values', { ...base, source_title: '统计公报', source_url: 'https://example.gov.cn/a', quote: '利润率 5%' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().provenance).toMatchObject({ source: '统计公报', source_title: '统计公报', source_url: 'https://example.gov.cn/a', quote: '利润率 5%' });
    const none = await operator.post('/api/indicator-values', base);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('source_title');
    const bad = await operator.post('/api/indicator-values', { ...base, source_title: 't', source_url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('source_url');
    // The one-line source of earlier clients still works.
    expect((await operator.post('/api/indicator-values', { ...base, source: 's' })).statusCode).toBe(201);
  });

  it('refuses a framework saved with a stale version (409) and accepts the current one', async () => {
    const copy = (await admin.post(`/api/frameworks/${starter}/copy`, {})).json();
    const nodes = copy.nodes.map((n: { code: string; parent_code: string | null; level: number; name_zh: string; weight: number; indicator_code: string | null }) => ({
      code: n.code, parent: n.parent_code, level: n.level, name_zh: n.name_zh, weight: n.code === 'S_INPUT' ? 2 : n.weight, indicator: n.indicator_code,
    }));
    const first = await admin.patch(`/api/frameworks/${copy.id}`, { nodes, version: copy.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(copy.version + 1);
    const stale = await admin.patch(`/api/frameworks/${copy.id}`, { nodes, version: copy.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });
});
