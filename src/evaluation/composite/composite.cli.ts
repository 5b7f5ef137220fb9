/**
 * CLI adapter: the only place (besides tests) where the composite engine touches files.
 * Commands: composite, composite-replay, composite-remove, composite-uncertainty. Bad input (unreadable file, invalid
 * method.json, a CompositeError from the engine) is reported on stderr naming the file and
 * field, with exit code 2. Wire it with registerCompositeCommands(program) and parseAsync().
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import { type CsvColumn, InputError, formatCsv, formatPanelTable, formatTable, parseCsv, parseNumber, readData, readFramework } from './csv';
import { isCompositeError } from './errors';
import { KNOWN_METHOD_KEYS, type MethodFile, describeIssues, methodFileSchema, uncertaintyFileSchema } from './methodSchema';
import { runSaltelli } from './saltelli';
import { runUncertainty, type RankStats, type UncertainInputs } from './uncertainty';
import { buildPanel } from './panel';
import { buildComposite } from './pipeline';
import { type RecordedRun, replayRuns } from './replay';
import { removeEachAggregate } from './removeAggregate';
import type { CompositeData, CompositeMethod, FrameworkNode } from './types';

interface CommonOpts {
  data: string;
  meta: string;
  method: string;
  out: string;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, '(file)', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function progress(msg: string): void {
  process.stderr.write(`[composite] ${msg}\n`);
}

export function loadInputs(dataFile: string, metaFile: string): { framework: FrameworkNode[]; data: CompositeData } {
  const framework = readFramework(readText(metaFile), metaFile);
  const indicators = framework.filter((n) => n.level === 1).map((n) => n.iCode);
  const data = readData(readText(dataFile), indicators, dataFile);
  return { framework, data };
}

/** Read and validate method.json; a weights path is read relative to method.json. */
export function loadMethod(methodFile: string): CompositeMethod {
  return loadMethodFile(methodFile).method;
}

export function loadMethodFile(methodFile: string): { method: CompositeMethod; panel: MethodFile['panel'] } {
  let json: unknown;
  try {
    json = JSON.parse(readText(methodFile));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(methodFile, '(json)', (e as Error).message);
  }
  if (json && typeof json === 'object') {
    for (const k of Object.keys(json)) if (!KNOWN_METHOD_KEYS.includes(k)) progress(`warning: ${methodFile}: unknown field "${k}" ignored`);
  }
  let m: MethodFile;
  try {
    m = methodFileSchema.parse(json);
  } catch (e) {
    if (e instanceof ZodError) throw new InputError(methodFile, describeIssues(e).join('; '), 'invalid method');
    throw e;
  }
  const method: CompositeMethod = {
    denominate: m.denominate,
    impute: m.impute,
    screen: m.screen,
    treat: m.treat,
    normalise: m.normalise,
    aggregate: m.aggregate,
    weights: null,
  };
  if (typeof m.weights === 'string') {
    const wfile = path.resolve(path.dirname(methodFile), m.weights);
    method.weights = { source: 'override', weights: readWeightsCsv(readText(wfile), wfile) };
  } else if (m.weights) {
    method.weights = { source: m.weights.source } as CompositeMethod['weights'];
  }
  return { method, panel: m.panel };
}

export function readWeightsCsv(text: string, file: string): Record<string, number> {
  const { header, rows } = parseCsv(text, file);
  for (const req of ['iCode', 'Weight']) if (!header.includes(req)) throw new InputError(file, req, 'required column is missing');
  const out: Record<string, number> = {};
  rows.forEach((r, k) => {
    const code = (r.iCode ?? '').trim();
    const w = parseNumber(r.Weight, file, `Weight (row ${k + 2}, ${code})`);
    if (!code) throw new InputError(file, `iCode (row ${k + 2})`, 'empty iCode');
    if (w === null) throw new InputError(file, `Weight (row ${k + 2}, ${code})`, 'missing weight');
    out[code] = w;
  });
  return out;
}

function readRunsCsv(text: string, file: string): RecordedRun[] {
  const { header, rows } = parseCsv(text, file);
  for (const req of ['run']) if (!header.includes(req)) throw new InputError(file, req, 'required column is missing');
  return rows.map((r, k) => {
    const where = (f: string): string => `${f} (row ${k + 2})`;
    const norm = (r.normalisation ?? '').trim();
    if (norm !== '' && norm !== 'n_minmax' && norm !== 'n_zscore') throw new InputError(file, where('normalisation'), `"${norm}" is not n_minmax or n_zscore`);
    const agg = (r.aggregation ?? '').trim();
    if (agg !== '' && !['a_amean', 'a_gmean', 'a_hmean', 'a_copeland'].includes(agg)) throw new InputError(file, where('aggregation'), `"${agg}" is not a_amean, a_gmean, a_hmean or a_copeland`);
    const winmax = parseNumber(r.winmax, file, where('winmax'));
    if (winmax !== null && (!Number.isInteger(winmax) || winmax < 0)) throw new InputError(file, where('winmax'), 'must be a non-negative integer');
    return {
      run: (r.run ?? '').trim() || String(k + 1),
      winmax,
      normalisation: norm === '' ? null : (norm as 'n_minmax' | 'n_zscore'),
      normParam1: parseNumber(r.norm_param_1, file, where('norm_param_1')),
      normParam2: parseNumber(r.norm_param_2, file, where('norm_param_2')),
      aggregation: agg === '' ? null : agg,
      weightSet: (r.weight_set ?? '').trim() || null,
    };
  });
}

