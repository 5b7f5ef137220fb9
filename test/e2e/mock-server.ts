// An in-memory stand-in for the Kechuang API, following the API contract the web app is built against.
// It exists so the web app and the end-to-end tests can be exercised before (or independently of) the real
// server: `KECHUANG_E2E_MOCK=1 npx vitest run --config vitest.e2e.config.ts`, or by hand with
// `npx tsx test/e2e/mock-server.ts [port]`. It serves web/dist with an SPA fallback, like the real server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

type Bi = { zh: string; en: string };
type Opt = { value: string; label: Bi };
interface Field {
  name: string;
  type: 'text' | 'longtext' | 'int' | 'number' | 'bool' | 'date' | 'enum' | 'list' | 'ref';
  label: Bi;
  required: boolean;
  options?: Opt[];
  ref?: string;
  inList: boolean;
  filter: boolean;
  readOnly?: boolean;
}
interface Entity {
  name: string;
  label: Bi;
  fields: Field[];
}
type Rec = Record<string, unknown> & { id: number; version: number };

const o = (value: string, zh: string, en: string): Opt => ({ value, label: { zh, en } });
const f = (name: string, type: Field['type'], zh: string, en: string, extra: Partial<Field> = {}): Field => ({
  name,
  type,
  label: { zh, en },
  required: false,
  inList: false,
  filter: false,
  ...extra,
});

const ZONE_KINDS = [o('state_new_area', '国家级新区', 'State-level new area'), o('national_hightech_zone', '国家高新技术产业开发区', 'National high-tech zone'), o('park', '园区', 'Park')];
const ORG_KINDS = [o('enterprise', '企业', 'Enterprise'), o('university', '高等院校', 'University'), o('research_institute', '科研院所', 'Research institute'), o('incubator', '孵化器', 'Incubator')];
const FIELDS = [o('electronic_information', '电子信息', 'Electronic information'), o('biomedicine', '生物与新医药', 'Biology and new medicine'), o('new_materials', '新材料', 'New materials'), o('new_energy', '新能源与节能', 'New energy and energy saving'), o('advanced_manufacturing', '先进制造与自动化', 'Advanced manufacturing and automation')];
const QUAL_TYPES = [o('hightech_enterprise', '高新技术企业', 'High-tech enterprise'), o('tech_sme', '科技型中小企业', 'Technology-based SME'), o('srdi_sme', '专精特新中小企业', 'SRDI SME')];

const nameZh = f('name_zh', 'text', '中文名称', 'Chinese name', { required: true, inList: true });
const nameEn = f('name_en', 'text', '英文名称', 'English name', { inList: true });
const zoneRef = f('zone_id', 'ref', '所属园区', 'Zone', { ref: 'zones', required: true, inList: true });
const orgRef = f('organization_id', 'ref', '所属机构', 'Organisation', { ref: 'organizations', required: true, inList: true, filter: true });

