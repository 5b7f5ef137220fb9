/**
 * The CLI end to end on the ASEM reference inputs: output files against COINr's numbers,
 * replay of a hand-written 3-run table, remove-one, and bad input → exit code 2 naming the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerCompositeCommands } from './composite.cli';
import { parseCsv } from './csv';
import { copelandScores } from './copeland';
import { buildComposite } from './pipeline';
import { B_METHOD, loadInputs, loadRef, num, refPath } from './reference.fixture';
import type { FrameworkNode } from './types';

const B_JSON = {
  denominate: true,
  impute: { method: 'group-mean', group: 'EurAsia_group' },
  screen: { minAvailability: 0.9 },
  treat: { method: 'winsorise-then-log', skew: 2, kurt: 3.5, winmax: 5 },
  normalise: { method: 'minmax', lower: 0, upper: 100 },
  aggregate: { method: 'amean' },
  weights: null,
};

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const program = new Command();
  program.exitOverride();
  registerCompositeCommands(program);
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'kechuang', ...args]);
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stderr };
}

// Every run writes into its own folder under one root, removed at the end.
const root = mkdtempSync(path.join(tmpdir(), 'composite-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tmp(): string {
  return mkdtempSync(path.join(root, 'run-'));
}

function readOut(dir: string, name: string): { header: string[]; rows: Record<string, string>[] } {
  return parseCsv(readFileSync(path.join(dir, name), 'utf8'), name);
}

function expectCsvEqual(dir: string, name: string, rel: string, tol: number): void {
  const got = readOut(dir, name);
  const want = loadRef(rel);
  expect(got.header).toEqual(want.header);
  expect(got.rows.map((r) => r.uCode)).toEqual(want.rows.map((r) => r.uCode));
  want.rows.forEach((w, i) => {
    for (const c of want.header.slice(1)) {
      const a = num(got.rows[i][c]);
      const b = num(w[c]);
      if (b === null) expect(a, `${w.uCode}/${c}`).toBeNull();
      else expect(Math.abs((a as number) - b), `${w.uCode}/${c}`).toBeLessThanOrEqual(tol);
    }
  });
}

afterEach(() => {
  process.exitCode = 0;
});

const DATA = refPath('asem/inputs/iData.csv');
const META = refPath('asem/inputs/iMeta.csv');

describe('composite command', () => {
  it('reproduces scenario B files (same columns, order and values)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify(B_JSON));
    const r = await run(['composite', '--data', DATA, '--meta', META, '--method', path.join(dir, 'method.json'), '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expectCsvEqual(path.join(dir, 'out'), 'normalised.csv', 'asem/B_example/normalised.csv', 1e-9);
    expectCsvEqual(path.join(dir, 'out'), 'aggregated.csv', 'asem/B_example/aggregated.csv', 1e-9);
    expectCsvEqual(path.join(dir, 'out'), 'aggregated_ranks.csv', 'asem/B_example/aggregated_ranks.csv', 0);
  });

  it('aggregate copeland: COINr\'s B pillars, and an index that is their weighted Copeland score', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify({ ...B_JSON, aggregate: { method: 'copeland' } }));
    const r = await run(['composite', '--data', DATA, '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const got = readOut(dir, 'aggregated.csv');
    const ranks = readOut(dir, 'aggregated_ranks.csv');
    const ref = loadRef('asem/B_example/aggregated.csv');
    const pillars = ['Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin'];
    const cols = pillars.map((p) => Float64Array.from(ref.rows, (row) => num(row[p]) ?? NaN));
    const expected = copelandScores(cols, pillars.map(() => 1)).scores;
    ref.rows.forEach((row, i) => {
      const mine = got.rows.find((g) => g.uCode === row.uCode)!;
      for (const p of pillars) expect(Math.abs(num(mine[p])! - num(row[p])!), `${row.uCode}/${p}`).toBeLessThanOrEqual(1e-9);
      expect(num(mine.Index), row.uCode).toBe(expected[i]);
      expect(num(ranks.rows.find((g) => g.uCode === row.uCode)!.Index)).toBe(1 + Array.from(expected).filter((x) => x > expected[i]!).length);
    });
  });

  it('reproduces scenario A with a weights file of ones (override path relative to method.json)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'w.csv'), '"iCode","Level","Weight"\n"Conn",3,1\n"Sust",3,1\n');
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify({ normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' }, weights: 'w.csv' }));
    const r = await run(['composite', '--data', DATA, '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expectCsvEqual(dir, 'aggregated.csv', 'asem/A_simple/aggregated.csv', 1e-9);
  });

  it('writes NA as an empty cell and numbers with 17 significant digits', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify({ normalise: { method: 'minmax' }, aggregate: { method: 'amean' } }));
    const r = await run(['composite', '--data', refPath('toy/iData.csv'), '--meta', refPath('toy/iMeta.csv'), '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'aggregated.csv'), 'utf8');
    expect(text).toContain('"Z07",57.499999999999993,7.6923076923076925,,');
    expect(text.split('\n')[0]).toBe('"uCode","RD","Pat","HiTec","Energy","Export","Innov","Struct","Index"');
  });

  it('bad method.json → exit code 2 naming the file and field', async () => {
    const dir = tmp();
    const m = path.join(dir, 'method.json');
    writeFileSync(m, JSON.stringify({ ...B_JSON, normalise: { method: 'minmax', lower: 'zero' } }));
    const r = await run(['composite', '--data', DATA, '--meta', META, '--method', m, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('method.json');
    expect(r.stderr).toContain('normalise.lower');
  });

  it('missing input file → exit code 2 naming the file', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify(B_JSON));
    const r = await run(['composite', '--data', path.join(dir, 'nope.csv'), '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.csv');
  });

  it('engine errors (zero denominator) → exit code 2 naming indicator and unit', async () => {
    const dir = tmp();
    const d = path.join(dir, 'iData.csv');
    writeFileSync(d, readFileSync(DATA, 'utf8').replace('"Austria","AUT","L","XL","M","Europe",2018,83871,', '"Austria","AUT","L","XL","M","Europe",2018,0,'));
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify(B_JSON));
    const r = await run(['composite', '--data', d, '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DIVISION_BY_ZERO (Bord)');
    expect(r.stderr).toContain('AUT');
  });
});

describe('composite command on panel data', () => {
  it('pooled min-max over all years reproduces the synthetic panel', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify({
      screen: { minAvailability: 0.9 },
      treat: { method: 'winsorise-then-log' },
      normalise: { method: 'minmax', lower: 0, upper: 100 },
      aggregate: { method: 'amean' },
      panel: { normaliseScope: 'pooled' },
    }));
    const r = await run(['composite', '--data', refPath('asem_panel_synthetic/iData_panel.csv'), '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const got = readOut(dir, 'aggregated.csv');
    const want = loadRef('asem_panel_synthetic/aggregated_global_minmax.csv');
    expect(got.header).toEqual(want.header);
    expect(got.rows.map((x) => `${x.Time}|${x.uCode}`)).toEqual(want.rows.map((x) => `${x.Time}|${x.uCode}`));
    want.rows.forEach((w, i) => {
      for (const c of want.header.slice(2)) {
        const b = num(w[c]);
        const a = num(got.rows[i][c]);
        if (b === null) expect(a).toBeNull();
        else expect(Math.abs((a as number) - b), `${w.Time}/${w.uCode}/${c}`).toBeLessThan(1e-9);
      }
    });
  });
});

describe('composite-replay command', () => {
  it('replays 3 runs equal to known scenarios', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify(B_JSON));
    writeFileSync(path.join(dir, 'runs.csv'), [
      'run,winmax,normalisation,norm_param_1,norm_param_2,aggregation,weight_set',
      '1,5,n_minmax,0,100,a_amean,orig',
      '2,2,n_zscore,10,2,a_amean,orig',
      '3,1,n_minmax,1,100,a_gmean,heavy',
    ].join('\n'));
    const framework = loadInputs('asem').framework;
    const setRows = ['weight_set,iCode,Level,Weight'];
    for (const n of framework) if (n.level === 2 || n.level === 3) setRows.push(`orig,${n.iCode},${n.level},1`);
    setRows.push('heavy,Physical,2,3', 'heavy,Sust,3,0.5');
    writeFileSync(path.join(dir, 'sets.csv'), setRows.join('\n'));
    const r = await run(['composite-replay', '--data', DATA, '--meta', META, '--method', path.join(dir, 'base.json'),
      '--runs', path.join(dir, 'runs.csv'), '--weight-sets', path.join(dir, 'sets.csv'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const scores = readOut(dir, 'index_scores.csv');
    expect(scores.header).toEqual(['uCode', 'Nominal', 'r_1', 'r_2', 'r_3']);
    const bIndex = loadRef('asem/B_example/aggregated.csv');
    const { data } = loadInputs('asem');
    const run2 = buildComposite(framework, data, { ...B_METHOD, treat: { method: 'winsorise-then-log', winmax: 2 }, normalise: { method: 'zscore', mean: 10, sd: 2 } });
    const run3 = buildComposite(framework, data, {
      ...B_METHOD,
      treat: { method: 'winsorise-then-log', winmax: 1 },
      normalise: { method: 'minmax', lower: 1, upper: 100 },
      aggregate: { method: 'gmean' },
      weights: { source: 'override', weights: { Physical: 3, Sust: 0.5 } },
    });
    const idx = (res: typeof run2, u: string): number => res.aggregated.values[res.aggregated.codes.indexOf('Index')][res.aggregated.units.indexOf(u)] as number;
    scores.rows.forEach((row, i) => {
      const want = num(bIndex.rows[i].Index) as number;
      expect(row.uCode).toBe(bIndex.rows[i].uCode);
      expect(Math.abs((num(row.Nominal) as number) - want)).toBeLessThan(1e-9);
      expect(Math.abs((num(row.r_1) as number) - want)).toBeLessThan(1e-9);
      expect(Math.abs((num(row.r_2) as number) - idx(run2, row.uCode))).toBeLessThan(1e-9);
      expect(Math.abs((num(row.r_3) as number) - idx(run3, row.uCode))).toBeLessThan(1e-9);
    });
    const ranks = readOut(dir, 'index_ranks.csv');
    const bRanks = loadRef('asem/B_example/aggregated_ranks.csv');
    ranks.rows.forEach((row, i) => {
      expect(num(row.Nominal)).toBe(num(bRanks.rows[i].Index));
      expect(num(row.r_1)).toBe(num(bRanks.rows[i].Index));
    });
  });

  it('unknown weight set → exit code 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify(B_JSON));
    writeFileSync(path.join(dir, 'runs.csv'), 'run,winmax,normalisation,norm_param_1,norm_param_2,aggregation,weight_set\n1,5,n_minmax,0,100,a_amean,missing\n');
    writeFileSync(path.join(dir, 'sets.csv'), 'weight_set,iCode,Level,Weight\norig,Conn,3,1\n');
    const r = await run(['composite-replay', '--data', DATA, '--meta', META, '--method', path.join(dir, 'base.json'),
      '--runs', path.join(dir, 'runs.csv'), '--weight-sets', path.join(dir, 'sets.csv'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('weight_set');
  });
});

describe('composite-uncertainty command', () => {
  it('writes rank statistics and sensitivity indices', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify(B_JSON));
    writeFileSync(path.join(dir, 'ua.json'), JSON.stringify({
      runs: 50, seed: 3, saltelliN: 20,
      winmax: [1, 2, 3, 4, 5],
      normalise: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'zscore', mean: 10, sd: 2 }],
      aggregate: ['amean', 'gmean'],
      weights: { levels: [2, 3], noise: 0.25, nSets: 20 },
    }));
    const r = await run(['composite-uncertainty', '--data', DATA, '--meta', META, '--method', path.join(dir, 'base.json'), '--config', path.join(dir, 'ua.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const stats = readOut(dir, 'rank_stats.csv');
    expect(stats.header).toEqual(['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95']);
    expect(stats.rows.length).toBe(51);
    const si = readOut(dir, 'sensitivity_indices.csv');
    expect(si.rows.map((x) => x.Variable)).toEqual(['Winmax', 'Normalisation', 'Weights', 'Aggregation']);
  });
  it('invalid config → exit code 2 naming the field', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify(B_JSON));
    writeFileSync(path.join(dir, 'ua.json'), JSON.stringify({ runs: -1, winmax: [1] }));
    const r = await run(['composite-uncertainty', '--data', DATA, '--meta', META, '--method', path.join(dir, 'base.json'), '--config', path.join(dir, 'ua.json'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('runs');
  });
});

describe('composite-remove command', () => {
  it('each column equals a rebuild without that pillar', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'method.json'), JSON.stringify(B_JSON));
    const r = await run(['composite-remove', '--data', DATA, '--meta', META, '--method', path.join(dir, 'method.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const scores = readOut(dir, 'index_scores.csv');
    const { framework, data } = loadInputs('asem');
    expect(scores.header).toEqual(['uCode', 'Nominal', 'ConEcFin', 'Environ', 'Instit', 'P2P', 'Physical', 'Political', 'Social', 'SusEcFin']);
    for (const pillar of ['Physical', 'SusEcFin']) {
      const without: FrameworkNode[] = framework.filter((n) => n.iCode !== pillar && n.parent !== pillar);
      const res = buildComposite(without, data, B_METHOD);
      const j = res.aggregated.codes.indexOf('Index');
      for (const row of scores.rows) {
        const want = res.aggregated.values[j][res.aggregated.units.indexOf(row.uCode)] as number;
        expect(Math.abs((num(row[pillar]) as number) - want)).toBeLessThan(1e-9);
      }
    }
    expect(readOut(dir, 'index_ranks.csv').header).toEqual(scores.header);
  });
});
