import { z } from 'zod';
import type { EntityDef, FieldDef } from './field-def';

/**
 * Zod schemas derived from an entity description: one for create, one for patch, one for a returned record.
 * They validate requests and imports, give the static shape, and feed the OpenAPI document.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function valueSchema(field: FieldDef): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'longtext': {
      let s = z.string().trim();
      if (field.maxLength) s = s.max(field.maxLength);
      return s;
    }
    case 'int':
    case 'number': {
      let n = field.type === 'int' ? z.number().int() : z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'bool':
      return z.boolean();
    case 'date':
      return z.string().regex(DATE).refine((v) => !Number.isNaN(Date.parse(v)), { params: { key: 'field.date' } });
    case 'enum':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'list':
      return z.array(z.string().trim().min(1).max(200)).max(100);
    case 'ref':
      return z.number().int().positive();
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

export function createSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    code: z.string().trim().min(1).max(100).optional().describe('Stable external key; generated when absent'),
    published: z.boolean().optional(),
    generated: z.boolean().optional().describe('Marks synthetic demo or test data'),
  };
  for (const f of writable(def)) {
    const base = describe(f, withCheck(f, valueSchema(f)));
    shape[f.name] = f.required ? base : base.nullable().optional();
  }
  return z.strictObject(shape);
}

export function patchSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    version: z.number().int().positive().describe('The version you read; a newer version on the server means a conflict'),
    published: z.boolean().optional(),
  };
  for (const f of writable(def)) {
    const base = describe(f, withCheck(f, valueSchema(f)));
    shape[f.name] = f.required ? base.optional() : base.nullable().optional();
  }
  return z.strictObject(shape);
}

const refSummary = z.object({ id: z.number(), code: z.string(), name_zh: z.string(), name_en: z.string().nullable() }).nullable();

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
  return z.object(shape);
}

export const versionBody = z.strictObject({ version: z.number().int().positive() });
