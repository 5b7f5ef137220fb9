import { countScripts, type ScriptCounts, scriptFromCounts, splitSentences } from '../../shared/text';
import { findBoilerplate } from './find-boilerplate';
import { CleanTextBuilder } from './offset-map';
import { findRepairs, type TextRepair } from './repair';
import type { CleanDocument, CleanOptions, Paragraph, ReadBlock, ReadSuccess, RemovedSpan, Repair, Sentence } from './types';

const PARAGRAPH_BREAK = '\n\n';

function isHeadingLike(block: ReadBlock, text: string): boolean {
  return block.kind === 'heading' || (text.length <= 40 && !/[。！？.!?；;,，]$/.test(text));
}

/** Appends original[start, end) to the builder with the repairs inside it applied, recording each repair. */
function appendRepaired(builder: CleanTextBuilder, original: string, start: number, end: number, repairs: readonly TextRepair[], from: number, out: Repair[]): number {
  let r = from;
  let at = start;
  while (r < repairs.length && (repairs[r] as TextRepair).start < end) {
    const repair = repairs[r] as TextRepair;
    r++;
    if (repair.start < at || repair.end > end) continue; // crosses a block edge: leave the text as it is
    builder.copy(at, repair.start);
    const cleanStart = builder.offset;
    builder.replace(repair.to, repair.start, repair.end);
    out.push({ kind: repair.kind, start: repair.start, end: repair.end, cleanStart, cleanEnd: builder.offset, from: original.slice(repair.start, repair.end), to: repair.to });
    at = repair.end;
  }
  builder.copy(at, end);
  return r;
}

/**
 * Cleans a read document: boilerplate and spam removed (each removal recorded against the original),
 * conversion artefacts and mojibake repaired, paragraphs with language and script, sentences, title
 * and dateline. Pure and synchronous; the original is kept unchanged in `original`.
 */
export function cleanDocument(read: ReadSuccess, opts: CleanOptions = {}): CleanDocument {
  const original = read.text;
  const decision = findBoilerplate(original, read.blocks, read.format === 'html');
  const repairs = findRepairs(original);
  const builder = new CleanTextBuilder(original);
  const removed: RemovedSpan[] = [];
  const applied: Repair[] = [];
  const paragraphs: Paragraph[] = [];
  let repairIndex = 0;
  let previousEnd: number | undefined;

  for (let i = 0; i < read.blocks.length; i++) {
    const block = read.blocks[i] as ReadBlock;
    const reason = decision.reasons[i];
    if (reason) {
      const last = removed.at(-1);
      // Adjacent blocks removed for the same reason form one span (the gap between them is white space).
      if (last && last.reason === reason && original.slice(last.end, block.start).trim() === '') last.end = block.end;
      else removed.push({ start: block.start, end: block.end, reason });
      continue;
    }
    while (repairIndex < repairs.length && (repairs[repairIndex] as TextRepair).end <= block.start) repairIndex++;
    if (previousEnd !== undefined) builder.replace(PARAGRAPH_BREAK, previousEnd, block.start);
    const start = builder.offset;
    repairIndex = appendRepaired(builder, original, block.start, block.end, repairs, repairIndex, applied);
    previousEnd = block.end;
    paragraphs.push({ start, end: builder.offset, lang: 'und', script: 'Zyyy', heading: false });
  }

  const text = builder.toString();
  const total: ScriptCounts = { han: 0, latinLetters: 0, traditional: 0, simplified: 0 };
  const sentences: Sentence[] = [];
  let titleParagraph: Paragraph | undefined;
  for (const para of paragraphs) {
    const counts = countScripts(text, para.start, para.end);
    total.han += counts.han;
    total.latinLetters += counts.latinLetters;
    total.traditional += counts.traditional;
    total.simplified += counts.simplified;
    Object.assign(para, scriptFromCounts(counts));
    sentences.push(...splitSentences(text, para.start, para.end));
  }
  // Headings: paragraphs that are short and unpunctuated, or headings in the page structure.
  let k = 0;
  for (let i = 0; i < read.blocks.length; i++) {
    if (decision.reasons[i]) continue;
    const para = paragraphs[k++] as Paragraph;
    para.heading = isHeadingLike(read.blocks[i] as ReadBlock, text.slice(para.start, para.end));
    if (i === decision.titleIndex) titleParagraph = para;
  }
  const title = titleParagraph ? text.slice(titleParagraph.start, titleParagraph.end) : (read.metaTitle ?? null);

  const overall = scriptFromCounts(total);
  return {
    fileName: read.fileName,
    format: read.format,
    original,
    text,
    removed,
    offsets: builder.segments,
    repairs: applied,
    paragraphs,
    sentences,
    title,
    date: decision.date ?? read.metaDate ?? opts.date ?? null,
    lang: overall.lang,
    script: overall.script,
  };
}
