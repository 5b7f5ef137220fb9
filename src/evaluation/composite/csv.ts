/**
 * CSV text ⇄ engine data, without touching the file system (the CLI reads and writes files).
 * Parsing uses papaparse. Numbers are written with 17 significant digits, which round-trips
 * IEEE doubles exactly, trailing zeros trimmed; NA is an empty cell; text is quoted (the same
 * conventions as the COINr reference files).
 */
import Papa from 'papaparse';
import type { CompositeData, FrameworkNode, Table } from './types';

/** A problem in an input file, naming the field; the CLI turns it into exit code 2. */
export class InputError extends Error {
  constructor(readonly file: string, readonly field: string, message: string) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'InputError';
  }
}

export interface CsvRows {
  header: string[];
  rows: Record<string, string>[];
}

export function parseCsv(text: string, file: string): CsvRows {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: false });
  const bad = res.errors.find((e) => e.type !== 'Delimiter');
  if (bad) throw new InputError(file, `row ${(bad.row ?? 0) + 2}`, bad.message);
  return { header: res.meta.fields ?? [], rows: res.data };
}

export function parseNumber(s: string | undefined, file: string, field: string): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '' || t === 'NA') return null;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new InputError(file, field, `"${s}" is not a number`);
  return v;
}

export function readFramework(text: string, file = 'iMeta.csv'): FrameworkNode[] {
  const { header, rows } = parseCsv(text, file);
  for (const req of ['Level', 'iCode']) if (!header.includes(req)) throw new InputError(file, req, 'required column is missing');
  const nodes: FrameworkNode[] = [];
  rows.forEach((r, k) => {
    const where = (f: string): string => `${f} (row ${k + 2}${r.iCode ? `, ${r.iCode}` : ''})`;
    const level = parseNumber(r.Level, file, where('Level'));
    if (level === null) return; // group / denominator rows carry no level
    const iCode = (r.iCode ?? '').trim();
    if (!iCode) throw new InputError(file, where('iCode'), 'empty iCode');
    const direction = parseNumber(r.Direction, file, where('Direction')) ?? 1;
    if (direction !== 1 && direction !== -1) throw new InputError(file, where('Direction'), 'must be 1 or -1');
    const weight = parseNumber(r.Weight, file, where('Weight')) ?? 1;
    const parent = (r.Parent ?? '').trim() || null;
    const denominator = (r.Denominator ?? '').trim() || null;
    const target = parseNumber(r.Target, file, where('Target'));
    const worst = parseNumber(r.Worst, file, where('Worst'));
    const best = parseNumber(r.Best, file, where('Best'));
    nodes.push({
      iCode, level, direction, weight, parent, denominator, target,
      goalposts: worst !== null && best !== null ? { worst, best } : null,
    });
  });
  if (nodes.length === 0) throw new InputError(file, 'Level', 'no rows with a Level');
  return nodes;
}

/** iData: uCode, optional uName/Time, indicator columns (Level-1 iCodes), everything else as group/denominator. */
export function readData(text: string, indicatorCodes: string[], file = 'iData.csv'): CompositeData {
  const { header, rows } = parseCsv(text, file);
  if (!header.includes('uCode')) throw new InputError(file, 'uCode', 'required column is missing');
  for (const code of indicatorCodes) if (!header.includes(code)) throw new InputError(file, code, 'indicator column from iMeta is missing');
  const ind = new Set(indicatorCodes);
  const others = header.filter((h) => h !== 'uCode' && h !== 'uName' && h !== 'Time' && !ind.has(h));
  const data: CompositeData = { units: [], indicators: {}, denominators: {}, groups: {} };
  for (const c of indicatorCodes) data.indicators[c] = [];
  for (const c of others) {
    (data.groups as Record<string, (string | null)[]>)[c] = [];
    (data.denominators as Record<string, (number | null)[]>)[c] = [];
  }
  if (header.includes('Time')) data.time = [];
  rows.forEach((r, k) => {
    const u = (r.uCode ?? '').trim();
    if (!u) throw new InputError(file, `uCode (row ${k + 2})`, 'empty uCode');
    data.units.push(u);
    for (const c of indicatorCodes) data.indicators[c].push(parseNumber(r[c], file, `${c} (row ${k + 2}, ${u})`));
    for (const c of others) {
      const raw = (r[c] ?? '').trim();
      (data.groups as Record<string, (string | null)[]>)[c].push(raw === '' ? null : raw);
      const num = raw === '' || raw === 'NA' ? null : Number(raw);
      (data.denominators as Record<string, (number | null)[]>)[c].push(num !== null && Number.isFinite(num) ? num : null);
    }
    if (data.time) data.time.push(parseNumber(r.Time, file, `Time (row ${k + 2}, ${u})`));
  });
  return data;
}

/** 17 significant digits, trailing zeros trimmed: exact round-trip, like the reference files. */
export function formatNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const s = v.toPrecision(17);
  const [mant, exp] = s.split('e');
  const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  return exp ? `${trimmed}e${exp}` : trimmed;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface CsvColumn {
  name: string;
  /** Text columns are quoted. */
  text?: boolean;
  values: (string | number | null)[];
}

export function formatCsv(columns: CsvColumn[]): string {
  const n = columns[0]?.values.length ?? 0;
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (let i = 0; i < n; i++) {
    lines.push(columns.map((c) => {
      const v = c.values[i];
      if (v === null || v === undefined) return '';
      return c.text || typeof v === 'string' ? quote(String(v)) : formatNumber(v);
    }).join(','));
  }
  return lines.join('\n') + '\n';
}

/** A table as CSV with a leading uCode column; rows sorted by uCode (reference convention). */
export function formatTable(t: Table, sortUnits = true): string {
  const order = t.units.map((_, i) => i);
  if (sortUnits) order.sort((a, b) => (t.units[a] < t.units[b] ? -1 : t.units[a] > t.units[b] ? 1 : 0));
  return formatCsv([
    { name: 'uCode', text: true, values: order.map((i) => t.units[i]) },
    ...t.codes.map((c, j) => ({ name: c, values: order.map((i) => t.values[j][i]) })),
  ]);
}

/** A panel table as CSV: Time and uCode first, rows sorted by year then uCode (reference convention). */
export function formatPanelTable(t: Table & { time: number[] }): string {
  const order = t.units.map((_, i) => i);
  order.sort((a, b) => t.time[a] - t.time[b] || (t.units[a] < t.units[b] ? -1 : t.units[a] > t.units[b] ? 1 : 0));
  return formatCsv([
    { name: 'Time', values: order.map((i) => t.time[i]) },
    { name: 'uCode', text: true, values: order.map((i) => t.units[i]) },
    ...t.codes.map((c, j) => ({ name: c, values: order.map((i) => t.values[j][i]) })),
  ]);
}
