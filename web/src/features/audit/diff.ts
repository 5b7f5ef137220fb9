// Field-by-field comparison of an audit event's before and after images (both are flat-ish JSON objects).

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Every field of either image, changed ones first (in the order they appear), then the unchanged ones. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => {
    const changed = JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null);
    return { field, before: b[field], after: a[field], changed };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/** A value as one line of text: strings as they are, anything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