export const ENTITIES: Entity[] = [
  { name: 'zones', label: { zh: '园区与区域', en: 'Zones' }, fields: [nameZh, nameEn, f('kind', 'enum', '类型', 'Kind', { options: ZONE_KINDS, required: true, inList: true, filter: true }), f('parent_id', 'ref', '上级区域', 'Parent', { ref: 'zones', inList: true }), f('description', 'longtext', '简介', 'Description')] },
  {
    name: 'organizations',
    label: { zh: '创新主体', en: 'Organisations' },
    fields: [nameZh, nameEn, zoneRef, f('kind', 'enum', '类型', 'Kind', { options: ORG_KINDS, required: true, inList: true, filter: true }), f('credit_code', 'text', '统一社会信用代码', 'Unified social credit code', { inList: true }), f('hightech_field', 'enum', '高新技术领域', 'High-tech field', { options: FIELDS, inList: true, filter: true }), f('founded_year', 'int', '成立年份', 'Founded', { inList: true }), f('description', 'longtext', '简介', 'Description')],
  },
  { name: 'qualifications', label: { zh: '资质认定', en: 'Qualifications' }, fields: [orgRef, { ...zoneRef, required: false, readOnly: true }, f('type', 'enum', '资质类型', 'Type', { options: QUAL_TYPES, required: true, inList: true, filter: true }), f('certificate_no', 'text', '证书编号', 'Certificate number', { inList: true }), f('valid_from', 'date', '有效期起', 'Valid from', { required: true, inList: true }), f('valid_to', 'date', '有效期止', 'Valid to', { inList: true })] },
  { name: 'people', label: { zh: '专家人才', en: 'People' }, fields: [nameZh, nameEn, zoneRef, { ...orgRef, required: false, filter: false, label: { zh: '工作单位', en: 'Affiliation' } }, f('title', 'text', '职称', 'Title', { inList: true }), f('fields', 'list', '研究领域', 'Fields', { inList: true }), f('is_expert', 'bool', '入库专家', 'Registered expert', { inList: true, filter: true })] },
  { name: 'achievements', label: { zh: '科技成果与专利', en: 'Achievements and patents' }, fields: [f('title', 'text', '名称', 'Title', { required: true, inList: true }), orgRef, f('kind', 'enum', '类型', 'Kind', { options: [o('patent', '专利', 'Patent'), o('software', '软件著作权', 'Software copyright')], required: true, inList: true, filter: true }), f('year', 'int', '年份', 'Year', { inList: true })] },
  { name: 'projects', label: { zh: '项目', en: 'Projects' }, fields: [nameZh, nameEn, zoneRef, f('amount', 'number', '金额（万元）', 'Amount (10k yuan)', { inList: true }), f('start_year', 'int', '开始年份', 'Start year', { inList: true })] },
  { name: 'annual-statistics', label: { zh: '企业年度统计', en: 'Annual statistics' }, fields: [orgRef, f('year', 'int', '年度', 'Year', { required: true, inList: true }), f('operating_revenue', 'number', '营业收入（万元）', 'Operating revenue (10k yuan)', { inList: true }), f('rd_expense', 'number', '研发费用（万元）', 'R&D expense (10k yuan)', { inList: true })] },
  { name: 'zone-facts', label: { zh: '园区事实数据', en: 'Zone facts' }, fields: [zoneRef, f('metric', 'text', '指标', 'Metric', { required: true, inList: true, filter: true }), f('value', 'number', '数值', 'Value', { required: true, inList: true }), f('unit', 'text', '单位', 'Unit', { required: true, inList: true }), f('period', 'text', '时期', 'Period', { required: true, inList: true }), f('source', 'text', '来源文件', 'Source document', { required: true, inList: true }), f('quote', 'longtext', '原文摘录', 'Quote')] },
];

const USERS = [
  { id: 1, username: 'admin', password: 'kechuang-admin', display_name: '系统管理员', role: 'admin', zone_id: null, organization_id: null },
  { id: 2, username: 'operator', password: 'kechuang-operator', display_name: '兰州新区运营', role: 'zone_operator', zone_id: 1, organization_id: null },
  { id: 3, username: 'orguser', password: 'kechuang-org', display_name: '企业用户', role: 'org_user', zone_id: 1, organization_id: 1 },
];

interface Job {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  result: { inserted: number; updated: number; skipped: number } | null;
  error: string | null;
}

