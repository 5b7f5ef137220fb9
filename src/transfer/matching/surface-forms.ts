// Explanations name the words two items share, but the index holds analysed terms: Porter stems ("actuat"),
// jieba's search-mode sub-words and single characters ("化", "理工" out of 处理工艺). A reader should see words as
// written. This maps the query's terms back to the forms its own text uses — text the caller was given, since the
// service hands the engine only the fields the caller may read — and leaves out whatever has no such form.
import { CHINESE_STOPWORDS, foldScript, segmentChineseWords, splitWords } from '../../shared/text';
import { PHRASE_PREFIX } from './bilingual-lexicon';
import type { ConceptDictionary } from './concept-dictionary';
import { isIdeograph, tokenExpansion } from './prepare-item';

export interface SurfaceForms {
  /** Analysed term → the form the text writes it in most often (whole words only; never a single Chinese character). */
  words: ReadonlyMap<string, string>;
  /** Lexicon term (`p:` phrase or English stem) → the query's own word it translates or spells. */
  translations: ReadonlyMap<string, string>;
}

// Latin-1 to Cyrillic letters and digits: the same runs splitWords cuts English at.
const LATIN_RUN = /[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff]+/g;

function isWholeChineseWord(piece: string): boolean {
  if (piece.length < 2 || CHINESE_STOPWORDS.has(piece)) return false;
  for (let i = 0; i < piece.length; i++) if (!isIdeograph(piece.charCodeAt(i))) return false;
  return true;
}

/** Counts, per analysed term, how often each written form occurs in the texts. */
function countForms(texts: readonly string[]): Map<string, Map<string, number>> {
  const forms = new Map<string, Map<string, number>>();
  const add = (term: string, form: string) => {
    let counts = forms.get(term);
    if (!counts) forms.set(term, (counts = new Map()));
    counts.set(form, (counts.get(form) ?? 0) + 1);
  };
  for (const raw of texts) {
    if (!raw) continue;
    const written = raw.normalize('NFKC');
    for (const [word] of written.matchAll(LATIN_RUN)) {
      const terms = splitWords(word.toLowerCase());
      if (terms.length === 1) add(terms[0]!, word);
    }
    const folded = foldScript(raw);
    // Script folding keeps lengths in almost every text; then a Traditional text's words are shown as it writes them.
    const aligned = folded.length === written.length;
    let at = 0;
    for (const piece of segmentChineseWords(folded)) {
      if (isWholeChineseWord(piece)) add(piece, aligned ? written.slice(at, at + piece.length) : piece);
      at += piece.length;
    }
  }
  return forms;
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = 0;
  for (const [form, c] of counts) if (c > n) [best, n] = [form, c]; // ties: the first written
  return best;
}

/** The written forms of a query's visible title and text (see the file comment). */
export function surfaceForms(texts: readonly string[], dictionary: ConceptDictionary): SurfaceForms {
  const words = new Map<string, string>();
  for (const [term, counts] of countForms(texts)) words.set(term, mostFrequent(counts));
  const translations = new Map<string, string>();
  const lexicon = dictionary.lexicon;
  if (lexicon) {
    for (const [term, form] of words) {
      if (!isIdeograph(term.charCodeAt(0))) continue;
      for (const t of tokenExpansion(term, dictionary, lexicon).terms) if (!translations.has(t)) translations.set(t, form);
    }
  }
  return { words, translations };
}

/** How a shared lexicon term reads to the caller, or undefined when it has no written form in the query. */
export function translationForm(term: string, forms: SurfaceForms): string | undefined {
  const own = forms.translations.get(term);
  if (own !== undefined) return own;
  if (!term.startsWith(PHRASE_PREFIX)) return forms.words.get(term);
  const parts = term.slice(PHRASE_PREFIX.length).split(' ').map((stem) => forms.words.get(stem));
  return parts.every((p) => p !== undefined) ? parts.join(' ') : undefined;
}
