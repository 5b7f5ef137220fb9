import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Starts a worker thread from a module next to the caller. In TypeScript source form (vitest, tsx) the worker file
 * is .ts, which plain Node cannot load: a tiny eval'd bootstrap loads it through tsx's scoped loader first.
 * `base` is the caller's import.meta.url; `file` the worker's name without extension.
 */
export function startWorker(base: string, file: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const isTs = base.endsWith('.ts');
  const entry = new URL(`./${file}${isTs ? '.ts' : '.js'}`, base);
  if (!isTs) return new Worker(entry, { workerData, resourceLimits });
  const tsxDir = path.dirname(createRequire(base).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const target = JSON.stringify(entry.href);
  // A failed import reaches the parent as the worker's 'error' event.
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${target}, ${target}))
    .catch((e) => { throw e; });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
