import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Queryable } from '../db';
import type { Locale } from '../i18n';
import type { EntityDef, FieldDef } from './field-def';
import { SYSTEM_FIELDS } from './import-rows';
import { entityByName } from './registry-of-entities';

/**
 * A file to fill in for importing one entity: the column labels in the user's language (the importer reads labels of
 * either language, field names and codes alike) and one example row that passes validation: vocabularies by their
 * names, references by the name of a real record (the importer resolves names and codes), formatted fields by the
 * example their description gives.
 */
export type TemplateFormat = 'csv' | 'xlsx';

const pick = (locale: Locale, l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);

/** The fields a file sets: not the derived ones (a zone taken from the organisation). */
export const templateFields = (def: EntityDef): FieldDef[] => [SYSTEM_FIELDS.code!, ...def.fields.filter((f) => !f.derived)];

async function refExample(db: Queryable, field: FieldDef, locale: Locale): Promise<string> {
  const target = entityByName(field.ref!);
  const [zh, en] = target.labelColumns ?? ['name_zh', 'name_en'];
  const rows = await db.query<{ zh: string | null; en: string | null; code: string }>(
    `select ${zh} as zh, ${en} as en, code from ${target.table} where retired_at is null and published order by id limit 1`);
  const r = rows[0];
  if (!r) return '';
  return (locale === 'en' ? r.en : r.zh) ?? r.zh ?? r.code;
}

function valueExample(def: EntityDef, field: FieldDef, locale: Locale): string {
  if (field.example) return field.example;
  if (field.name === 'code') return `${def.codePrefix}-EXAMPLE-001`;
  const year = new Date().getFullYear();
  switch (field.type) {
    case 'enum': return field.options?.[0] ? pick(locale, field.options[0].label) : '';
    case 'list': return field.options?.length ? field.options.slice(0, 2).map((o) => pick(locale, o.label)).join(locale === 'en' ? '; ' : '；')
      : locale === 'en' ? 'first; second' : '示例一；示例二';
    case 'bool': return locale === 'en' ? 'no' : '否';
    case 'date': return `${year + 1}-06-30`;
    case 'int': {
      if (field.min !== undefined && field.min >= 1900) return String(Math.min(year - 1, field.max ?? year - 1));
      if (field.min !== undefined && field.max !== undefined) return String(Math.round((field.min + field.max) / 2));
      return String(Math.max(field.min ?? 1, 1));
    }
    case 'number': return '100';
    default: return locale === 'en' ? `Example ${field.label.en.toLowerCase()}` : `示例${field.label.zh}`;
  }
}

export async function importTemplate(db: Queryable, def: EntityDef, locale: Locale, format: TemplateFormat): Promise<Buffer> {
  const fields = templateFields(def);
  const headers = fields.map((f) => pick(locale, f.label) + (f.required ? (locale === 'en' ? ' *' : '＊') : ''));
  const example: string[] = [];
  for (const f of fields) example.push(f.type === 'ref' ? await refExample(db, f, locale) : valueExample(def, f, locale));
  if (format === 'csv') {
    // With a BOM, so that Excel opens the UTF-8 file with its Chinese intact.
    return Buffer.from(`\uFEFF${Papa.unparse([headers, example])}\r\n`, 'utf8');
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(pick(locale, def.label).slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(example);
  sheet.columns.forEach((c, i) => { c.width = Math.max(12, Math.min(40, (headers[i]?.length ?? 10) * 2 + 4)); });
  return Buffer.from(await book.xlsx.writeBuffer());
}
