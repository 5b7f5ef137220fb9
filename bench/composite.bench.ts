/**
 * Composite engine benchmark: `npx tsx bench/composite.bench.ts` (or `npm run bench -- composite`).
 * Synthetic 200 units × 60 indicators in a 3-level tree (60 indicators → 10 pillars → Index),
 * with skewed indicators (so treatment works) and 2 % missing values.
 *   composite_ms    median of several full builds after warm-up (target < 50 ms)
 *   sensitivity_ms  10,000-run Monte Carlo over winmax × normalisation × aggregation × weights,
 *                   on worker threads (target < 2 s on 2 cores)
 * Progress goes to stderr; the last line on stdout is one JSON object with the figures.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildComposite, createRng, runUncertainty } from '../src/evaluation/composite';
import type { CompositeData, CompositeMethod, FrameworkNode, UncertainInputs } from '../src/evaluation/composite';

const N_UNITS = 200;
const N_IND = 60;
const N_PILLARS = 10;
const BUILD_REPEATS = 15;
const WARMUP = 3;
const MC_RUNS = 10_000;

function log(msg: string): void {
  process.stderr.write(`[bench composite] ${msg}\n`);
}

function syntheticInputs(seed: number): { framework: FrameworkNode[]; data: CompositeData } {
  const rng = createRng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const framework: FrameworkNode[] = [];
  const data: CompositeData = { units: [], indicators: {}, groups: { region: [] } };
  for (let i = 0; i < N_UNITS; i++) {
    data.units.push(`U${String(i).padStart(3, '0')}`);
    (data.groups as Record<string, (string | null)[]>).region.push(i % 2 ? 'East' : 'West');
  }
  for (let j = 0; j < N_IND; j++) {
    const code = `I${String(j).padStart(2, '0')}`;
    framework.push({ iCode: code, level: 1, direction: j % 5 === 0 ? -1 : 1, weight: 1 + (j % 3), parent: `P${j % N_PILLARS}` });
    const skewed = j % 4 === 0;
    data.indicators[code] = data.units.map(() => {
      if (rng() < 0.02) return null;
      return skewed ? Math.exp(1.5 * normal()) : 50 + 10 * normal();
    });
  }
  for (let p = 0; p < N_PILLARS; p++) framework.push({ iCode: `P${p}`, level: 2, direction: 1, weight: 1, parent: 'Index' });
  framework.push({ iCode: 'Index', level: 3, direction: 1, weight: 1, parent: null });
  return { framework, data };
}

const METHOD: CompositeMethod = {
  impute: { method: 'group-mean', group: 'region' },
  screen: { minAvailability: 0.9 },
  treat: { method: 'winsorise-then-log', skew: 2, kurt: 3.5, winmax: 5 },
  normalise: { method: 'minmax', lower: 0, upper: 100 },
  aggregate: { method: 'amean' },
};

const INPUTS: UncertainInputs = {
  winmax: [1, 2, 3, 4, 5],
  normalise: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'zscore', mean: 10, sd: 2 }],
  aggregate: ['amean', 'gmean'],
  weights: { levels: [2], noise: 0.25, nSets: 100 },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const { framework, data } = syntheticInputs(2024);
  log(`inputs: ${N_UNITS} units × ${N_IND} indicators, ${N_PILLARS} pillars, 3 levels`);
  const times: number[] = [];
  for (let k = 0; k < WARMUP + BUILD_REPEATS; k++) {
    const t0 = performance.now();
    buildComposite(framework, data, METHOD);
    const dt = performance.now() - t0;
    if (k >= WARMUP) times.push(dt);
  }
  const compositeMs = median(times);
  log(`full build: median ${compositeMs.toFixed(2)} ms over ${BUILD_REPEATS} runs (after ${WARMUP} warm-up)`);
  const workers = Math.max(1, Math.min(availableParallelism(), 8));
  log(`Monte Carlo: ${MC_RUNS} runs on ${workers} worker thread(s)…`);
  const t0 = performance.now();
  const ua = await runUncertainty(framework, data, METHOD, INPUTS, { nRuns: MC_RUNS, seed: 7, workers, minRunsForWorkers: 0 });
  const sensitivityMs = performance.now() - t0;
  const widest = ua.rankStats.reduce((a, b) => ((b.q95 ?? 0) - (b.q5 ?? 0) > (a.q95 ?? 0) - (a.q5 ?? 0) ? b : a));
  log(`Monte Carlo: ${sensitivityMs.toFixed(0)} ms; widest 5–95% rank interval ${widest.uCode} [${widest.q5}, ${widest.q95}]`);
  process.stdout.write(
    JSON.stringify({
      bench: 'composite',
      units: N_UNITS,
      indicators: N_IND,
      composite_ms: Number(compositeMs.toFixed(3)),
      composite_target_ms: 50,
      sensitivity_runs: MC_RUNS,
      sensitivity_workers: workers,
      sensitivity_ms: Number(sensitivityMs.toFixed(1)),
      sensitivity_target_ms: 2000,
    }) + '\n',
  );
}

await main();
