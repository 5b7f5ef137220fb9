// IPC codes stated in a text: patent front pages and many offer write-ups carry them
// ("IPC分类号: H01M10/54", "Int. Cl. C09D 5/08", "IPC: B01D 53/86", "國際專利分類 H01L 21/02").
// Only codes after such a label are read: a bare "A01" in running text is far too often something else.
import { parseIpc } from './ipc';

const LABEL = /(?:int\.?\s*cl\.?(?:\s*\(\d{4}\.\d{2}\))?(?:\s*\(?\d\)?)?|ipc(?:\s*(?:分类号|分類號|分类|分類|code|codes|classification))?|国际专利分类(?:号)?|國際專利分類(?:號)?|国际分类号|國際分類號|主分类号|主分類號|分类号|分類號)\s*[:：]?\s*/giu;
// One code: section letter, class digits, subclass letter, optionally main group / subgroup.
const CODE = /^\s*([A-H])\s?(\d{2})\s?([A-Z])(?:\s*(\d{1,4})\s*\/\s*(\d{1,6}))?(?:\s*\(\d{4}\.\d{2}\))?/u;
const SEPARATOR = /^\s*(?:[,;，；、]|and|与|及)\s*/iu;
const MAX_CODES = 12;

/** IPC codes named after an IPC label in the text, normalised ("H01M 10/54"), de-duplicated, in order. */
export function extractIpcCodes(text: string): string[] {
  const codes: string[] = [];
  for (const label of text.matchAll(LABEL)) {
    let rest = text.slice((label.index ?? 0) + label[0].length, (label.index ?? 0) + label[0].length + 400).toUpperCase();
    for (;;) {
      const match = CODE.exec(rest);
      if (!match) break;
      const [, section, klass, subclass, group, subgroup] = match;
      const code = `${section}${klass}${subclass}${group ? ` ${Number(group)}/${subgroup.padStart(2, '0')}` : ''}`;
      if (parseIpc(code) && !codes.includes(code)) codes.push(code);
      if (codes.length === MAX_CODES) return codes;
      rest = rest.slice(match[0].length);
      const separator = SEPARATOR.exec(rest);
      if (!separator) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return codes;
}
