import mammoth from 'mammoth';

// DOCX → text with mammoth (paragraphs separated by blank lines in its raw-text output).

export type DocxRead = { ok: true; text: string } | { ok: false; code: 'corrupt'; detail: string };

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    const text = result.value
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
    return { ok: true, text };
  } catch (error) {
    return { ok: false, code: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}
