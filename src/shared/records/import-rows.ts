import type { Queryable, Row } from '../db';
import type { FieldIssue } from '../http/errors';
import { fieldIssueFromZod } from '../http/zod-issues';
import type { EntityDef, FieldDef } from './field-def';
import { createSchema } from './record-schema';
import { resolveReferences, type RefHit } from './import-references';
import { entityByName } from './registry-of-entities';
import type { RawRow } from './file-reader';
import type { Visibility } from './record-repository';

/**
 * Turns raw file rows into validated records: headers are matched to fields (by name or by either language's label),
 * text is coerced to each field's type, references are resolved by code, and every problem is kept with its line.
 */
export interface RowIssue {
  line: number;
  field: string;
  key: FieldIssue['key'];
  params?: FieldIssue['params'];
}

export interface PreparedRow {
  line: number;
  record: Row;
  /** Codes of referenced records, for natural codes. */
  refCodes: Record<string, string | undefined>;
}

const SYSTEM_HEADERS = ['code', 'published', 'generated'];
export const SYSTEM_FIELDS: Record<string, FieldDef> = {
  code: { name: 'code', type: 'text', label: { zh: '代码', en: 'Code' } },
  published: { name: 'published', type: 'bool', label: { zh: '公开', en: 'Published' } },
  generated: { name: 'generated', type: 'bool', label: { zh: '生成数据', en: 'Generated' } },
};

/** Every header any row has (rows of a CSV or XLSX share theirs; JSON objects may differ). */
export function headersOf(raw: readonly RawRow[]): string[] {
  const headers = new Set<string>();
  for (const r of raw) for (const k in r.values) headers.add(k);
  return [...headers];
}

/** Header → field name, accepting `zone_id`, `zone`, `zone_code`, 所属园区, Zone … */
export function headerMap(def: EntityDef, headers: readonly string[]): { map: Map<string, string>; unknown: string[] } {
  const lookup = new Map<string, string>();
  for (const h of SYSTEM_HEADERS) for (const alias of [h, SYSTEM_FIELDS[h]!.label.zh, SYSTEM_FIELDS[h]!.label.en]) lookup.set(alias.toLowerCase(), h);
  for (const f of def.fields) {
    for (const alias of [f.name, f.label.zh, f.label.en, f.name.replace(/_id$/, ''), `${f.name.replace(/_id$/, '')}_code`]) {
      lookup.set(alias.toLowerCase(), f.name);
    }
  }
  const map = new Map<string, string>();
  const unknown: string[] = [];
  for (const h of headers) {
    // The template marks required columns with a trailing * (＊ in Chinese).
    const name = lookup.get(h.trim().replace(/\s*[*＊]$/, '').toLowerCase());
    if (name) map.set(h, name);
    else unknown.push(h);
  }
  return { map, unknown };
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '对', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '错', 'f']);

