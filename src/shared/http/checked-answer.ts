import type { z } from 'zod';

/**
 * A service answer built from SQL rows (typed `Row`, or with plain strings where the schema names an enum), passed on
 * as the type of the route's response schema. The schema still checks it on the way out (Fastify serializes by it:
 * a mismatch is a 500 the API tests catch, a field it does not list is dropped), so this claims nothing unchecked.
 */
export async function checked<S extends z.ZodType>(_schema: S, answer: unknown): Promise<z.output<S>> {
  return (await answer) as z.output<S>;
}
