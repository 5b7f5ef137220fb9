// `npm run gen:api`: regenerates web/src/shared/api/schema.ts, the web app's API types, from the server's OpenAPI
// document (src/app/openapi-document.ts). `npm run gen:api -- --document FILE` also writes the document itself
// (what GET /docs/json serves), e.g. for another client's generator.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedApiFiles } from '../src/app/openapi-document';

const out = fileURLToPath(new URL('../web/src/shared/api/schema.ts', import.meta.url));
const at = process.argv.indexOf('--document');
const documentFile = at > 0 ? process.argv[at + 1] : undefined;
if (at > 0 && !documentFile) throw new Error('--document needs a file name');
const { json, types } = await generatedApiFiles();
writeFileSync(out, types);
console.log(`wrote ${out}`);
if (documentFile) {
  writeFileSync(documentFile, json);
  console.log(`wrote ${documentFile}`);
}
