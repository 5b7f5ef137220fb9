import { z } from 'zod';

/**
 * The building blocks of the domains' response schemas (transfer/workflow/schemas.ts, evaluation.schemas.ts,
 * registry.schemas.ts). A route's response schema is documented in OpenAPI, checks every response on the way out,
 * and gives the web app its types (type-only imports), so these pieces are written once.
 */
export const num = z.number();
export const nullableNum = z.number().nullable();
export const text = z.string().nullable();
export const when = z.string().describe('ISO timestamp');
/** A text in both languages. */
export const label = z.object({ zh: z.string(), en: z.string() });
