import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { ExtractContext } from './context';
import { evaluate, type EvaluationReport, type ScoredFact } from './evaluate';
import { documentFiles, extractFile, textFolders, toFactLine } from './run-files';

/** Exit code for bad input (commander uses 1 for its own usage errors). */
const BAD_INPUT_EXIT_CODE = 2;

function readJsonl(path: string): ScoredFact[] {
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as ScoredFact];
    } catch {
      throw new Error(`${basename(path)}:${i + 1}: not valid JSON`);
    }
  });
}

function readContext(path: string | undefined): ExtractContext | undefined {
  if (!path) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as ExtractContext | ExtractContext['zoneAliases'];
  return Array.isArray(parsed) ? { zoneAliases: parsed } : parsed;
}

/** Gold: one <document>.jsonl per document in DIR (an empty file = a document without facts). */
export function loadGold(dir: string): { facts: ScoredFact[]; documents: string[] } {
  const files = documentFilesOf(dir);
  const facts: ScoredFact[] = [];
  const documents: string[] = [];
  for (const file of files) {
    const document = basename(file).replace(/\.jsonl$/, '');
    documents.push(document);
    for (const f of readJsonl(file)) facts.push({ ...f, document: f.document ?? document });
  }
  return { facts, documents };
}

function documentFilesOf(dir: string): string[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir}: not a folder`);
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f)).sort();
}

/**
 * An evaluation set may keep a sources.json beside its docs folder: {"<document>": {"url", "date", "lang"}}. The
 * date stands in for the publication date a web page carries in its metadata (kept when the excerpt lost it).
 */
function sourceDates(docsDir: string): Map<string, string> {
  const path = join(docsDir, '..', 'sources.json');
  const dates = new Map<string, string>();
  if (!existsSync(path)) return dates;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { date?: string | null } | string>;
  for (const [document, source] of Object.entries(parsed)) if (typeof source === 'object' && source?.date) dates.set(document, source.date);
  return dates;
}

function formatReport(r: EvaluationReport): string {
  const row = (name: string, p: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
    `${name.padEnd(9)} P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
  return [
    `documents ${r.documents}, gold facts ${r.gold}, predicted ${r.predicted}`,
    row('overall', r.overall),
    row('plain', r.plain),
    ...Object.entries(r.byKind).map(([k, p]) => row(k, p)),
  ].join('\n');
}

