// Regenerates nace2-ipc-class.csv and nace2-divisions.csv from the published Fraunhofer ISI workbooks (see README.md):
//   npx tsx src/shared/classification/derive-nace-ipc.ts <nace_ipc.xlsx> <nace.xlsx>
// Kept so the data files can be checked against their source; nothing here runs at start.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const cellValue = (v: unknown): unknown => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v);

async function main(concordancePath: string, nacePath: string) {
  const dir = import.meta.dirname;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(concordancePath);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String); // "NACE", "A01", "A21", …
  const lines = ['nace_division,ipc_class,share'];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = (row.values as unknown[]).slice(1).map(cellValue);
    const nace = String(values[0]).padStart(2, '0');
    for (let j = 1; j < header.length; j++) {
      const share = Number(values[j] ?? 0);
      // Six significant digits keep every published share distinguishable; zero cells are left out.
      if (share > 0) lines.push(`${nace},${header[j]},${Number(share.toPrecision(6))}`);
    }
  });
  writeFileSync(join(dir, 'nace2-ipc-class.csv'), lines.join('\n') + '\n');

  const naceBook = new ExcelJS.Workbook();
  await naceBook.xlsx.readFile(nacePath);
  const titles = ['nace_division,title_en'];
  naceBook.worksheets[0]!.eachRow((row, index) => {
    if (index === 1) return;
    const [, code, label] = (row.values as unknown[]).slice(1).map((v) => String(cellValue(v) ?? ''));
    if (/^\d{2}$/.test(code!)) titles.push(`${code},"${label!.replace(/"/g, '""')}"`);
  });
  writeFileSync(join(dir, 'nace2-divisions.csv'), titles.join('\n') + '\n');
  process.stdout.write(`${lines.length - 1} shares, ${titles.length - 1} divisions\n`);
}

const [concordance, nace] = process.argv.slice(2);
if (!concordance || !nace) {
  process.stderr.write('usage: derive-nace-ipc.ts <nace_ipc.xlsx> <nace.xlsx>\n');
  process.exit(2);
}
await main(concordance, nace);
