import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generatedApiFiles } from '../../src/app/openapi-document';

/**
 * The web app's API types (web/src/shared/api/schema.ts) are generated from the server's OpenAPI document: a route
 * whose path, parameters, body or answer changed without `npm run gen:api` fails here, before the web build
 * type-checks calls against a stale description.
 */
describe('the generated web API types', () => {
  it('match the routes (run `npm run gen:api` after changing a route schema)', async () => {
    const committed = readFileSync(new URL('../../web/src/shared/api/schema.ts', import.meta.url), 'utf8');
    const { types } = await generatedApiFiles();
    // Compared line by line so that a failure names the first lines that differ, not two 700 kB strings.
    const a = committed.split('\n');
    const b = types.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    const at = first >= 0 ? first : a.length !== b.length ? Math.min(a.length, b.length) : -1;
    expect(at >= 0 ? { line: at + 1, committed: a.slice(at, at + 5), generated: b.slice(at, at + 5) } : null).toBeNull();
  }, 120_000);
});
