import { expect } from 'vitest';
import { toOriginalOffset, toOriginalSpan } from './offset-map';
import type { CleanDocument } from './types';

/**
 * Checks that the clean text is exactly its segments, that every copied run is the original's text at the
 * mapped offsets, that every clean offset maps inside the original, and that every repair and sentence
 * points back to real original text. Used by every cleaning test.
 */
export function expectOffsetsMapBack(doc: CleanDocument): void {
  let cursor = 0;
  for (const seg of doc.offsets) {
    expect(seg.cleanStart).toBe(cursor);
    expect(seg.origStart).toBeGreaterThanOrEqual(0);
    expect(seg.origEnd).toBeLessThanOrEqual(doc.original.length);
    if (seg.kind === 'copy') expect(doc.text.slice(seg.cleanStart, seg.cleanEnd)).toBe(doc.original.slice(seg.origStart, seg.origEnd));
    cursor = seg.cleanEnd;
  }
  expect(cursor).toBe(doc.text.length);
  for (let i = 0; i <= doc.text.length; i++) {
    const o = toOriginalOffset(doc, i);
    expect(o).toBeGreaterThanOrEqual(0);
    expect(o).toBeLessThanOrEqual(doc.original.length);
  }
  // A character copied unchanged maps onto the same character of the original.
  for (const seg of doc.offsets.filter((s) => s.kind === 'copy')) {
    for (let i = seg.cleanStart; i < seg.cleanEnd; i += 7) expect(doc.original[toOriginalOffset(doc, i)]).toBe(doc.text[i]);
  }
  for (const r of doc.repairs) {
    expect(doc.original.slice(r.start, r.end)).toBe(r.from);
    expect(doc.text.slice(r.cleanStart, r.cleanEnd)).toBe(r.to);
  }
  for (const s of doc.sentences) {
    const span = toOriginalSpan(doc, s.start, s.end);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(doc.original.length);
  }
  for (const r of doc.removed) expect(r.end).toBeGreaterThan(r.start);
}

/** The removed text for a reason, joined. */
export function removedText(doc: CleanDocument, reason: string): string {
  return doc.removed
    .filter((r) => r.reason === reason)
    .map((r) => doc.original.slice(r.start, r.end))
    .join('\n');
}
