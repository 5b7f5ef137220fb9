import { MatchItemError, parseMatchItem, type MatchItem } from './match-item.schema';

export class JsonlItemError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}:${line}: ${field}: ${detail}`);
  }
}

/** Parses JSON-lines items; blank lines are skipped, the first bad line throws naming file, line and field. */
export function parseJsonlItems(text: string, file: string): MatchItem[] {
  const items: MatchItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JsonlItemError(file, i + 1, '(line)', 'not valid JSON');
    }
    try {
      items.push(parseMatchItem(value));
    } catch (error) {
      if (error instanceof MatchItemError) throw new JsonlItemError(file, i + 1, error.field, error.detail);
      throw error;
    }
  }
  return items;
}
