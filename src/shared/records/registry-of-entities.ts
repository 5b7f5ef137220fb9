import type { EntityDef } from './field-def';

/** Every described entity by name, filled by the domains at start (registry, later transfer…). */
const entities = new Map<string, EntityDef>();

export function registerEntities(defs: readonly EntityDef[]): void {
  for (const d of defs) entities.set(d.name, d);
}

export function entityByName(name: string): EntityDef {
  const def = entities.get(name);
  if (!def) throw new Error(`unknown entity ${name}`);
  return def;
}

export function allEntities(): EntityDef[] {
  return [...entities.values()];
}
