import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { cleanDocument, readDocument } from '../clean';
import type { ExtractContext } from './context';
import type { Fact } from './extract';
import { extractFacts } from './facts';

export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.pdf', '.docx']);

/** The files a path names: the file itself, or every document file under a folder (sorted, recursive). */
export function documentFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...documentFiles(full));
    else if (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** One line of `kechuang extract` output. */
export interface FactLine {
  document: string;
  subject: string | null;
  metric: string;
  value: string;
  unit: string;
  period: string | null;
  quote: string;
  start: number;
  end: number;
  approx?: boolean;
  bound?: 'min' | 'max';
  cumulative?: boolean;
  target?: boolean;
  unit_raw?: string;
  period_detail?: string;
}

export function toFactLine(document: string, f: Fact): FactLine {
  const line: FactLine = { document, subject: f.subject, metric: f.metric, value: f.value, unit: f.unit, period: f.period, quote: f.quote, start: f.start, end: f.end };
  if (f.approx) line.approx = true;
  if (f.bound) line.bound = f.bound;
  if (f.cumulative) line.cumulative = true;
  if (f.target) line.target = true;
  if (f.unit_raw) line.unit_raw = f.unit_raw;
  if (f.period_detail) line.period_detail = f.period_detail;
  return line;
}

export type FileResult = { ok: true; document: string; facts: Fact[]; text: string } | { ok: false; document: string; message: string };

/** Reads, cleans and extracts one file; a file that cannot be read gives a message, never an exception. */
export async function extractFile(path: string, opts: { date?: string; ctx?: ExtractContext } = {}): Promise<FileResult> {
  const document = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, document, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const read = await readDocument(bytes, document);
  if (!read.ok) return { ok: false, document, message: read.message.en };
  const clean = cleanDocument(read, { date: opts.date });
  const facts = extractFacts({ text: clean.text, date: clean.date, title: clean.title }, opts.ctx);
  return { ok: true, document, facts, text: clean.text };
}

/**
 * Where an evaluation set's texts are: docs/ beside the gold folder (texts the repository may redistribute) and
 * local/ (texts kept only on the machine that built the set; ignored by git), or docs/ inside the gold folder.
 */
export function textFolders(goldDir: string): string[] {
  const beside = [join(goldDir, '..', 'docs'), join(goldDir, '..', 'local')].filter((d) => existsSync(d));
  if (beside.length) return beside;
  return existsSync(join(goldDir, 'docs')) ? [join(goldDir, 'docs')] : [];
}
