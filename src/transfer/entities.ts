import { label, option, type EntityDef, type FieldDef, type RecordProblem } from '../shared/records/field-def';
import { HIGHTECH_FIELDS } from '../registry/vocabulary';
import type { Actor } from '../shared/access/actor';
import { isIpcCode } from './matching';
import { logImportedStatuses } from './workflow/imported-status';

/**
 * Technology demands (技术需求) and offers (科技成果) described once: they get list/get/create/patch/retire/audit
 * routes, import/export and validation from src/shared/records. Workflow (status changes, disclosure, matching,
 * cases) lives in src/transfer/workflow.
 *
 * `published` stays false on these tables: the generic routes serve owners and brokers only, and the public sees
 * demands and offers through /api/transfer/{demands,offers} with disclosure tiers applied.
 */

/** Longest accepted free text (the matching engine's limit too). */
export const MAX_TEXT = 100_000;
const HAS_WORD = /[\p{L}\p{N}]/u;

export const COOPERATION_MODES = [
  option('transfer', '技术转让', 'Transfer'),
  option('licence', '许可', 'Licence'),
  option('joint_rd', '合作开发', 'Joint R&D'),
  option('commissioned', '委托开发', 'Commissioned development'),
  option('consulting', '技术咨询与服务', 'Consulting'),
  option('talent', '人才合作', 'Talent'),
] as const;
export const DEMAND_STATUSES = [
  option('draft', '草稿', 'Draft'),
  option('submitted', '已提交', 'Submitted'),
  option('screened', '已初审', 'Screened'),
  option('published', '已发布', 'Published'),
  option('sent_back', '已退回', 'Sent back'),
  option('closed', '已关闭', 'Closed'),
] as const;
export const OFFER_STATUSES = [
  option('draft', '草稿', 'Draft'),
  option('submitted', '已提交', 'Submitted'),
  option('published', '已发布', 'Published'),
  option('sent_back', '已退回', 'Sent back'),
  option('closed', '已关闭', 'Closed'),
] as const;
export const CONFIDENTIALITY = [
  option('public', '公开', 'Public'),
  option('brokers_only', '仅技术经纪人可见', 'Brokers only'),
] as const;
export const LANGS = [option('zh-Hans', '简体中文', 'Simplified Chinese'), option('zh-Hant', '繁体中文', 'Traditional Chinese'), option('en', '英文', 'English')] as const;
export const IP_STATUSES = [
  option('granted_patent', '已授权专利', 'Granted patent'),
  option('pending_patent', '专利申请中', 'Patent pending'),
  option('software_copyright', '软件著作权', 'Software copyright'),
  option('know_how', '技术秘密', 'Know-how'),
  option('none', '无', 'None'),
] as const;

/** Registry field names ↔ the matching engine's high-tech field codes "1".."8" (same order, 2016 catalogue). */
export const FIELD_CODE: Record<string, string> = Object.fromEntries(HIGHTECH_FIELDS.map((o, i) => [o.value, String(i + 1)]));

const wordy = (value: unknown) =>
  typeof value === 'string' && !HAS_WORD.test(value)
    ? { key: 'field.type' as const, params: { type: 'text with letters or digits, not only punctuation / 含文字或数字的文本（不能只有标点）' } }
    : null;
const text = (name: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, type: 'text', label: label(zh, en), maxLength: 300, check: wordy, ...extra });
const longtext = (name: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, type: 'longtext', label: label(zh, en), maxLength: MAX_TEXT, check: wordy, search: true, ...extra });

const modes: FieldDef = {
  name: 'cooperation_modes', type: 'list', label: label('合作方式', 'Cooperation modes'), inList: true, options: COOPERATION_MODES,
  check: (v) => {
    const allowed = COOPERATION_MODES.map((o) => o.value) as string[];
    const bad = (Array.isArray(v) ? v : []).filter((m) => !allowed.includes(String(m)));
    return bad.length ? { key: 'field.enum', params: { options: allowed.join(', ') } } : null;
  },
};
const orgRef: FieldDef = { name: 'organization_id', type: 'ref', ref: 'organizations', label: label('所属机构', 'Organisation'), required: true, inList: true, filter: true };
const derivedZone: FieldDef = { name: 'zone_id', type: 'ref', ref: 'zones', label: label('所属园区', 'Zone'), derived: true, inList: true };
const hightechField: FieldDef = { name: 'hightech_field', type: 'enum', options: HIGHTECH_FIELDS, label: label('高新技术领域', 'High-tech field'), inList: true, filter: true };
const ipc: FieldDef = { name: 'ipc_code', type: 'text', label: label('IPC 分类号', 'IPC code'), maxLength: 20, filter: true, example: 'H01M 4/13',
  check: (v) => (isIpcCode(String(v)) ? null : { key: 'field.type', params: { type: 'IPC code (e.g. H01M 4/13)' } }) };
