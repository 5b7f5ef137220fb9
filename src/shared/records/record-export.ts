import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Db, Row } from '../db';
import type { Actor } from '../access/actor';
import type { EntityDef } from './field-def';
import { listRecords, type ListParams } from './record-service';
import { FORMULA_START } from '../http/csv-safety';

/**
 * Exports what the actor can see, with the same filters as the list. References are written as codes and list
 * values joined with ';', so an exported file imports back unchanged (the round trip is tested).
 */
export type ExportFormat = 'csv' | 'xlsx' | 'json';

const PAGE = 500;

export function exportColumns(def: EntityDef): string[] {
  return ['code', ...def.fields.filter((f) => !f.derived).map((f) => f.name), 'published', 'generated'];
}

async function* exportRows(db: Db, actor: Actor | null, def: EntityDef, params: ListParams): AsyncGenerator<Row> {
  // Keyset paging (id > last id seen): every page costs the same however deep the export goes.
  for (let afterId = 0; ; ) {
    const { items } = await listRecords(db, actor, def, { ...params, limit: PAGE, offset: 0, afterId, sort: 'id', order: 'asc' });
    for (const item of items) yield flatten(def, item);
    if (items.length < PAGE) return;
    afterId = Number(items[items.length - 1]!.id);
  }
}

function flatten(def: EntityDef, item: Row): Row {
  const out: Row = {};
  const refs = (item.refs ?? {}) as Record<string, { code: string } | null>;
  for (const col of exportColumns(def)) {
    const f = def.fields.find((x) => x.name === col);
    const v = item[col];
    if (f?.type === 'ref') out[col] = refs[col]?.code ?? null;
    else if (Array.isArray(v)) out[col] = v.join(';');
    else out[col] = v ?? null;
  }
  return out;
}

export async function exportRecords(db: Db, actor: Actor | null, def: EntityDef, params: ListParams, format: ExportFormat): Promise<Buffer> {
  const rows: Row[] = [];
  for await (const r of exportRows(db, actor, def, params)) rows.push(r);
  const columns = exportColumns(def);
  if (format === 'json') return Buffer.from(JSON.stringify(rows, null, 1));
  if (format === 'csv') {
    // A BOM makes Excel open the UTF-8 file with Chinese text intact.
    return Buffer.from(`\uFEFF${Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { escapeFormulae: FORMULA_START })}`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(def.name);
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
