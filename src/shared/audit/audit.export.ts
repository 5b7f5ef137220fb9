import ExcelJS from 'exceljs';
import type { Locale } from '../i18n';
import { csvCell, neutraliseFormula } from '../http/csv-safety';
import type { AuditEvent } from './audit.service';

/**
 * The audit view as a file: one row per event with before and after as JSON text, headers in the caller's language.
 * Every text cell is formula-neutralised (csv-safety.ts), in the XLSX too: a user name or a record's text that starts
 * with "=" must not become a formula when the file is opened, or saved again as CSV.
 */
export type AuditExportFormat = 'csv' | 'xlsx';

const COLUMNS = [
  { key: 'at', zh: '时间', en: 'Time', width: 24 },
  { key: 'user', zh: '操作人', en: 'User', width: 16 },
  { key: 'entity', zh: '对象类型', en: 'Entity', width: 18 },
  { key: 'entity_id', zh: '对象编号', en: 'Record id', width: 10 },
  { key: 'zone', zh: '园区', en: 'Zone', width: 12 },
  { key: 'action', zh: '操作', en: 'Action', width: 18 },
  { key: 'before', zh: '修改前', en: 'Before', width: 50 },
  { key: 'after', zh: '修改后', en: 'After', width: 50 },
  { key: 'source', zh: '来源', en: 'Source', width: 8 },
  { key: 'id', zh: '日志编号', en: 'Log id', width: 10 },
] as const;

type Cells = Record<(typeof COLUMNS)[number]['key'], string | number | null>;

function cellsOf(e: AuditEvent): Cells {
  // An import batch names the records it created by their id range and count instead of an image of each.
  const after = e.batch ? { created: e.batch.count, first_id: e.batch.first_id, last_id: e.batch.last_id } : e.after;
  return {
    at: e.at, user: e.user?.username ?? null, entity: e.entity, entity_id: e.entity_id, zone: e.zone?.code ?? null, action: e.action,
    before: e.before === null ? null : JSON.stringify(e.before), after: after === null ? null : JSON.stringify(after), source: e.source, id: e.id,
  };
}

export async function exportAuditEvents(events: AuditEvent[], format: AuditExportFormat, locale: Locale): Promise<Buffer> {
  const L = locale === 'en' ? 'en' : 'zh';
  if (format === 'csv') {
    const lines = [COLUMNS.map((c) => csvCell(c[L])).join(','), ...events.map((e) => { const row = cellsOf(e); return COLUMNS.map((c) => csvCell(row[c.key])).join(','); })];
    // A BOM makes Excel open the UTF-8 file with Chinese text intact.
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(L === 'en' ? 'Audit log' : '审计日志');
  sheet.columns = COLUMNS.map((c) => ({ header: c[L], key: c.key, width: c.width }));
  for (const e of events) {
    const row = cellsOf(e);
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, typeof row[c.key] === 'string' ? neutraliseFormula(row[c.key] as string) : row[c.key]])));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
