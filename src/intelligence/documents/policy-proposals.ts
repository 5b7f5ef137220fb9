/**
 * Policies found in a document, proposed as records for the policy module (pure: clean text in, proposals out).
 * Three kinds, each quoted with the whole sentence it was found in (an exact substring of the clean text):
 * - measure: a named policy document or measure (《…办法》, "the … Scheme");
 * - rate: a rate changed from one percentage to another ("从75%提高到100%", "from 75% to 100%");
 * - amount: money granted, awarded or subsidised (补贴 / 奖励 / 资助 … 500万元, "a grant of £2 million").
 * The proposals are for a person to accept or dismiss; precision over recall is not attempted here.
 */
export interface PolicyProposal {
  kind: 'measure' | 'rate' | 'amount';
  name: string;
  detail: Record<string, string | number>;
  quote: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

const POLICY_TITLE = /《([^《》\n]{2,60}?(?:办法|政策|措施|意见|规定|条例|方案|计划|细则|通知|规划|若干|条|纲要))》/g;
const EN_MEASURE = /\b(?:[Tt]he\s+)((?:[A-Z][\w'-]*\s+){1,8}(?:Act|Programme|Program|Scheme|Measures|Policy|Plan|Initiative|Strategy))\b/g;
const ZH_RATE = /从\s*(\d+(?:\.\d+)?)\s*[%％]\s*(?:提高|提升|调整|增加|上调|降低|下调|调高|调低)?(?:至|到)\s*(\d+(?:\.\d+)?)\s*[%％]/g;
const EN_RATE = /from\s+(\d+(?:\.\d+)?)\s*(?:%|per\s?cent)\s+to\s+(\d+(?:\.\d+)?)\s*(?:%|per\s?cent)/gi;
const ZH_SUPPORT = /补贴|补助|奖励|资助|扶持|奖补|贴息|支持资金|专项资金/;
const EN_SUPPORT = /\b(?:subsid\w*|grants?|awards?|funding|fund)\b/i;
const ZH_MONEY = /(\d+(?:\.\d+)?)\s*(万亿|亿|万|千)?\s*元/g;
const EN_MONEY = /(?:(£|\$|€|RMB\s?|CNY\s?|USD\s?|EUR\s?|GBP\s?)\s?(\d+(?:\.\d+)?)\s*(bn|billion|m|million|k|thousand)?\b)|(?:(\d+(?:\.\d+)?)\s*(billion|million|thousand)?\s*(yuan|euros?|pounds|dollars))/gi;

const ZH_SCALE: Record<string, number> = { 千: 3, 万: 4, 亿: 8, 万亿: 12 };
const EN_SCALE: Record<string, number> = { k: 3, thousand: 3, m: 6, million: 6, bn: 9, billion: 9 };
const CURRENCY: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', rmb: 'CNY', cny: 'CNY', usd: 'USD', eur: 'EUR', gbp: 'GBP', yuan: 'CNY', euro: 'EUR', euros: 'EUR', pounds: 'GBP', dollars: 'USD' };

/** "8573.9" × 10^4 → "85739000", in decimal digits (no float artefacts). */
export function scaleDecimal(digits: string, power: number): string {
  const [whole = '0', fraction = ''] = digits.split('.');
  const shifted = (whole + fraction.padEnd(power, '0').slice(0, power)).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(power).replace(/0+$/, '');
  return rest ? `${shifted}.${rest}` : shifted;
}

/** Sentences from the cleaner, or split here on sentence ends and line breaks when none are given. */
function sentencesOf(text: string, sentences?: readonly Span[]): Span[] {
  if (sentences?.length) return [...sentences];
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const atEnd = '。！？!?\n'.includes(c) || (c === '.' && /\s/.test(text[i + 1] ?? ' '));
    if (atEnd) {
      if (text.slice(start, i + 1).trim()) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** A short name for a rate or an amount: the clause before the figure. */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const cut = Math.max(...['，', ',', '；', ';', '：', ':', '、'].map((p) => before.lastIndexOf(p)));
  const clause = before.slice(cut + 1).trim().replace(/[将把由从]$/u, '').trim();
  return (clause || sentence.trim()).slice(-40);
}

export function findPolicyProposals(text: string, sentences?: readonly Span[]): PolicyProposal[] {
  const out: PolicyProposal[] = [];
  for (const s of sentencesOf(text, sentences)) {
    const sentence = text.slice(s.start, s.end);
    const quoteOf = (): Pick<PolicyProposal, 'quote' | 'start' | 'end'> => {
      // trim the quote to the sentence's visible text, keeping the offsets exact
      const lead = sentence.length - sentence.trimStart().length;
      const trail = sentence.length - sentence.trimEnd().length;
      return { quote: sentence.slice(lead, sentence.length - trail), start: s.start + lead, end: s.end - trail };
    };
    const seen = new Set<string>();
    for (const m of sentence.matchAll(POLICY_TITLE)) addOnce(seen, out, { kind: 'measure', name: `《${m[1]}》`, detail: {}, ...quoteOf() });
    for (const m of sentence.matchAll(EN_MEASURE)) addOnce(seen, out, { kind: 'measure', name: m[1]!.trim(), detail: {}, ...quoteOf() });
    for (const re of [ZH_RATE, EN_RATE]) {
      for (const m of sentence.matchAll(re)) {
        addOnce(seen, out, { kind: 'rate', name: clauseBefore(sentence, m.index), detail: { from: Number(m[1]), to: Number(m[2]), unit: 'percent' }, ...quoteOf() });
      }
    }
    if (ZH_SUPPORT.test(sentence)) {
      for (const m of sentence.matchAll(ZH_MONEY)) {
        const value = scaleDecimal(m[1]!, ZH_SCALE[m[2] ?? ''] ?? 0);
        addOnce(seen, out, { kind: 'amount', name: clauseBefore(sentence, m.index), detail: { value, unit: 'CNY', raw: m[0] }, ...quoteOf() });
      }
    }
    if (EN_SUPPORT.test(sentence)) {
      for (const m of sentence.matchAll(EN_MONEY)) {
        const symbol = (m[1] ?? m[6] ?? '').trim().toLowerCase();
        const digits = m[2] ?? m[4]!;
        const scale = EN_SCALE[(m[3] ?? m[5] ?? '').toLowerCase()] ?? 0;
        addOnce(seen, out, { kind: 'amount', name: clauseBefore(sentence, m.index), detail: { value: scaleDecimal(digits, scale), unit: CURRENCY[symbol] ?? 'CNY', raw: m[0].trim() }, ...quoteOf() });
      }
    }
  }
  return out;
}

function addOnce(seen: Set<string>, out: PolicyProposal[], p: PolicyProposal): void {
  const key = `${p.kind}|${p.name}|${JSON.stringify(p.detail)}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push(p);
}
