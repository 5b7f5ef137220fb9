// International Patent Classification codes, e.g. "H01M 4/58": section H, class H01,
// subclass H01M, main group H01M 4, subgroup H01M 4/58. Matching credits the deepest shared level.
const IPC_PATTERN = /^([A-H])(\d{2})?([A-Z])?(?:\s*(\d{1,4})(?:\/(\d{1,6}))?)?$/;

export type IpcLevel = 'section' | 'class' | 'subclass' | 'group' | 'subgroup';

export interface IpcPrefix {
  level: IpcLevel;
  code: string;
}

// Re-ranking compares the same few thousand codes again and again; parse each once.
const parsed = new Map<string, IpcPrefix[] | undefined>();
const MAX_MEMO = 100_000;

/** Parses an IPC code into its prefixes from section down; undefined if malformed. */
export function parseIpc(raw: string): IpcPrefix[] | undefined {
  if (parsed.has(raw)) return parsed.get(raw);
  const result = parseIpcUncached(raw);
  if (parsed.size < MAX_MEMO) parsed.set(raw, result);
  return result;
}

function parseIpcUncached(raw: string): IpcPrefix[] | undefined {
  const match = IPC_PATTERN.exec(raw.trim().toUpperCase());
  if (!match) return undefined;
  const [, section, klass, subclass, group, subgroup] = match;
  const prefixes: IpcPrefix[] = [{ level: 'section', code: section }];
  if (!klass) return prefixes;
  prefixes.push({ level: 'class', code: section + klass });
  if (!subclass) return prefixes;
  prefixes.push({ level: 'subclass', code: section + klass + subclass });
  if (!group) return prefixes;
  prefixes.push({ level: 'group', code: `${section}${klass}${subclass} ${group}` });
  if (subgroup) prefixes.push({ level: 'subgroup', code: `${section}${klass}${subclass} ${group}/${subgroup}` });
  return prefixes;
}

export function isIpcCode(raw: string): boolean {
  return parseIpc(raw) !== undefined;
}

const LEVEL_SCORE: Record<IpcLevel, number> = { section: 0.2, class: 0.5, subclass: 0.8, group: 0.9, subgroup: 1 };

/** Deepest IPC prefix shared by any pair of codes; undefined when either side has none. */
export function ipcSimilarity(a: readonly string[], b: readonly string[]): { score: number; shared?: IpcPrefix } | undefined {
  // Runs for every re-ranked candidate, so no intermediate arrays or sets: codes have at most
  // five prefixes, and prefixes at the same depth are the only ones that can be equal.
  let anyLeft = false;
  let anyRight = false;
  let best: IpcPrefix | undefined;
  let bestScore = 0;
  for (const codeA of a) {
    const left = parseIpc(codeA);
    if (!left) continue;
    anyLeft = true;
    for (const codeB of b) {
      const right = parseIpc(codeB);
      if (!right) continue;
      anyRight = true;
      for (let depth = Math.min(left.length, right.length) - 1; depth >= 0; depth--) {
        if (left[depth].code !== right[depth].code) continue;
        const score = LEVEL_SCORE[left[depth].level];
        if (score > bestScore) {
          bestScore = score;
          best = left[depth];
        }
        break;
      }
    }
  }
  if (!anyLeft || !anyRight) return undefined;
  return best ? { score: bestScore, shared: best } : { score: 0 };
}
