import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, demoClients } from '../helpers/test-app';
import { startTestApp, type TestApp } from '../helpers/test-app';
import ExcelJS from 'exceljs';
import { GOOD_DEMAND, COPPER_OFFER, OTHER_OFFER, future } from '../helpers/transfer-fixtures';


describe.each(BACKENDS)('technology transfer workflow on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  let orgU: number; // the org user's organisation
  let orgL: number; // an organisation in the operator's zone (Lanzhou New Area)
  let orgX: number; // an organisation outside it
  let demandId: number;
  let copperId: number;
  let otherId: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    const db = t.testDb.db;
    orgU = Number((await db.query<{ organization_id: number }>(`select organization_id from users where username = 'orguser'`))[0]!.organization_id);
    const lz = (await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id;
    orgL = Number((await db.query<{ id: number }>('select id from organizations where zone_id = $1 and id <> $2 order by id limit 1', [lz, orgU]))[0]!.id);
    orgX = Number((await db.query<{ id: number }>(`select o.id from organizations o join zones z on z.id = o.zone_id where z.code = 'ZJ' and o.id <> $1 order by o.id limit 1`, [orgU]))[0]!.id);
  }, 120_000);
  afterAll(() => t?.close());

  it('marks demo listings and experts with the generated flag, with no demo boilerplate in the texts matching reads', async () => {
    const db = t.testDb.db;
    const BOILERPLATE = /演示数据|演示专家|为本项目编写|并非真实|written for this project|demo listing|demo expert|generated demo|not a real/i;
    const offers = await db.query<{ summary: string; generated: boolean }>(`select summary, generated from tech_offers where code like 'DEMO-%'`);
    const demands = await db.query<{ description: string; generated: boolean }>(`select description, generated from tech_demands where code like 'DEMO-%'`);
    const experts = await db.query<{ bio: string | null; generated: boolean }>(`select bio, generated from people where is_expert and generated`);
    expect(offers.length).toBeGreaterThan(0);
    expect(demands.length).toBeGreaterThan(0);
    expect(experts.length).toBeGreaterThan(0);
    for (const o of offers) expect([o.generated, BOILERPLATE.test(o.summary)]).toEqual([true, false]);
    for (const d of demands) expect([d.generated, BOILERPLATE.test(d.description)]).toEqual([true, false]);
    for (const e of experts) expect(BOILERPLATE.test(e.bio ?? '')).toBe(false);
    // The flag reaches the public market and the matches, where the web app shows it.
    const market = (await anon.get('/api/transfer/offers?limit=200')).json().items as { code: string; generated: boolean }[];
    expect(market.filter((o) => o.code.startsWith('DEMO-')).every((o) => o.generated)).toBe(true);
    const demo = (await db.query<{ id: number }>(`select id from tech_demands where code like 'DEMO-%' order by id limit 1`))[0]!;
    const matches = (await admin.get(`/api/demands/${demo.id}/matches?limit=10`)).json();
    expect(matches.items.length).toBeGreaterThan(0);
    expect(matches.items.every((m: { generated: boolean }) => m.generated)).toBe(true);
    expect(matches.items.flatMap((m: { why: string[] }) => m.why).join(' ')).not.toMatch(BOILERPLATE);
  });

  it('rejects absurd input with clear field errors', async () => {
    const bad = async (patch: object) => {
      const res = await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgL, ...patch });
      expect(res.statusCode).toBe(400);
      return (res.json().errors as { field: string; message: string }[]).map((e) => e.field);
    };
    expect(await bad({ title: '' })).toContain('title');
    expect(await bad({ title: '……！！？？' })).toContain('title');
    expect(await bad({ description: '字'.repeat(100_001) })).toContain('description');
    expect(await bad({ budget_min: -1 })).toContain('budget_min');
    expect(await bad({ budget_min: 500, budget_max: 100 })).toContain('budget_max');
    expect(await bad({ deadline: '2001-01-01' })).toContain('deadline');
    expect(await bad({ cooperation_modes: ['barter'] })).toContain('cooperation_modes');
    expect(await bad({ status: 'published' })).toContain('status');
    expect(await bad({ published: true })).toContain('published');
    const offer = await admin.post('/api/offers', { ...COPPER_OFFER, organization_id: orgL, trl: 12 });
    expect(offer.statusCode).toBe(400);
    expect(offer.json().errors[0].field).toBe('trl');
  });

  it('makes a new offer matchable at once and explains the ranking', async () => {
    const d = await orgUser.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgU });
    expect(d.statusCode).toBe(201);
    demandId = d.json().id;
    expect(d.json().status).toBe('draft');
    copperId = (await admin.post('/api/offers', { ...COPPER_OFFER, organization_id: orgX })).json().id;
    otherId = (await admin.post('/api/offers', { ...OTHER_OFFER, organization_id: orgL })).json().id;
    for (const id of [copperId, otherId]) {
      const sub = await admin.post(`/api/offers/${id}/status`, { action: "submit" }); if (sub.statusCode !== 200) console.log(sub.body);
      expect(sub.statusCode).toBe(200);
      const pub = await admin.post(`/api/offers/${id}/status`, { action: "publish" }); if (pub.statusCode !== 200) console.log(pub.body);
      expect(pub.statusCode).toBe(200);
    }
    const res = await orgUser.get(`/api/demands/${demandId}/matches?limit=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0].id).toBe(copperId);
    expect(body.items[0].confident).toBe(true);
    expect(body.items[0].why.join(' ')).toMatch(/铜箔|copper/i);
    // Ranked by score; the unrelated offer (livestock manure equipment) is never a confident match, whether or not
    // it made the list, and the copper offer is.
    const scores = body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const confident = body.items.filter((i: { confident: boolean }) => i.confident).map((i: { id: number }) => i.id);
    expect(confident).toContain(copperId);
    expect(confident).not.toContain(otherId);

    // Retiring the offer removes it from matches immediately.
    const tmp = (await admin.post('/api/offers', { ...COPPER_OFFER, title: '铜箔表面处理备用成果', organization_id: orgX })).json();
    await admin.post(`/api/offers/${tmp.id}/status`, { action: 'submit' });
    await admin.post(`/api/offers/${tmp.id}/status`, { action: 'publish' });
    expect((await orgUser.get(`/api/demands/${demandId}/matches`)).json().items.map((i: { id: number }) => i.id)).toContain(tmp.id);
    const current = (await admin.get(`/api/offers/${tmp.id}`)).json();
    expect((await admin.post(`/api/offers/${tmp.id}/retire`, { version: current.version })).statusCode).toBe(200);
    expect((await orgUser.get(`/api/demands/${demandId}/matches`)).json().items.map((i: { id: number }) => i.id)).not.toContain(tmp.id);
  });

  it('lets admins pair zones, and matching explains a match from a paired zone as "same partner zone"', async () => {
    const PARTNER = '同一或结对园区 / same partner zone';
    const db = t.testDb.db;
    const demandZone = Number((await db.query<{ zone_id: number }>('select zone_id from tech_demands where id = $1', [demandId]))[0]!.zone_id);
    const offerZone = Number((await db.query<{ zone_id: number }>('select zone_id from tech_offers where id = $1', [copperId]))[0]!.zone_id);
    expect(demandZone).not.toBe(offerZone);
    const whyOfCopper = async () => (await orgUser.get(`/api/demands/${demandId}/matches?limit=5`)).json().items.find((i: { id: number }) => i.id === copperId).why as string[];
    expect(await whyOfCopper()).not.toContain(PARTNER);

    const pair = { zone_id: demandZone, partner_zone_id: offerZone, note: '测试结对' };
    expect((await operator.post('/api/transfer/zone-partners', pair)).statusCode).toBe(403);
    expect((await orgUser.get('/api/transfer/zone-partners')).statusCode).toBe(403);
    expect((await admin.post('/api/transfer/zone-partners', { ...pair, partner_zone_id: demandZone })).json().errors[0].field).toBe('partner_zone_id');
    const created = await admin.post('/api/transfer/zone-partners', pair);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ zone_id: demandZone, partner_zone_id: offerZone, note: '测试结对' });
    // The same pair in the other order is the same pair.
    expect((await admin.post('/api/transfer/zone-partners', { zone_id: offerZone, partner_zone_id: demandZone })).statusCode).toBe(409);
    const listed = (await admin.get('/api/transfer/zone-partners')).json().items as { zone_id: number; partner_zone_id: number }[];
    expect(listed.some((p) => p.zone_id === demandZone && p.partner_zone_id === offerZone)).toBe(true);
    expect(await whyOfCopper()).toContain(PARTNER);

    expect((await admin.request({ method: 'DELETE', url: `/api/transfer/zone-partners/${offerZone}/${demandZone}` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'DELETE', url: `/api/transfer/zone-partners/${offerZone}/${demandZone}` })).statusCode).toBe(404);
    expect(await whyOfCopper()).not.toContain(PARTNER);
  });

  it('matches registered experts for a demand, across scripts, and drops them when they leave the expert pool', async () => {
    const zone = (await admin.get(`/api/organizations/${orgX}`)).json().zone_id;
    // Written in Traditional Chinese; the demand is Simplified.
    const expert = await admin.post('/api/people', {
      name_zh: '銅箔專家甲', zone_id: zone, organization_id: orgX, title: '研究員', title_en: 'Research Fellow',
      fields: ['新材料', '電解銅箔'], is_expert: true, bio: '長期從事5G高頻高速電路用超低輪廓電解銅箔、反轉處理銅箔表面處理工藝研究。',
    });
    expect(expert.statusCode).toBe(201);
    const bystander = await admin.post('/api/people', { name_zh: '畜牧专家乙', zone_id: zone, fields: ['资源与环境'], is_expert: true, bio: '畜禽粪污资源化利用。' });
    expect(bystander.statusCode).toBe(201);
    const notExpert = await admin.post('/api/people', { name_zh: '铜箔工程师丙', zone_id: zone, fields: ['电解铜箔'], is_expert: false, bio: '超低轮廓电解铜箔' });
    expect(notExpert.statusCode).toBe(201);

    const body = (await orgUser.get(`/api/demands/${demandId}/matches?limit=5`)).json();
    // Among the demo experts (one per technology of the evaluation set), ours is listed, with the reason.
    const mine = body.experts.find((e: { id: number }) => e.id === expert.json().id);
    expect(mine).toMatchObject({ name: { zh: '銅箔專家甲' }, title: '研究員', title_en: 'Research Fellow', organization: { id: orgX } });
    // Shared terms are words as written, never single characters or English stems (issue 12).
    for (const line of mine.why.filter((w: string) => w.startsWith('共同关键词'))) {
      for (const term of line.replace(/^[^:]*: /, '').split(', ')) expect(term, term).toMatch(/^([\u3400-\u9fff]{2,}|[^\u3400-\u9fff]+)$/);
    }
    expect(mine.why.join(' ')).toMatch(/铜箔|copper foil/i);
    expect(body.experts.map((e: { id: number }) => e.id)).not.toContain(notExpert.json().id);
    const bystanderMatch = body.experts.find((e: { id: number }) => e.id === bystander.json().id);
    if (bystanderMatch) expect(bystanderMatch.score).toBeLessThan(mine.score);

    // Taken off the expert pool in the registry: gone from the next match.
    const current = (await admin.get(`/api/people/${expert.json().id}`)).json();
    expect((await admin.patch(`/api/people/${expert.json().id}`, { is_expert: false, version: current.version })).statusCode).toBe(200);
    const after = (await orgUser.get(`/api/demands/${demandId}/matches?limit=5`)).json();
    expect(after.experts.map((e: { id: number }) => e.id)).not.toContain(expert.json().id);
    // An offer's reverse match lists no experts.
    expect((await admin.get(`/api/offers/${copperId}/matches`)).json().experts).toEqual([]);
  });

  it('syndicates listings: demands and offers exported as JSON import unchanged into another platform', async () => {
    // The XLSX download carries the listing itself, cell by cell, under the exchange columns.
    const xlsx = await admin.get(`/api/exports/demands?format=xlsx&q=${encodeURIComponent(GOOD_DEMAND.title)}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['code', 'title', 'organization_id', 'hightech_field', 'ipc_code', 'budget_min', 'budget_max', 'deadline', 'cooperation_modes', 'status']));
    const listing = (await admin.get(`/api/demands/${demandId}`)).json();
    const line = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(header.indexOf('code') + 1).value === listing.code)!;
    expect(line).toBeDefined();
    const cell = (key: string) => line.getCell(header.indexOf(key) + 1).value;
    const orgCode = (await admin.get(`/api/organizations/${orgU}`)).json().code;
    expect([cell('title'), cell('organization_id'), cell('hightech_field'), cell('ipc_code'), cell('deadline')]).toEqual([GOOD_DEMAND.title, orgCode, 'new_materials', 'C25D', future]);
    expect([Number(cell('budget_min')), Number(cell('budget_max'))]).toEqual([100, 500]);
    expect(String(cell('cooperation_modes'))).toMatch(/^\[?"?transfer"?[;,]\s*"?joint_rd"?\]?$/);

    for (const entity of ['demands', 'offers'] as const) {
      const exported = await admin.get(`/api/exports/${entity}?format=json&q=${encodeURIComponent('铜箔')}`);
      expect(exported.statusCode).toBe(200);
      const rows = JSON.parse(exported.body) as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      // Another platform's listings: its own codes, the same organisations (by credit code / code).
      const theirs = rows.map((r) => ({ ...r, code: `PROV-${String(r.code)}` }));
      const res = await admin.request({ method: 'POST', url: `/api/imports/${entity}?mode=commit`, ...multipart(`${entity}.json`, JSON.stringify(theirs)) });
      expect(res.statusCode, res.body).toBe(202);
      await t.jobs.drain();
      const job = (await admin.get(`/api/jobs/${res.json().job.id}`)).json();
      expect(job.status, JSON.stringify(job)).toBe('succeeded');
      expect(job.result.inserted).toBe(rows.length);
      const imported = (await admin.get(`/api/${entity}?q=${encodeURIComponent('铜箔')}&limit=100`)).json().items.filter((i: { code: string }) => i.code.startsWith('PROV-'));
      expect(imported.map((i: { title: string }) => i.title).sort()).toEqual(rows.map((r) => r.title).sort());
    }

    // An organisation's own file cannot skip the review: no published status, no public flag; every bad row named.
    const own = [
      { code: 'OWN-1', title: '自有需求一', organization_id: (await admin.get(`/api/organizations/${orgU}`)).json().code, status: 'published' },
      { code: 'OWN-2', title: '自有需求二', organization_id: (await admin.get(`/api/organizations/${orgU}`)).json().code, published: true },
      { code: 'OWN-3', title: '自有需求三', organization_id: (await admin.get(`/api/organizations/${orgU}`)).json().code, budget_min: 500, budget_max: 100 },
    ];
    const report = (await orgUser.request({ method: 'POST', url: '/api/imports/demands?mode=validate', ...multipart('own.json', JSON.stringify(own)) })).json();
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([[1, 'status'], [2, 'published'], [3, 'budget_max']]);
    const refused = await orgUser.request({ method: 'POST', url: '/api/imports/demands?mode=commit', ...multipart('own.json', JSON.stringify(own)) });
    expect(refused.statusCode).toBe(400);
    expect((await admin.get('/api/demands?q=OWN')).json().items.filter((i: { code: string }) => i.code.startsWith('OWN-'))).toEqual([]);
  });

  it('logs the status changes an import makes in the item\'s history, once per change', async () => {
    const org = (await admin.get(`/api/organizations/${orgL}`)).json().code;
    const importDemand = async (status: string) => {
      const file = JSON.stringify([{ code: 'PROV-HIST-1', title: '省平台需求：耐寒光纤拉制工艺', organization_id: org, status }]);
      const res = await operator.request({ method: 'POST', url: '/api/imports/demands?mode=commit', ...multipart('provincial.json', file) });
      expect(res.statusCode, res.body).toBe(202);
      await t.jobs.drain();
      expect((await operator.get(`/api/jobs/${res.json().job.id}`)).json().status).toBe('succeeded');
    };
    await importDemand('published');
    await importDemand('published'); // the same file again: nothing changed, nothing logged
    await importDemand('closed');
    const id = (await operator.get('/api/demands?q=PROV-HIST-1')).json().items.find((i: { code: string }) => i.code === 'PROV-HIST-1').id;
    const history = (await operator.get(`/api/demands/${id}/status-history`)).json().items;
    expect(history.map((h: { from_status: string | null; to_status: string; via: string; username: string }) => [h.from_status, h.to_status, h.via, h.username]))
      .toEqual([[null, 'published', 'import', 'operator'], ['published', 'closed', 'import', 'operator']]);
  });

  it('says so when nothing matches, with a suggestion to broaden', async () => {
    const d = (await admin.post('/api/demands', { title: 'Xylophone tuning for zebras', description: 'qwertyuiop zxcvbnm', organization_id: orgL, lang: 'en' })).json();
    const body = (await admin.get(`/api/demands/${d.id}/matches`)).json();
    expect(body.noMatch || body.noConfidentMatch).toBe(true);
    expect(body.message.en).toMatch(/broaden|leads only/);
  });

  it('gates publication on quality: suggestions, broker override with a note, send back with a note', async () => {
    const weak = (await orgUser.post('/api/demands', { title: '需要铜箔技术', description: '想要更好的铜箔。', organization_id: orgU })).json();
    const q = (await orgUser.get(`/api/demands/${weak.id}/quality`)).json();
    expect(q.passes).toBe(false);
    expect(q.suggestions.map((s: { field: string }) => s.field)).toEqual(expect.arrayContaining(['target_indicators', 'acceptance_criteria', 'budget', 'decision_owner', 'description']));
    expect(q.suggestions[0].zh).toBeTruthy();
    expect((await orgUser.post(`/api/demands/${weak.id}/status`, { action: 'submit' })).statusCode).toBe(200);
    expect((await orgUser.post(`/api/demands/${weak.id}/status`, { action: 'publish' })).statusCode).toBe(403);
    const below = await admin.post(`/api/demands/${weak.id}/status`, { action: 'publish' });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors[0].field).toBe('quality');
    expect((await admin.post(`/api/demands/${weak.id}/status`, { action: 'publish', override: true })).statusCode).toBe(400);
    expect((await admin.post(`/api/demands/${weak.id}/status`, { action: 'send_back' })).statusCode).toBe(400);
    const back = await admin.post(`/api/demands/${weak.id}/status`, { action: 'send_back', note: '请补充量化指标和预算' });
    expect(back.json().status).toBe('sent_back');
    await orgUser.post(`/api/demands/${weak.id}/status`, { action: 'submit' });
    const forced = await admin.post(`/api/demands/${weak.id}/status`, { action: 'publish', override: true, note: '政府重点需求，先行发布' });
    expect(forced.statusCode).toBe(200);
    const history = (await orgUser.get(`/api/demands/${weak.id}/status-history`)).json().items;
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(['submitted', 'sent_back', 'submitted', 'published']);
    expect(history[3].override).toBe(true);

    // Offers meet the same gate, with the same broker override.
    const thin = (await admin.post('/api/offers', { title: '铜箔', summary: '一种铜箔。', organization_id: orgL })).json();
    expect((await admin.post(`/api/offers/${thin.id}/status`, { action: 'submit' })).statusCode).toBe(200);
    const thinBelow = await admin.post(`/api/offers/${thin.id}/status`, { action: 'publish' });
    expect(thinBelow.statusCode).toBe(400);
    expect(thinBelow.json().errors[0].field).toBe('quality');
    expect((await admin.post(`/api/offers/${thin.id}/status`, { action: 'publish', override: true })).json().errors[0].field).toBe('note');
    expect((await admin.post(`/api/offers/${thin.id}/status`, { action: 'publish', override: true, note: '中试成果，先行发布' })).statusCode).toBe(200);
    const offerHistory = (await admin.get(`/api/offers/${thin.id}/status-history`)).json().items;
    expect(offerHistory.at(-1)).toMatchObject({ to_status: 'published', override: true, note: '中试成果，先行发布' });
    expect((await admin.post(`/api/offers/${thin.id}/status`, { action: 'close' })).statusCode).toBe(200);

    // The good demand passes the gate.
    await orgUser.post(`/api/demands/${demandId}/status`, { action: 'submit' });
    await admin.post(`/api/demands/${demandId}/status`, { action: 'screen' });
    const ok = await admin.post(`/api/demands/${demandId}/status`, { action: 'publish' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().quality.passes).toBe(true);
    // Generic PATCH cannot change the status.
    const cur = (await admin.get(`/api/demands/${demandId}`)).json();
    expect((await admin.patch(`/api/demands/${demandId}`, { version: cur.version, status: 'closed' })).statusCode).toBe(400);
  });

  it('keeps brokers-only demands and withheld fields out of results, views and explanations', async () => {
    const secret = (await admin.post('/api/demands', { ...GOOD_DEMAND, title: '保密：铜箔抗拉强度提升', confidentiality: 'brokers_only', organization_id: orgL })).json();
    await admin.post(`/api/demands/${secret.id}/status`, { action: 'submit' });
    await admin.post(`/api/demands/${secret.id}/status`, { action: 'publish' });
    // An NDA-tier description on a public demand: matched on, never explained or shown before the NDA.
    const nda = (await admin.post('/api/demands', { ...GOOD_DEMAND, title: '电池集流体材料需求', description: `${GOOD_DEMAND.description}暗号钯钌合金`, organization_id: orgL })).json();
    expect((await admin.request({ method: 'PUT', url: `/api/demands/${nda.id}/disclosure`, payload: { version: (await admin.get(`/api/demands/${nda.id}`)).json().version, tiers: { description: 'nda', problem: 'nda', target_indicators: 'nda', acceptance_criteria: 'nda', budget_max: 'signed_in' } } })).statusCode).toBe(200);
    await admin.post(`/api/demands/${nda.id}/status`, { action: 'submit' });
    await admin.post(`/api/demands/${nda.id}/status`, { action: 'publish' });
    // The org user's own offer looks for demands.
    const mine = (await orgUser.post('/api/offers', { ...COPPER_OFFER, summary: `${COPPER_OFFER.summary}钯钌合金`, organization_id: orgU })).json();
    const forUser = (await orgUser.get(`/api/offers/${mine.id}/matches?limit=50`)).json().items;
    const ids = forUser.map((i: { id: number }) => i.id);
    expect(ids).not.toContain(secret.id);
    expect(JSON.stringify(forUser)).not.toContain('保密');
    const ndaHit = forUser.find((i: { id: number }) => i.id === nda.id);
    expect(ndaHit).toBeTruthy();
    expect(ndaHit.why.join(' ')).not.toMatch(/钯|钌|暗号/);
    expect(ndaHit.signals).toBeUndefined();
    const forAdmin = (await admin.get(`/api/offers/${mine.id}/matches?limit=50`)).json().items.map((i: { id: number }) => i.id);
    expect(forAdmin).toContain(secret.id);
    // Public listing and view.
    expect((await anon.get(`/api/transfer/demands/${secret.id}`)).statusCode).toBe(404);
    expect((await anon.get('/api/transfer/demands?limit=200')).json().items.map((i: { id: number }) => i.id)).not.toContain(secret.id);
    const anonView = (await anon.get(`/api/transfer/demands/${nda.id}`)).json();
    expect(anonView.description).toBeNull();
    expect(anonView.budget_max).toBeNull();
    expect(anonView.nda.en).toMatch(/confidential/);
    const userView = (await orgUser.get(`/api/transfer/demands/${nda.id}`)).json();
    expect(userView.budget_max).not.toBeNull();
    expect(userView.description).toBeNull();
    expect((await anon.post(`/api/transfer/demands/${nda.id}/nda`, { accept: true })).statusCode).toBe(401);
    expect((await orgUser.post(`/api/transfer/demands/${nda.id}/nda`, { accept: true })).statusCode).toBe(200);
    expect((await orgUser.get(`/api/transfer/demands/${nda.id}`)).json().description).toContain('钯钌');
    const log = (await admin.get(`/api/demands/${nda.id}/disclosure`)).json();
    expect(log.reveals[0].username).toBe('orguser');
    expect(log.reveals[0].fields).toContain('description');
    // Anonymous offers hide their organisation from others.
    const anonOffer = (await admin.post('/api/offers', { ...OTHER_OFFER, anonymous: true, organization_id: orgX })).json();
    await admin.post(`/api/offers/${anonOffer.id}/status`, { action: 'submit' });
    await admin.post(`/api/offers/${anonOffer.id}/status`, { action: 'publish' });
    expect((await anon.get(`/api/transfer/offers/${anonOffer.id}`)).json().organization_id).toBeNull();
    expect((await admin.get(`/api/transfer/offers/${anonOffer.id}`)).json().organization_id).toBe(orgX);
  });

  it('lists published items publicly: no brokers-only demands, names only where the tier allows, NDA reveal logged', async () => {
    const pub = (await admin.post('/api/demands', { ...GOOD_DEMAND, title: '公开列表测试需求', organization_id: orgL })).json();
    const hidden = (await admin.post('/api/demands', { ...GOOD_DEMAND, title: '公开列表保密需求', confidentiality: 'brokers_only', organization_id: orgL })).json();
    const draft = (await admin.post('/api/demands', { ...GOOD_DEMAND, title: '公开列表草稿需求', organization_id: orgL })).json();
    for (const d of [pub, hidden]) {
      await admin.post(`/api/demands/${d.id}/status`, { action: 'submit' });
      expect((await admin.post(`/api/demands/${d.id}/status`, { action: 'publish' })).statusCode).toBe(200);
    }
    // The owner hides the organisation behind the NDA: an anonymous listing.
    const tiers = await admin.request({ method: 'PUT', url: `/api/demands/${pub.id}/disclosure`, payload: { version: (await admin.get(`/api/demands/${pub.id}`)).json().version, tiers: { organization_id: 'nda', budget_max: 'signed_in' } } });
    expect(tiers.statusCode).toBe(200);
    expect(tiers.json().tiers.organization_id).toBe('nda');
    const list = await anon.get('/api/transfer/demands?q=公开列表&limit=200');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { id: number }) => i.id);
    expect(ids).toContain(pub.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(draft.id);
    expect(list.json().total).toBe(1);
    const listed = list.json().items.find((i: { id: number }) => i.id === pub.id);
    expect(listed.organization).toBeNull();
    expect(listed.organization_id).toBeNull();
    expect(listed.zone.name_zh).toBeTruthy();
    expect(listed.budget_max).toBeNull();
    expect(listed.withheld).toEqual(expect.arrayContaining([{ field: 'organization_id', tier: 'nda' }, { field: 'budget_max', tier: 'signed_in' }]));
    expect(listed.disclosure).toBeUndefined();
    expect(JSON.stringify(list.json())).not.toContain('公开列表保密需求');
    // The org user reveals the organisation by accepting the NDA; the reveal is logged for the owner side.
    expect((await orgUser.get(`/api/transfer/demands/${pub.id}`)).json().organization).toBeNull();
    await orgUser.post(`/api/transfer/demands/${pub.id}/nda`, { accept: true });
    const revealed = (await orgUser.get(`/api/transfer/demands/${pub.id}`)).json();
    expect(revealed.organization.id).toBe(orgL);
    expect(revealed.nda).toBeNull();
    const log = (await operator.get(`/api/demands/${pub.id}/disclosure`)).json();
    expect(log.tierable).toContain('organization_id');
    expect(log.reveals.some((r: { username: string; fields: string[] }) => r.username === 'orguser' && r.fields.includes('organization_id'))).toBe(true);
    expect((await orgUser.get(`/api/demands/${pub.id}/disclosure`)).statusCode).toBe(404);
    expect((await anon.get(`/api/transfer/demands/${draft.id}`)).statusCode).toBe(404);
    // Brokers see names in the listing; offers list the same way.
    const forBroker = (await admin.get('/api/transfer/demands?q=公开列表')).json().items.find((i: { id: number }) => i.id === pub.id);
    expect(forBroker.organization.id).toBe(orgL);
    const offers = (await anon.get('/api/transfer/offers?limit=200')).json();
    expect(offers.items.length).toBeGreaterThan(0);
    expect(offers.items.every((o: { status: string }) => o.status === 'published')).toBe(true);
  });

  it('stores declined matches, shows them to brokers and lowers the declined party by reason: a wrong field only in that field', async () => {
    // A second offer of the same organisation about the same technology, in another field.
    const sibling = (await admin.post('/api/offers', { ...COPPER_OFFER, title: '铜箔在电子封装中的应用', hightech_field: 'electronic_information', organization_id: orgX })).json();
    await admin.post(`/api/offers/${sibling.id}/status`, { action: 'submit' });
    expect((await admin.post(`/api/offers/${sibling.id}/status`, { action: 'publish' })).statusCode).toBe(200);
    const scoreOf = async (id: number) => (await orgUser.get(`/api/demands/${demandId}/matches?limit=20`)).json().items.find((i: { id: number }) => i.id === id);
    const before = { copper: (await scoreOf(copperId)).score, sibling: (await scoreOf(sibling.id)).score };
    expect((await orgUser.post(`/api/demands/${demandId}/matches/${copperId}/decline`, { reason: 'bogus' })).statusCode).toBe(400);
    expect((await orgUser.post(`/api/demands/${demandId}/matches/${copperId}/decline`, { reason: 'other' })).statusCode).toBe(400);
    // Too expensive, for an offer within the demand's budget (300 ≤ 500): nothing over budget, so nothing moves.
    expect((await orgUser.post(`/api/demands/${demandId}/matches/${copperId}/decline`, { reason: 'too_expensive', note: '超出预算' })).statusCode).toBe(201);
    expect((await scoreOf(copperId)).score).toBe(before.copper);
    expect((await orgUser.post(`/api/demands/${demandId}/matches/${copperId}/decline`, { reason: 'wrong_field', note: '领域不符' })).statusCode).toBe(201);
    const after = await scoreOf(copperId);
    expect(after.score).toBeLessThan(before.copper);
    expect(after.declined.reason).toBe('wrong_field');
    // The same organisation's offer in another field keeps its score.
    expect((await scoreOf(sibling.id)).score).toBe(before.sibling);
    expect((await orgUser.get('/api/transfer/feedback')).statusCode).toBe(403);
    const fb = (await admin.get('/api/transfer/feedback')).json().items;
    expect(fb.filter((f: { query_id: number }) => f.query_id === demandId).map((f: { reason: string }) => f.reason).sort()).toEqual(['too_expensive', 'wrong_field']);
    const version = (await admin.get(`/api/offers/${sibling.id}`)).json().version;
    expect((await admin.post(`/api/offers/${sibling.id}/retire`, { version })).statusCode).toBe(200);
  });

  it('lets brokers tune weights per zone, inside their scope only', async () => {
    const zones = await t.testDb.db.query<{ id: number; code: string }>(`select id, code from zones where code in ('LZNA', 'ZJ')`);
    const lz = zones.find((z) => z.code === 'LZNA')!.id;
    const zj = zones.find((z) => z.code === 'ZJ')!.id;
    expect((await operator.request({ method: 'PUT', url: `/api/zones/${lz}/match-weights`, payload: { field: 0.2 } })).json().weights.field).toBe(0.2);
    expect((await operator.request({ method: 'PUT', url: `/api/zones/${zj}/match-weights`, payload: { field: 0.2 } })).statusCode).toBe(403);
    expect((await orgUser.request({ method: 'PUT', url: `/api/zones/${lz}/match-weights`, payload: { field: 0.2 } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: `/api/zones/${lz}/match-weights`, payload: { nonsense: 1 } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: `/api/zones/${lz}/match-weights`, payload: { text: -1 } })).statusCode).toBe(400);
    expect((await anon.get(`/api/zones/${zj}/match-weights`)).json().fromZone).toBeNull();
  });

  it('runs a brokerage case through its stages, rejecting invalid moves; parties see only their own cases', async () => {
    expect((await orgUser.post('/api/transfer/cases', { demand_id: demandId, offer_id: copperId })).statusCode).toBe(403);
    const opened = await admin.post('/api/transfer/cases', { demand_id: demandId, offer_id: copperId, note: '首次对接' });
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c.stage).toBe('introduced');
    expect((await admin.post('/api/transfer/cases', { demand_id: demandId, offer_id: copperId })).statusCode).toBe(409);
    const skip = await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'registered', registration_no: 'X' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().detail).toMatch(/negotiating/);
    expect((await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'negotiating' })).statusCode).toBe(200);
    const noAmount = await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'contract_signed', contract_type: 'transfer', contract_date: '2025-01-02' });
    expect(noAmount.json().errors[0].field).toBe('contract_amount');
    expect((await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'contract_signed', contract_type: 'transfer', contract_amount: 280, contract_date: new Date().toISOString().slice(0, 10) })).statusCode).toBe(200);
    expect((await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'registered' })).json().errors[0].field).toBe('registration_no');
    expect((await admin.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'registered', registration_no: '62010120250001' })).statusCode).toBe(200);
    expect((await admin.post(`/api/transfer/cases/${c.id}/notes`, { note: '已完成登记' })).statusCode).toBe(201);
    const got = (await orgUser.get(`/api/transfer/cases/${c.id}`)).json();
    expect(got.stages.map((s: { stage: string }) => s.stage)).toEqual(['introduced', 'negotiating', 'contract_signed', 'registered']);
    expect(got.stages[0].left_at).not.toBeNull();
    expect(got.contract_amount).toBe(280);
    expect((await orgUser.post(`/api/transfer/cases/${c.id}/stage`, { stage: 'implementing' })).statusCode).toBe(403);

    // A case the org user is no party to stays invisible.
    const otherDemand = (await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgL })).json();
    const foreign = (await admin.post('/api/transfer/cases', { demand_id: otherDemand.id, offer_id: otherId })).json();
    expect((await orgUser.get(`/api/transfer/cases/${foreign.id}`)).statusCode).toBe(404);
    expect((await orgUser.get('/api/transfer/cases')).json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    expect((await admin.post(`/api/transfer/cases/${foreign.id}/stage`, { stage: 'failed' })).json().errors[0].field).toBe('failure_reason');
    expect((await admin.post(`/api/transfer/cases/${foreign.id}/stage`, { stage: 'failed', failure_reason: '需求方预算取消' })).statusCode).toBe(200);
    expect((await admin.post(`/api/transfer/cases/${foreign.id}/stage`, { stage: 'negotiating' })).statusCode).toBe(400);
  });

  it('counts brokers and agencies as actors: who runs a case, open cases, success rate and turnover in fen', async () => {
    const db = t.testDb.db;
    const userId = async (name: string) => Number((await db.query<{ id: number }>('select id from users where username = $1', [name]))[0]!.id);
    const [adminId, operatorId, orgUserId] = [await userId('admin'), await userId('operator'), await userId('orguser')];
    const cases = (await admin.get('/api/transfer/cases')).json().items as { id: number; demand_id: number; offer_id: number; zone_id: number; stage: string }[];
    const c = cases.find((x) => x.demand_id === demandId && x.offer_id === copperId)!;
    const foreign = cases.find((x) => x.stage === 'failed')!;
    expect((await anon.get('/api/transfer/brokers')).statusCode).toBe(401);
    expect((await orgUser.get('/api/transfer/brokers')).statusCode).toBe(403);
    // Whoever opened a case runs it until someone else is named.
    const before = (await admin.get('/api/transfer/brokers')).json();
    expect(before.brokers.find((b: { user_id: number }) => b.user_id === adminId)).toMatchObject({ cases: 2, open: 1, signed: 1, ended: 1, successful: 0, success_rate: 0, turnover_fen: 280_000_000 });

    const agency = Number((await db.query<{ id: number }>(`insert into organizations (code, zone_id, kind, name_zh, name_en, published) values ('TT-CENTRE-1', $1, 'service_agency', '兰州技术转移中心', 'Lanzhou Technology Transfer Centre', true) returning id`, [c.zone_id]))[0]!.id);
    expect((await orgUser.post(`/api/transfer/cases/${c.id}/broker`, { agency_id: agency })).statusCode).toBe(404);
    expect((await admin.post(`/api/transfer/cases/${c.id}/broker`, { broker_user_id: orgUserId })).json().errors[0].field).toBe('broker_user_id');
    expect((await admin.post(`/api/transfer/cases/${c.id}/broker`, { agency_id: orgU })).json().errors[0].field).toBe('agency_id');
    const assigned = await admin.post(`/api/transfer/cases/${c.id}/broker`, { agency_id: agency });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ broker_user_id: adminId, agency_id: agency, agency_name_zh: '兰州技术转移中心' });
    expect((await admin.post(`/api/transfer/cases/${foreign.id}/broker`, { broker_user_id: operatorId })).json().broker_name).toBeTruthy();

    const after = (await admin.get('/api/transfer/brokers')).json();
    const byUser = new Map(after.brokers.map((b: { user_id: number }) => [b.user_id, b]));
    expect(byUser.get(adminId)).toMatchObject({ cases: 1, open: 1, signed: 1, ended: 0, success_rate: null, turnover_fen: 280_000_000 });
    expect(byUser.get(operatorId)).toMatchObject({ cases: 1, open: 0, signed: 0, ended: 1, successful: 0, success_rate: 0, turnover_fen: 0 });
    expect(after.agencies).toEqual([expect.objectContaining({ organization_id: agency, name_en: 'Lanzhou Technology Transfer Centre', cases: 1, open: 1, signed: 1, turnover_fen: 280_000_000 })]);
  });

  it('gives the evaluation module the ends of the funnel as indicators: demands, contracts, turnover, conversion', async () => {
    const c = (await admin.get('/api/transfer/cases')).json().items.find((x: { demand_id: number; offer_id: number }) => x.demand_id === demandId && x.offer_id === copperId);
    const year = new Date().getFullYear();
    const codes = 'transfer_demands_collected,transfer_contracts_signed,transfer_contract_turnover,transfer_demand_conversion';
    const computed = await admin.post('/api/indicator-values/compute', { zones: [c.zone_id], years: year, indicators: codes.split(',') });
    expect(computed.statusCode, computed.body).toBe(200);
    const values = (await admin.get(`/api/indicator-values?zone=${c.zone_id}&from=${year}&to=${year}&indicator=${codes}`)).json().items as
      { indicator_code?: string; code?: string; value: number | null; provenance: { inputs: Record<string, number> } }[];
    const byCode = new Map(values.map((v) => [v.indicator_code ?? v.code, v]));
    // The zone's demands of this year, counted straight from the table, against the indicators.
    const zones = (await t.testDb.db.query<{ id: number }>(`with recursive sub(id) as (select $1::int8 union all select z.id from zones z join sub on z.parent_id = sub.id) select id from sub`, [c.zone_id])).map((r) => Number(r.id));
    const demands = Number((await t.testDb.db.query<{ n: number }>(
      `select count(*)::int as n from tech_demands where retired_at is null and zone_id = any($1::int8[]) and extract(year from created_at) = $2`, [zones, year]))[0]!.n);
    const signed = await t.testDb.db.query<{ amount: number }>(
      `select contract_amount::float8 as amount from transfer_cases where zone_id = any($1::int8[]) and extract(year from contract_date) = $2`, [zones, year]);
    expect(signed.length).toBeGreaterThan(0);
    expect(byCode.get('transfer_demands_collected')?.value).toBe(demands);
    expect(byCode.get('transfer_contracts_signed')?.value).toBe(signed.length);
    expect(byCode.get('transfer_contract_turnover')?.value).toBe(signed.reduce((a, r) => a + Number(r.amount), 0));
    const conversion = byCode.get('transfer_demand_conversion')!;
    expect(conversion.provenance.inputs.denominator).toBe(demands);
    expect(conversion.value).toBeCloseTo((conversion.provenance.inputs.numerator! / demands) * 100, 6);
  });

  it('keeps documents on a case: parties and brokers add and download them, bad files are refused, removal is limited', async () => {
    const c = (await admin.get('/api/transfer/cases')).json().items.find((x: { demand_id: number; offer_id: number }) => x.demand_id === demandId && x.offer_id === copperId);
    const pdf = Buffer.from('%PDF-1.4\n% 技术转让合同扫描件\n%%EOF\n');
    const upload = (client: Client, name: string, content: string | Uint8Array) =>
      client.request({ method: 'POST', url: `/api/transfer/cases/${c.id}/files`, ...multipart(name, content) });

    const added = await upload(orgUser, '技术转让合同.pdf', pdf);
    expect(added.statusCode).toBe(201);
    const file = added.json().files[0];
    expect(file).toMatchObject({ filename: '技术转让合同.pdf', media_type: 'application/pdf', size_bytes: pdf.length, username: 'orguser' });
    const download = await admin.get(`/api/transfer/cases/${c.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('技术转让合同.pdf')}`);
    expect((await anon.get(`/api/transfer/cases/${c.id}/files/${file.id}`)).statusCode).toBe(401);

    // Refused with the field and the reason, nothing stored.
    const refused = async (name: string, content: string | Uint8Array) => {
      const res = await upload(admin, name, content);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('file');
      return res.json().errors[0].message as string;
    };
    expect(await refused('setup.exe', 'MZ')).toMatch(/pdf/);
    expect(await refused('empty.pdf', '')).toMatch(/empty/);
    expect(await refused('huge.pdf', new Uint8Array(21 * 1024 * 1024))).toMatch(/20 MB/);
    expect((await admin.get(`/api/transfer/cases/${c.id}`)).json().files).toHaveLength(1);

    // The org user did not upload the admin's file and is no broker; the admin (a broker) may remove any.
    const minutes = (await upload(admin, 'minutes.docx', 'PK minutes')).json().files.find((f: { filename: string }) => f.filename === 'minutes.docx');
    expect((await orgUser.request({ method: 'DELETE', url: `/api/transfer/cases/${c.id}/files/${minutes.id}` })).statusCode).toBe(403);
    expect((await orgUser.request({ method: 'DELETE', url: `/api/transfer/cases/${c.id}/files/${file.id}` })).statusCode).toBe(200);
    const left = await admin.request({ method: 'DELETE', url: `/api/transfer/cases/${c.id}/files/${minutes.id}` });
    expect(left.json().files).toEqual([]);
    expect((await admin.get(`/api/transfer/cases/${c.id}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('runs an innovation challenge from demands to scored proposals to a paired case', async () => {
    const lz = (await t.testDb.db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id;
    const ch = (await operator.post('/api/transfer/challenges', { zone_id: lz, title: '兰州新区新材料揭榜挂帅', opens_on: '2026-01-01', closes_on: '2026-12-31' })).json();
    const dem = (await operator.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgL })).json();
    expect((await operator.post(`/api/transfer/challenges/${ch.id}/demands`, { demand_id: dem.id })).statusCode).toBe(200);
    // While it is prepared (open, screening) the challenge is for its zone's brokers only.
    const listed = async (c: Client) => ((await c.get('/api/transfer/challenges')).json().items as { id: number }[]).some((x) => x.id === ch.id);
    expect(await listed(anon)).toBe(false);
    expect(await listed(orgUser)).toBe(false);
    expect(await listed(operator)).toBe(true);
    expect((await anon.get(`/api/transfer/challenges/${ch.id}`)).statusCode).toBe(404);
    expect((await orgUser.get(`/api/transfer/challenges/${ch.id}`)).statusCode).toBe(404);
    expect((await orgUser.post(`/api/transfer/challenges/${ch.id}/proposals`, { demand_id: dem.id, text: '方案' })).statusCode).toBe(400);
    expect((await operator.post(`/api/transfer/challenges/${ch.id}/status`, { status: 'published' })).statusCode).toBe(400);
    await operator.post(`/api/transfer/challenges/${ch.id}/status`, { status: 'screening' });
    await operator.post(`/api/transfer/challenges/${ch.id}/status`, { status: 'published' });
    expect(await listed(anon)).toBe(true);
    const p = await orgUser.post(`/api/transfer/challenges/${ch.id}/proposals`, { demand_id: dem.id, text: '采用脉冲电沉积与在线退火工艺，抗拉强度可达 450 MPa。' });
    expect(p.statusCode).toBe(201);
    await operator.post(`/api/transfer/challenges/${ch.id}/status`, { status: 'scoring' });
    expect((await operator.post(`/api/transfer/proposals/${p.json().id}/scores`, { score: 101 })).statusCode).toBe(400);
    await operator.post(`/api/transfer/proposals/${p.json().id}/scores`, { score: 80, comment: '可行' });
    const s = (await admin.post(`/api/transfer/proposals/${p.json().id}/scores`, { score: 91 })).json();
    expect(s.average).toBe(85.5);
    const paired = await operator.post(`/api/transfer/proposals/${p.json().id}/pair`);
    expect(paired.statusCode).toBe(201);
    expect(paired.json().challenge_id).toBe(ch.id);
    const panel = (await operator.get(`/api/transfer/challenges/${ch.id}`)).json().proposals[0];
    expect(panel.my_score).toEqual({ score: 80, comment: '可行' });
    expect(panel.organization.id).toBe(orgU);
    expect(panel.organization.name_zh).toBeTruthy();
    const full = (await orgUser.get(`/api/transfer/challenges/${ch.id}`)).json();
    expect(full.proposals[0].case_id).toBe(paired.json().id);
    expect((await orgUser.get('/api/transfer/cases')).json().items.map((x: { id: number }) => x.id)).toContain(paired.json().id);

    // Prize money and agreements, in integer fen: the pairing's contract plus what the organiser reports (seed 003: 249
    // agreements, ¥228 M), on the challenge and as indicators of its zone for the year it closes.
    const caseId = paired.json().id;
    await operator.post(`/api/transfer/cases/${caseId}/stage`, { stage: 'negotiating' });
    const today = new Date().toISOString().slice(0, 10);
    expect((await operator.post(`/api/transfer/cases/${caseId}/stage`, { stage: 'contract_signed', contract_type: 'development', contract_amount: 12.5, contract_date: today })).statusCode).toBe(200);
    expect((await operator.request({ method: 'PATCH', url: `/api/transfer/challenges/${ch.id}`, payload: { prize_amount_fen: 0.5 } })).json().errors[0].field).toBe('prize_amount_fen');
    expect((await orgUser.request({ method: 'PATCH', url: `/api/transfer/challenges/${ch.id}`, payload: { prize_amount_fen: 1 } })).statusCode).toBe(403);
    const figures = await operator.request({ method: 'PATCH', url: `/api/transfer/challenges/${ch.id}`, payload: { prize_amount_fen: 500_000_000, agreements_reported: 249, agreement_amount_reported_fen: 22_800_000_000 } });
    expect(figures.statusCode, figures.body).toBe(200);
    const shown = (await anon.get(`/api/transfer/challenges/${ch.id}`)).json();
    expect(shown).toMatchObject({ prize_amount_fen: 500_000_000, agreements_reported: 249, agreement_amount_reported_fen: 22_800_000_000 });
    expect(shown.totals).toEqual({ case_agreements: 1, case_amount_fen: 12_500_000, agreements: 250, amount_fen: 22_812_500_000 });
    expect((await anon.get('/api/transfer/challenges')).json().items.find((c: { id: number }) => c.id === ch.id).totals.agreements).toBe(250);
    const year = 2026;
    const codes = ['transfer_challenge_agreements', 'transfer_challenge_amount', 'transfer_challenge_prizes'];
    expect((await admin.post('/api/indicator-values/compute', { zones: [lz], years: year, indicators: codes })).statusCode).toBe(200);
    const values = (await admin.get(`/api/indicator-values?zone=${lz}&from=${year}&to=${year}&indicator=${codes.join(',')}`)).json().items as { indicator_code?: string; code?: string; value: number | null }[];
    expect(Object.fromEntries(values.map((v) => [v.indicator_code ?? v.code, v.value]))).toEqual({ transfer_challenge_agreements: 250, transfer_challenge_amount: 22812.5, transfer_challenge_prizes: 500 });
  });

  it('answers workflow errors from the shared message catalogue in the caller\'s language', async () => {
    const lz = (await t.testDb.db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id;
    const body = { zone_id: lz, title: '日期颠倒的活动', opens_on: '2026-06-01', closes_on: '2026-01-01' };
    const zh = await operator.request({ method: 'POST', url: '/api/transfer/challenges', payload: body, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().title).toBe('结束日期不能早于开始日期');
    const en = await operator.request({ method: 'POST', url: '/api/transfer/challenges', payload: body, headers: { 'accept-language': 'en' } });
    expect(en.json().title).toBe('the closing date cannot be before the opening date');
    expect(en.json().errors[0].field).toBe('closes_on');
    const reason = await orgUser.request({ method: 'POST', url: `/api/demands/${demandId}/matches/${copperId}/decline`, payload: { reason: 'other' }, headers: { 'accept-language': 'en' } });
    expect(reason.json().title).toBe('explain the reason when it is "other"');
  });

  it('documents the responses of the transfer routes in OpenAPI', async () => {
    const doc = (await anon.get('/docs/json')).json();
    for (const [path, method, status] of [['/api/transfer/demands', 'get', '200'], ['/api/offers/{id}/matches', 'get', '200'], ['/api/transfer/cases', 'post', '201'], ['/api/zones/{id}/transfer-funnel', 'get', '200']] as const) {
      expect(doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema, `${method} ${path}`).toBeTruthy();
    }
  });

  it('counts the funnel per zone subtree and period', async () => {
    const root = (await t.testDb.db.query<{ id: number }>(`select id from zones where parent_id is null order by id limit 1`))[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    expect((await orgUser.get(`/api/zones/${root}/transfer-funnel`)).statusCode).toBe(403);
    const all = await t.testDb.db.query<{ id: number }>('select id from zones where parent_id is null');
    let collected = 0;
    let signed = 0;
    let turnover = 0;
    for (const z of all) {
      const f = (await admin.get(`/api/zones/${z.id}/transfer-funnel?from=2020-01-01&to=${today}`)).json();
      collected += f.stages[0].count;
      signed += f.stages.find((s: { stage: string }) => s.stage === 'signed').count;
      turnover += f.contracts.turnover;
      if (f.stages[0].count) {
        expect(f.stages.map((s: { stage: string }) => s.stage)).toEqual(['collected', 'screened', 'published', 'matched', 'introduced', 'negotiating', 'signed', 'registered', 'implemented']);
        for (let i = 1; i < f.stages.length; i++) expect(f.stages[i].count).toBeLessThanOrEqual(f.stages[i - 1].count);
        expect(f.achievements.conversionRate === null || (f.achievements.conversionRate >= 0 && f.achievements.conversionRate <= 1)).toBe(true);
      }
    }
    const demands = Number((await t.testDb.db.query<{ n: number }>('select count(*)::int as n from tech_demands where retired_at is null'))[0]!.n);
    expect(collected).toBe(demands);
    expect(signed).toBe(2); // the brokered case, and the challenge pairing's contract
    expect(turnover).toBe(292.5);
    expect((await admin.get(`/api/zones/${root}/transfer-funnel?from=2025-02-01&to=2025-01-01`)).statusCode).toBe(400);
  });
});
