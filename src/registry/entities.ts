import { label, type EntityDef, type FieldDef } from '../shared/records/field-def';
import { checkCreditCode, completeCreditCode } from './credit-code';
import {
  ACHIEVEMENT_KINDS, HIGHTECH_FIELDS, LEVELS, ORG_KINDS, PROJECT_KINDS, PROJECT_STATUSES, QUALIFICATION_TYPES, ZONE_KINDS,
} from './vocabulary';

/** The registry's record types, described once (see src/shared/records/field-def.ts for what is derived). */

const nameZh: FieldDef = { name: 'name_zh', type: 'text', label: label('中文名称', 'Chinese name'), required: true, maxLength: 200, inList: true, search: true };
const nameEn: FieldDef = { name: 'name_en', type: 'text', label: label('英文名称', 'English name'), maxLength: 300, inList: true, search: true };
const zoneRef: FieldDef = { name: 'zone_id', type: 'ref', ref: 'zones', label: label('所属园区', 'Zone'), required: true, inList: true };
const derivedZone: FieldDef = { ...zoneRef, required: false, derived: true };
const orgRef: FieldDef = { name: 'organization_id', type: 'ref', ref: 'organizations', label: label('所属机构', 'Organisation'), required: true, inList: true, filter: true };
const hightechField: FieldDef = { name: 'hightech_field', type: 'enum', options: HIGHTECH_FIELDS, label: label('高新技术领域', 'High-tech field'), inList: true, filter: true };
const year = (name: string, zh: string, en: string, required = false): FieldDef => ({ name, type: 'int', label: label(zh, en), min: 1900, max: 2100, required, inList: true });
const amount = (name: string, zh: string, en: string): FieldDef => ({ name, type: 'number', label: label(zh, en), min: 0 });
/** A year that has already begun: an organisation cannot have been founded next year. */
const notInTheFuture: FieldDef['check'] = (value) => {
  const thisYear = new Date().getFullYear();
  return Number(value) > thisYear ? { key: 'field.notFuture', params: { max: thisYear } } : null;
};
/** The English of a description (migrations/026): the reader's language is shown, the other when it is missing. */
const descriptionEn = (search: boolean): FieldDef => ({ name: 'description_en', type: 'longtext', label: label('简介（英文）', 'Description (English)'), maxLength: 20000, search, translationOf: 'description' });
const count = (name: string, zh: string, en: string): FieldDef => ({ name, type: 'int', label: label(zh, en), min: 0 });

export const zones: EntityDef = {
  name: 'zones', table: 'zones', label: label('园区与区域', 'Zones'), zoneOwnership: 'self', orgUserMayWrite: false,
  codePrefix: 'Z', defaultSort: 'id', publishedByDefault: true,
  fields: [
    nameZh, nameEn,
    { name: 'kind', type: 'enum', options: ZONE_KINDS, label: label('类型', 'Kind'), required: true, inList: true, filter: true },
    { name: 'parent_id', type: 'ref', ref: 'zones', label: label('上级区域', 'Parent'), inList: true, filter: true },
    { name: 'description', type: 'longtext', label: label('简介', 'Description'), maxLength: 20000 },
    descriptionEn(false),
  ],
};

export const organizations: EntityDef = {
  name: 'organizations', table: 'organizations', label: label('创新主体', 'Organisations'), zoneOwnership: 'field', orgUserMayWrite: true,
  codePrefix: 'ORG', defaultSort: 'id', publishedByDefault: true, searchIndexedByZone: true,
  fields: [
    nameZh, nameEn, zoneRef,
    { name: 'kind', type: 'enum', options: ORG_KINDS, label: label('类型', 'Kind'), required: true, inList: true, filter: true },
    { name: 'level', type: 'enum', options: LEVELS, label: label('级别', 'Level'), filter: true },
    {
      name: 'credit_code', type: 'text', label: label('统一社会信用代码', 'Unified social credit code'), inList: true, search: true, upperCase: true, example: completeCreditCode('91620100MA74A1B2C'),
      check: (value) => {
        const problem = checkCreditCode(String(value));
        if (!problem) return null;
        return problem.kind === 'format'
          ? { key: 'field.creditCode.format' }
          : { key: 'field.creditCode.check', params: { expected: problem.expected, actual: problem.actual } };
      },
    },
    { name: 'industry_code', type: 'text', label: label('国民经济行业代码（GB/T 4754）', 'Industry (GB/T 4754)'), maxLength: 5, filter: true, example: 'C3985',
      check: (v) => (/^[A-T](\d{2,4})?$/.test(String(v)) || /^\d{2,4}$/.test(String(v)) ? null : { key: 'field.type', params: { type: 'GB/T 4754 code (e.g. C3985)' } }) },
    hightechField,
    { ...year('founded_year', '成立年份', 'Founded'), check: notInTheFuture },
    { name: 'address', type: 'text', label: label('地址', 'Address'), maxLength: 300 },
    { name: 'website', type: 'text', label: label('网站', 'Website'), maxLength: 300 },
    { name: 'description', type: 'longtext', label: label('简介', 'Description'), maxLength: 20000, search: true },
    descriptionEn(true),
  ],
  naturalCode: (r) => (typeof r.credit_code === 'string' && r.credit_code ? r.credit_code : undefined),
};

