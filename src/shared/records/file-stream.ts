import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { JSONParser } from '@streamparser/json';
import { AppError } from '../http/errors';
import { cellValue, type FileFormat, type RawRow } from './file-reader';

/**
 * An import file read as a stream, a batch of rows at a time, so that the memory an import needs is bounded by the
 * batch, not by the file: an upload is kept on disk (file.routes.ts streams it there) and read from there; CSV with
 * papaparse's stream parser, XLSX with exceljs's streaming WorkbookReader, JSON arrays with @streamparser/json and
 * JSON lines line by line. Line numbers are those readTable gives (CSV/XLSX header = line 1; JSON items from 1).
 */
export type ImportInput = Uint8Array | { path: string };

function openInput(input: ImportInput): Readable {
  return input instanceof Uint8Array ? Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]) : createReadStream(input.path);
}

async function headBytes(input: ImportInput, n: number): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input.subarray(0, n);
  const handle = await open(input.path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** By extension, else by content: a zip (XLSX) starts with "PK". */
export async function formatOfInput(fileName: string, input: ImportInput): Promise<FileFormat> {
  const ext = fileName.toLowerCase().split('.').pop();
  const head = await headBytes(input, 2);
  if (ext === 'xlsx' || (head[0] === 0x50 && head[1] === 0x4b)) return 'xlsx';
  if (ext === 'json' || ext === 'jsonl') return 'json';
  return 'csv';
}

/**
 * Valid UTF-8 is read as UTF-8; anything else as GB18030 (a superset of GBK), as decodeText does for a whole file.
 * The first megabyte decides when it has any non-ASCII text (Chinese headers or names); an all-ASCII start is checked
 * to the end of the file.
 */
async function encodingOf(input: ImportInput): Promise<'utf-8' | 'gb18030'> {
  const head = await headBytes(input, 1 << 20);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    if (head.some((b) => b >= 0x80)) {
      decoder.decode(head, { stream: true }); // stream: a character cut at the megabyte's end is not an error
      return 'utf-8';
    }
    for await (const chunk of openInput(input)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch (err) {
    if (err instanceof TypeError) return 'gb18030';
    throw err;
  }
}

/** The file's text as a stream of strings (BOM removed). */
async function openText(input: ImportInput): Promise<Readable> {
  const decoder = new TextDecoder(await encodingOf(input));
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) { const text = decoder.decode(chunk, { stream: true }); done(null, text || undefined); },
    flush(done) { const text = decoder.decode(); done(null, text || undefined); },
  });
  return openInput(input).pipe(decode);
}

export async function* rowBatches(fileName: string, input: ImportInput, batchRows = 5000): AsyncGenerator<RawRow[]> {
  const format = await formatOfInput(fileName, input);
  if (format === 'xlsx') yield* xlsxBatches(input, batchRows);
  else if (format === 'json') yield* jsonBatches(await openText(input), batchRows);
  else yield* csvBatches((await openText(input)).pipe(alignedOnLines()), batchRows);
}

/**
 * Passes text on in pieces that end just after a line feed. papaparse's stream parser misreads a quoted field whose
 * closing quote ends one chunk while its CRLF starts the next ("Trailing quote on quoted field is malformed"); a piece
 * that ends after a line feed never ends on a quote. (A file with bare CR line ends is cut after a CR.)
 */
function alignedOnLines(): Transform {
  let carry = '';
  return new Transform({
    readableObjectMode: true,
    writableObjectMode: true,
    transform(text: string, _enc, done) {
      carry += text;
      let cut = carry.lastIndexOf('\n') + 1;
      if (cut === 0 && carry.length > 1 << 20) cut = carry.lastIndexOf('\r', carry.length - 2) + 1;
      if (cut === 0) return done();
      const piece = carry.slice(0, cut);
      carry = carry.slice(cut);
      done(null, piece);
    },
    flush(done) { done(null, carry || undefined); },
  });
}

/** A batch also ends at about this much text, so that files of long rows (descriptions) keep batches small in memory. */
const BATCH_CHARS = 2_000_000;

const badFile = (reason: string) => new AppError('BAD_FILE', 'problem.file', { reason });

/**
 * papaparse's stream input with a chunk callback: the parser is paused while a full batch waits to be taken, so the
 * file is read no faster than the rows are validated or written.
 */
