import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp } from '../helpers/test-app';
import { loadDemoPeers, PEER_ZONES } from '../../src/registry/demo/load-demo-peers';
import { computeValues } from '../../src/evaluation/indicators/indicator.service';

// What a new zone operator met: their own zone's evaluation empty ("no indicator values", in English) while an
// admin saw it ranked, because the only peers' values were unpublished. The demo's peer group fixes the data side.
describe.each(BACKENDS)('a zone operator evaluating their zone against the demo peer group on %s', (backend) => {
  let t: TestApp;
  let operator: Client;
  const year = new Date().getFullYear() - 1;
  let torch: number;
  let lzna: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 40 });
    await loadDemoPeers(t.testDb.db, { orgsPerZone: 4, firstYear: year - 1, lastYear: year });
    await computeValues(t.testDb.db, null, { years: { from: year - 1, to: year } }, { skipAccess: true });
    operator = await new Client(t.app, 'zh-CN').login('operator');
    torch = (await operator.get('/api/frameworks')).json().items.find((f: { code: string }) => f.code === 'torch-2021').id;
    lzna = (await operator.get('/api/zones?limit=200')).json().items.find((z: { code: string }) => z.code === 'LZNA').id;
  });
  afterAll(() => t?.close());

  it('ranks the operator\'s zone among published peers of its kind', async () => {
    const res = await operator.get(`/api/zones/${lzna}/evaluation?framework=${torch}&year=${year}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const newAreas = PEER_ZONES.filter((z) => z.kind === 'state_new_area').length;
    expect(body.peers.length).toBeGreaterThanOrEqual(Math.min(12, newAreas));
    expect(body.evaluation).not.toBeNull();
    expect(body.evaluation.results.length).toBeGreaterThan(5);
    const own = body.evaluation.results.find((r: { code: string }) => r.code === 'LZNA');
    expect(own.rank).toBeGreaterThanOrEqual(1);
    // Indicators left out say why in both languages; the Chinese reason carries no English words.
    expect(body.evaluation.excluded.length).toBeGreaterThan(0);
    for (const x of body.evaluation.excluded) {
      expect(x.reason).toMatch(/[a-z]{3,} [a-z]{3,}/);
      expect(x.reason_zh).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
    }
  });

  it('words a year it cannot evaluate in Chinese without English engine text', async () => {
    const res = await operator.get(`/api/zones/${lzna}/evaluation?framework=${torch}&year=${year}&years=4`);
    const failed = res.json().byYear.filter((b: { error?: string }) => b.error);
    expect(failed.length).toBeGreaterThan(0); // the years before the generated statistics begin
    for (const b of failed) expect(b.error_zh).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
  });
});
