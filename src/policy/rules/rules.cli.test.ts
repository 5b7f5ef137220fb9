import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerRuleCommands } from './rules.cli';
import { runCommand } from '../../../test/helpers/run-command';

/**
 * Every worked vector of ../shared/reference/policy-rules.md, through the `assess` and `super-deduction` commands.
 * Most run the commands in-process (commander, as `kechuang` does); a few spawn the real binary for the contract.
 */

const examples = join(import.meta.dirname, 'examples');
const repoRoot = join(import.meta.dirname, '..', '..', '..');

const run = (args: string[]) => runCommand(registerRuleCommands, args);

interface Verdict {
  program: string;
  rulesVersion: string;
  qualifies: boolean;
  verdict: string;
  score: number | null;
  uncertain: { id: string; reason: string }[];
  conditions: { id: string; pass: boolean | null; value: unknown; threshold: number | null; source: string; arithmetic: string }[];
  items: { id: string; points: number | null; max: number; band: string | null }[];
  groups: { id: string; points: number | null }[];
  routes: { id: string; pass: boolean | null }[];
  advice: { kind: string; id: string; text: string; gain?: number; amount?: number }[];
}

async function assess(program: string, file: string, extra: string[] = []): Promise<Verdict> {
  const { stdout, error } = await run(['assess', program, '--input', join(examples, file), ...extra]);
  expect(error, `assess ${program} ${file}`).toBeUndefined();
  return JSON.parse(stdout) as Verdict;
}

const condition = (v: Verdict, id: string) => v.conditions.find((c) => c.id === id)!;
const points = (v: Verdict) => Object.fromEntries(v.items.map((i) => [i.id, i.points]));

