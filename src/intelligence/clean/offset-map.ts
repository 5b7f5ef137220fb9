import type { CleanDocument, OffsetSegment } from './types';

/**
 * Builds the clean text from pieces of the original while recording where each piece came from,
 * so that any clean-text offset (a fact's quote) maps back into the original the reviewer sees.
 */
export class CleanTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly segments: OffsetSegment[] = [];

  constructor(private readonly original: string) {}

  get offset(): number {
    return this.length;
  }

  /** Appends original[start, end) unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.original.slice(start, end));
    const last = this.segments.at(-1);
    if (last?.kind === 'copy' && last.cleanEnd === this.length && last.origEnd === start) {
      last.cleanEnd += end - start;
      last.origEnd = end;
    } else {
      this.segments.push({ cleanStart: this.length, cleanEnd: this.length + end - start, origStart: start, origEnd: end, kind: 'copy' });
    }
    this.length += end - start;
  }

  /** Appends `text` standing for original[start, end) (a repair, or a paragraph break for the gap it replaces). */
  replace(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.segments.push({ cleanStart: this.length, cleanEnd: this.length + text.length, origStart: start, origEnd: end, kind: 'replace' });
    this.length += text.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function segmentAt(segments: readonly OffsetSegment[], offset: number): OffsetSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid] as OffsetSegment;
    if (offset < seg.cleanStart) hi = mid - 1;
    else if (offset >= seg.cleanEnd) lo = mid + 1;
    else return seg;
  }
  return undefined;
}

/**
 * The original offset of clean-text offset `offset` (0 ≤ offset ≤ text.length). Inside a copied run the
 * mapping is exact; inside a replaced run (a repair) it is the start of the original range, and the
 * end of the clean text maps to the end of the last piece.
 */
export function toOriginalOffset(doc: Pick<CleanDocument, 'offsets'>, offset: number): number {
  const segments = doc.offsets;
  const seg = segmentAt(segments, offset);
  if (seg) return seg.kind === 'copy' ? seg.origStart + (offset - seg.cleanStart) : seg.origStart;
  const last = segments.at(-1);
  return last && offset >= last.cleanEnd ? last.origEnd : 0;
}

/** The original range that clean-text [start, end) came from: a replaced run is taken whole. */
export function toOriginalSpan(doc: Pick<CleanDocument, 'offsets'>, start: number, end: number): { start: number; end: number } {
  const origStart = toOriginalOffset(doc, start);
  if (end <= start) return { start: origStart, end: origStart };
  const lastSeg = segmentAt(doc.offsets, end - 1);
  const origEnd = lastSeg ? (lastSeg.kind === 'copy' ? lastSeg.origStart + (end - lastSeg.cleanStart) : lastSeg.origEnd) : origStart;
  return { start: origStart, end: Math.max(origStart, origEnd) };
}