/** Adds `extract` and `extract-eval` (file-based, no database) to the kechuang CLI. */
export function registerExtractCommands(program: Command): void {
  program
    .command('extract')
    .description('extract indicator facts from .txt/.html/.pdf/.docx files or folders; one JSON object per fact')
    .argument('<paths...>', 'files or folders')
    .requiredOption('--out <file>', 'output JSON-lines file (written whole at the end)')
    .option('--date <yyyy-mm-dd>', 'publication date for documents that name none (resolves 今年 / 去年)')
    .option('--zones <file>', 'JSON [{name, aliases[], id?}] of zone aliases (or {zoneAliases, orgAliases})')
    .action(async function (this: Command, paths: string[], options: { out: string; date?: string; zones?: string }) {
      const files = paths.flatMap((p) => {
        if (!existsSync(p)) {
          process.stderr.write(`${p}: no such file or folder\n`);
          return [];
        }
        return documentFiles(p);
      });
      let ctx: ExtractContext | undefined;
      try {
        ctx = readContext(options.zones);
      } catch (error) {
        this.error(`--zones: ${(error as Error).message}`, { exitCode: BAD_INPUT_EXIT_CODE, code: 'extract.bad-input' });
      }
      const lines: string[] = [];
      let failed = 0;
      let facts = 0;
      for (const file of files) {
        const result = await extractFile(file, { date: options.date, ctx });
        if (!result.ok) {
          failed++;
          process.stderr.write(`${file}: ${result.message}\n`);
          continue;
        }
        for (const f of result.facts) lines.push(JSON.stringify(toFactLine(result.document, f)));
        facts += result.facts.length;
      }
      // Written to a temporary file and renamed, so a failed run never leaves half a file behind.
      const tmp = join(dirname(options.out), `.${basename(options.out)}.${process.pid}.tmp`);
      try {
        writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '');
        renameSync(tmp, options.out);
      } catch (error) {
        rmSync(tmp, { force: true });
        this.error(`${options.out}: ${(error as Error).message}`, { exitCode: BAD_INPUT_EXIT_CODE, code: 'extract.bad-output' });
      }
      process.stderr.write(`${files.length - failed} of ${files.length} documents read, ${facts} facts written to ${options.out}\n`);
      if (files.length === 0 || failed === files.length) this.error('no document could be read', { exitCode: BAD_INPUT_EXIT_CODE, code: 'extract.bad-input' });
    });

  program
    .command('extract-eval')
    .description('score extracted facts against hand-annotated gold facts (a fact matches when value, unit and period agree)')
    .requiredOption('--gold <dir>', 'folder of <document>.jsonl gold files')
    .option('--pred <file>', 'facts.jsonl written by `extract` (else the documents are extracted now)')
    .option('--input <dir>', 'documents to extract (default: <gold>/../docs or <gold>/docs)')
    .option('--zones <file>', 'zone aliases, as for `extract`')
    .option('--show-errors', 'also list missed and spurious facts')
    .action(async function (this: Command, options: { gold: string; pred?: string; input?: string; zones?: string; showErrors?: boolean }) {
      let gold: ReturnType<typeof loadGold>;
      let predicted: ScoredFact[] = [];
      try {
        gold = loadGold(options.gold);
        if (options.pred) predicted = readJsonl(options.pred);
        else {
          const inputs = options.input ? [options.input] : textFolders(options.gold);
          const ctx = readContext(options.zones);
          const dates = sourceDates(inputs[0] ?? join(options.gold, '..', 'docs'));
          const files = inputs.flatMap((dir) => documentFiles(dir));
          const present = new Set(files.map((f) => basename(f)));
          // Texts whose licence does not allow redistribution are not in the tree (see sources.json): their gold is
          // skipped, with a message, instead of being scored as all missed.
          const absent = gold.documents.filter((d) => !present.has(d));
          for (const d of absent) process.stderr.write(`${d}: text not present (not redistributable, see sources.json; put it in ${join(options.gold, '..', 'local')}) — skipped\n`);
          if (absent.length) process.stderr.write(`${absent.length} of ${absent.length + gold.documents.filter((d) => present.has(d)).length} gold documents skipped: their texts are not in the tree\n`);
          if (absent.length) gold = { documents: gold.documents.filter((d) => present.has(d)), facts: gold.facts.filter((f) => present.has(f.document)) };
          for (const file of files) {
            const result = await extractFile(file, { ctx, date: dates.get(basename(file)) });
            if (!result.ok) process.stderr.write(`${file}: ${result.message}\n`);
            else for (const f of result.facts) predicted.push({ document: result.document, value: f.value, unit: f.unit, period: f.period, quote: f.quote });
          }
        }
      } catch (error) {
        this.error((error as Error).message, { exitCode: BAD_INPUT_EXIT_CODE, code: 'extract.bad-input' });
      }
      const report = evaluate(gold.facts, predicted, gold.documents);
      process.stdout.write(`${formatReport(report)}\n`);
      if (options.showErrors) {
        for (const m of report.misses) process.stdout.write(`MISS ${m.document} ${m.value} ${m.unit} ${m.period} | ${m.quote ?? ''}\n`);
        for (const s of report.spurious) process.stdout.write(`SPURIOUS ${s.document} ${s.value} ${s.unit} ${s.period} | ${s.quote ?? ''}\n`);
      }
      const { misses: _m, spurious: _s, ...summary } = report;
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    });
}
