import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { csvRowBatches, readTable, type RawRow } from './file-reader';

const collect = async (bytes: Uint8Array, chunk: number) => {
  const batches: RawRow[][] = [];
  for await (const b of csvRowBatches(bytes, chunk)) batches.push(b);
  return batches;
};

describe('CSV rows a piece at a time', () => {
  const lines = ['code,name_zh,description'];
  for (let i = 1; i <= 500; i++) lines.push(i % 50 === 0 ? `C${i},"名称${i}","多行\n说明, 含逗号 ${i}"` : i % 70 === 0 ? ',,' : `C${i},名称${i},说明${i}`);
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

  it('gives the same rows and lines as reading the whole file, across many small pieces', async () => {
    const whole = await readTable('x.csv', bytes);
    const batches = await collect(bytes, 256);
    expect(batches.length).toBeGreaterThan(20);
    expect(batches.flat()).toEqual(whole);
    expect(whole.find((r) => r.values.code === 'C50')!.values.description).toBe('多行\n说明, 含逗号 50');
  });

  it('decodes GB18030 files and refuses broken quoting as a bad file', async () => {
    const gbk = Uint8Array.from([...new TextEncoder().encode('code,name_zh\r\nG1,'), 0xc0, 0xbc, 0xd6, 0xdd, 0x0d, 0x0a]); // 兰州 in GBK
    expect((await collect(gbk, 8)).flat()).toEqual([{ line: 2, values: { code: 'G1', name_zh: '兰州' } }]);
    const broken = new TextEncoder().encode('code,name_zh\r\nB1,"未闭合\r\nB2,好\r\n');
    await expect(collect(broken, 1024)).rejects.toBeInstanceOf(AppError);
  });
});
