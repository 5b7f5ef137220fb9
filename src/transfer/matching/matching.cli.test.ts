import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerMatchingCommands } from './matching.cli';
import { runCommand } from '../../../test/helpers/run-command';

const evalSet = join(import.meta.dirname, 'eval-set');
const realSet = join(import.meta.dirname, 'real-set');
const realDev = join(import.meta.dirname, 'real-dev');

const run = (args: string[]) => runCommand(registerMatchingCommands, args);

// Files go into their own folders under one root, removed at the end.
const root = mkdtempSync(join(tmpdir(), 'kechuang-match-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(root, 'files-')), name);
  writeFileSync(path, content);
  return path;
}

describe('matching CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('match prints one JSON line per demand', async () => {
    const { stdout, error } = await run(['match', '--offers', join(evalSet, 'offers.jsonl'), '--demands', join(evalSet, 'demands.jsonl'), '--top', '5']);
    expect(error).toBeUndefined();
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(73);
    expect(lines[0].demand_id).toBe('d-copper5g-1');
    expect(lines[0].results).toHaveLength(5);
    expect(lines[0].results[0]).toEqual({ offer_id: expect.any(String), score: expect.any(Number), confident: expect.any(Boolean), why: expect.any(Array) });
    expect(lines[0]).toMatchObject({ no_confident_match: expect.any(Boolean), threshold: 0.3 });
  });

  it('match --top 60 returns the full list with confident flags, not only the confident results', async () => {
    const { stdout, error } = await run(['match', '--offers', join(evalSet, 'offers.jsonl'), '--demands', join(evalSet, 'demands.jsonl'), '--top', '60']);
    expect(error).toBeUndefined();
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { results: { score: number; confident: boolean }[] });
    const first = lines[0].results;
    expect(first).toHaveLength(60);
    expect(first.some((r) => !r.confident)).toBe(true);
    expect(first.some((r) => r.confident)).toBe(true);
    for (const r of first) expect(r.confident).toBe(r.score >= 0.3);
    for (let i = 1; i < first.length; i++) expect(first[i - 1].score).toBeGreaterThanOrEqual(first[i].score);
  });

  it('match reports a bad line with file, line number and field, exit code 2', async () => {
    const offers = tempFile('offers.jsonl', '{"id":"a","lang":"en","title":"x","text":"copper foil"}\n{"id":"b","lang":"xx","title":"y","text":"pump"}\n');
    const { error } = await run(['match', '--offers', offers, '--demands', join(evalSet, 'demands.jsonl')]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/offers\.jsonl:2: lang:/);
    const broken = tempFile('demands.jsonl', '{"id":"a",\n');
    const invalidJson = await run(['match', '--offers', join(evalSet, 'offers.jsonl'), '--demands', broken]);
    expect(invalidJson.error?.message).toMatch(/demands\.jsonl:1: \(line\): not valid JSON/);
  });

  it('rejects a bad --top with a usage error', async () => {
    const { error } = await run(['match', '--offers', 'a.jsonl', '--demands', 'b.jsonl', '--top', '0']);
    expect(error?.code).toBe('commander.invalidArgument');
  });

  it('match-eval prints nDCG@10, recall@100 and MRR, from the engine or from a run file', async () => {
    const args = ['--qrels', join(evalSet, 'qrels.tsv'), '--offers', join(evalSet, 'offers.jsonl'), '--demands', join(evalSet, 'demands.jsonl')];
    const engineRun = await run(['match-eval', ...args]);
    const metrics = JSON.parse(engineRun.stdout);
    expect(Object.keys(metrics)).toEqual(['ndcg@10', 'recall@100', 'mrr', 'queries']);
    expect(metrics['ndcg@10']).toBeGreaterThan(0.9);

    const ranked = await run(['match', '--offers', join(evalSet, 'offers.jsonl'), '--demands', join(evalSet, 'demands.jsonl'), '--top', '100']);
    const fromFile = await run(['match-eval', ...args, '--run', tempFile('run.jsonl', ranked.stdout)]);
    expect(JSON.parse(fromFile.stdout)).toEqual(metrics);
  });

  it.each([['real', realSet, 60], ['real-dev', realDev, 30]])('match-eval --set %s scores a bundled set, the same as naming its files', async (name, dir, queries) => {
    const bundled = await run(['match-eval', '--set', name]);
    expect(bundled.error).toBeUndefined();
    const metrics = JSON.parse(bundled.stdout);
    expect(metrics.queries).toBeGreaterThanOrEqual(queries);
    const explicit = await run(['match-eval', '--qrels', join(dir, 'qrels.tsv'), '--offers', join(dir, 'offers.jsonl'), '--demands', join(dir, 'demands.jsonl')]);
    expect(JSON.parse(explicit.stdout)).toEqual(metrics);
  }, 60_000);

  it('match-eval wants a set or all three files, and a known set name', async () => {
    const missing = await run(['match-eval', '--qrels', join(realSet, 'qrels.tsv')]);
    expect(missing.error?.message).toMatch(/--set, or all of --qrels, --offers and --demands/);
    const unknown = await run(['match-eval', '--set', 'nope']);
    expect(unknown.error?.code).toBe('commander.invalidArgument');
  });
});
