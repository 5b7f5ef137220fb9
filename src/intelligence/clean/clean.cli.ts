import { type Command, InvalidArgumentError } from 'commander';
import { cleanDocument, readDocumentFile } from './index';

/** Exit code for a file that cannot be read (commander uses 1 for its own usage errors). */
const BAD_INPUT_EXIT_CODE = 2;

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return value;
}

function parseMegabytes(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 4096) throw new InvalidArgumentError('must be a number of megabytes from 0 to 4096');
  return Math.floor(mb * 1024 * 1024);
}

/** `clean <file>`: prints the cleaned text of an HTML, text, PDF or DOCX file (no database). */
export function registerCleanCommand(program: Command): void {
  program
    .command('clean')
    .description('print the cleaned main text of a document (HTML, plain text, PDF, DOCX); --json for the full result')
    .argument('<file>', 'the document')
    .option('--json', 'print the clean document as JSON: text, original, removed spans, repairs, paragraphs, sentences, offsets')
    .option('--date <yyyy-mm-dd>', 'publication date to use when the document names none', parseDate)
    .option('--max-mb <n>', 'largest file accepted, in MB', parseMegabytes)
    .action(async function (this: Command, file: string, options: { json?: boolean; date?: string; maxMb?: number }) {
      const read = await readDocumentFile(file, options.maxMb ? { maxBytes: options.maxMb } : {});
      if (!read.ok) {
        // Both languages: the CLI has no locale, and operators of Chinese deployments read the zh line.
        this.error(`${read.message.en}\n${read.message.zh}`, { exitCode: BAD_INPUT_EXIT_CODE, code: `intelligence.clean.${read.code}` });
      }
      const doc = cleanDocument(read, options.date ? { date: options.date } : {});
      process.stdout.write(options.json ? `${JSON.stringify(doc)}\n` : `${doc.text}\n`);
    });
}