const root = mkdtempSync(join(tmpdir(), 'kechuang-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assess hnte: vectors H-1..H-9', () => {
  afterEach(() => vi.restoreAllMocks());

  it('H-1 passes with every ratio exactly on its boundary, score 74', async () => {
    const v = await assess('hnte', 'hnte-h1.json');
    expect(v).toMatchObject({ program: 'hnte', rulesVersion: 'hnte-2016', qualifies: true, verdict: 'qualifies', score: 74, uncertain: [] });
    expect(v.conditions.map((c) => [c.id, c.pass])).toEqual([['C1', true], ['C2', true], ['C3', true], ['C4', true], ['C5', true], ['C5b', true], ['C6', true], ['C7', true], ['C8', true]]);
    expect(condition(v, 'C5')).toMatchObject({ value: 0.05, threshold: 0.05, source: expect.stringContaining('S1 Art. 11(5)') });
    expect(condition(v, 'C5').arithmetic).toContain('600 / 12000 = 5.00%');
    expect(condition(v, 'C4').value).toBe(0.1);
    expect(condition(v, 'C6').arithmetic).toContain('3060 / 5100 = 60.00%');
    expect(condition(v, 'C5b').value).toBe(0.9);
    expect(points(v)).toMatchObject({ 'ip.quantity': 7, 'ip.acquisition': 5, conversion: 20, 'growth.netAssets': 5, 'growth.sales': 7 });
    expect(v.items.find((i) => i.id === 'growth.sales')!.band).toBe('B');
    expect(v.groups.map((g) => g.points)).toEqual([27, 20, 15, 12]);
    expect(v.items.every((i) => typeof i.points === 'number' && typeof i.max === 'number')).toBe(true);
  });

  it('H-2 a score of exactly 70 fails; 71 passes', async () => {
    const at70 = await assess('hnte', 'hnte-h2-70.json');
    expect(at70).toMatchObject({ qualifies: false, verdict: 'fails', score: 70 });
    expect(condition(at70, 'C7').pass).toBe(false);
    expect(at70.advice[0]).toMatchObject({ kind: 'condition', id: 'C7', amount: 1 });
    expect(await assess('hnte', 'hnte-h2-71.json')).toMatchObject({ qualifies: true, score: 71 });
  });

  it('H-3 R&D intensity by band, with the exact gap as advice', async () => {
    const a = await assess('hnte', 'hnte-h3a.json');
    expect(condition(a, 'C5')).toMatchObject({ pass: false, threshold: 0.04 });
    expect(condition(a, 'C5').arithmetic).toContain('680 / 18000 = 3.78% < 4.00%');
    expect(a.advice.find((x) => x.id === 'C5')).toMatchObject({ amount: 40 });
    expect(a.advice.find((x) => x.id === 'C5')!.text).toContain('40.00 more');
    expect(condition(await assess('hnte', 'hnte-h3b.json'), 'C5').threshold).toBe(0.04);
    const c = await assess('hnte', 'hnte-h3c.json');
    expect(condition(c, 'C5')).toMatchObject({ pass: true, threshold: 0.03 });
    expect(condition(c, 'C5').arithmetic).toContain('1500 / 45001 = 3.33%');
  });

  it('H-4 registration days: 364 fails, 365 passes, 365 across 29 February passes', async () => {
    expect(condition(await assess('hnte', 'hnte-h4-364.json'), 'C1')).toMatchObject({ pass: false, value: 364 });
    expect(condition(await assess('hnte', 'hnte-h4-365.json'), 'C1')).toMatchObject({ pass: true, value: 365 });
    expect(condition(await assess('hnte', 'hnte-h4-leap.json'), 'C1')).toMatchObject({ pass: true, value: 365 });
  });

  it('H-5 growth edge cases', async () => {
    const na0 = await assess('hnte', 'hnte-h5-na0.json');
    expect(na0.items.find((i) => i.id === 'growth.netAssets')).toMatchObject({ band: 'A', points: 9 });
    expect(na0.items.find((i) => i.id === 'growth.sales')).toMatchObject({ band: 'D', points: 3 });
    const s2 = await assess('hnte', 'hnte-h5-s2zero.json');
    expect(s2.items.find((i) => i.id === 'growth.sales')!.points).toBe(0);
    expect(s2.items.find((i) => i.id === 'growth.netAssets')).toMatchObject({ band: 'A', points: 9 });
    expect(points(await assess('hnte', 'hnte-h5-flat.json'))['growth.netAssets']).toBe(0);
    expect(points(await assess('hnte', 'hnte-h5-negative.json'))['growth.netAssets']).toBe(0);
  });

  it('H-6 domestic R&D share 58.33% fails C5b (foreign entrusted R&D at 80 %)', async () => {
    const v = await assess('hnte', 'hnte-h6.json');
    expect(condition(v, 'C5b')).toMatchObject({ pass: false });
    expect(condition(v, 'C5b').arithmetic).toContain('560 / 960 = 58.33%');
    expect(v.qualifies).toBe(false);
  });

  it('H-7 high-tech revenue share 59.90% fails C6', async () => {
    const v = await assess('hnte', 'hnte-h7.json');
    expect(condition(v, 'C6').pass).toBe(false);
    expect(condition(v, 'C6').arithmetic).toContain('5990 / 10000 = 59.90%');
  });

  it('H-8 monthly averages: S&T 9.75 % fails C4', async () => {
    const v = await assess('hnte', 'hnte-h8.json');
    expect(condition(v, 'C4')).toMatchObject({ pass: false, value: 0.0975 });
  });

  it('H-9 re-used Class II items do not count; the IP indicator is capped at 30', async () => {
    const reuse = await assess('hnte', 'hnte-h9-reuse.json');
    expect(reuse.items.find((i) => i.id === 'ip.quantity')).toMatchObject({ band: 'C', points: 3 });
    expect(reuse.advice.map((a) => a.text)).toEqual(expect.arrayContaining(['IP quantity: one Class I IP item → band A: +4 points', 'IP quantity: 5 usable Class II IP items → band B: +2 points']));
    const cap = await assess('hnte', 'hnte-h9-cap.json');
    expect(cap.groups.find((g) => g.id === 'ip')!.points).toBe(30);
    expect(cap.score).toBe(30 + 20 + 15 + 12);
  });
});

describe('assess tech-sme: vectors S-1..S-6', () => {
  afterEach(() => vi.restoreAllMocks());

  it('S-1 passes at exactly 60 (sales basis chosen)', async () => {
    const v = await assess('tech-sme', 'tech-sme-s1.json');
    expect(v).toMatchObject({ program: 'tech-sme', rulesVersion: 'tech-sme-2017', qualifies: true, verdict: 'qualifies', score: 60 });
    expect(points(v)).toEqual({ T1: 12, T2: 30, T3: 18 });
  });

  it('S-2 fails on the S&T-staff veto despite 80 points', async () => {
    const v = await assess('tech-sme', 'tech-sme-s2.json');
    expect(v).toMatchObject({ qualifies: false, score: 80 });
    expect(points(v)).toEqual({ T1: 0, T2: 50, T3: 30 });
  });

  it('S-3 fails below 60 (58)', async () => {
    const v = await assess('tech-sme', 'tech-sme-s3.json');
    expect(v).toMatchObject({ qualifies: false, score: 58 });
    expect(points(v)).toEqual({ T1: 16, T2: 30, T3: 12 });
    expect(v.advice[0]).toMatchObject({ kind: 'score', gain: 2 });
  });

  it('S-4 a valid HNTE certificate qualifies directly; S-5 staff 501 beats it', async () => {
    const direct = await assess('tech-sme', 'tech-sme-s4.json');
    expect(direct.qualifies).toBe(true);
    expect(direct.routes.find((r) => r.id === 'D1')!.pass).toBe(true);
    expect(direct.routes.find((r) => r.id === 'score')!.pass).toBe(false);
    const capped = await assess('tech-sme', 'tech-sme-s5.json');
    expect(capped.qualifies).toBe(false);
    expect(condition(capped, 'B2').pass).toBe(false);
  });

  it('S-6 boundaries are inclusive; assets 20000.01 fails', async () => {
    const v = await assess('tech-sme', 'tech-sme-s6-boundaries.json');
    expect(condition(v, 'B2').pass).toBe(true);
    expect(points(v)).toEqual({ T1: 20, T2: 50, T3: 24 });
    expect(condition(await assess('tech-sme', 'tech-sme-s6-assets.json'), 'B2').pass).toBe(false);
    expect(points(await assess('tech-sme', 'tech-sme-s6-cost.json')).T2).toBe(10);
  });
});

describe('assess innovative-sme, srdi, little-giant: vectors I-1..I-7', () => {
  afterEach(() => vi.restoreAllMocks());

  it('I-1 passes on score 80, but rests on unverified bands', async () => {
    const v = await assess('innovative-sme', 'innovative-sme-i1.json');
    expect(v).toMatchObject({ rulesVersion: 'innovative-sme-2022', qualifies: true, verdict: 'qualifies_unverified', score: 80 });
    expect(points(v)).toEqual({ N1: 15, N2: 15, G1: 15, G2: 10, P1: 10, P2: 15 });
    expect(v.uncertain.map((u) => u.id)).toEqual(expect.arrayContaining(['N1', 'N2', 'G1', 'G2', 'P1', 'P2']));
  });

  it('I-2 fails a group minimum at 75 points', async () => {
    const v = await assess('innovative-sme', 'innovative-sme-i2.json');
    expect(v).toMatchObject({ qualifies: false, verdict: 'fails', score: 75 });
    expect(v.groups).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'innovation', points: 15, pass: false })]));
  });

  it('I-3 qualifies directly with a valid HNTE certificate', async () => {
    const v = await assess('innovative-sme', 'innovative-sme-i3.json');
    expect(v).toMatchObject({ qualifies: true, verdict: 'qualifies' });
    expect(v.routes.find((r) => r.id === 'D2')!.pass).toBe(true);
  });

  it('I-4 专精特新 passes with 65', async () => {
    const v = await assess('srdi', 'srdi-i4.json');
    expect(v).toMatchObject({ rulesVersion: 'srdi-2022', qualifies: true, verdict: 'qualifies', score: 65 });
    expect(points(v)).toEqual({ 1: 5, 2: 8, 3: 3, 4: 3, 5: 3, 6: 5, 7: 6, 8: 5, 9: 10, 10: 8, 11: 2, 12: 3, 13: 4 });
  });

  it('I-5 R&D 2.86 % fails condition 2; the score cannot cure it', async () => {
    const v = await assess('srdi', 'srdi-i5.json');
    expect(v.qualifies).toBe(false);
    expect(condition(v, 'Z2').pass).toBe(false);
    expect(v.score).toBeGreaterThanOrEqual(60);
    expect(v.advice.find((a) => a.id === 'Z2')!.amount).toBe(6);
  });

  it('I-6 revenue below 1000万 with equity 2500万; R&D exactly 100万 passes', async () => {
    const v = await assess('srdi', 'srdi-i6.json');
    expect(condition(v, 'Z3').pass).toBe(true);
    expect(condition(v, 'Z2').pass).toBe(true);
  });

  it('I-7 小巨人 innovation general route by revenue band', async () => {
    const mid = await assess('little-giant', 'little-giant-i7-8000.json');
    expect(mid).toMatchObject({ qualifies: false, rulesVersion: 'little-giant-2022', score: null });
    expect(mid.routes.find((r) => r.id === 'N-general')!.pass).toBe(false);
    const large = await assess('little-giant', 'little-giant-i7-12000.json');
    expect(large).toMatchObject({ qualifies: true, verdict: 'qualifies_unverified' });
    expect(large.uncertain.length).toBeGreaterThan(0);
    const small = await assess('little-giant', 'little-giant-i7-4000.json');
    expect(small.routes.find((r) => r.id === 'N-general')!.pass).toBe(true);
  });

  it('a date after 2026-04-01 selects the reported 2026 version, never a plain verdict', async () => {
    const { error } = await run(['assess', 'srdi', '--input', join(examples, 'srdi-i4.json'), '--date', '2026-06-01']);
    // The 2026 version needs inputs the 2022 case lacks (qualifications, platform score): field errors, not a verdict.
    expect(error?.exitCode).toBe(2);
    const path = join(root, 'srdi-2026.json');
    const base = JSON.parse(readFileSync(join(examples, 'srdi-i4.json'), 'utf8'));
    writeFileSync(path, JSON.stringify({ ...base, applicationDate: '2026-06-01', platformScore: 55, qualifications: [{ kind: 'tech_sme', validFrom: '2026-01-01', validTo: '2026-12-31' }],
      ip: [{ class: 'I', kind: 'invention', appliedWithBenefit: true }], flags: { ...base.flags, marketShareLeading: true },
      years: [{ year: 2023, mainBusinessRevenue: 3500, salesRevenue: 4000, rdExpense: 130 }, { year: 2024, mainBusinessRevenue: 3600, salesRevenue: 4000, rdExpense: 140 },
        { year: 2025, mainBusinessRevenue: 3700, salesRevenue: 4200, rdExpense: 150, totalAssets: 2000, totalLiabilities: 900 }] }));
    const { stdout, error: none } = await run(['assess', 'srdi', '--input', path]);
    expect(none).toBeUndefined();
    const v = JSON.parse(stdout) as Verdict;
    expect(v).toMatchObject({ rulesVersion: 'srdi-2026', qualifies: true, verdict: 'qualifies_unverified' });
    expect(v.uncertain[0]!.id).toBe('srdi-2026');
  });
});