export const qualifications: EntityDef = {
  name: 'qualifications', table: 'qualifications', label: label('资质认定', 'Qualifications'), zoneOwnership: 'organization', orgUserMayWrite: false,
  codePrefix: 'Q', defaultSort: 'valid_from', publishedByDefault: true, searchThroughOrganization: true,
  fields: [
    orgRef, derivedZone,
    { name: 'type', type: 'enum', options: QUALIFICATION_TYPES, label: label('资质类型', 'Type'), required: true, inList: true, filter: true },
    { name: 'level', type: 'enum', options: LEVELS, label: label('级别', 'Level') },
    { name: 'certificate_no', type: 'text', label: label('证书编号', 'Certificate number'), maxLength: 60, inList: true, search: true },
    { name: 'valid_from', type: 'date', label: label('有效期起', 'Valid from'), required: true, inList: true },
    { name: 'valid_to', type: 'date', label: label('有效期止', 'Valid to'), inList: true },
    { name: 'source', type: 'text', label: label('来源', 'Source'), maxLength: 500 },
  ],
  checkRecord: (r) => (r.valid_to && r.valid_from && String(r.valid_to) < String(r.valid_from) ? { field: 'valid_to', key: 'field.validRange' } : null),
  naturalCode: (r, refs) => (r.certificate_no ? `Q-${r.certificate_no}` : refs.organization_id && r.type && r.valid_from ? `Q-${refs.organization_id}-${r.type}-${r.valid_from}` : undefined),
};

export const people: EntityDef = {
  name: 'people', table: 'people', label: label('专家人才', 'People'), zoneOwnership: 'field', orgUserMayWrite: false,
  codePrefix: 'P', defaultSort: 'id', publishedByDefault: true, searchIndexedByZone: true,
  fields: [
    nameZh, nameEn, zoneRef,
    { ...orgRef, required: false, label: label('工作单位', 'Affiliation'), filter: false },
    { name: 'title', type: 'text', label: label('职称', 'Title'), maxLength: 100, inList: true },
    { name: 'title_en', type: 'text', label: label('职称（英文）', 'Title (English)'), maxLength: 100, inList: true, translationOf: 'title' },
    { name: 'fields', type: 'list', label: label('研究领域', 'Fields'), search: true, inList: true, notNull: true },
    { name: 'talent_programmes', type: 'list', label: label('人才计划', 'Talent programmes'), notNull: true },
    { name: 'is_expert', type: 'bool', label: label('入库专家', 'Registered expert'), filter: true, inList: true },
    { name: 'email', type: 'text', label: label('电子邮箱', 'Email'), maxLength: 200, contact: true },
    { name: 'bio', type: 'longtext', label: label('简介', 'Biography'), maxLength: 20000, search: true },
    { name: 'bio_en', type: 'longtext', label: label('简介（英文）', 'Biography (English)'), maxLength: 20000, search: true, translationOf: 'bio' },
  ],
};

export const achievements: EntityDef = {
  name: 'achievements', table: 'achievements', label: label('科技成果与专利', 'Achievements and patents'), zoneOwnership: 'organization', orgUserMayWrite: true,
  labelColumns: ['title', 'title_en'],
  codePrefix: 'A', defaultSort: 'id', publishedByDefault: true, searchIndexedByZone: true,
  fields: [
    { name: 'title', type: 'text', label: label('名称', 'Title'), required: true, maxLength: 300, inList: true, search: true },
    { name: 'title_en', type: 'text', label: label('名称（英文）', 'Title (English)'), maxLength: 300, inList: true, search: true, translationOf: 'title' },
    orgRef, derivedZone,
    { name: 'kind', type: 'enum', options: ACHIEVEMENT_KINDS, label: label('类型', 'Kind'), required: true, inList: true, filter: true },
    { name: 'abstract', type: 'longtext', label: label('摘要', 'Abstract'), maxLength: 20000, search: true },
    { name: 'abstract_en', type: 'longtext', label: label('摘要（英文）', 'Abstract (English)'), maxLength: 20000, search: true, translationOf: 'abstract' },
    hightechField,
    { name: 'ipc_code', type: 'text', label: label('IPC 分类号', 'IPC code'), maxLength: 20, filter: true, example: 'H01M 4/13',
      check: (v) => (/^[A-H]\d{2}[A-Z](\s?\d{1,4}\/\d{2,6})?$/.test(String(v)) ? null : { key: 'field.type', params: { type: 'IPC code (e.g. H01M 4/13)' } }) },
    { name: 'patent_no', type: 'text', label: label('专利号', 'Patent number'), maxLength: 40, search: true },
    { name: 'maturity', type: 'int', label: label('技术成熟度（TRL）', 'Maturity (TRL)'), min: 1, max: 9, inList: true },
    year('year', '年份', 'Year'),
    { name: 'converted', type: 'bool', label: label('已转化', 'Converted'), filter: true, inList: true },
  ],
  naturalCode: (r) => (r.patent_no ? `A-${r.patent_no}` : undefined),
};