/** Coerces one raw value to the field's type; returns undefined for empty cells and a problem for bad ones. */
function coerce(field: FieldDef | undefined, raw: unknown): { value?: unknown; issue?: Omit<FieldIssue, 'field'> } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const type = field?.type ?? 'text';
  switch (type) {
    case 'int':
    case 'number':
    case 'ref': {
      if (type === 'ref' && typeof text === 'string') return { value: text }; // by code, name or id: resolved later (import-references.ts)
      const n = typeof text === 'number' ? text : Number(String(text).replace(/[,，\s]/g, ''));
      return Number.isFinite(n) ? { value: n } : { issue: { key: type === 'number' ? 'field.number' : 'field.integer' } };
    }
    case 'bool': {
      if (typeof text === 'boolean') return { value: text };
      const t = String(text).toLowerCase();
      return TRUE.has(t) ? { value: true } : FALSE.has(t) ? { value: false } : { issue: { key: 'field.bool' } };
    }
    case 'date': {
      if (text instanceof Date) return { value: text.toISOString().slice(0, 10) };
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(text));
      return m ? { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` } : { issue: { key: 'field.date' } };
    }
    case 'enum': {
      const t = String(text);
      const match = field?.options?.find((o) => o.value === t || o.label.zh === t || o.label.en.toLowerCase() === t.toLowerCase());
      return { value: match ? match.value : t };
    }
    case 'list': {
      const items = Array.isArray(text) ? text.map(String) : String(text).split(/[;；、|]/).map((s) => s.trim()).filter(Boolean);
      // A list over a vocabulary (cooperation modes) takes each item by its code or its name in either language.
      const byLabel = (item: string) => field?.options?.find((o) => o.value === item || o.label.zh === item || o.label.en.toLowerCase() === item.toLowerCase())?.value ?? item;
      return { value: items.map(byLabel) };
    }
    default:
      return { value: text instanceof Date ? text.toISOString().slice(0, 10) : String(text) };
  }
}

/**
 * Prepares rows in two phases so that an import can write batch i while batch i+1 is being validated:
 * `resolveRows` coerces every row and resolves references by code (database reads, done once per file), then
 * `finish(start, end)` validates a slice of rows (pure and synchronous: schema, rules, codes, duplicates in the file).
 */
export interface RowPreparer {
  readonly count: number;
  /** Problems with the file as a whole (unknown columns). */
  readonly fileIssues: RowIssue[];
  finish(start: number, end: number): { rows: PreparedRow[]; issues: RowIssue[] };
}

/**
 * `seenCodes` carries the codes met so far across the pieces of one file (duplicates in the file). `visibility` is what
 * the importing user may read: references resolve only to those records (import-references.ts); all when absent.
 */
export async function resolveRows(db: Queryable, def: EntityDef, raw: readonly RawRow[], seenCodes = new Map<string, number>(), visibility: Visibility = { all: true }): Promise<RowPreparer> {
  const headers = headersOf(raw);
  const { map, unknown } = headerMap(def, headers);
  const fileIssues: RowIssue[] = unknown.map((h) => ({ line: 1, field: h, key: 'field.unknown', params: { entity: def.name } }));
  const schema = createSchema(def);
  const fieldByName = new Map(def.fields.map((f) => [f.name, f]));
  // Each known column once: its header, its field name and its definition (derived fields are never input).
  const columns = [...map].map(([header, name]) => ({ header, name, field: fieldByName.get(name) ?? SYSTEM_FIELDS[name] }))
    .filter((c) => !c.field?.derived);

  // First pass: coerce; collect the codes that references use.
  const coerced = raw.map((r) => {
    const record: Row = {};
    const rowIssues: RowIssue[] = [];
    for (const c of columns) {
      if (!(c.header in r.values)) continue;
      const { value: v, issue } = coerce(c.field, r.values[c.header]);
      if (issue) rowIssues.push({ line: r.line, field: c.name, ...issue });
      else if (v !== null) record[c.name] = v;
    }
    return { line: r.line, record, rowIssues };
  });

  const refFields = def.fields.filter((f) => f.type === 'ref');
  const resolved = new Map<string, Map<string, RefHit>>();
  for (const f of refFields) {
    const codes = [...new Set(coerced.map((c) => c.record[f.name]).filter((v): v is string => typeof v === 'string'))];
    resolved.set(f.name, await resolveReferences(db, entityByName(f.ref!), codes, visibility));
  }

  // The zone of a record owned through its organisation is derived, not validated as input.
  const derives = def.zoneOwnership === 'organization';
  function finishOne(c: (typeof coerced)[number], rows: PreparedRow[], issues: RowIssue[]) {
    const rowIssues = c.rowIssues;
    const refCodes: Record<string, string | undefined> = {};
    for (const f of refFields) {
      const v = c.record[f.name];
      if (typeof v !== 'string') continue;
      const hit = resolved.get(f.name)!.get(v.trim());
      if (hit && 'ambiguous' in hit) {
        rowIssues.push({ line: c.line, field: f.name, key: 'field.ambiguousRef', params: { entity: f.ref!, value: v, count: hit.ambiguous } });
        delete c.record[f.name];
      } else if (hit) {
        c.record[f.name] = hit.id;
        refCodes[f.name] = v;
        if (f.name === 'organization_id' && derives) c.record.zone_id = hit.zone_id;
      } else {
        rowIssues.push({ line: c.line, field: f.name, key: 'field.unknownRef', params: { entity: f.ref!, value: v } });
        delete c.record[f.name];
      }
    }
    const derivedZone = c.record.zone_id;
    if (derives) delete c.record.zone_id;
    const parsed = schema.safeParse(c.record);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        if (rowIssues.some((i) => i.field === String(zi.path[0]))) continue;
        for (const fi of fieldIssueFromZod(zi)) rowIssues.push({ line: c.line, ...fi });
      }
    }
    const record = (parsed.success ? parsed.data : c.record) as Row;
    if (derives && derivedZone !== undefined) record.zone_id = derivedZone;
    const rule = parsed.success ? def.checkRecord?.(record) : null;
    if (rule) rowIssues.push({ line: c.line, field: rule.field, key: rule.key, params: rule.params });
    if (!record.code) {
      const natural = def.naturalCode?.(record, refCodes);
      if (natural) record.code = natural;
      else rowIssues.push({ line: c.line, field: 'code', key: 'field.required' });
    }
    if (typeof record.code === 'string') {
      const first = seenCodes.get(record.code);
      if (first !== undefined) rowIssues.push({ line: c.line, field: 'code', key: 'field.duplicateInFile', params: { line: first } });
      else seenCodes.set(record.code, c.line);
    }
    if (rowIssues.length) issues.push(...rowIssues);
    else rows.push({ line: c.line, record, refCodes });
  }
  return {
    count: coerced.length,
    fileIssues,
    finish(start, end) {
      const rows: PreparedRow[] = [];
      const issues: RowIssue[] = [];
      for (let i = start; i < Math.min(end, coerced.length); i++) finishOne(coerced[i]!, rows, issues);
      return { rows, issues };
    },
  };
}

/** Both phases over the whole file. */
export async function prepareRows(db: Queryable, def: EntityDef, raw: readonly RawRow[]): Promise<{ rows: PreparedRow[]; issues: RowIssue[] }> {
  const preparer = await resolveRows(db, def, raw);
  const { rows, issues } = preparer.finish(0, preparer.count);
  return { rows, issues: [...preparer.fileIssues, ...issues] };
}