describe('super-deduction: vectors R-1..R-8', () => {
  afterEach(() => vi.restoreAllMocks());

  async function sd(file: string) {
    const { stdout, error } = await run(['super-deduction', '--input', join(examples, file)]);
    expect(error, file).toBeUndefined();
    return JSON.parse(stdout) as { taxYear: number; rate: number; base: number; extraDeduction: number; excluded: boolean; amortisation: number | null; lines: { id: string; amount: number | null; source: string }[]; uncertain: { id: string }[] };
  }

  it('R-1 other costs above the cap; R-2 below it', async () => {
    const r1 = await sd('sd-r1.json');
    expect(r1).toMatchObject({ taxYear: 2024, rate: 1, base: 777.78, extraDeduction: 777.78, excluded: false, amortisation: null });
    expect(r1.lines.find((l) => l.id === 'otherCap')).toMatchObject({ amount: 77.78, source: expect.stringContaining('S8') });
    expect(await sd('sd-r2.json')).toMatchObject({ base: 950, extraDeduction: 950 });
  });

  it('R-3 listed IC enterprise: 120 % and 220 % amortisation to 2027, then 100 % / 200 %', async () => {
    expect(await sd('sd-r3-2025.json')).toMatchObject({ rate: 1.2, extraDeduction: 1200, amortisation: 110 });
    expect(await sd('sd-r3-2028.json')).toMatchObject({ rate: 1, extraDeduction: 1000, amortisation: 100 });
  });

  it('R-4 general enterprise intangible: 200 per year', async () => {
    expect((await sd('sd-r4.json')).amortisation).toBe(200);
  });

  it('R-5 the same base across years and kinds', async () => {
    const expected: [string, number][] = [['2017-general', 500], ['2017-tech_sme', 750], ['2019-general', 750], ['2021-manufacturing', 1000], ['2021-general', 750],
      ['2022-manufacturing', 1000], ['2022-tech_sme', 1000], ['2022-general', 812.5], ['2023-general', 1000]];
    for (const [name, extra] of expected) expect((await sd(`sd-r5-${name}.json`)).extraDeduction, name).toBe(extra);
    expect((await sd('sd-r5-2022-general.json')).uncertain.map((u) => u.id)).toContain('split');
  });

  it('R-6 excluded-industry test: 60 % excluded, exactly 50 % not', async () => {
    expect(await sd('sd-r6-excluded.json')).toMatchObject({ excluded: true, extraDeduction: 0 });
    expect(await sd('sd-r6-boundary.json')).toMatchObject({ excluded: false, extraDeduction: 1000 });
  });

  it('R-7 overseas entrusted R&D capped at 2/3 of domestic; R-8 scrap income floors at 0', async () => {
    const r7 = await sd('sd-r7.json');
    expect(r7).toMatchObject({ base: 500, extraDeduction: 500 });
    expect(r7.lines.find((l) => l.id === 'entrustedOverseas')!.amount).toBe(200);
    expect((await sd('sd-r8-30.json')).base).toBe(370);
    expect(await sd('sd-r8-450.json')).toMatchObject({ base: 0, extraDeduction: 0 });
  });
});

