import { z } from 'zod';
import { calendarDate, dbId, int4, safeText, versionField } from '../http/zod-blocks';
import type { EntityDef, FieldDef } from './field-def';

/**
 * Zod schemas derived from an entity description: one for create, one for patch, one for a returned record.
 * They validate requests and imports, give the static shape, and feed the OpenAPI document.
 */
function valueSchema(field: FieldDef): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'longtext': {
      let s = field.upperCase ? safeText().trim().toUpperCase() : safeText().trim();
      if (field.maxLength) s = s.max(field.maxLength);
      return s;
    }
    case 'int':
    case 'number': {
      // int columns are PostgreSQL integers: a larger value must fail here, naming the field, not in the database.
      let n = field.type === 'int' ? int4() : z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'bool':
      return z.boolean();
    case 'date':
      return calendarDate();
    case 'enum':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'list':
      return z.array(safeText().trim().min(1).max(200)).max(100);
    case 'ref':
      return dbId();
  }
}

function withCheck(field: FieldDef, schema: z.ZodType): z.ZodType {
  const check = field.check;
  if (!check) return schema;
  return schema.superRefine((value, ctx) => {
    const problem = check(value, {});
    if (problem) ctx.addIssue({ code: 'custom', message: problem.key, params: { key: problem.key, params: problem.params } });
  });
}

function describe(field: FieldDef, schema: z.ZodType): z.ZodType {
  return schema.describe(`${field.label.en} / ${field.label.zh}`);
}

const writable = (def: EntityDef) => def.fields.filter((f) => !f.derived);

/**
 * Whether a caller may send null for an optional field. Booleans are true or false (their columns are not null), and
 * lists marked notNull are empty rather than null: null there would reach the database's not-null constraint.
 */
const nullable = (f: FieldDef) => f.type !== 'bool' && !f.notNull;
const optionalOf = (f: FieldDef, base: z.ZodType) => (nullable(f) ? base.nullable().optional() : base.optional());

export function createSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    code: safeText().trim().min(1).max(100).optional().describe('Stable external key; generated when absent'),
    published: z.boolean().optional(),
    generated: z.boolean().optional().describe('Marks synthetic demo or test data'),
  };
  for (const f of writable(def)) {
    const base = describe(f, withCheck(f, valueSchema(f)));
    shape[f.name] = f.required ? base : optionalOf(f, base);
  }
  return z.strictObject(shape);
}

export function patchSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    version: versionField(),
    published: z.boolean().optional(),
  };
  for (const f of writable(def)) {
    const base = describe(f, withCheck(f, valueSchema(f)));
    shape[f.name] = f.required ? base.optional() : optionalOf(f, base);
  }
  return z.strictObject(shape);
}

/**
 * What a record shows of a record it refers to. A referenced record the caller may not see shows its id only
 * (`hidden: true`, code and names null): the reference is a fact of the visible record, the target's content is not.
 */
const refSummary = z.object({
  id: z.number(), code: z.string().nullable(), name_zh: z.string().nullable(), name_en: z.string().nullable(), hidden: z.boolean().optional(),
}).nullable();

export function recordSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    id: z.number(),
    code: z.string(),
    version: z.number(),
    published: z.boolean(),
    generated: z.boolean(),
    retired_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  };
  const refs: Record<string, z.ZodType> = {};
  for (const f of def.fields) {
    shape[f.name] = valueSchema(f).nullable();
    if (f.type === 'ref') refs[f.name] = refSummary;
  }
  shape.refs = z.object(refs);
  shape.may_edit = z.boolean().optional().describe('Whether the caller may change or retire the record (in the response for one record)');
  return z.object(shape);
}

export const versionBody = z.strictObject({ version: versionField() });
