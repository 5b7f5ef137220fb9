import { translate, type Locale } from '../i18n';
import type { EntityDef, FieldDef } from './field-def';
import { SYSTEM_FIELDS, type RowIssue } from './import-rows';
import { entityByName } from './registry-of-entities';

/**
 * Import problems as a person reads them in the wizard: the column by its label in their language (所属园区, not
 * zone_id), vocabularies by their names rather than codes, entity names translated, and the bilingual "zh / en"
 * texts some checks give reduced to the reader's half. `field` stays the machine name for programs.
 */
export interface PresentedIssue {
  line: number;
  field: string;
  column: string;
  message: string;
}

const pickLang = (locale: Locale, label: { zh: string; en: string }) => (locale === 'en' ? label.en : label.zh);

export function columnLabel(def: EntityDef, field: string, locale: Locale): string {
  const f = def.fields.find((x) => x.name === field) ?? SYSTEM_FIELDS[field];
  return f ? pickLang(locale, f.label) : field;
}

function entityLabel(name: string, locale: Locale): string {
  try {
    return pickLang(locale, entityByName(name).label);
  } catch {
    return name;
  }
}

function localParams(def: EntityDef, issue: RowIssue, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  const field: FieldDef | undefined = def.fields.find((x) => x.name === issue.field);
  if (typeof params.entity === 'string') params.entity = entityLabel(params.entity, locale);
  if (issue.key === 'field.enum' && field?.options) params.options = field.options.map((o) => pickLang(locale, o.label)).join(locale === 'en' ? ', ' : '、');
  // Checks written as "english / 中文" in one text.
  if (typeof params.type === 'string' && params.type.includes(' / ')) {
    const [en, zh] = params.type.split(' / ');
    params.type = locale === 'en' ? en! : zh ?? en!;
  }
  return params;
}

export function presentImportIssues(locale: Locale, def: EntityDef, issues: readonly RowIssue[]): PresentedIssue[] {
  return issues.map((issue) => {
    const column = issue.key === 'field.unknown' ? issue.field : columnLabel(def, issue.field, locale);
    const text = translate(locale, issue.key, localParams(def, issue, locale));
    return { line: issue.line, field: issue.field, column, message: `${column}${locale === 'en' ? ': ' : '：'}${text}` };
  });
}
