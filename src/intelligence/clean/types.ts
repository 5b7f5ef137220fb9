/**
 * The contract between reading/cleaning and the rest of the intelligence pipeline (extraction, documents, review).
 * All offsets are JavaScript string indices (UTF-16 code units), half-open [start, end).
 */

export type DocumentFormat = 'html' | 'text' | 'pdf' | 'docx';

/** Why a file could not be read; each code has a zh/en message in clean.messages.ts (`intelligence.clean.<code>`). */
export type ReadErrorCode = 'empty' | 'unsupported' | 'encrypted' | 'too_large' | 'no_text_layer' | 'no_article' | 'corrupt';

/** A boilerplate kind recognised from the page structure (HTML) or from the text itself. */
export type RemovalReason =
  | 'navigation'
  | 'site-header'
  | 'related-articles'
  | 'share'
  | 'comments'
  | 'copyright'
  | 'contact'
  | 'byline'
  | 'spam'
  | 'injected-headline'
  | 'repeated-lead'
  | 'duplicate-paragraph'
  | 'advertisement'
  | 'form'
  | 'link-list';

/** One block of the text as read: a paragraph, heading or list item (HTML) or a line/paragraph (text, PDF, DOCX). */
export interface ReadBlock {
  start: number;
  end: number;
  kind: 'heading' | 'paragraph' | 'list-item' | 'other';
  /** Set when the page structure says the block is boilerplate (inside <nav>, class="share", ...). */
  hint?: RemovalReason;
  /** Share of the block's characters that sit inside links (0..1); high for menus and related lists. */
  linkDensity: number;
}

export interface ReadSuccess {
  ok: true;
  fileName: string;
  format: DocumentFormat;
  /** The charset the bytes were decoded with (text and HTML), e.g. 'utf-8', 'gb18030', 'big5'. */
  charset?: string;
  /** The document's text exactly as read (for HTML: the visible text of the whole page, one block per line). */
  text: string;
  blocks: ReadBlock[];
  /** Title from the file's own metadata (<title>, og:title, DOCX/PDF properties) when it has one. */
  metaTitle?: string;
  /** Publication date from the file's metadata (article:published_time, <time datetime>), ISO yyyy-mm-dd. */
  metaDate?: string;
  pages?: number;
}

export interface ReadFailure {
  ok: false;
  fileName: string;
  code: ReadErrorCode;
  /** Message key in the catalogue: `intelligence.clean.<code>`. */
  messageKey: `intelligence.clean.${string}`;
  message: { en: string; zh: string };
  /** Technical detail (size, library message) for logs; never shown as the message. */
  detail?: string;
}

export type ReadResult = ReadSuccess | ReadFailure;

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 50 MB). */
  maxBytes?: number;
}

export interface RemovedSpan {
  start: number;
  end: number;
  reason: RemovalReason;
}

export type RepairKind = 'conversion-artefact' | 'mojibake' | 'shifted-gbk';

/** One repair: the original's [start, end) held `from`; the clean text's [cleanStart, cleanEnd) holds `to`. */
export interface Repair {
  kind: RepairKind;
  start: number;
  end: number;
  cleanStart: number;
  cleanEnd: number;
  from: string;
  to: string;
}

/**
 * Clean text is assembled from pieces of the original. Each segment says where a run of clean text came from:
 * `copy` runs are identical to the original at the same length; `replace` runs (repairs, paragraph breaks)
 * stand for the original range [origStart, origEnd).
 */
export interface OffsetSegment {
  cleanStart: number;
  cleanEnd: number;
  origStart: number;
  origEnd: number;
  kind: 'copy' | 'replace';
}

export type Lang = 'zh' | 'en' | 'und';
export type Script = 'Hans' | 'Hant' | 'Latn' | 'Zyyy';

export interface Paragraph {
  start: number;
  end: number;
  lang: Lang;
  script: Script;
  heading: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface CleanDocument {
  fileName: string;
  format: DocumentFormat;
  /** The text exactly as read, unchanged. */
  original: string;
  text: string;
  removed: RemovedSpan[];
  /** Clean-text offsets → original offsets (see `toOriginalOffset`). Sorted, contiguous over the clean text. */
  offsets: OffsetSegment[];
  repairs: Repair[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  title: string | null;
  /** The article's dateline (ISO yyyy-mm-dd), else the metadata date, else `opts.date`, else null. */
  date: string | null;
  lang: Lang;
  script: Script;
}

export interface CleanOptions {
  /** Fallback publication date (ISO) used when the document names none. */
  date?: string;
}
