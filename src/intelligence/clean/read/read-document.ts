import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { cleanMessages } from '../clean.messages';
import type { DocumentFormat, ReadBlock, ReadErrorCode, ReadFailure, ReadOptions, ReadResult } from '../types';
import { decodeText } from './decode-text';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readPdf } from './read-pdf';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function readFailure(fileName: string, code: ReadErrorCode, detail?: string, params: Record<string, string> = {}): ReadFailure {
  const key = `intelligence.clean.${code}` as const;
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'file' ? fileName : (params[name] ?? '')));
  return {
    ok: false,
    fileName,
    code,
    messageKey: key,
    message: { en: fill(cleanMessages.en[key]), zh: fill(cleanMessages.zh[key]) },
    ...(detail ? { detail } : {}),
  };
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** Whether the bytes look like a binary file: NUL bytes or many control characters in the first 8 KB (UTF-16 has a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

function zipHolds(bytes: Uint8Array, name: string): boolean {
  // The local file headers name every entry; searching the raw bytes avoids unzipping twice.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1');
}

function sniffFormat(bytes: Uint8Array, fileName: string): DocumentFormat | 'unsupported' {
  const ext = extname(fileName).toLowerCase();
  const pdfAt = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf('%PDF-', 0, 'latin1');
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHolds(bytes, 'word/document.xml') ? 'docx' : 'unsupported';
  const hasBom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!hasBom && looksBinary(bytes)) return 'unsupported';
  // RTF is text on the surface but markup underneath; reading it as plain text would keep the markup.
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'unsupported';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml') return 'html';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<!doctype html|<meta|<!--)/.test(head)) return 'html';
  return 'text';
}

/** Plain text: each non-empty line is a block (paragraph); offsets are those of the decoded text. */
export function lineBlocks(text: string): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) blocks.push({ start: s, end: e, kind: 'paragraph', linkDensity: 0 });
    start = end + 1;
  }
  return blocks;
}

/** Prose left once structural boilerplate and link lists are set aside: too little means the page has no article. */
function articleChars(text: string, blocks: ReadBlock[]): number {
  let chars = 0;
  for (const b of blocks) {
    if (b.hint || b.linkDensity > 0.5) continue;
    const slice = text.slice(b.start, b.end);
    if (slice.length >= 40 || /[。！？.!?]/.test(slice)) chars += slice.length;
  }
  return chars;
}

/**
 * Reads one document from its bytes: detects the format by content (and extension for HTML), decodes
 * text and HTML with charset detection, extracts PDF and DOCX text. Never throws for a bad file: the
 * failure is a value with a zh/en message.
 */
export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const name = basename(fileName);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) return readFailure(name, 'too_large', `${bytes.byteLength} bytes`, { size: formatBytes(bytes.byteLength), limit: formatBytes(maxBytes) });
  if (bytes.byteLength === 0) return readFailure(name, 'empty');
  const format = sniffFormat(bytes, name);
  if (format === 'unsupported') return readFailure(name, 'unsupported');
  if (format === 'pdf') {
    const pdf = await readPdf(bytes);
    if (!pdf.ok) return readFailure(name, pdf.code, pdf.detail);
    return { ok: true, fileName: name, format, text: pdf.text, blocks: lineBlocks(pdf.text), pages: pdf.pages, ...(pdf.metaTitle ? { metaTitle: pdf.metaTitle } : {}) };
  }
  if (format === 'docx') {
    const docx = await readDocx(bytes);
    if (!docx.ok) return readFailure(name, docx.code, docx.detail);
    if (docx.text.trim() === '') return readFailure(name, 'empty', 'no text in the document');
    return { ok: true, fileName: name, format, text: docx.text, blocks: lineBlocks(docx.text) };
  }
  const decoded = decodeText(bytes, format === 'html');
  if (format === 'html') {
    const html = readHtml(decoded.text);
    if (html.text.trim() === '' || articleChars(html.text, html.blocks) < 60) return readFailure(name, 'no_article', `${html.text.length} characters of page text`);
    return {
      ok: true,
      fileName: name,
      format,
      charset: decoded.charset,
      text: html.text,
      blocks: html.blocks,
      ...(html.metaTitle ? { metaTitle: html.metaTitle } : {}),
      ...(html.metaDate ? { metaDate: html.metaDate } : {}),
    };
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return readFailure(name, 'empty', 'only white space');
  return { ok: true, fileName: name, format, charset: decoded.charset, text, blocks: lineBlocks(text) };
}

/** Reads a file from disk, refusing one over the size limit before reading it into memory. */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const name = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return readFailure(name, 'unsupported', 'not a regular file');
    size = info.size;
  } catch (error) {
    return readFailure(name, 'corrupt', error instanceof Error ? error.message : String(error));
  }
  if (size > maxBytes) return readFailure(name, 'too_large', `${size} bytes`, { size: formatBytes(size), limit: formatBytes(maxBytes) });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return readFailure(name, 'corrupt', error instanceof Error ? error.message : String(error));
  }
  try {
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return readDocument(bytes.subarray(0, read), name, options);
  } finally {
    await handle.close();
  }
}
