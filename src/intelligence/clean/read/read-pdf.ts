import { getDocumentProxy } from 'unpdf';

// PDF → text with pdf.js (through unpdf's serverless build: no worker, no canvas, no network).
// Lines of a page are hard-wrapped; they are joined back into paragraphs so sentences and facts
// are not cut at line ends: a line that ends a sentence, or is much shorter than the longest line
// of its page, ends a paragraph. Chinese lines join without a space, Latin ones with one.

export type PdfRead =
  | { ok: true; text: string; pages: number; metaTitle?: string }
  | { ok: false; code: 'encrypted' | 'no_text_layer' | 'corrupt'; detail: string };

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

const SENTENCE_END = /[。！？!?.;；:：”"」）)]$/;
const CJK_EDGE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function joinLines(lines: string[]): string {
  const longest = Math.max(...lines.map((l) => l.length), 1);
  const paragraphs: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
      continue;
    }
    if (current === '') current = line;
    else {
      const glue = CJK_EDGE.test(current.at(-1) ?? '') || CJK_EDGE.test(line[0] ?? '') ? '' : current.endsWith('-') ? '' : ' ';
      current = glue === '' && current.endsWith('-') && /[a-z]/.test(line[0] ?? '') ? current.slice(0, -1) + line : current + glue + line;
    }
    if (SENTENCE_END.test(line) || line.length < longest * 0.6) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { useSystemFonts: false, verbosity: 0 });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: name === 'PasswordException' ? 'encrypted' : 'corrupt', detail };
  }
  try {
    const pageTexts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items as TextItemLike[]) {
        pageText += item.str ?? '';
        if (item.hasEOL) pageText += '\n';
      }
      pageTexts.push(joinLines(pageText.split('\n')));
      page.cleanup();
    }
    const text = pageTexts.filter((t) => t !== '').join('\n');
    if (text.replace(/\s+/g, '').length < 20) {
      return { ok: false, code: 'no_text_layer', detail: `${pdf.numPages} page(s), ${text.trim().length} characters of text` };
    }
    let metaTitle: string | undefined;
    try {
      const meta = await pdf.getMetadata();
      const title = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof title === 'string' && title.trim() !== '') metaTitle = title.trim();
    } catch {
      // Metadata is optional: a broken info dictionary does not make the text unreadable.
    }
    return { ok: true, text, pages: pdf.numPages, ...(metaTitle ? { metaTitle } : {}) };
  } catch (error) {
    return { ok: false, code: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    // Frees the document and its (in-process) worker state.
    await pdf.loadingTask.destroy();
  }
}