async function* csvBatches(text: Readable, batchRows: number): AsyncGenerator<RawRow[]> {
  const ready: RawRow[][] = [];
  let current: RawRow[] = [];
  let names: string[] | undefined;
  let index = 0; // rows read so far, the header included: a row's line is its index + 1
  let chars = 0;
  let parser: Papa.Parser | undefined;
  let paused = false;
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => { const w = wake; wake = undefined; w?.(); };
  text.on('error', (err) => { failure ??= err; done = true; notify(); });
  Papa.parse<string[]>(text as unknown as File, {
    skipEmptyLines: false,
    chunk(results, p) {
      parser = p;
      const fatal = results.errors.find((e) => e.type === 'Quotes');
      if (fatal) { failure ??= badFile(`line ${index + (fatal.row ?? 0) + 1}: ${fatal.message}`); p.abort(); notify(); return; }
      for (const cells of results.data) {
        index++;
        if (!names) { names = cells.map((h) => h.trim()); continue; }
        if (cells.every((c) => c.trim() === '')) continue;
        const values: Record<string, unknown> = {};
        names.forEach((n, j) => { if (n) values[n] = cells[j]; });
        current.push({ line: index, values });
        chars += cells.reduce((n, c) => n + c.length, 0);
        if (current.length >= batchRows || chars >= BATCH_CHARS) { ready.push(current); current = []; chars = 0; }
      }
      if (ready.length) { p.pause(); paused = true; notify(); }
    },
    complete() { done = true; notify(); },
    error(err) { failure ??= badFile(err.message); done = true; notify(); },
  });
  try {
    for (;;) {
      if (ready.length) { yield ready.shift()!; continue; }
      if (failure) throw failure;
      if (done) break;
      if (paused) { paused = false; parser!.resume(); continue; }
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (current.length) yield current;
  } finally {
    if (!done) { parser?.abort(); text.destroy(); }
  }
}

async function* jsonBatches(text: Readable, batchRows: number): AsyncGenerator<RawRow[]> {
  const iterator = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  let first = await iterator.next();
  while (!first.done && first.value.trim() === '') first = await iterator.next();
  if (first.done) return;
  const rest = (async function* () { yield first.value as string; for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield n.value; })();
  const item = (value: unknown, line: number): RawRow => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw badFile(`item ${line} is not an object`);
    return { line, values: value as Record<string, unknown> };
  };
  let current: RawRow[] = [];
  let line = 0;
  if (!first.value.trimStart().startsWith('[')) {
    // JSON lines: one object a line.
    for await (const l of createInterface({ input: Readable.from(rest), crlfDelay: Infinity })) {
      if (!l.trim()) continue;
      let value: unknown;
      try { value = JSON.parse(l); } catch (err) { throw badFile((err as Error).message); }
      current.push(item(value, ++line));
      if (current.length >= batchRows) { yield current; current = []; }
    }
    if (current.length) yield current;
    return;
  }
  // A JSON array: each top-level item as it completes; nothing else of the document is kept.
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  parser.onValue = ({ value }) => { current.push(item(value, ++line)); };
  try {
    for await (const chunk of rest) {
      // The parser ends by itself with the array's closing bracket: only whitespace may follow.
      if (parser.isEnded) { if (chunk.trim()) throw badFile('text after the end of the JSON array'); continue; }
      parser.write(chunk);
      if (current.length >= batchRows) { yield current; current = []; }
    }
    if (!parser.isEnded) parser.end();
  } catch (err) {
    throw err instanceof AppError ? err : badFile((err as Error).message);
  }
  if (current.length) yield current;
}

/** The first worksheet, row by row; rich text, formulas and hyperlinks become their displayed value. */
async function* xlsxBatches(input: ImportInput, batchRows: number): AsyncGenerator<RawRow[]> {
  const source = input instanceof Uint8Array ? openInput(input) : input.path;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sheetNo = 0;
  let current: RawRow[] = [];
  try {
    for await (const sheet of reader) {
      // Only the first sheet is read; the others are drained so that the zip stream ends cleanly.
      const firstSheet = sheetNo++ === 0;
      const names: string[] = [];
      for await (const row of sheet) {
        if (!firstSheet) continue;
        if (row.number === 1) { row.eachCell({ includeEmpty: true }, (cell, col) => { names[col] = cellValue(cell.value)?.toString().trim() ?? ''; }); continue; }
        const values: Record<string, unknown> = {};
        row.eachCell({ includeEmpty: false }, (cell, col) => { if (names[col]) values[names[col]!] = cellValue(cell.value); });
        if (Object.keys(values).length) current.push({ line: row.number, values });
        if (current.length >= batchRows) { yield current; current = []; }
      }
    }
  } catch (err) {
    throw err instanceof AppError ? err : badFile((err as Error).message);
  }
  if (current.length) yield current;
}

