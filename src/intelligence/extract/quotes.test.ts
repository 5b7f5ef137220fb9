import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument, readDocument } from '../clean';
import { generateArticles } from './bench-corpus';
import { extractFacts } from './index';
import { documentFiles, textFolders } from './run-files';

// Issue 11: "every fact's quote is an exact substring of the clean text at its offsets". Checked on every document
// this module has (the three evaluation sets, raw and cleaned) and on generated recombinations of their paragraphs.
const EVAL = join(import.meta.dirname, 'eval');
// Texts not redistributable live in <set>/local/ on the machine that built the set (see sources.json); in a fresh
// clone only docs/ exists, so the test runs on what is present.
const files = ['dev', 'tune', 'tune2', 'tune3', 'heldout', 'heldout2'].flatMap((set) => textFolders(join(EVAL, set, 'gold'))).flatMap((dir) => documentFiles(dir));

function checkQuotes(text: string, label: string): number {
  const found = extractFacts({ text });
  for (const f of found) {
    expect(text.slice(f.start, f.end), `${label} ${f.value}`).toBe(f.quote);
    expect(f.start <= f.figure_start && f.figure_start < f.figure_end && f.figure_end <= f.end, `${label} figure inside quote`).toBe(true);
    expect(f.value, `${label} decimal`).toMatch(/^-?\d+(?:\.\d+)?$/);
  }
  return found.length;
}

describe('quotes are exact substrings', () => {
  it('on every evaluation document, raw and cleaned', async () => {
    expect(files.length).toBeGreaterThanOrEqual(12); // dev (5) and the redistributable texts of tune (3), tune2 (3) and heldout2 (1)
    let total = 0;
    for (const file of files) {
      total += checkQuotes(readFileSync(file, 'utf8'), `${basename(file)} (raw)`);
      const read = await readDocument(readFileSync(file), basename(file));
      if (!read.ok) throw new Error(`${file}: ${read.code}`);
      total += checkQuotes(cleanDocument(read).text, `${basename(file)} (clean)`);
    }
    expect(total).toBeGreaterThan(files.length > 12 ? 1000 : 150);
  });

  it('on generated articles', () => {
    let total = 0;
    for (const article of generateArticles(300, 7)) total += checkQuotes(article.text, article.id);
    expect(total).toBeGreaterThan(300);
  });
});