function readWeightSetsCsv(text: string, file: string): Record<string, Record<string, number>> {
  const { header, rows } = parseCsv(text, file);
  for (const req of ['weight_set', 'iCode', 'Weight']) if (!header.includes(req)) throw new InputError(file, req, 'required column is missing');
  const out: Record<string, Record<string, number>> = {};
  rows.forEach((r, k) => {
    const set = (r.weight_set ?? '').trim();
    const code = (r.iCode ?? '').trim();
    const w = parseNumber(r.Weight, file, `Weight (row ${k + 2})`);
    if (!set || !code || w === null) throw new InputError(file, `row ${k + 2}`, 'weight_set, iCode and Weight are required');
    (out[set] ??= {})[code] = w;
  });
  return out;
}

function loadUncertaintyConfig(file: string): { inputs: UncertainInputs; runs: number; seed: number; saltelliN: number | null } {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, '(json)', (e as Error).message);
  }
  const r = uncertaintyFileSchema.safeParse(json);
  if (!r.success) throw new InputError(file, describeIssues(r.error).join('; '), 'invalid uncertainty configuration');
  const u = r.data;
  return { inputs: { winmax: u.winmax, normalise: u.normalise, aggregate: u.aggregate, weights: u.weights }, runs: u.runs, seed: u.seed, saltelliN: u.saltelliN };
}

function rankStatsCsv(stats: RankStats[]): string {
  const s = [...stats].sort((a, b) => (a.uCode < b.uCode ? -1 : a.uCode > b.uCode ? 1 : 0));
  return formatCsv([
    { name: 'uCode', text: true, values: s.map((x) => x.uCode) },
    { name: 'Nominal', values: s.map((x) => x.nominal) },
    { name: 'Mean', values: s.map((x) => x.mean) },
    { name: 'Median', values: s.map((x) => x.median) },
    { name: 'Q5', values: s.map((x) => x.q5) },
    { name: 'Q95', values: s.map((x) => x.q95) },
  ]);
}

/** Columns of unit-sorted scores: uCode, then one column per series. */
function scoreColumns(units: string[], series: { name: string; values: ArrayLike<number> }[]): CsvColumn[] {
  const order = units.map((_, i) => i).sort((a, b) => (units[a] < units[b] ? -1 : units[a] > units[b] ? 1 : 0));
  return [
    { name: 'uCode', text: true, values: order.map((i) => units[i]) },
    ...series.map((s) => ({ name: s.name, values: order.map((i) => (Number.isNaN(s.values[i]) ? null : s.values[i])) })),
  ];
}

function writeOut(dir: string, name: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
  progress(`wrote ${path.join(dir, name)}`);
}

/** Report errors: bad input → exit code 2, anything else → 1. */
async function guarded(fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 2;
    } else if (isCompositeError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}

function common(cmd: Command): Command {
  // Usage errors (missing option, unknown option) are bad input too: exit code 2.
  cmd.exitOverride((err) => {
    process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2);
  });
  return cmd
    .requiredOption('--data <file>', 'iData.csv: uCode, optional uName/Time/group/denominator columns, one column per indicator')
    .requiredOption('--meta <file>', 'iMeta.csv: Level, iCode, Direction, Weight, Parent, optional Denominator/Target')
    .requiredOption('--method <file>', 'method.json (see src/evaluation/composite/README.md)')
    .requiredOption('--out <dir>', 'output directory');
}

