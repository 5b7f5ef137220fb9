import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerCleanCommand } from './clean.cli';
import { runCommand } from '../../../test/helpers/run-command';

const seed = join(import.meta.dirname, 'fixtures', 'seeds', '001_f70a08798afe7b4d.txt');
const root = mkdtempSync(join(tmpdir(), 'kechuang-clean-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[]) => runCommand(registerCleanCommand, args);

describe('kechuang clean', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the cleaned text of a file', async () => {
    const { stdout, error } = await run(['clean', seed]);
    expect(error).toBeUndefined();
    expect(stdout.startsWith('凝聚科技創新合力 蘭州高新區著力打造區域經濟新增長點\n\n在科技自立自強的戰略背景下')).toBe(true);
    expect(stdout).not.toContain('无码');
  });

  it('--json prints the clean document with the original, removed spans and offsets', async () => {
    const { stdout } = await run(['clean', seed, '--json', '--date', '2022-03-11']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['original', 'text', 'removed', 'offsets', 'repairs', 'paragraphs', 'sentences', 'title', 'date', 'lang']));
    expect(doc.date).toBe('2022-03-10');
    expect(doc.removed[0]).toMatchObject({ start: 0, reason: 'spam' });
  });

  it('reports a bad file on stderr in both languages with exit code 2', async () => {
    const empty = join(root, 'empty.txt');
    writeFileSync(empty, '');
    const { error, stdout } = await run(['clean', empty]);
    expect(error?.exitCode).toBe(2);
    expect(error?.code).toBe('intelligence.clean.empty');
    expect(error?.message).toContain('empty.txt: the file is empty');
    expect(error?.message).toContain('empty.txt：文件为空');
    expect(stdout).toBe('');
    const tooBig = await run(['clean', seed, '--max-mb', '0.001']);
    expect(tooBig.error?.exitCode).toBe(2);
    expect(tooBig.error?.message).toContain('too large');
  });

  it('runs as `kechuang clean` from the command line', async () => {
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'kechuang.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'clean', seed], { encoding: 'utf8' });
    expect(stdout).toContain('蘭州高新區生物醫藥產業聚焦生物制品');
    const missing = await promisify(execFile)(process.execPath, [bin, 'clean', join(root, 'nope.pdf')]).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toContain('nope.pdf');
  }, 60_000);
});