class Store {
  tables = new Map<string, Rec[]>();
  audit: { id: number; entity: string; recId: number; at: string; user: { id: number; username: string } | null; action: string; before: unknown; after: unknown }[] = [];
  jobs = new Map<number, Job>();
  nextId = 1;
  constructor() {
    for (const e of ENTITIES) this.tables.set(e.name, []);
    const now = new Date().toISOString();
    const add = (entity: string, r: Record<string, unknown>, generated = false) => {
      const rec: Rec = { id: this.tables.get(entity)!.length + 1, version: 1, generated, published: true, retired_at: null, created_at: now, updated_at: now, ...r };
      this.tables.get(entity)!.push(rec);
      return rec;
    };
    add('zones', { code: 'Z-LZXQ', name_zh: '兰州新区', name_en: 'Lanzhou New Area', kind: 'state_new_area', parent_id: null });
    add('zones', { code: 'Z-LZGX', name_zh: '兰州高新技术产业开发区', name_en: 'Lanzhou High-tech Zone', kind: 'national_hightech_zone', parent_id: null });
    add('zones', { code: 'Z-LZXQ-CHEM', name_zh: '兰州新区精细化工园区', name_en: 'Lanzhou New Area Fine Chemical Park', kind: 'park', parent_id: 1 });
    const kinds = ['enterprise', 'enterprise', 'enterprise', 'university', 'research_institute', 'incubator'];
    const fields = FIELDS.map((x) => x.value);
    for (let i = 1; i <= 24; i++) {
      add('organizations', { code: `ORG-${i}`, name_zh: `演示企业${i}号`, name_en: `Demo Enterprise ${i}`, zone_id: i % 3 === 0 ? 2 : 1, kind: kinds[i % kinds.length], hightech_field: fields[i % fields.length], founded_year: 2000 + (i % 20), credit_code: null }, true);
    }
    for (let i = 1; i <= 30; i++) {
      add('qualifications', { organization_id: (i % 24) + 1, zone_id: 1, type: QUAL_TYPES[i % 3].value, certificate_no: `GR20${18 + (i % 6)}62000${i}`, valid_from: `${2018 + (i % 6)}-10-01`, valid_to: null }, true);
    }
    for (let i = 1; i <= 10; i++) add('annual-statistics', { organization_id: i, zone_id: 1, year: 2023, operating_revenue: 1000 * (11 - i) + 123.5, rd_expense: 80 * (11 - i) }, true);
    for (let i = 1; i <= 6; i++) add('people', { name_zh: `专家${i}`, name_en: `Expert ${i}`, zone_id: 1, organization_id: i, title: '研究员', fields: ['新材料'], is_expert: i % 2 === 0 }, true);
    add('zone-facts', { zone_id: 1, metric: 'rd_intensity', value: 3.7, unit: '%', period: '2021', source: 'https://example.org/lanzhou-new-area-2022', quote: 'China’s investment in R&D accounted for 3.7 percent of GDP.' });
    add('zone-facts', { zone_id: 1, metric: 'new_hightech_enterprises', value: 15, unit: '家', period: '2021', source: 'https://example.org/lanzhou-new-area-2022', quote: 'There were 160 new sci-tech enterprises and 15 new and high-tech enterprises.' });
  }
  all(entity: string): Rec[] {
    return this.tables.get(entity)!;
  }
  find(entity: string, id: number): Rec | undefined {
    return this.all(entity).find((r) => r.id === id);
  }
}

function refsFor(store: Store, entity: Entity, rec: Rec): Record<string, unknown> {
  const refs: Record<string, unknown> = {};
  for (const fl of entity.fields) {
    if (fl.type !== 'ref') continue;
    const target = rec[fl.name] == null ? undefined : store.find(fl.ref!, Number(rec[fl.name]));
    refs[fl.name] = target ? { id: target.id, code: target.code ?? null, name_zh: target.name_zh ?? target.title ?? null, name_en: target.name_en ?? null } : null;
  }
  return refs;
}