export function registerCompositeCommands(program: Command): void {
  common(program.command('composite').description('Build a composite indicator: writes normalised.csv, aggregated.csv and aggregated_ranks.csv'))
    .action((o: CommonOpts) => guarded(() => {
      const { framework, data } = loadInputs(o.data, o.meta);
      const { method, panel } = loadMethodFile(o.method);
      if (panel) {
        if (!data.time) throw new InputError(o.data, 'Time', 'method.json asks for a panel build but the data have no Time column');
        progress(`building panel: ${data.units.length} rows, min-max scope ${panel.normaliseScope}`);
        const res = buildPanel(framework, data, { ...method, normaliseScope: panel.normaliseScope });
        writeOut(o.out, 'normalised.csv', formatPanelTable(res.normalised));
        writeOut(o.out, 'aggregated.csv', formatPanelTable(res.aggregated));
        writeOut(o.out, 'aggregated_ranks.csv', formatPanelTable(res.ranks));
        return;
      }
      progress(`building ${data.units.length} units × ${Object.keys(data.indicators).length} indicators`);
      const res = buildComposite(framework, data, method);
      writeOut(o.out, 'normalised.csv', formatTable(res.normalised));
      writeOut(o.out, 'aggregated.csv', formatTable(res.aggregated));
      writeOut(o.out, 'aggregated_ranks.csv', formatTable(res.ranks));
    }));

  common(program.command('composite-replay').description('Replay a recorded uncertainty analysis run by run: writes index_scores.csv and index_ranks.csv'))
    .requiredOption('--runs <file>', 'runs.csv: run, winmax, normalisation, norm_param_1, norm_param_2, aggregation, weight_set')
    .requiredOption('--weight-sets <file>', 'sets.csv: weight_set, iCode, Level, Weight')
    .action((o: CommonOpts & { runs: string; weightSets: string }) => guarded(async () => {
      const { framework, data } = loadInputs(o.data, o.meta);
      const method = loadMethod(o.method);
      const runs = readRunsCsv(readText(o.runs), o.runs);
      const sets = readWeightSetsCsv(readText(o.weightSets), o.weightSets);
      progress(`replaying ${runs.length} runs`);
      const res = await replayRuns(framework, data, method, runs, sets);
      const name = (r: string): string => `r_${r}`;
      writeOut(o.out, 'index_scores.csv', formatCsv(scoreColumns(res.units, [{ name: 'Nominal', values: res.nominal }, ...res.runs.map((r, k) => ({ name: name(r), values: res.scores[k] }))])));
      writeOut(o.out, 'index_ranks.csv', formatCsv(scoreColumns(res.units, [{ name: 'Nominal', values: res.nominalRanks }, ...res.runs.map((r, k) => ({ name: name(r), values: res.ranks[k] }))])));
    }));

  common(program.command('composite-uncertainty').description('Monte Carlo uncertainty analysis (and optionally Saltelli sensitivity indices) over method choices'))
    .requiredOption('--config <file>', 'ua.json: runs, seed, saltelliN, and the choices that vary (winmax, normalise, aggregate, weights)')
    .action((o: CommonOpts & { config: string }) => guarded(async () => {
      const { framework, data } = loadInputs(o.data, o.meta);
      const method = loadMethod(o.method);
      const cfg = loadUncertaintyConfig(o.config);
      progress(`Monte Carlo: ${cfg.runs} runs (seed ${cfg.seed})`);
      const ua = await runUncertainty(framework, data, method, cfg.inputs, { nRuns: cfg.runs, seed: cfg.seed });
      writeOut(o.out, 'rank_stats.csv', rankStatsCsv(ua.rankStats));
      if (cfg.saltelliN) {
        progress(`Saltelli: N = ${cfg.saltelliN}`);
        const sa = await runSaltelli(framework, data, method, cfg.inputs, { N: cfg.saltelliN, seed: cfg.seed });
        writeOut(o.out, 'sensitivity_indices.csv', formatCsv([
          { name: 'Variable', text: true, values: sa.indices.map((x) => x.input) },
          { name: 'Si', values: sa.indices.map((x) => x.si) },
          { name: 'STi', values: sa.indices.map((x) => x.sti) },
          { name: 'Si_q5', values: sa.indices.map((x) => x.siQ5) },
          { name: 'Si_q95', values: sa.indices.map((x) => x.siQ95) },
          { name: 'STi_q5', values: sa.indices.map((x) => x.stiQ5) },
          { name: 'STi_q95', values: sa.indices.map((x) => x.stiQ95) },
        ]));
        writeOut(o.out, 'sa_rank_stats.csv', rankStatsCsv(sa.rankStats));
      }
    }));

  common(program.command('composite-remove').description('Rebuild the index with each level-2 aggregate removed in turn'))
    .action((o: CommonOpts) => guarded(() => {
      const { framework, data } = loadInputs(o.data, o.meta);
      const method = loadMethod(o.method);
      const res = removeEachAggregate(framework, data, method, 2);
      progress(`removed each of ${res.removed.length} aggregates in turn`);
      writeOut(o.out, 'index_scores.csv', formatCsv(scoreColumns(res.units, [{ name: 'Nominal', values: res.nominal }, ...res.removed.map((c, k) => ({ name: c, values: res.scores[k] }))])));
      writeOut(o.out, 'index_ranks.csv', formatCsv(scoreColumns(res.units, [{ name: 'Nominal', values: res.nominalRanks }, ...res.removed.map((c, k) => ({ name: c, values: res.ranks[k] }))])));
    }));
}
