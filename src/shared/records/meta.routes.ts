import type { FastifyInstance } from 'fastify';
import type { EntityDef } from './field-def';

/** Field descriptions for the web app's generic lists and forms (no functions, labels in both languages). */
export function entityMeta(def: EntityDef) {
  return {
    name: def.name,
    label: def.label,
    /** Organisation users may create and change such records of their own organisation (others: operators and admins). */
    orgUserMayWrite: def.orgUserMayWrite,
    fields: def.fields.map((f) => ({
      name: f.name, type: f.type, label: f.label, required: Boolean(f.required), options: f.options, ref: f.ref,
      inList: Boolean(f.inList), filter: Boolean(f.filter), readOnly: Boolean(f.derived),
      min: f.min, max: f.max, maxLength: f.maxLength, translationOf: f.translationOf,
    })),
  };
}

export function metaRoutes(app: FastifyInstance, defs: readonly EntityDef[]) {
  app.get('/api/meta/entities', { schema: { tags: ['meta'], summary: 'Entity and field descriptions with labels in zh-CN and en' } },
    async () => ({ entities: defs.map(entityMeta) }));
}
