import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp, demoClients } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';
import { SESSION_IDLE_HOURS } from '../../src/accounts/accounts.service';
import { registerAccountCommands } from '../../src/accounts/accounts.cli';
import type { Actor } from '../../src/shared/access/actor';

/** Account management and enterprise self-registration (src/accounts/README.md), on both back ends. */
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
let serial = 0;
const creditCode = () => completeCreditCode(`91620100MA7${String(Date.now() % 100000).padStart(5, '0')}${serial++ % 10}`);

describe.each(BACKENDS)('accounts on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  const zone: Record<string, number> = {};
  let orgInA: { id: number; code: string; credit_code: string | null };
  let orgInB: { id: number; code: string };

  const audit = async (entity: string, id: number) =>
    (await t.testDb.db.query<{ action: string }>('select action from audit_events where entity = $1 and entity_id = $2 order by id', [entity, id])).map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    for (const z of (await anon.get('/api/zones?limit=100')).json().items as { code: string; id: number }[]) zone[z.code] = z.id;
    const orgs = async (code: string) => (await admin.get(`/api/organizations?zone=${zone[code]}&limit=5`)).json().items;
    orgInA = (await orgs('LZNA'))[1];
    orgInB = (await orgs('ZJ'))[0];
  }, 180_000);
  afterAll(() => t?.close());

  it('an admin creates a zone operator and an organisation user who then sign in with their scope', async () => {
    const op = await admin.post('/api/users', { username: 'op.lzna', display_name: '新区运营', password: 'gansu-lanzhou-2026', role: 'zone_operator', zone_id: zone.LZNA });
    expect(op.statusCode).toBe(201);
    expect(op.json()).toMatchObject({ role: 'zone_operator', zone: { code: 'LZNA' }, active: true, last_login_at: null });
    const ou = await admin.post('/api/users', { username: 'org.a', display_name: '企业用户', password: 'copper-foil-line-7', role: 'org_user', organization_id: orgInA.id });
    expect(ou.statusCode).toBe(201);
    const asOp = await new Client(t.app).loginWith({ username: 'op.lzna', password: 'gansu-lanzhou-2026' });
    expect((await asOp.get('/api/auth/me')).json().user).toMatchObject({ role: 'zone_operator', zone_id: zone.LZNA });
    const asOrg = await new Client(t.app).loginWith({ username: 'org.a', password: 'copper-foil-line-7' });
    expect((await asOrg.get('/api/auth/me')).json().user).toMatchObject({ role: 'org_user', organization_id: orgInA.id });
    const listed = (await admin.get('/api/users?q=op.lzna')).json();
    expect(listed.items[0]).toMatchObject({ username: 'op.lzna', active: true });
    expect(listed.items[0].last_login_at).not.toBeNull();
    expect(await audit('users', op.json().id)).toEqual(['create']);
  });

  it('the CLI creates a zone operator and an organisation user by code, as the first admin', async () => {
    const db = t.testDb.db;
    const actorFor = async (): Promise<Actor> => {
      const u = (await db.query<{ id: number; username: string }>(`select id, username from users where role = 'admin' order by id limit 1`))[0]!;
      return { userId: u.id, username: u.username, role: 'admin', zoneId: null, organizationId: null };
    };
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride();
      registerAccountCommands(program, (work) => work(db), actorFor);
      await program.parseAsync(['node', 'kechuang', ...args]);
    };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await run('create-user', 'cli.op', '--role', 'zone_operator', '--zone', 'LZNA', '--password', 'cli-operator-2026');
      await run('create-user', 'cli.org', '--role', 'org_user', '--organization', orgInA.code, '--password', 'cli-org-user-2026');
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/zone_operator cli.op created .*zone LZNA/), expect.stringMatching(/org_user cli.org created/)]);
    } finally {
      log.mockRestore();
    }
    const asOp = await new Client(t.app).loginWith({ username: 'cli.op', password: 'cli-operator-2026' });
    expect((await asOp.get('/api/auth/me')).json().user).toMatchObject({ role: 'zone_operator', zone_id: zone.LZNA });
    const asOrg = await new Client(t.app).loginWith({ username: 'cli.org', password: 'cli-org-user-2026' });
    expect((await asOrg.get('/api/auth/me')).json().user).toMatchObject({ role: 'org_user', organization_id: orgInA.id });
  });

  it('refuses bad input naming the field, and weak passwords', async () => {
    const post = (body: object) => admin.post('/api/users', { username: 'someone', display_name: 'S', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id, ...body });
    expect(fields(await post({ role: 'zone_operator', organization_id: null }))).toEqual(['zone_id']);
    expect(fields(await post({ organization_id: 987654 }))).toEqual(['organization_id']);
    expect(fields(await post({ username: 'No Spaces' }))).toEqual(['username']);
    expect(fields(await post({ role: 'chief' }))).toEqual(['role']);
    for (const password of ['short-pw', 'kechuang-operator', 'Password123', 'someone-secret-1']) {
      const res = await post({ password });
      expect(res.statusCode, password).toBe(400);
      expect(fields(res)).toEqual(['password']);
    }
    const dup = await post({ username: 'orguser' });
    expect(dup.statusCode).toBe(409);
    expect(fields(dup)).toEqual(['username']);
    const zh = await new Client(t.app, 'zh-CN').loginWith({ username: 'admin', password: 'kechuang-admin' });
    const res = await zh.post('/api/users', { username: 'x.y', display_name: 'X', password: 'short', role: 'admin' });
    expect(res.json().errors[0].message).toMatch(/至少/);
  });

  it('an operator manages organisation users of their own zone subtree only; other roles are refused', async () => {
    const mine = await operator.post('/api/users', { username: 'org.a2', display_name: 'A2', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id });
    expect(mine.statusCode).toBe(201);
    expect((await operator.post('/api/users', { username: 'org.b', display_name: 'B', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInB.id })).statusCode).toBe(403);
    expect((await operator.post('/api/users', { username: 'op.two', display_name: 'O', password: 'quiet-harbour-42', role: 'zone_operator', zone_id: zone.LZNA })).statusCode).toBe(403);
    const b = await admin.post('/api/users', { username: 'org.b', display_name: 'B', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInB.id });
    expect(b.statusCode).toBe(201);
    const seen = (await operator.get('/api/users?limit=500')).json().items as { username: string; role: string; organization: { id: number } }[];
    expect(seen.map((u) => u.username)).toContain('org.a2');
    expect(seen.every((u) => u.role === 'org_user')).toBe(true);
    expect(seen.map((u) => u.username)).not.toContain('org.b');
    expect((await operator.get(`/api/users/${b.json().id}`)).statusCode).toBe(404);
    expect((await operator.post(`/api/users/${b.json().id}/deactivate`, {})).statusCode).toBe(404);
    // Moving one's org user into another zone's organisation, or promoting them, is not the operator's to do.
    const v = mine.json().version;
    expect((await operator.patch(`/api/users/${mine.json().id}`, { version: v, organization_id: orgInB.id })).statusCode).toBe(403);
    expect((await operator.patch(`/api/users/${mine.json().id}`, { version: v, role: 'admin' })).statusCode).toBe(403);
    expect((await orgUser.get('/api/users')).statusCode).toBe(403);
    expect((await orgUser.post('/api/users', { username: 'x.y', display_name: 'X', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id })).statusCode).toBe(403);
    expect((await anon.get('/api/users')).statusCode).toBe(401);
    expect((await anon.post(`/api/users/${mine.json().id}/password`, { password: 'quiet-harbour-43' })).statusCode).toBe(401);
  });

  it('changes a role with the version (audited), and refuses a stale version', async () => {
    const u = (await admin.post('/api/users', { username: 'promote.me', display_name: 'P', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id })).json();
    const changed = await admin.patch(`/api/users/${u.id}`, { version: u.version, role: 'zone_operator', zone_id: zone.ZJ });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'zone_operator', zone_id: zone.ZJ, organization_id: null });
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, display_name: 'stale' })).statusCode).toBe(409);
    expect(await audit('users', u.id)).toEqual(['create', 'change-role']);
  });

  it('deactivating ends the sessions and refuses sign-in; reactivating and resetting the password work', async () => {
    const created = (await admin.post('/api/users', { username: 'leaver', display_name: 'L', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id })).json();
    const leaver = await new Client(t.app).loginWith({ username: 'leaver', password: 'quiet-harbour-42' });
    expect((await leaver.get('/api/auth/me')).json().user.username).toBe('leaver');
    const off = await operator.post(`/api/users/${created.id}/deactivate`, {});
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await leaver.get('/api/auth/me')).json().user).toBeNull();
    const refused = await anon.post('/api/auth/login', { username: 'leaver', password: 'quiet-harbour-42' });
    expect(refused.statusCode).toBe(403);
    expect((await anon.post('/api/auth/login', { username: 'leaver', password: 'wrong-password-1' })).statusCode).toBe(401);
    expect((await admin.post(`/api/users/${created.id}/reactivate`, {})).json().active).toBe(true);
    const back = await new Client(t.app).loginWith({ username: 'leaver', password: 'quiet-harbour-42' });
    expect(fields(await operator.post(`/api/users/${created.id}/password`, { password: 'leaver-2026' }))).toEqual(['password']);
    expect((await operator.post(`/api/users/${created.id}/password`, { password: 'new-harbour-99' })).statusCode).toBe(200);
    expect((await back.get('/api/auth/me')).json().user).toBeNull();
    await new Client(t.app).loginWith({ username: 'leaver', password: 'new-harbour-99' });
    expect(await audit('users', created.id)).toEqual(['create', 'deactivate', 'reactivate', 'reset-password']);
    expect((await admin.post(`/api/users/${(await admin.get('/api/auth/me')).json().user.id}/deactivate`, {})).statusCode).toBe(403);
  });

  it('a user lists their own sessions and ends one; changing the password ends the others', async () => {
    await admin.post('/api/users', { username: 'two.devices', display_name: 'T', password: 'quiet-harbour-42', role: 'org_user', organization_id: orgInA.id });
    const phone = await new Client(t.app).loginWith({ username: 'two.devices', password: 'quiet-harbour-42' });
    const laptop = await new Client(t.app).loginWith({ username: 'two.devices', password: 'quiet-harbour-42' });
    const sessions = (await laptop.get('/api/auth/sessions')).json().items as { id: number; current: boolean; created_at: string; last_seen_at: string }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect(other.last_seen_at).toBeTruthy();
    // Someone else's session is not found, and stays.
    expect((await orgUser.request({ method: 'DELETE', url: `/api/auth/sessions/${other.id}` })).statusCode).toBe(404);
    expect((await phone.get('/api/auth/me')).json().user).not.toBeNull();
    expect((await laptop.request({ method: 'DELETE', url: `/api/auth/sessions/${other.id}` })).statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).json().user).toBeNull();
    const again = await new Client(t.app).loginWith({ username: 'two.devices', password: 'quiet-harbour-42' });
    expect(fields(await laptop.post('/api/auth/password', { current_password: 'wrong-one-123', new_password: 'river-stone-88' }))).toEqual(['current_password']);
    expect(fields(await laptop.post('/api/auth/password', { current_password: 'quiet-harbour-42', new_password: 'kechuang-admin' }))).toEqual(['new_password']);
    expect((await laptop.post('/api/auth/password', { current_password: 'quiet-harbour-42', new_password: 'river-stone-88' })).statusCode).toBe(200);
    expect((await laptop.get('/api/auth/me')).json().user).not.toBeNull();
    expect((await again.get('/api/auth/me')).json().user).toBeNull();
    expect((await anon.get('/api/auth/sessions')).statusCode).toBe(401);
    // Idle and absolute expiry: a session unused for longer than SESSION_IDLE_HOURS, or past expires_at, is over.
    const idle = await new Client(t.app).loginWith({ username: 'two.devices', password: 'river-stone-88' });
    const old = await new Client(t.app).loginWith({ username: 'two.devices', password: 'river-stone-88' });
    const ids = ((await idle.get('/api/auth/sessions')).json().items as { id: number; current: boolean }[]);
    const idleId = ids.find((s) => s.current)!.id;
    const oldId = ((await old.get('/api/auth/sessions')).json().items as { id: number; current: boolean }[]).find((s) => s.current)!.id;
    await t.testDb.db.query(`update sessions set last_seen_at = now() - interval '${SESSION_IDLE_HOURS} hours 1 minute' where id = $1`, [idleId]);
    await t.testDb.db.query(`update sessions set expires_at = now() - interval '1 second' where id = $1`, [oldId]);
    expect((await idle.get('/api/auth/me')).json().user).toBeNull();
    expect((await old.get('/api/auth/me')).json().user).toBeNull();
    expect((await laptop.get('/api/auth/me')).json().user).not.toBeNull();
  });

  it('an enterprise registers, the zone operator approves, and its new user edits its organisation', async () => {
    const code = creditCode();
    const request = { credit_code: code, enterprise_name: '兰州注册测试科技有限公司', contact_name: '王经理', email: 'wang@example.cn', phone: '+86 931 1234567', username: 'reg.new', password: 'blue-river-2026', zone_id: zone.LZNA };
    const badCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(fields(await anon.post('/api/registrations', { ...request, credit_code: badCheck }))).toEqual(['credit_code']);
    expect(fields(await anon.post('/api/registrations', { ...request, email: 'not-mail', phone: null }))).toEqual(['email']);
    expect(fields(await anon.post('/api/registrations', { ...request, email: null, phone: null }))).toEqual(['email']);
    expect(fields(await anon.post('/api/registrations', { ...request, password: 'reg.new-password' }))).toEqual(['password']);
    expect(fields(await anon.post('/api/registrations', { ...request, zone_id: 987654 }))).toEqual(['zone_id']);
    const submitted = await anon.post('/api/registrations', request);
    expect(submitted.statusCode).toBe(201);
    const { id, ticket } = submitted.json();
    const dup = await anon.post('/api/registrations', { ...request, username: 'reg.other' });
    expect(dup.statusCode).toBe(409);
    expect(fields(dup)).toEqual(['credit_code']);

    const status = (await anon.get(`/api/registrations/status?ticket=${ticket}`)).json();
    expect(status).toMatchObject({ id, status: 'pending', credit_code: code });
    expect(JSON.stringify(status)).not.toMatch(/wang@example|1234567/);
    // Contact data only for the reviewers of the zone.
    const operatorB = await admin.post('/api/users', { username: 'op.zj', display_name: 'ZJ', password: 'pudong-river-2026', role: 'zone_operator', zone_id: zone.ZJ });
    expect(operatorB.statusCode).toBe(201);
    const asB = await new Client(t.app).loginWith({ username: 'op.zj', password: 'pudong-river-2026' });
    expect((await asB.get(`/api/registrations/${id}`)).statusCode).toBe(404);
    expect((await asB.get('/api/registrations')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await asB.post(`/api/registrations/${id}/approve`, {})).statusCode).toBe(404);
    expect((await orgUser.get('/api/registrations')).statusCode).toBe(403);
    expect((await anon.get(`/api/registrations/${id}`)).statusCode).toBe(401);
    expect((await operator.get(`/api/registrations/${id}`)).json()).toMatchObject({ email: 'wang@example.cn', contact_name: '王经理' });

    const approved = await operator.post(`/api/registrations/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const orgId = approved.json().organization_id as number;
    expect((await admin.get(`/api/organizations/${orgId}`)).json()).toMatchObject({ credit_code: code, zone_id: zone.LZNA, name_zh: request.enterprise_name });
    expect((await anon.get(`/api/registrations/status?ticket=${ticket}`)).json().status).toBe('approved');
    expect((await operator.post(`/api/registrations/${id}/reject`, { reason: 'too late' })).statusCode).toBe(409);

    const newUser = await new Client(t.app).loginWith({ username: 'reg.new', password: 'blue-river-2026' });
    const own = (await newUser.get(`/api/organizations/${orgId}`)).json();
    const edited = await newUser.patch(`/api/organizations/${orgId}`, { version: own.version, website: 'https://reg.example.cn' });
    expect(edited.statusCode).toBe(200);
    expect((await newUser.patch(`/api/organizations/${orgInA.id}`, { version: 1, website: 'https://x.example.cn' })).statusCode).toBe(403);
    expect(await audit('registration_requests', id)).toEqual(['approve']);
  });

  it('links an already registered credit code to its organisation; rejects with a reason', async () => {
    const code = creditCode();
    const existing = (await admin.patch(`/api/organizations/${orgInA.id}`, { version: (await admin.get(`/api/organizations/${orgInA.id}`)).json().version, credit_code: code })).json();
    expect(existing.credit_code).toBe(code);
    const { id } = (await anon.post('/api/registrations', { credit_code: code, enterprise_name: '已登记企业', contact_name: '李', phone: '0931-8888888', username: 'reg.link', password: 'green-field-2026', zone_id: zone.LZNA })).json();
    const approved = (await admin.post(`/api/registrations/${id}/approve`, {})).json();
    expect(approved.organization_id).toBe(orgInA.id);
    const linked = await new Client(t.app).loginWith({ username: 'reg.link', password: 'green-field-2026' });
    expect((await linked.get('/api/auth/me')).json().user.organization_id).toBe(orgInA.id);

    const other = await anon.post('/api/registrations', { credit_code: creditCode(), enterprise_name: '被拒企业', contact_name: '赵', email: 'z@example.cn', username: 'reg.reject', password: 'grey-cloud-2026', zone_id: zone.LZNA });
    const rid = other.json().id;
    expect(fields(await operator.post(`/api/registrations/${rid}/reject`, { reason: '  ' }))).toEqual(['reason']);
    const rejected = await operator.post(`/api/registrations/${rid}/reject`, { reason: '营业执照信息不符 / licence details do not match' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '营业执照信息不符 / licence details do not match' });
    expect((await anon.get(`/api/registrations/status?ticket=${other.json().ticket}`)).json()).toMatchObject({ status: 'rejected', reason: '营业执照信息不符 / licence details do not match' });
    expect((await operator.post(`/api/registrations/${rid}/approve`, {})).statusCode).toBe(409);
    expect((await anon.post('/api/auth/login', { username: 'reg.reject', password: 'grey-cloud-2026' })).statusCode).toBe(401);
    expect(await audit('registration_requests', rid)).toEqual(['reject']);
    expect((await anon.get('/api/registrations/status?ticket=unknown-ticket-0000000')).statusCode).toBe(404);
  });
});
