import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp } from '../helpers/test-app';

/** A multipart body with several files in the field "files" plus form fields, as the web app's upload sends it. */
function multipartFiles(files: { name: string; content: string | Uint8Array }[], fields: Record<string, string> = {}) {
  const boundary = '----kechuang-intel-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(f.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// Two reports on the same zone, metric and period that disagree (128.64亿元 vs 130億元), one in Traditional script.
const SIMPLIFIED = '兰州新区2023年工作报告\n\n2022年，兰州新区实现高新技术企业营业收入128.64亿元，新增科技型企业160家。研发费用加计扣除比例从75%提高到100%。\n\n联系电话：0931-8888888\n';
const TRADITIONAL = '蘭州新區2023年工作報告\n\n2022年，蘭州新區實現高新技術企業營業收入130億元，新增科技型企業160家。\n';
const ENGLISH = 'Lanzhou New Area annual review\n\nIn 2021 there were 160 new sci-tech enterprises and 15 new and high-tech enterprises in Lanzhou New Area.\n';

for (const backend of BACKENDS) {
  describe(`intelligence documents (${backend})`, () => {
    let t: TestApp;
    let admin: Client;
    let operator: Client;
    let orgUser: Client;
    let lzna: number;
    let otherZone: number;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      t = await startTestApp(backend, { orgs: 10 });
      admin = await new Client(t.app).login('admin');
      operator = await new Client(t.app).login('operator');
      orgUser = await new Client(t.app).login('orguser');
      const zones = (await admin.get('/api/zones?limit=100')).json().items as { id: number; code: string }[];
      lzna = zones.find((z) => z.code === 'LZNA')!.id;
      otherZone = zones.find((z) => z.code === 'TFNA')!.id;
    }, 120_000);
    afterAll(async () => t?.close());

    async function documentsOfJob(client: Client, job: number) {
      await t.jobs.drain();
      const res = await client.get(`/api/intelligence/documents?job=${job}`);
      expect(res.statusCode).toBe(200);
      return res.json().items as { id: number; file_name: string; status: string; error: { en: string; zh: string } | null; facts: number }[];
    }

    it('ingests several files at once: refused files are reported one by one, the others processed by a job', async () => {
      const res = await operator.request({ method: 'POST', url: '/api/intelligence/documents', ...multipartFiles([
        { name: 'report-hans.txt', content: SIMPLIFIED },
        { name: 'report-hant.txt', content: TRADITIONAL },
        { name: 'review-en.txt', content: ENGLISH },
        { name: 'binary.txt', content: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]) },
        { name: 'empty.txt', content: '' },
        { name: 'tool.exe', content: 'MZ' },
      ], { article_date: '2023-02-01' }) });
      expect(res.statusCode).toBe(202);
      const body = res.json();
      const byName = Object.fromEntries(body.files.map((f: { file_name: string }) => [f.file_name, f]));
      expect(body.zone_id).toBe(lzna);
      expect(byName['empty.txt']).toMatchObject({ status: 'rejected', error: { code: 'empty' } });
      expect(byName['tool.exe']).toMatchObject({ status: 'rejected', error: { code: 'unsupported' } });
      expect(byName['tool.exe'].error.message).toMatch(/\.txt/);
      expect(byName['report-hans.txt'].status).toBe('queued');

      const docs = await documentsOfJob(operator, body.job.id);
      const job = (await operator.get(`/api/jobs/${body.job.id}`)).json();
      expect(job).toMatchObject({ status: 'succeeded', progress: 4, total: 4, result: { processed: 3, failed: 1 } });
      const status = Object.fromEntries(docs.map((d) => [d.file_name, d]));
      expect(status['binary.txt']).toMatchObject({ status: 'failed', facts: 0 });
      expect(status['binary.txt']!.error!.en).toMatch(/binary\.txt/);
      expect(status['binary.txt']!.error!.zh.length).toBeGreaterThan(0);
      for (const name of ['report-hans.txt', 'report-hant.txt', 'review-en.txt']) {
        expect(status[name]!.status).toBe('processed');
        expect(status[name]!.facts).toBeGreaterThan(0);
        ids[name] = status[name]!.id;
      }
      // nothing half-written: the failed document has no derived rows
      const failedDoc = (await operator.get(`/api/intelligence/documents/${status['binary.txt']!.id}`)).json();
      expect(failedDoc.clean_text).toBeNull();
      expect(failedDoc.facts).toEqual([]);
    });

    it('refuses the same file twice in a zone, naming the first document, and an upload of only bad files is a 400', async () => {
      const big = new Uint8Array(21 * 1024 * 1024).fill(0x41);
      const res = await operator.request({ method: 'POST', url: '/api/intelligence/documents', ...multipartFiles([
        { name: 'again.txt', content: SIMPLIFIED }, { name: 'x.exe', content: 'x' }, { name: 'big.txt', content: big }]) });
      expect(res.statusCode).toBe(400);
      const files = res.json().files as { file_name: string; error: { code: string; en: string } }[];
      expect(files.find((f) => f.file_name === 'big.txt')!.error).toMatchObject({ code: 'too_large' });
      expect(files.find((f) => f.file_name === 'again.txt')!.error).toMatchObject({ code: 'duplicate' });
      expect(files.find((f) => f.file_name === 'again.txt')!.error.en).toContain(String(ids['report-hans.txt']));
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('files.x.exe');
    });

    it('shows the reader: original kept byte for byte, clean text, removed parts with reasons, facts quoted at their offsets', async () => {
      const id = ids['report-hans.txt']!;
      const doc = (await operator.get(`/api/intelligence/documents/${id}`)).json();
      expect(doc.original_text).toContain('128.64亿元');
      expect(doc.clean_text).toContain('128.64亿元');
      expect(doc.may_review).toBe(true);
      // the contact line is removed from the clean text, marked in the original with its reason
      expect(doc.clean_text).not.toContain('0931-8888888');
      const contact = doc.removed.find((r: { reason: string }) => r.reason === 'contact');
      expect(doc.original_text.slice(contact.start, contact.end)).toContain('0931-8888888');
      expect(doc.facts.length).toBeGreaterThan(0);
      for (const f of doc.facts) expect(doc.clean_text.slice(f.start_offset, f.end_offset)).toBe(f.quote);
      const revenue = doc.facts.find((f: { value: string }) => f.value === '12864000000');
      expect(revenue).toMatchObject({ unit: 'CNY', period: '2022', subject_zone_id: lzna, status: 'proposed' });
      expect(doc.proposals.find((p: { kind: string }) => p.kind === 'rate')).toMatchObject({ detail: { from: 75, to: 100 } });

      const original = await operator.get(`/api/intelligence/documents/${id}/original`);
      expect(original.statusCode).toBe(200);
      expect(original.body).toBe(SIMPLIFIED);
    });

    it('searches in Traditional and finds the Simplified document (and the other way round), filtered by period and metric', async () => {
      const trad = (await operator.get(`/api/intelligence/documents?q=${encodeURIComponent('營業收入')}`)).json();
      expect(trad.items.map((d: { id: number }) => d.id)).toEqual(expect.arrayContaining([ids['report-hans.txt'], ids['report-hant.txt']]));
      expect(trad.items.map((d: { id: number }) => d.id)).not.toContain(ids['review-en.txt']);
      const en = (await operator.get('/api/intelligence/documents?q=enterprises')).json();
      expect(en.items.map((d: { id: number }) => d.id)).toEqual([ids['review-en.txt']]);
      const period = (await operator.get('/api/intelligence/documents?period=2021')).json();
      expect(period.items.map((d: { id: number }) => d.id)).toEqual([ids['review-en.txt']]);
      const metric = (await operator.get(`/api/intelligence/documents?metric=operating_revenue&zone=${lzna}`)).json();
      expect(metric.items.map((d: { id: number }) => d.id).sort()).toEqual([ids['report-hans.txt'], ids['report-hant.txt']].sort());
      expect((await operator.get(`/api/intelligence/documents?zone=${otherZone}`)).json().total).toBe(0);
    });

    async function factOf(client: Client, doc: string, pred: (f: Record<string, unknown>) => boolean) {
      const d = (await client.get(`/api/intelligence/documents/${ids[doc]}`)).json();
      return d.facts.find(pred) as { id: number; version: number; value: string; status: string; conflicts: { id: number }[]; quote: string; start_offset: number };
    }

    it('confirms a fact: it becomes a zone fact with its quote and a link to its document and sentence', async () => {
      const fact = await factOf(operator, 'report-hans.txt', (f) => f.value === '12864000000');
      expect(fact.conflicts.length).toBe(1); // the Traditional report says 130億元
      const res = await operator.post(`/api/intelligence/facts/${fact.id}/confirm`, { version: fact.version });
      expect(res.statusCode).toBe(200);
      const zoneFactId = res.json().zone_fact_id;
      const zf = (await operator.get(`/api/zone-facts/${zoneFactId}`)).json();
      expect(zf).toMatchObject({ zone_id: lzna, unit: 'CNY', period: '2022', quote: fact.quote });
      expect(Number(zf.value)).toBe(12864000000);
      expect(zf.source).toContain(`intelligence document ${ids['report-hans.txt']}`);
      const onDashboard = (await t.app.inject({ method: 'GET', url: `/api/intelligence/zone-facts?zone=${lzna}` })).json().items;
      expect(onDashboard.find((f: { id: number }) => f.id === fact.id)).toMatchObject({ document_id: ids['report-hans.txt'], quote: fact.quote, start_offset: fact.start_offset });
      // confirmed facts cannot be reviewed again
      expect((await operator.post(`/api/intelligence/facts/${fact.id}/reject`, { version: fact.version + 1 })).statusCode).toBe(409);
    });

    it('when two sources disagree both are shown and the reviewer picks: confirm is a 409 until it supersedes', async () => {
      const other = await factOf(operator, 'report-hant.txt', (f) => f.metric === 'operating_revenue');
      expect(other.value).toBe('13000000000');
      const refused = await operator.post(`/api/intelligence/facts/${other.id}/confirm`, { version: other.version });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().conflicts.length).toBe(1);
      const picked = await operator.post(`/api/intelligence/facts/${other.id}/confirm`, { version: other.version, supersede: true });
      expect(picked.statusCode).toBe(200);
      const items = (await t.app.inject({ method: 'GET', url: `/api/intelligence/zone-facts?zone=${lzna}` })).json().items as { id: number }[];
      expect(items.map((f) => f.id)).toContain(other.id);
      const first = await factOf(operator, 'report-hans.txt', (f) => f.metric === 'operating_revenue');
      expect(first.status).toBe('superseded');
      expect(items.map((f) => f.id)).not.toContain(first.id);
    });

    it('corrects, rejects and merges facts, with version checks and 400s naming the field', async () => {
      const dupA = await factOf(operator, 'report-hans.txt', (f) => f.metric === 'tech_sme_count');
      const dupB = await factOf(operator, 'report-hant.txt', (f) => f.metric === 'tech_sme_count');
      const merged = await operator.post(`/api/intelligence/facts/${dupB.id}/merge`, { version: dupB.version, into: dupA.id });
      expect(merged.statusCode).toBe(200);
      expect(merged.json()).toMatchObject({ status: 'merged', merged_into: dupA.id });

      const badUnit = await operator.patch(`/api/intelligence/facts/${dupA.id}`, { version: dupA.version, unit: 'bananas' });
      expect(badUnit.statusCode).toBe(400);
      expect(badUnit.json().errors[0].field).toBe('unit');
      const badPeriod = await operator.patch(`/api/intelligence/facts/${dupA.id}`, { version: dupA.version, period: 'last year' });
      expect(badPeriod.statusCode).toBe(400);
      expect(badPeriod.json().errors[0].field).toBe('period');
      const badValue = await operator.patch(`/api/intelligence/facts/${dupA.id}`, { version: dupA.version, value: '1,2' });
      expect(badValue.json().errors[0].field).toBe('value');
      expect((await operator.post(`/api/intelligence/facts/${dupA.id}/confirm`, {})).json().errors[0].field).toBe('version');

      const corrected = await operator.patch(`/api/intelligence/facts/${dupA.id}`, { version: dupA.version, value: '161', period: '2022' });
      expect(corrected.statusCode).toBe(200);
      expect(corrected.json().value).toBe('161');
      expect((await operator.patch(`/api/intelligence/facts/${dupA.id}`, { version: dupA.version, value: '162' })).statusCode).toBe(409);
      const rejected = await operator.post(`/api/intelligence/facts/${dupA.id}/reject`, { version: corrected.json().version });
      expect(rejected.json()).toMatchObject({ status: 'rejected' });
      const after = await factOf(operator, 'report-hans.txt', (f) => f.id === dupA.id);
      expect(after).toMatchObject({ value: '161', status: 'rejected' });
    });

    it('records a confirmed fact as an entered indicator value with the document and quote as provenance', async () => {
      const fact = await factOf(operator, 'review-en.txt', (f) => f.metric === 'hightech_enterprises');
      expect(fact.value).toBe('15');
      // the reviewer maps it to an entered indicator of the library
      const corrected = await operator.patch(`/api/intelligence/facts/${fact.id}`, { version: fact.version, metric: 'torch_gazelle_firms' });
      expect(corrected.statusCode).toBe(200);
      const confirmed = await operator.post(`/api/intelligence/facts/${fact.id}/confirm`, { version: corrected.json().version });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json().indicator_value).toMatchObject({ indicator: 'torch_gazelle_firms', zone_id: lzna, year: 2021, value: 15 });
      const values = (await operator.get(`/api/indicator-values?zone=${lzna}&indicator=torch_gazelle_firms&from=2021&to=2021`)).json().items;
      expect(values).toHaveLength(1);
      expect(values[0].value).toBe(15);
      expect(values[0].provenance.extracted).toMatchObject({ document_id: ids['review-en.txt'], fact_id: fact.id, quote: fact.quote });
    });

    it('refuses the roles that may not upload, read or review', async () => {
      const upload = () => multipartFiles([{ name: 'x.txt', content: 'x 2022年营业收入1亿元' }]);
      expect((await t.app.inject({ method: 'POST', url: '/api/intelligence/documents', ...upload() })).statusCode).toBe(401);
      expect((await orgUser.request({ method: 'POST', url: '/api/intelligence/documents', ...upload() })).statusCode).toBe(403);
      const outside = await operator.request({ method: 'POST', url: '/api/intelligence/documents', ...multipartFiles([{ name: 'x.txt', content: 'x' }], { zone: String(otherZone) }) });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0].field).toBe('zone');
      expect((await admin.request({ method: 'POST', url: '/api/intelligence/documents', ...multipartFiles([{ name: 'x.txt', content: 'x' }]) })).json().errors[0].field).toBe('zone');

      // a document of another zone: invisible to the operator, reviewable by the admin only
      const res = await admin.request({ method: 'POST', url: '/api/intelligence/documents', ...multipartFiles([{ name: 'tf.txt', content: SIMPLIFIED }], { zone: String(otherZone) }) });
      expect(res.statusCode).toBe(202);
      const [doc] = await documentsOfJob(admin, res.json().job.id);
      expect((await operator.get(`/api/intelligence/documents/${doc!.id}`)).statusCode).toBe(404);
      const fact = (await admin.get(`/api/intelligence/documents/${doc!.id}`)).json().facts[0];
      expect((await operator.post(`/api/intelligence/facts/${fact.id}/reject`, { version: fact.version })).statusCode).toBe(403);
      expect((await orgUser.post(`/api/intelligence/facts/${fact.id}/reject`, { version: fact.version })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/intelligence/documents/${doc!.id}` })).statusCode).toBe(401);
      expect((await orgUser.get('/api/intelligence/policy-proposals')).statusCode).toBe(403);
      // organisation users read the documents of their organisation's zone, without reviewing them
      const [org] = await t.testDb.db.query<{ zone_id: number }>('select o.zone_id from users u join organizations o on o.id = u.organization_id where u.username = $1', ['orguser']);
      const orgZoneDocs = (await orgUser.get('/api/intelligence/documents')).json().items as { zone_id: number }[];
      expect(orgZoneDocs.length).toBeGreaterThan(0);
      expect(orgZoneDocs.every((d) => d.zone_id === Number(org!.zone_id))).toBe(true);
      const readable = (await orgUser.get(`/api/intelligence/documents/${(orgZoneDocs[0] as { id?: number }).id}`)).json();
      expect(readable.may_review).toBe(false);
      const proposals = (await operator.get('/api/intelligence/policy-proposals')).json();
      expect(proposals.items.length).toBeGreaterThan(0);
      expect(proposals.items.every((p: { zone_id: number }) => p.zone_id === lzna)).toBe(true);

      // a proposal becomes a programme of the policy module once accepted, and the programme names its quote
      const rate = proposals.items.find((p: { kind: string; status: string }) => p.kind === 'rate' && p.status === 'proposed') as { id: number; quote: string };
      const fromProposal = {
        zone_id: lzna, name_zh: '研发费用加计扣除配套奖励', name_en: 'R&D super-deduction top-up', rules: [],
        amount_rule: { kind: 'fixed', amount_fen: 1_000_000 }, budget_fen: 10_000_000, opens_on: '2026-01-01', closes_on: '2026-12-31',
        source_proposal_id: rate.id,
      };
      const early = await operator.post('/api/policy/programmes', fromProposal);
      expect(early.statusCode).toBe(400);
      expect(early.json().errors.map((e: { field: string }) => e.field)).toContain('source_proposal_id');
      expect((await operator.post(`/api/intelligence/policy-proposals/${rate.id}/review`, { status: 'accepted' })).statusCode).toBe(200);
      const created = await operator.post('/api/policy/programmes', fromProposal);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().source_proposal).toMatchObject({ id: rate.id, kind: 'rate', quote: rate.quote });
      expect(rate.quote).toContain('100%');
      const elsewhere = await admin.post('/api/policy/programmes', { ...fromProposal, zone_id: otherZone });
      expect(elsewhere.statusCode).toBe(400);

      // a fact of the operator's own document that is about a zone outside theirs needs an admin to confirm it
      const own = await factOf(operator, 'review-en.txt', (f) => f.status === 'proposed' && f.period !== null);
      const moved = await operator.patch(`/api/intelligence/facts/${own.id}`, { version: own.version, subject_zone_id: otherZone });
      expect(moved.statusCode).toBe(200);
      const denied = await operator.post(`/api/intelligence/facts/${own.id}/confirm`, { version: moved.json().version });
      expect(denied.statusCode, denied.body).toBe(403);
      const byAdmin = await admin.post(`/api/intelligence/facts/${own.id}/confirm`, { version: moved.json().version });
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    });
  });
}