const lang: FieldDef = { name: 'lang', type: 'enum', options: LANGS, label: label('语言', 'Language'), filter: true };
const money = (name: string, zh: string, en: string): FieldDef => ({ name, type: 'number', label: label(zh, en), min: 0, inList: true });

export const demands: EntityDef = {
  name: 'demands', table: 'tech_demands', label: label('技术需求', 'Technology demands'), zoneOwnership: 'organization', orgUserMayWrite: true,
  labelColumns: ['title', 'title'],
  codePrefix: 'TD', defaultSort: 'id', publishedByDefault: false,
  fields: [
    text('title', '需求名称', 'Title', { required: true, inList: true, search: true }),
    orgRef, derivedZone,
    longtext('description', '需求描述', 'Description'),
    hightechField, ipc,
    longtext('problem', '待解决的技术问题', 'Problem to solve'),
    longtext('target_indicators', '目标技术指标', 'Target indicators'),
    longtext('acceptance_criteria', '验收标准', 'Acceptance criteria'),
    money('budget_min', '预算下限（万元）', 'Budget from (10k yuan)'),
    money('budget_max', '预算上限（万元）', 'Budget up to (10k yuan)'),
    { name: 'deadline', type: 'date', label: label('截止日期', 'Deadline'), inList: true },
    modes,
    { name: 'confidentiality', type: 'enum', options: CONFIDENTIALITY, label: label('保密级别', 'Confidentiality'), filter: true },
    text('decision_owner', '决策负责人', 'Decision owner', { maxLength: 200 }),
    { name: 'status', type: 'enum', options: DEMAND_STATUSES, label: label('状态', 'Status'), inList: true, filter: true },
    lang,
  ],
  checkRecord: (r) =>
    r.budget_min != null && r.budget_max != null && Number(r.budget_max) < Number(r.budget_min)
      ? { field: 'budget_max', key: 'field.min', params: { min: `budget_min (${String(r.budget_min)})` } }
      : null,
  checkImportRow: workflowGuard,
  afterImport: (tx, codes, actor) => logImportedStatuses(tx, 'demand', demands.table, codes, actor),
};

/**
 * The workflow routes keep demands and offers unpublished on the generic tables and move their status only through
 * the review flow; a file import does not pass through those routes, so it gets the same guard per row. Brokers
 * (admins, zone operators in their zones: the import's scope check) review listings and may bring in another
 * platform's listings with their status; an organisation's own imports come in as drafts.
 */
function workflowGuard(record: Record<string, unknown>, actor: Actor): RecordProblem | null {
  if (record.published === true) return { field: 'published', key: 'transfer.write.publishViaWorkflow' };
  if (actor.role === 'org_user' && record.status != null && record.status !== 'draft') return { field: 'status', key: 'transfer.write.draftOnCreate' };
  return null;
}

export const offers: EntityDef = {
  name: 'offers', table: 'tech_offers', label: label('科技成果（供给）', 'Technology offers'), zoneOwnership: 'organization', orgUserMayWrite: true,
  labelColumns: ['title', 'title'],
  codePrefix: 'TO', defaultSort: 'id', publishedByDefault: false,
  fields: [
    text('title', '成果名称', 'Title', { required: true, inList: true, search: true }),
    longtext('summary', '成果简介', 'Summary'),
    orgRef, derivedZone,
    // An int rather than a ref: the shared reference summaries read name_zh/name_en, which achievements lack (they
    // have a title). Existence is checked by the workflow's write hook.
    { name: 'achievement_id', type: 'int', label: label('对应科技成果（编号）', 'Achievement (id)'), min: 1 },
    hightechField, ipc,
    { name: 'trl', type: 'int', label: label('技术成熟度（TRL）', 'Readiness (TRL)'), min: 1, max: 9, inList: true, filter: true },
    { name: 'ip_status', type: 'enum', options: IP_STATUSES, label: label('知识产权状态', 'IP status'), filter: true },
    longtext('advantages', '相对现有技术的优势', 'Advantages over existing solutions'),
    modes,
    money('price_expectation', '期望价格（万元）', 'Price expectation (10k yuan)'),
    { name: 'status', type: 'enum', options: OFFER_STATUSES, label: label('状态', 'Status'), inList: true, filter: true },
    lang,
    { name: 'anonymous', type: 'bool', label: label('匿名发布', 'Anonymous'), filter: true },
  ],
  checkImportRow: workflowGuard,
  afterImport: (tx, codes, actor) => logImportedStatuses(tx, 'offer', offers.table, codes, actor),
};

export const TRANSFER_ENTITIES: readonly EntityDef[] = [demands, offers];
