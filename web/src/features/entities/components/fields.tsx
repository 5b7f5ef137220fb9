// Rendering and editing of one field, driven by its metadata. Every entity page goes through these.
import { DatePicker, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import type { FormItemProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldMeta, Item, RefValue } from '../../../shared/api/types';
import type { I18n } from '../../../shared/i18n';
import { RefSelect } from './RefSelect';
import { textLang } from '../../../shared/i18n/text-lang';

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export function optionLabel(field: FieldMeta, value: unknown, i18n: I18n): string {
  const opt = field.options?.find((o) => o.value === String(value));
  return opt ? i18n.pick(opt.label) : String(value);
}

/** The name-like field to show first in lists and titles. */
export function titleFieldNames(fields: FieldMeta[], lang: string): string[] {
  const names = fields.map((f) => f.name);
  // A bare `title` is the Chinese text of a title_en translation (migrations/026).
  const preferred = lang === 'en' ? ['name_en', 'name_zh', 'title_en', 'title_zh', 'title'] : ['name_zh', 'name_en', 'title_zh', 'title', 'title_en'];
  return [...preferred, 'name', 'title', ...(lang === 'en' ? ['metric_en', 'metric'] : ['metric', 'metric_en']), 'code'].filter((n) => names.includes(n));
}

/**
 * Of a field and its English translation (`translationOf`), the one to show: the reader's language, else the other
 * when that is empty. A field without a translation is itself.
 */
export function fieldInLanguage(field: FieldMeta, fields: FieldMeta[], item: Item, lang: string): FieldMeta {
  const english = fields.find((f) => f.translationOf === field.name);
  if (!english) return field;
  const [first, second] = lang === 'en' ? [english, field] : [field, english];
  return isEmpty(item[first.name]) ? second : first;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * The language a shown field's text is in: an English field (`*_en`, a translation) is English, a Chinese name
 * (`*_zh`) or the Chinese side of a translated pair is Chinese unless it has no Chinese characters; other fields
 * (codes, numbers, keywords) have none of their own.
 */
export function languageOfField(field: FieldMeta, fields: FieldMeta[], value: unknown): 'zh' | 'en' | undefined {
  if (field.translationOf || field.name.endsWith('_en')) return 'en';
  if (field.name.endsWith('_zh') || fields.some((f) => f.translationOf === field.name)) return typeof value === 'string' && !HAN.test(value) ? 'en' : 'zh';
  return undefined;
}

/**
 * A field in the reader's language (fieldInLanguage). Text in the other language carries its `lang` (so screen
 * readers and the language check of the browser tests know it), and a translated text shown in the other language
 * because the reader's is missing says so with a small mark.
 */
export function FieldInLanguage({ field, fields, item, i18n, full }: { field: FieldMeta; fields: FieldMeta[]; item: Item; i18n: I18n; full?: boolean }) {
  const shown = fieldInLanguage(field, fields, item, i18n.lang);
  const value = <FieldValue field={shown} item={item} i18n={i18n} full={full} />;
  // A verbatim quote is in the language of its source, whatever the reader's.
  if (shown.name === 'quote' && typeof item.quote === 'string') return <span lang={textLang(item.quote)}>{value}</span>;
  const language = isEmpty(item[shown.name]) ? undefined : languageOfField(shown, fields, item[shown.name]);
  const ui = i18n.lang === 'en' ? 'en' : 'zh';
  if (!language || language === ui) return value;
  const translated = fields.some((f) => f.translationOf === (shown.translationOf ?? shown.name));
  return (
    <>
      <span lang={language === 'zh' ? 'zh-CN' : 'en'}>{value}</span>
      {translated ? <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>{i18n.t('common.inOtherLanguage')}</Typography.Text> : null}
    </>
  );
}

export function itemTitle(item: Item | undefined, fields: FieldMeta[], i18n: I18n): string {
  if (!item) return '';
  for (const n of titleFieldNames(fields, i18n.lang)) {
    const v = item[n];
    if (!isEmpty(v)) return String(v);
  }
  // Records without a name (qualifications, statistics…): their organisation or zone, and what they are.
  const parts: string[] = [];
  const ref = fields.find((f) => f.type === 'ref' && item.refs?.[f.name]);
  if (ref) parts.push(i18n.name(item.refs![ref.name]));
  const kind = fields.find((f) => f.type === 'enum' && !isEmpty(item[f.name]));
  if (kind) parts.push(optionLabel(kind, item[kind.name], i18n));
  else if (!isEmpty(item.year)) parts.push(String(item.year));
  if (parts.length) return parts.join(' · ');
  if (typeof item.code === 'string' && item.code) return item.code;
  return `#${item.id}`;
}

function formatNumber(v: unknown, lang: string, grouping = true): string {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 4, useGrouping: grouping });
}

export function formatDateTime(v: unknown, lang: string): string {
  if (isEmpty(v)) return '—';
  const d = dayjs(String(v));
  if (!d.isValid()) return String(v);
  return d.format(lang === 'en' ? 'YYYY-MM-DD HH:mm' : 'YYYY年MM月DD日 HH:mm');
}

