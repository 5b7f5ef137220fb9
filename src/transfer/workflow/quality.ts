/**
 * Demand- and offer-quality gate (pure). Scores a record 0–100 and says, in Chinese and English, what to add.
 * A demand below PUBLISH_THRESHOLD cannot be published unless a broker overrides (see status.service.ts).
 */
export const PUBLISH_THRESHOLD = 60;

export interface Suggestion {
  /** The field the suggestion is about. */
  field: string;
  /** Points this field would add. */
  points: number;
  zh: string;
  en: string;
}

export interface QualityReport {
  score: number;
  threshold: number;
  passes: boolean;
  suggestions: Suggestion[];
}

type Rec = Record<string, unknown>;

const present = (v: unknown) => (typeof v === 'string' ? /[\p{L}\p{N}]/u.test(v) : v !== null && v !== undefined);
const textOf = (v: unknown) => (typeof v === 'string' ? v : '');
/** Visible length: a CJK character counts as one, a word of Latin letters roughly as one per 5 characters. */
const length = (v: unknown) => [...textOf(v).replace(/\s+/g, ' ').trim()].length;

/** A number with a unit: "≥ 500 MPa", "≤0.5%", "3 倍", "10万次", "99.9 %", "200 ℃", "5 nm" … */
const QUANTIFIED = /\d+(?:[.,]\d+)?\s*(?:%|‰|℃|°C|°|[a-zA-Zμµ]{1,6}(?:\/[a-zA-Z]{1,4})?|万|亿|倍|次|小时|分钟|秒|天|年|个|台|套|吨|千克|公斤|克|毫米|厘米|米|公里|千米|瓦|千瓦|伏|安|欧|帕|兆帕|赫兹|元|人)/gu;

export function quantifiedIndicators(text: string): string[] {
  return [...text.matchAll(QUANTIFIED)].map((m) => m[0].trim());
}

export function demandQuality(d: Rec): QualityReport {
  const s: Suggestion[] = [];
  let score = 0;
  const add = (ok: boolean, points: number, field: string, zh: string, en: string) => {
    if (ok) score += points;
    else s.push({ field, points, zh, en });
  };
  add(present(d.title) && length(d.title) >= 4, 5, 'title', '请给出能概括需求的标题（至少 4 个字）。', 'Give a title that sums up the need (at least 4 characters).');
  const descLen = length(d.description) + length(d.problem);
  add(descLen >= 80, 15, 'description',
    `需求描述过短（${descLen} 字），请说明应用场景、现有做法及其不足、要解决的技术问题（至少 80 字）。`,
    `The description is too short (${descLen} characters): describe the use case, the current approach and its shortcomings, and the technical problem (at least 80 characters).`);
  const quantified = quantifiedIndicators(textOf(d.target_indicators));
  if (quantified.length >= 2) score += 25;
  else if (quantified.length === 1) {
    score += 12;
    s.push({ field: 'target_indicators', points: 13, zh: '目标指标中只有一个量化值，请补充更多带单位的数值（如“抗拉强度 ≥ 500 MPa”“能耗降低 20%”）。', en: 'Only one quantified target: add more numbers with units (e.g. "tensile strength ≥ 500 MPa", "20% less energy").' });
  } else {
    s.push({ field: 'target_indicators', points: 25, zh: '请给出量化的目标技术指标：数值加单位（如“精度 ≤ 0.01 mm”“寿命 ≥ 5000 小时”）。', en: 'State quantified target indicators: numbers with units (e.g. "accuracy ≤ 0.01 mm", "life ≥ 5000 hours").' });
  }
  add(present(d.acceptance_criteria) && length(d.acceptance_criteria) >= 10, 15, 'acceptance_criteria',
    '请写明验收标准：由谁、用什么方法、在什么条件下验收。', 'Write acceptance criteria: who accepts, by which test, under which conditions.');
  add(d.budget_max != null || d.budget_min != null, 15, 'budget',
    '请给出预算范围（万元），便于匹配价格合适的成果。', 'Give a budget range (10k yuan) so that offers with a fitting price can be found.');
  add(present(d.decision_owner), 10, 'decision_owner', '请指定决策负责人（能拍板合作的人）。', 'Name the decision owner (the person who can approve a cooperation).');
  add(present(d.hightech_field) || present(d.ipc_code), 10, 'hightech_field',
    '请选择高新技术领域或填写 IPC 分类号，便于精准匹配。', 'Choose a high-tech field or give an IPC code, for precise matching.');
  add(Array.isArray(d.cooperation_modes) && d.cooperation_modes.length > 0, 5, 'cooperation_modes',
    '请选择可接受的合作方式（转让、许可、合作开发等）。', 'Choose acceptable cooperation modes (transfer, licence, joint R&D …).');
  return report(score, s);
}

export function offerQuality(o: Rec): QualityReport {
  const s: Suggestion[] = [];
  let score = 0;
  const add = (ok: boolean, points: number, field: string, zh: string, en: string) => {
    if (ok) score += points;
    else s.push({ field, points, zh, en });
  };
  add(present(o.title) && length(o.title) >= 4, 5, 'title', '请给出能概括成果的标题（至少 4 个字）。', 'Give a title that sums up the offer (at least 4 characters).');
  const len = length(o.summary);
  add(len >= 80, 25, 'summary',
    `成果简介过短（${len} 字），请说明技术原理、应用领域和主要性能指标（至少 80 字）。`,
    `The summary is too short (${len} characters): explain the principle, applications and main performance figures (at least 80 characters).`);
  add(present(o.advantages) && length(o.advantages) >= 20, 20, 'advantages',
    '请说明相对现有技术或产品的优势，最好带量化对比。', 'Explain the advantages over existing solutions, preferably with quantified comparisons.');
  add(o.trl != null, 15, 'trl', '请填写技术成熟度（TRL 1–9）。', 'Give the technology readiness level (TRL 1–9).');
  add(present(o.ip_status), 15, 'ip_status', '请说明知识产权状态（授权专利、申请中、技术秘密等）。', 'State the IP status (granted patent, pending, know-how …).');
  add(present(o.hightech_field) || present(o.ipc_code), 10, 'hightech_field',
    '请选择高新技术领域或填写 IPC 分类号。', 'Choose a high-tech field or give an IPC code.');
  add(Array.isArray(o.cooperation_modes) && o.cooperation_modes.length > 0, 5, 'cooperation_modes',
    '请选择可接受的合作方式。', 'Choose acceptable cooperation modes.');
  add(o.price_expectation != null, 5, 'price_expectation', '请给出期望价格（万元），可注明“面议”。', 'Give a price expectation (10k yuan).');
  return report(score, s);
}

function report(score: number, suggestions: Suggestion[]): QualityReport {
  const clamped = Math.max(0, Math.min(100, Math.round(score)));
  return { score: clamped, threshold: PUBLISH_THRESHOLD, passes: clamped >= PUBLISH_THRESHOLD, suggestions: suggestions.sort((a, b) => b.points - a.points) };
}
