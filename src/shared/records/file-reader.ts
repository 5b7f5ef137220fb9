import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { AppError } from '../http/errors';

/**
 * Reads an uploaded table (CSV, XLSX or JSON) into rows of header → raw value, each with the line a person sees
 * in the file (the header is line 1 in CSV and XLSX; JSON counts array items from 1). This reads a whole file in
 * memory, for small files and tests; imports read files as a stream, a batch at a time (file-stream.ts).
 */
export type FileFormat = 'csv' | 'xlsx' | 'json';

export interface RawRow {
  line: number;
  values: Record<string, unknown>;
}

export function formatOf(fileName: string, bytes: Uint8Array): FileFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'xlsx';
  if (ext === 'json' || ext === 'jsonl') return 'json';
  return 'csv';
}

/**
 * Chinese spreadsheets are often saved as GBK/GB18030 CSV. Valid UTF-8 is taken as UTF-8 (BOM removed);
 * anything else is decoded as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<RawRow[]> {
  const format = formatOf(fileName, bytes);
  if (format === 'xlsx') return readXlsx(bytes);
  const text = decodeText(bytes);
  return format === 'json' ? readJson(text) : readCsv(text);
}

function readCsv(text: string): RawRow[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new AppError('BAD_FILE', 'problem.file', { reason: `line ${(fatal.row ?? 0) + 1}: ${fatal.message}` });
  const [header, ...lines] = parsed.data;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  const rows: RawRow[] = [];
  lines.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, unknown> = {};
    names.forEach((n, j) => { if (n) values[n] = cells[j]; });
    rows.push({ line: i + 2, values });
  });
  return rows;
}

function readJson(text: string): RawRow[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  let items: unknown[];
  try {
    items = trimmed.startsWith('[') ? JSON.parse(trimmed) as unknown[] : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  } catch (err) {
    throw new AppError('BAD_FILE', 'problem.file', { reason: (err as Error).message });
  }
  return items.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new AppError('BAD_FILE', 'problem.file', { reason: `item ${i + 1} is not an object` });
    return { line: i + 1, values: item as Record<string, unknown> };
  });
}

async function readXlsx(bytes: Uint8Array): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('BAD_FILE', 'problem.file', { reason: (err as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const names: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { names[col] = cellValue(cell.value)?.toString().trim() ?? ''; });
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, lineNo) => {
    if (lineNo === 1) return;
    const values: Record<string, unknown> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => { if (names[col]) values[names[col]!] = cellValue(cell.value); });
    if (Object.keys(values).length) rows.push({ line: lineNo, values });
  });
  return rows;
}

/** Rich text, formulas and hyperlinks become their displayed value; dates stay dates. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result;
  if ('text' in v) return v.text;
  return String(v);
}