function problem(res: ServerResponse, status: number, code: string, detail: string, errors?: { field: string; message: string }[]) {
  send(res, status, { type: `https://kechuang.dev/problems/${code.toLowerCase()}`, title: code, status, code, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = decodeURIComponent(v.join('='));
  }
  return out;
}

function fileFromMultipart(body: Buffer, contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!m) return null;
  const boundary = `--${m[1] ?? m[2]}`;
  const text = body.toString('utf8');
  for (const part of text.split(boundary)) {
    const idx = part.indexOf('\r\n\r\n');
    if (idx < 0) continue;
    const head = part.slice(0, idx);
    if (!/name="file"/.test(head)) continue;
    return part.slice(idx + 4).replace(/\r\n$/, '');
  }
  return null;
}

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const split = (l: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < l.length; i++) {
      const ch = l[i];
      if (q) {
        if (ch === '"' && l[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') out.push(cur), (cur = '');
      else cur += ch;
    }
    out.push(cur);
    return out.map((s) => s.trim());
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function validateRecord(entity: Entity, data: Record<string, unknown>, lang: string, partial = false): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const zh = lang.startsWith('zh');
  for (const fl of entity.fields) {
    if (fl.readOnly) continue;
    const v = data[fl.name];
    const empty = v === undefined || v === null || v === '';
    if (fl.required && empty && (!partial || fl.name in data)) errors.push({ field: fl.name, message: zh ? `“${fl.label.zh}”为必填项` : `${fl.label.en} is required` });
    if (!empty && fl.type === 'enum' && !fl.options!.some((x) => x.value === v)) errors.push({ field: fl.name, message: zh ? `“${fl.label.zh}”的值无效：${String(v)}` : `Invalid ${fl.label.en}: ${String(v)}` });
    if (!empty && (fl.type === 'int' || fl.type === 'number') && !Number.isFinite(Number(v))) errors.push({ field: fl.name, message: zh ? `“${fl.label.zh}”必须是数字` : `${fl.label.en} must be a number` });
  }
  if (typeof data.credit_code === 'string' && data.credit_code && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(data.credit_code)) {
    errors.push({ field: 'credit_code', message: zh ? '统一社会信用代码格式不正确' : 'The unified social credit code is malformed' });
  }
  return errors;
}

function coerce(entity: Entity, row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const fl of entity.fields) {
    if (!(fl.name in row)) continue;
    const v = row[fl.name];
    if (v === '') out[fl.name] = null;
    else if (fl.type === 'int' || fl.type === 'number' || fl.type === 'ref') out[fl.name] = Number.isFinite(Number(v)) ? Number(v) : v;
    else if (fl.type === 'bool') out[fl.name] = v === 'true' || v === '1';
    else out[fl.name] = v;
  }
  return out;
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export async function startMockServer(port: number, distDir = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)))): Promise<Server> {
  const store = new Store();
  const sessions = new Map<string, { userId: number; csrf: string }>();
  const failures = new Map<string, number>();

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const lang = String(req.headers['accept-language'] ?? 'zh-CN');
    const zh = lang.startsWith('zh');
    const sid = parseCookies(req).kc_sid;
    const session = sid ? sessions.get(sid) : undefined;
    const user = session ? USERS.find((u) => u.id === session.userId) : undefined;
    const publicUser = user ? (({ password: _p, ...u }) => u)(user) : null;

    if (!path.startsWith('/api/') && !path.startsWith('/docs')) {
      // static files with SPA fallback
      const file = normalize(join(distDir, path));
      if (file.startsWith(distDir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
      const index = join(distDir, 'index.html');
      if (existsSync(index)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(readFileSync(index));
      }
      return problem(res, 404, 'NOT_FOUND', 'web/dist missing');
    }
    if (path.startsWith('/docs')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<h1>Kechuang API (mock)</h1>');
    }
    if (method !== 'GET' && path !== '/api/auth/login') {
      if (!session || req.headers['x-csrf-token'] !== session.csrf) return problem(res, session ? 403 : 401, session ? 'CSRF' : 'UNAUTHENTICATED', zh ? '请先登录' : 'Sign in first');
    }
    const body = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    const json = () => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});

    if (path === '/api/health') return send(res, 200, { status: 'ok' });
    if (path === '/api/auth/me') return send(res, 200, { user: publicUser, csrfToken: session?.csrf ?? null });
    if (path === '/api/auth/login' && method === 'POST') {
      const { username, password } = json() as { username?: string; password?: string };
      const key = String(username);
      if ((failures.get(key) ?? 0) >= 5) return problem(res, 429, 'RATE_LIMITED', zh ? '尝试次数过多' : 'Too many attempts');
      const u = USERS.find((x) => x.username === username && x.password === password);
      if (!u) {
        failures.set(key, (failures.get(key) ?? 0) + 1);
        return problem(res, 401, 'INVALID_CREDENTIALS', zh ? '用户名或密码错误' : 'Wrong username or password');
      }
      const id = randomBytes(16).toString('hex');
      const csrf = randomBytes(16).toString('hex');
      sessions.set(id, { userId: u.id, csrf });
      res.setHeader('set-cookie', `kc_sid=${id}; HttpOnly; Path=/; SameSite=Lax`);
      return send(res, 200, { user: (({ password: _p, ...x }) => x)(u), csrfToken: csrf });
    }
    if (path === '/api/auth/logout' && method === 'POST') {
      if (sid) sessions.delete(sid);
      res.setHeader('set-cookie', 'kc_sid=; Path=/; Max-Age=0');
      return send(res, 200, { ok: true });
    }
    if (path === '/api/meta/entities') return send(res, 200, { entities: ENTITIES });

    let m = /^\/api\/jobs\/(\d+)$/.exec(path);
    if (m) {
      const job = store.jobs.get(Number(m[1]));
      return job ? send(res, 200, job) : problem(res, 404, 'NOT_FOUND', 'no such job');
    }
    m = /^\/api\/zones\/(\d+)\/dashboard$/.exec(path);
    if (m) {
      const zoneId = Number(m[1]);
      const zone = store.find('zones', zoneId);
      if (!zone) return problem(res, 404, 'NOT_FOUND', 'no such zone');
      const orgs = store.all('organizations').filter((r) => r.zone_id === zoneId && !r.retired_at);
      const byKind = ORG_KINDS.map((k) => ({ key: k.value, label: k.label, count: orgs.filter((r) => r.kind === k.value).length })).filter((x) => x.count > 0);
      const byField = FIELDS.map((k) => ({ key: k.value, label: k.label, count: orgs.filter((r) => r.hightech_field === k.value).length })).filter((x) => x.count > 0);
      const trend: { year: number; type: string; label: Bi; count: number }[] = [];
      for (const q of store.all('qualifications').filter((r) => r.zone_id === zoneId)) {
        const year = Number(String(q.valid_from).slice(0, 4));
        const t = QUAL_TYPES.find((x) => x.value === q.type)!;
        const row = trend.find((x) => x.year === year && x.type === t.value);
        if (row) row.count++;
        else trend.push({ year, type: t.value, label: t.label, count: 1 });
      }
      const stats = store.all('annual-statistics');
      const top = orgs
        .map((org) => {
          const s = stats.find((x) => x.organization_id === org.id);
          return { id: org.id, name_zh: org.name_zh, name_en: org.name_en, operating_revenue: (s?.operating_revenue as number) ?? null, rd_expense: (s?.rd_expense as number) ?? null, generated: org.generated };
        })
        .filter((x) => x.operating_revenue !== null)
        .sort((a, b) => Number(b.operating_revenue) - Number(a.operating_revenue))
        .slice(0, 10);
      const facts = store
        .all('zone-facts')
        .filter((r) => r.zone_id === zoneId)
        .map((r) => ({ metric: r.metric, label: r.metric === 'rd_intensity' ? { zh: '研发投入强度', en: 'R&D intensity' } : { zh: '新增高新技术企业', en: 'New high-tech enterprises' }, value: r.value, unit: r.unit, period: r.period, source: r.source, quote: r.quote }));
      return send(res, 200, {
        zone: { ...zone, refs: refsFor(store, ENTITIES[0], zone) },
        counts: { organizations: orgs.length, enterprises: orgs.filter((r) => r.kind === 'enterprise').length, highTechEnterprises: 7, people: store.all('people').filter((r) => r.zone_id === zoneId).length, achievements: 0, projects: 0 },
        byKind,
        byField,
        qualificationTrend: trend.sort((a, b) => a.year - b.year),
        topOrganizations: top,
        facts,
      });
    }
    m = /^\/api\/imports\/([a-z-]+)$/.exec(path);
    if (m && method === 'POST') {
      const entity = ENTITIES.find((e) => e.name === m![1]);
      if (!entity) return problem(res, 404, 'NOT_FOUND', 'no such entity');
      const text = fileFromMultipart(body, String(req.headers['content-type'] ?? ''));
      if (text === null) return problem(res, 400, 'BAD_REQUEST', 'file missing');
      const rows = text.trim().startsWith('[') ? (JSON.parse(text) as Record<string, string>[]) : parseCsv(text);
      const errors: { line: number; field: string; message: string }[] = [];
      const valid: Record<string, unknown>[] = [];
      rows.forEach((row, i) => {
        const data = coerce(entity, row);
        for (const fl of entity.fields) {
          // files refer to records by code
          if (fl.type === 'ref' && typeof data[fl.name] === 'string') data[fl.name] = store.all(fl.ref!).find((r) => r.code === data[fl.name])?.id ?? data[fl.name];
        }
        const errs = validateRecord(entity, data, lang);
        errs.forEach((e) => errors.push({ line: i + 2, ...e }));
        if (errs.length === 0) valid.push(data);
      });
      const mode = url.searchParams.get('mode') ?? 'validate';
      if (mode === 'validate') return send(res, 200, { entity: entity.name, rows: rows.length, valid: valid.length, errors });
      if (mode === 'commit' && errors.length) return problem(res, 400, 'VALIDATION', zh ? '文件中有错误' : 'The file has errors', errors.map((e) => ({ field: e.field, message: `${e.line}: ${e.message}` })));
      const job: Job = { id: store.jobs.size + 1, kind: 'import', status: 'queued', progress: 0, total: valid.length, result: null, error: null };
      store.jobs.set(job.id, job);
      let i = 0;
      const tick = () => {
        job.status = 'running';
        const now = new Date().toISOString();
        if (i < valid.length) {
          const table = store.all(entity.name);
          table.push({ id: table.length + 1, version: 1, generated: false, published: true, retired_at: null, created_at: now, updated_at: now, ...valid[i] });
          i++;
          job.progress = i;
          setTimeout(tick, 150);
        } else {
          job.status = 'succeeded';
          job.result = { inserted: valid.length, updated: 0, skipped: rows.length - valid.length };
        }
      };
      setTimeout(tick, 200);
      return send(res, 202, { job });
    }
    m = /^\/api\/exports\/([a-z-]+)$/.exec(path);
    if (m) {
      const entity = ENTITIES.find((e) => e.name === m![1]);
      if (!entity) return problem(res, 404, 'NOT_FOUND', 'no such entity');
      const rows = store.all(entity.name);
      const cols = ['id', ...entity.fields.map((x) => x.name)];
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${entity.name}.csv"` });
      return res.end([cols.join(','), ...rows.map((r) => cols.map((c) => JSON.stringify(r[c] ?? '')).join(','))].join('\n'));
    }

    m = /^\/api\/([a-z-]+)(?:\/(\d+))?(?:\/(retire|audit))?$/.exec(path);
    const entity = m ? ENTITIES.find((e) => e.name === m![1]) : undefined;
    if (!m || !entity) return problem(res, 404, 'NOT_FOUND', 'not found');
    const id = m[2] ? Number(m[2]) : null;
    const withRefs = (r: Rec) => ({ ...r, refs: refsFor(store, entity, r) });
    const log = (rec: Rec, action: string, before: unknown) =>
      store.audit.push({ id: store.audit.length + 1, entity: entity.name, recId: rec.id, at: new Date().toISOString(), user: user ? { id: user.id, username: user.username } : null, action, before, after: { ...rec } });

    if (id === null && method === 'GET') {
      let rows = store.all(entity.name).slice();
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      if (q) rows = rows.filter((r) => Object.values(r).some((v) => typeof v === 'string' && v.toLowerCase().includes(q)));
      const zone = url.searchParams.get('zone');
      if (zone) {
        const zoneIds = new Set([Number(zone), ...store.all('zones').filter((z) => z.parent_id === Number(zone)).map((z) => z.id)]);
        rows = rows.filter((r) => (entity.name === 'zones' ? zoneIds.has(r.id) : r.zone_id === undefined || zoneIds.has(Number(r.zone_id))));
      }
      if (url.searchParams.get('includeRetired') !== 'true') rows = rows.filter((r) => !r.retired_at);
      for (const fl of entity.fields) {
        const v = url.searchParams.get(fl.name);
        if (v !== null && v !== '') rows = rows.filter((r) => String(r[fl.name]) === v);
      }
      const sort = url.searchParams.get('sort');
      if (sort) {
        const dir = url.searchParams.get('order') === 'desc' ? -1 : 1;
        rows.sort((a, b) => (String(a[sort] ?? '') < String(b[sort] ?? '') ? -dir : String(a[sort] ?? '') > String(b[sort] ?? '') ? dir : 0));
      }
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return send(res, 200, { items: rows.slice(offset, offset + limit).map(withRefs), total: rows.length });
    }
    if (id === null && method === 'POST') {
      const data = json();
      const errors = validateRecord(entity, data, lang);
      if (errors.length) return problem(res, 400, 'VALIDATION', zh ? '数据有误' : 'Invalid data', errors);
      const now = new Date().toISOString();
      const table = store.all(entity.name);
      const rec: Rec = { id: table.length + 1, version: 1, generated: false, published: true, retired_at: null, created_at: now, updated_at: now };
      for (const fl of entity.fields) if (fl.name in data) rec[fl.name] = data[fl.name];
      table.push(rec);
      log(rec, 'create', null);
      return send(res, 201, withRefs(rec));
    }
    const rec = id !== null ? store.find(entity.name, id) : undefined;
    if (!rec) return problem(res, 404, 'NOT_FOUND', zh ? '记录不存在' : 'No such record');
    if (m[3] === 'audit') {
      return send(res, 200, { items: store.audit.filter((a) => a.entity === entity.name && a.recId === rec.id).reverse().map(({ entity: _e, recId: _r, ...a }) => a) });
    }
    if (m[3] === 'retire' && method === 'POST') {
      const { version } = json();
      if (version !== rec.version) return problem(res, 409, 'CONFLICT', zh ? '记录已被他人修改' : 'The record was changed');
      const before = { ...rec };
      rec.retired_at = new Date().toISOString();
      rec.version++;
      log(rec, 'retire', before);
      return send(res, 200, withRefs(rec));
    }
    if (method === 'GET') return send(res, 200, withRefs(rec));
    if (method === 'PATCH') {
      const { version, ...changes } = json();
      if (version !== rec.version) return problem(res, 409, 'CONFLICT', zh ? '记录已被他人修改' : 'The record was changed');
      const errors = validateRecord(entity, changes, lang, true);
      if (errors.length) return problem(res, 400, 'VALIDATION', zh ? '数据有误' : 'Invalid data', errors);
      const before = { ...rec };
      for (const fl of entity.fields) if (fl.name in changes && !fl.readOnly) rec[fl.name] = changes[fl.name];
      rec.version++;
      rec.updated_at = new Date().toISOString();
      log(rec, 'update', before);
      return send(res, 200, withRefs(rec));
    }
    return problem(res, 405, 'METHOD_NOT_ALLOWED', 'method not allowed');
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => problem(res, 500, 'INTERNAL', String(e)));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 3000);
  void startMockServer(port).then(() => console.log(`mock Kechuang API on http://127.0.0.1:${port}`));
}
