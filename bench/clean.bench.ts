// Reading and cleaning benchmark: readDocument + cleanDocument over generated pages (seed texts and
// HTML pages built around them, ~10 KB each), one after another on one core.
//   npm run bench -- clean [--docs 10000]
// Progress goes to stderr; the last stdout line is one JSON object.
import { benchCorpus } from '../src/intelligence/clean/bench-corpus';
import { cleanDocument, readDocument } from '../src/intelligence/clean';

const i = process.argv.indexOf('--docs');
const count = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
const docs = benchCorpus(count);
const bytes = docs.reduce((sum, d) => sum + d.bytes.byteLength, 0);
// Warm-up: JIT, the OpenCC character table, decoders.
for (const d of docs.slice(0, 200)) {
  const r = await readDocument(d.bytes, d.name);
  if (r.ok) cleanDocument(r);
}
const times: number[] = [];
let failed = 0;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let peakRss = process.memoryUsage().rss;
for (let n = 0; n < docs.length; n++) {
  const d = docs[n] as (typeof docs)[number];
  const t0 = performance.now();
  const r = await readDocument(d.bytes, d.name);
  if (r.ok) cleanDocument(r);
  else failed++;
  times.push(performance.now() - t0);
  if (n % 1000 === 0) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    process.stderr.write(`${n}/${docs.length}\n`);
  }
}
const wallMs = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  JSON.stringify({
    bench: 'clean',
    docs: docs.length,
    failed,
    mean_doc_kb: Number((bytes / docs.length / 1024).toFixed(1)),
    docs_per_s: Math.round(docs.length / (wallMs / 1000)),
    cpu_ms_per_doc: Number((cpuMs / docs.length).toFixed(3)),
    p50_doc_ms: Number((times[Math.floor(times.length * 0.5)] ?? 0).toFixed(3)),
    p95_doc_ms: Number((times[Math.floor(times.length * 0.95)] ?? 0).toFixed(3)),
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  }),
);
