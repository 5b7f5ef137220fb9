// Text with marked spans: facts highlighted in the clean text, removed parts struck through in the original.
import { Fragment, type ReactNode } from 'react';

export interface Mark {
  start: number;
  end: number;
  key: string;
  render: (text: string) => ReactNode;
}

/** Splits `text` at the marks (sorted, overlaps dropped) and renders each marked piece with its own renderer. */
export function MarkedText({ text, marks, inline }: { text: string; marks: Mark[]; inline?: boolean }) {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) pieces.push(<Fragment key={`t${at}`}>{text.slice(at, m.start)}</Fragment>);
    pieces.push(<Fragment key={m.key}>{m.render(text.slice(m.start, m.end))}</Fragment>);
    at = m.end;
  }
  if (at < text.length) pieces.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  if (inline) return <>{pieces}</>;
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15 }}>{pieces}</div>;
}
