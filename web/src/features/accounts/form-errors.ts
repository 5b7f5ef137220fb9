// Puts the server's field problems (400 naming the field) beside the form fields; other errors become one message.
import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/client';

export function showProblem(form: FormInstance, e: unknown, fallback: (text: string) => void): void {
  if (isApiError(e) && e.fieldErrors.length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const onFields = e.fieldErrors.filter((f) => known.has(f.field));
    form.setFields(onFields.map((f) => ({ name: f.field, errors: [f.message] })));
    const rest = e.fieldErrors.filter((f) => !known.has(f.field));
    if (rest.length || !onFields.length) fallback(rest.map((f) => `${f.field}: ${f.message}`).join('; ') || e.message);
    return;
  }
  fallback(e instanceof Error ? e.message : String(e));
}