/** Plain text of a field value (for titles, diffs). */
export function fieldText(field: FieldMeta | undefined, value: unknown, i18n: I18n, refs?: Item['refs']): string {
  if (isEmpty(value)) return '—';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'ref': {
      const r = refs?.[field.name];
      return r ? i18n.name(r) : `#${String(value)}`;
    }
    case 'enum':
      return optionLabel(field, value, i18n);
    case 'bool':
      return value ? i18n.t('common.yes') : i18n.t('common.no');
    case 'list':
      return (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v, i18n)).join(', ');
    case 'int':
    case 'number':
      // years read as 2023, not 2,023
      return formatNumber(value, i18n.lang, !/year/.test(field.name));
    case 'date':
      return String(value).slice(0, 10);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * Of a keyword list written in both languages (research fields "新材料", "New materials": kept so that either
 * language finds the record), the entries in the reader's script; a list in one script is shown whole.
 */
function inReaderScript(values: unknown[], lang: string): unknown[] {
  const han = values.filter((v) => HAN.test(String(v)));
  if (han.length === 0 || han.length === values.length) return values;
  return lang === 'en' ? values.filter((v) => !HAN.test(String(v))) : han;
}

/** A field value for display in tables and the detail drawer. */
export function FieldValue({ field, item, i18n, full }: { field: FieldMeta; item: Item; i18n: I18n; full?: boolean }) {
  const value = item[field.name];
  if (field.type === 'ref') {
    const r = item.refs?.[field.name];
    // A reference the reader may not see (or that is gone) is not shown by its internal id.
    if (!r) return isEmpty(value) ? <span style={{ color: '#bbb' }}>—</span> : <span style={{ color: '#bbb' }}>{i18n.t('common.unavailableRecord')}</span>;
    // A name shown in the other language (no name in the reader's) carries that language.
    const otherLang = i18n.lang === 'en' ? (!r.name_en && r.name_zh ? 'zh-CN' : undefined) : (!r.name_zh && r.name_en ? 'en' : undefined);
    return (
      <span>
        <span lang={otherLang}>{i18n.name(r)}</span>
        {full && r.code ? <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>{r.code}</Typography.Text> : null}
      </span>
    );
  }
  if (isEmpty(value)) return <span style={{ color: '#bbb' }}>—</span>;
  switch (field.type) {
    case 'list':
      return (
        <span>
          {inReaderScript(Array.isArray(value) ? value : [value], i18n.lang).map((v, i) => (
            <Tag key={i}>{optionLabel(field, v, i18n)}</Tag>
          ))}
        </span>
      );
    case 'enum':
      return <Tag color="blue">{optionLabel(field, value, i18n)}</Tag>;
    case 'bool':
      return <span>{value ? i18n.t('common.yes') : i18n.t('common.no')}</span>;
    case 'longtext':
      return full ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>
      ) : (
        <Typography.Text ellipsis style={{ maxWidth: 280 }}>
          {String(value)}
        </Typography.Text>
      );
    default:
      return <span>{fieldText(field, value, i18n)}</span>;
  }
}

/** Form.Item props needed for a field type (value conversion). */
export function formItemPropsFor(field: FieldMeta): Partial<FormItemProps> {
  switch (field.type) {
    case 'bool':
      return { valuePropName: 'checked' };
    case 'date':
      return {
        getValueProps: (v: unknown) => ({ value: isEmpty(v) ? null : dayjs(String(v)) }),
        normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
      };
    default:
      return {};
  }
}

/** The input for a field in create/edit forms. */
export function FieldInput({
  field,
  i18n,
  initialRef,
  disabled,
  ...control
}: {
  field: FieldMeta;
  i18n: I18n;
  initialRef?: RefValue | null;
  disabled?: boolean;
  // value / onChange / id / checked are injected by Form.Item
  [k: string]: unknown;
}) {
  const common = { ...control, disabled, id: control.id as string | undefined };
  const options = field.options?.map((o) => ({ value: o.value, label: i18n.pick(o.label) }));
  switch (field.type) {
    case 'longtext':
      return <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case 'int':
      return <InputNumber {...common} precision={0} style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber {...common} style={{ width: '100%' }} />;
    case 'bool':
      return <Switch {...common} />;
    case 'date':
      return <DatePicker {...common} style={{ width: '100%' }} />;
    case 'enum':
      return <Select {...common} options={options} allowClear showSearch={{ optionFilterProp: 'label' }} />;
    case 'list':
      return options && options.length > 0 ? (
        <Select {...common} mode="multiple" options={options} allowClear />
      ) : (
        <Select {...common} mode="tags" open={false} suffixIcon={null} placeholder={i18n.t('form.listPlaceholder')} tokenSeparators={[',', '，', ';', '；']} />
      );
    case 'ref':
      return <RefSelect {...common} entity={field.ref ?? ''} initial={initialRef} style={{ width: '100%' }} />;
    default:
      return <Input {...common} />;
  }
}