describe('bad input and schemas through the CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  function tempCase(name: string, content: unknown): string {
    const path = join(mkdtempSync(join(root, 'case-')), name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('contradictory input gives field errors (exit 2) in en and zh-CN, never a verdict', async () => {
    const bad = tempCase('bad.json', {
      registrationDate: '2025-08-01', applicationDate: '2025-06-30',
      years: [{ year: 2024, salesRevenue: 100, rdExpense: 150, staffAvg: -3 }],
    });
    const en = await run(['assess', 'hnte', '--input', bad]);
    expect(en.error?.exitCode).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('years[0].staffAvg: must be at least 0');
    const zh = await run(['assess', 'hnte', '--input', bad, '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('years[0].staffAvg: 不得小于 0');
    const contradictory = tempCase('c.json', { registrationDate: '2025-08-01', applicationDate: '2025-06-30', years: [{ year: 2024, salesRevenue: 100, rdExpense: 150 }] });
    const c = await run(['assess', 'hnte', '--input', contradictory]);
    expect(c.stderr).toContain('registrationDate: is after the application date 2025-06-30');
    expect(c.stderr).toContain('years[0].rdExpense: R&D (150) is larger than sales revenue (100)');
    const future = await run(['assess', 'hnte', '--input', tempCase('f.json', { applicationDate: '2999-01-01' })]);
    expect(future.stderr).toContain('applicationDate: lies in the future');
  });

  it('missing inputs the verdict needs are named', async () => {
    const path = tempCase('m.json', { registrationDate: '2020-01-01', applicationDate: '2025-06-30', years: [] });
    const { error, stderr } = await run(['assess', 'hnte', '--input', path]);
    expect(error?.exitCode).toBe(2);
    expect(stderr).toContain('years[year=2024].salesRevenue: is required to decide hnte');
    expect(stderr).toContain('flags.coreIpOwned: is required to decide hnte');
  });

  it('unreadable JSON and bad super-deduction input exit 2', async () => {
    expect((await run(['assess', 'hnte', '--input', tempCase('x.json', '{"a":')])).stderr).toContain('--input: is not valid JSON');
    const sd = await run(['super-deduction', '--input', tempCase('sd.json', { taxYear: 2024, base: -1 })]);
    expect(sd.error?.exitCode).toBe(2);
    expect(sd.stderr).toContain('base: must be at least 0');
  });

  it('--schema prints the input JSON Schemas', async () => {
    const assessSchema = JSON.parse((await run(['assess', '--schema', 'hnte'])).stdout);
    expect(assessSchema.type).toBe('object');
    expect(assessSchema.properties.years.items.properties.rdExpense).toBeDefined();
    const sdSchema = JSON.parse((await run(['super-deduction', '--schema'])).stdout);
    expect(sdSchema.properties.taxYear).toMatchObject({ type: 'integer' });
  });

  it('the real binary keeps the contract (assess: JSON on stdout, exit 0; super-deduction: field errors on stderr, exit 2)', () => {
    const bin = join(repoRoot, 'bin', 'kechuang.mjs');
    const out = JSON.parse(execFileSync(process.execPath, [bin, 'assess', 'hnte', '--input', join(examples, 'hnte-h3a.json')], { cwd: repoRoot, encoding: 'utf8' }));
    expect(Object.keys(out).slice(0, 4)).toEqual(['program', 'rulesVersion', 'qualifies', 'score']);
    expect(out.conditions[0]).toEqual(expect.objectContaining({ id: 'C1', pass: true, value: expect.any(Number), threshold: 365, source: expect.any(String) }));
    expect(out.items[0]).toEqual(expect.objectContaining({ id: 'ip.advancement', points: 7, max: 8 }));
    const bad = spawnSync(process.execPath, [bin, 'super-deduction', '--input', join(root, 'missing.json')], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--input: cannot be read');
    expect(bad.stdout).toBe('');
  }, 240_000); // two spawns of the whole CLI (tsx) on a shared, busy machine
});
