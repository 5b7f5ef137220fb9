#!/usr/bin/env node
// `npm run bench -- <name> [options]` runs bench/<name>.bench.ts.
import { register } from 'tsx/esm/api';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
register();
const name = process.argv[2];
const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
if (!name || !existsSync(`${dir}${name}.bench.ts`)) {
  console.error(`usage: npm run bench -- <name> [options]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(`../bench/${name}.bench.ts`);