export const projects: EntityDef = {
  name: 'projects', table: 'projects', label: label('项目', 'Projects'), zoneOwnership: 'field', orgUserMayWrite: false,
  codePrefix: 'PRJ', defaultSort: 'id', publishedByDefault: true, searchIndexedByZone: true,
  fields: [
    nameZh, nameEn, zoneRef,
    { name: 'lead_organization_id', type: 'ref', ref: 'organizations', label: label('牵头单位', 'Lead organisation'), inList: true },
    { name: 'kind', type: 'enum', options: PROJECT_KINDS, label: label('类型', 'Kind'), required: true, inList: true, filter: true },
    { ...amount('amount', '金额（万元）', 'Amount (10k yuan)'), inList: true },
    { name: 'status', type: 'enum', options: PROJECT_STATUSES, label: label('状态', 'Status'), required: true, inList: true, filter: true },
    year('start_year', '开始年份', 'Start year'),
    year('end_year', '结束年份', 'End year'),
    { name: 'description', type: 'longtext', label: label('简介', 'Description'), maxLength: 20000, search: true },
    descriptionEn(true),
  ],
  checkRecord: (r) => (r.end_year != null && r.start_year != null && Number(r.end_year) < Number(r.start_year) ? { field: 'end_year', key: 'field.validRange' } : null),
};

export const annualStatistics: EntityDef = {
  name: 'annual-statistics', table: 'annual_statistics', label: label('企业年度统计', 'Annual statistics'), zoneOwnership: 'organization', orgUserMayWrite: true,
  codePrefix: 'S', defaultSort: 'year', publishedByDefault: false, searchThroughOrganization: true,
  fields: [
    orgRef, derivedZone,
    year('year', '年度', 'Year', true),
    { ...amount('operating_revenue', '营业收入（万元）', 'Operating revenue (10k yuan)'), inList: true },
    { ...amount('rd_expense', '研发费用（万元）', 'R&D expense (10k yuan)'), inList: true },
    { ...count('staff', '从业人员', 'Staff'), inList: true },
    { ...count('rd_staff', '研发人员', 'R&D staff'), inList: true },
    amount('exports', '出口额（万元）', 'Exports (10k yuan)'),
    count('patents_filed', '专利申请数', 'Patents filed'),
    count('patents_granted', '专利授权数', 'Patents granted'),
  ],
  naturalCode: (r, refs) => (refs.organization_id && r.year ? `S-${refs.organization_id}-${r.year}` : undefined),
};

export const zoneFacts: EntityDef = {
  name: 'zone-facts', table: 'zone_facts', label: label('园区事实数据', 'Zone facts'), zoneOwnership: 'field', orgUserMayWrite: false,
  codePrefix: 'F', defaultSort: 'id', publishedByDefault: true,
  fields: [
    zoneRef,
    // Each text once per language (migrations/022): the Chinese in metric/unit/period/source, the English in *_en;
    // lists show the reader's language and fall back to the other.
    { name: 'metric', type: 'text', label: label('指标', 'Metric'), required: true, maxLength: 300, inList: true, filter: true, search: true },
    { name: 'metric_en', type: 'text', label: label('指标（英文）', 'Metric (English)'), maxLength: 300, inList: true, search: true, translationOf: 'metric' },
    { name: 'value', type: 'number', label: label('数值', 'Value'), required: true, inList: true },
    { name: 'unit', type: 'text', label: label('单位', 'Unit'), required: true, maxLength: 40, inList: true },
    { name: 'unit_en', type: 'text', label: label('单位（英文）', 'Unit (English)'), maxLength: 40, inList: true, translationOf: 'unit' },
    { name: 'period', type: 'text', label: label('时期', 'Period'), required: true, maxLength: 40, inList: true, filter: true },
    { name: 'period_en', type: 'text', label: label('时期（英文）', 'Period (English)'), maxLength: 60, inList: true, translationOf: 'period' },
    { name: 'source', type: 'text', label: label('来源', 'Source'), required: true, maxLength: 500, inList: true },
    { name: 'source_en', type: 'text', label: label('来源（英文）', 'Source (English)'), maxLength: 500, inList: true, translationOf: 'source' },
    { name: 'quote', type: 'longtext', label: label('原文摘录', 'Quote'), maxLength: 5000, search: true },
  ],
};

export const REGISTRY_ENTITIES: readonly EntityDef[] = [
  zones, organizations, qualifications, people, achievements, projects, annualStatistics, zoneFacts,
];
