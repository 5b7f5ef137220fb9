import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { readTable, type RawRow } from './file-reader';
import { rowBatches, type ImportInput } from './file-stream';

/** The streamed reading of import files (file-stream.ts) gives exactly the rows and lines of reading them whole. */
const dir = mkdtempSync(join(tmpdir(), 'kechuang-file-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (name: string, bytes: Uint8Array): ImportInput => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path };
};
const collect = async (name: string, input: ImportInput, batchRows = 100) => {
  const batches: RawRow[][] = [];
  for await (const b of rowBatches(name, input, batchRows)) batches.push(b);
  return batches;
};

describe('import files read as a stream', () => {
  // Over 64 KB, so the file arrives in several chunks: quoted fields with line breaks, commas and doubled quotes,
  // CRLF line ends, blank rows, a BOM.
  const lines = ['code,name_zh,description'];
  for (let i = 1; i <= 8000; i++) {
    lines.push(i % 50 === 0 ? `C${i},"名称${i}","多行\r\n说明, 含逗号 ""引号"" ${i}"` : i % 70 === 0 ? ',,' : `C${i},名称${i},"说明${i}"`);
  }
  const csv = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

  it('gives the same CSV rows and lines as reading the whole file, in batches, from disk or memory', async () => {
    expect(csv.length).toBeGreaterThan(3 * 65536);
    const whole = await readTable('x.csv', csv);
    const batches = await collect('x.csv', onDisk('x.csv', csv));
    expect(batches.length).toBeGreaterThan(20);
    expect(batches.every((b) => b.length <= 100)).toBe(true);
    expect(batches.flat()).toEqual(whole);
    expect(whole.find((r) => r.values.code === 'C50')!.values.description).toBe('多行\r\n说明, 含逗号 "引号" 50');
    expect((await collect('x.csv', csv)).flat()).toEqual(whole);
  });

  it('decodes GB18030 files, also when their first megabyte is plain ASCII, and refuses broken quoting as a bad file', async () => {
    const gbk = Uint8Array.from([...new TextEncoder().encode('code,name_zh\r\nG1,'), 0xc0, 0xbc, 0xd6, 0xdd, 0x0d, 0x0a]); // 兰州 in GBK
    expect((await collect('g.csv', onDisk('g.csv', gbk))).flat()).toEqual([{ line: 2, values: { code: 'G1', name_zh: '兰州' } }]);
    const ascii = new TextEncoder().encode(`code,name_zh\r\n${'A1,x\r\n'.repeat(200_000)}`);
    const late = Uint8Array.from([...ascii, ...new TextEncoder().encode('G2,'), 0xc0, 0xbc, 0xd6, 0xdd, 0x0d, 0x0a]);
    expect((await collect('late.csv', onDisk('late.csv', late), 1_000_000)).flat().at(-1)!.values).toEqual({ code: 'G2', name_zh: '兰州' });
    const broken = new TextEncoder().encode('code,name_zh\r\nB1,"未闭合\r\nB2,好\r\n');
    await expect(collect('b.csv', onDisk('b.csv', broken))).rejects.toBeInstanceOf(AppError);
  });

  it('reads JSON arrays item by item and JSON lines line by line, refusing what is not an object', async () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ code: `J${i + 1}`, name_zh: `名称${i + 1}`, staff: i }));
    const array = new TextEncoder().encode(`\n ${JSON.stringify(items, null, 1)}\n`);
    expect((await collect('a.json', onDisk('a.json', array))).flat()).toEqual(await readTable('a.json', array));
    const jsonl = new TextEncoder().encode(items.map((i) => JSON.stringify(i)).join('\n'));
    expect((await collect('a.jsonl', onDisk('a.jsonl', jsonl))).flat()).toEqual(await readTable('a.jsonl', jsonl));
    await expect(collect('n.json', new TextEncoder().encode('[{"code":"x"}, 3]'))).rejects.toBeInstanceOf(AppError);
    await expect(collect('t.json', new TextEncoder().encode('[{"code":"x"}, {"co'))).rejects.toBeInstanceOf(AppError);
  });

  it('reads the first sheet of an XLSX file row by row, as reading it whole does', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(['code', 'name_zh', 'founded', 'staff']);
    for (let i = 1; i <= 700; i++) sheet.addRow([`X${i}`, { richText: [{ text: '名称' }, { text: String(i) }] }, new Date(Date.UTC(2000, 0, 1 + i)), i]);
    sheet.addRow([]);
    book.addWorksheet('other').addRow(['ignored']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const whole = await readTable('x.xlsx', bytes);
    const streamed = (await collect('x.xlsx', onDisk('x.xlsx', bytes))).flat();
    expect(streamed).toEqual(whole);
    expect(streamed[0]).toEqual({ line: 2, values: { code: 'X1', name_zh: '名称1', founded: new Date(Date.UTC(2000, 0, 2)), staff: 1 } });
  });
});
