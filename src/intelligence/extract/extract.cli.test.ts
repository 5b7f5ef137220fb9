import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cleanDocument, readDocument } from '../clean';
import { registerExtractCommands } from './extract.cli';
import { runCommand } from '../../../test/helpers/run-command';

const DEV = join(import.meta.dirname, 'eval', 'dev');

const run = (args: string[]) => runCommand(registerExtractCommands, args);

const root = mkdtempSync(join(tmpdir(), 'kechuang-extract-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('extract CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('extract writes one JSON object per fact; a bad file gets a message and the others are still processed', async () => {
    const docs = join(root, 'docs');
    mkdirSync(docs);
    copyFileSync(join(DEV, 'docs', '001_f70a08798afe7b4d.txt'), join(docs, '001.txt'));
    copyFileSync(join(DEV, 'docs', '004_79048d5c3ccee9bc.txt'), join(docs, '004.txt'));
    writeFileSync(join(docs, 'empty.txt'), '');
    writeFileSync(join(docs, 'broken.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x13, 0x37]));
    const out = join(root, 'facts.jsonl');
    const { stderr, error } = await run(['extract', docs, '--out', out]);
    expect(error).toBeUndefined();
    expect(stderr).toMatch(/empty\.txt: /);
    expect(stderr).toMatch(/broken\.pdf: /);
    expect(stderr).toMatch(/2 of 4 documents read/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(lines.map((l) => l.document))).toEqual(new Set(['001.txt', '004.txt']));
    const signed = lines.find((l) => l.value === '12864000000');
    expect(signed).toMatchObject({ document: '001.txt', unit: 'CNY', period: null, metric: 'signed_investment', unit_raw: '億元' });
    for (const l of lines) expect(Object.keys(l).slice(0, 9)).toEqual(['document', 'subject', 'metric', 'value', 'unit', 'period', 'quote', 'start', 'end']);
    // quotes are offsets into the clean text of each document
    const read = await readDocument(readFileSync(join(docs, '001.txt')), '001.txt');
    if (!read.ok) throw new Error(read.code);
    const clean = cleanDocument(read);
    for (const l of lines.filter((x) => x.document === '001.txt')) expect(clean.text.slice(l.start, l.end)).toBe(l.quote);
  });

  it('extract fails with exit code 2 when no document can be read, and writes nothing half-done', async () => {
    const empty = join(root, 'only-empty.txt');
    writeFileSync(empty, '');
    const { error } = await run(['extract', empty, '--out', join(root, 'none.jsonl')]);
    expect(error?.exitCode).toBe(2);
  });

  it('extract-eval scores the development set end to end and prints P/R/F1 overall and by kind', async () => {
    const fromDocs = await run(['extract-eval', '--gold', join(DEV, 'gold')]);
    expect(fromDocs.error).toBeUndefined();
    expect(fromDocs.stdout).toMatch(/overall\s+P \d\.\d{3}\s+R \d\.\d{3}\s+F1 \d\.\d{3}/);
    expect(fromDocs.stdout).toMatch(/money\s+P/);
    const summary = JSON.parse(fromDocs.stdout.trim().split('\n').at(-1)!);
    expect(summary.documents).toBe(5);
    expect(summary.gold).toBe(73);
    expect(summary.overall.f1).toBeGreaterThan(0.9);
    expect(Object.keys(summary.byKind)).toEqual(['money', 'count', 'percent', 'rank', 'other']);

    // the same score from a facts.jsonl written by `extract`
    const out = join(root, 'dev-facts.jsonl');
    await run(['extract', join(DEV, 'docs'), '--out', out]);
    const fromFile = await run(['extract-eval', '--gold', join(DEV, 'gold'), '--pred', out]);
    expect(JSON.parse(fromFile.stdout.trim().split('\n').at(-1)!)).toEqual(summary);

    // a prediction with the wrong period no longer matches: precision and recall both drop
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const broken = lines.map((l, i) => (i === 0 ? { ...l, period: '1999' } : l));
    const brokenPath = join(root, 'broken-facts.jsonl');
    writeFileSync(brokenPath, broken.map((l) => JSON.stringify(l)).join('\n'));
    const worse = JSON.parse((await run(['extract-eval', '--gold', join(DEV, 'gold'), '--pred', brokenPath])).stdout.trim().split('\n').at(-1)!);
    expect(worse.overall.tp).toBe(summary.overall.tp - 1);
  });

  it('extract-eval skips gold documents whose text is not in the tree, says so, and scores the others', async () => {
    const set = join(root, 'partial');
    mkdirSync(join(set, 'gold'), { recursive: true });
    mkdirSync(join(set, 'docs'), { recursive: true });
    copyFileSync(join(DEV, 'gold', '000_496e32b55310cd60.txt.jsonl'), join(set, 'gold', '000_496e32b55310cd60.txt.jsonl'));
    copyFileSync(join(DEV, 'docs', '000_496e32b55310cd60.txt'), join(set, 'docs', '000_496e32b55310cd60.txt'));
    copyFileSync(join(DEV, 'gold', '001_f70a08798afe7b4d.txt.jsonl'), join(set, 'gold', '001_f70a08798afe7b4d.txt.jsonl'));
    const result = await run(['extract-eval', '--gold', join(set, 'gold')]);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toMatch(/001_f70a08798afe7b4d\.txt: text not present .* skipped/);
    expect(result.stderr).toMatch(/1 of 2 gold documents skipped/);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(summary.documents).toBe(1);
    const goldLines = readFileSync(join(DEV, 'gold', '000_496e32b55310cd60.txt.jsonl'), 'utf8').trim().split('\n').length;
    expect(summary.gold).toBe(goldLines);
  });

  it('extract-eval reports a bad gold folder or prediction file with exit code 2', async () => {
    const bad = join(root, 'bad.jsonl');
    writeFileSync(bad, '{"document":\n');
    expect((await run(['extract-eval', '--gold', join(DEV, 'gold'), '--pred', bad])).error?.exitCode).toBe(2);
    expect((await run(['extract-eval', '--gold', join(root, 'missing')])).error?.exitCode).toBe(2);
  });
});
