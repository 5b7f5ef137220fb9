import { translate, type MessageKey } from '../../shared/i18n';

/**
 * Demand- and offer-quality gate (pure). Scores a record 0–100 and says, in Chinese and English, what to add.
 * A demand or offer below PUBLISH_THRESHOLD cannot be published unless a broker overrides (see status.service.ts).
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

/** Collects points and, for what is missing, a suggestion in both languages from the shared catalogue. */
function scorer() {
  const suggestions: Suggestion[] = [];
  let score = 0;
  const suggest = (field: string, points: number, key: MessageKey, params?: Record<string, number>) =>
    suggestions.push({ field, points, zh: translate('zh-CN', key, params), en: translate('en', key, params) });
  return {
    add(ok: boolean, points: number, field: string, key: MessageKey, params?: Record<string, number>) {
      if (ok) score += points;
      else suggest(field, points, key, params);
    },
    partial(points: number, missing: number, field: string, key: MessageKey) {
      score += points;
      suggest(field, missing, key);
    },
    done: () => report(score, suggestions),
  };
}

export function demandQuality(d: Rec): QualityReport {
  const q = scorer();
  q.add(present(d.title) && length(d.title) >= 4, 5, 'title', 'transfer.quality.demandTitle');
  const descLen = length(d.description) + length(d.problem);
  q.add(descLen >= 80, 15, 'description', 'transfer.quality.demandDescription', { length: descLen });
  const quantified = quantifiedIndicators(textOf(d.target_indicators));
  if (quantified.length === 1) q.partial(12, 13, 'target_indicators', 'transfer.quality.oneIndicator');
  else q.add(quantified.length >= 2, 25, 'target_indicators', 'transfer.quality.noIndicators');
  q.add(present(d.acceptance_criteria) && length(d.acceptance_criteria) >= 10, 15, 'acceptance_criteria', 'transfer.quality.acceptance');
  q.add(d.budget_max != null || d.budget_min != null, 15, 'budget', 'transfer.quality.budget');
  q.add(present(d.decision_owner), 10, 'decision_owner', 'transfer.quality.decisionOwner');
  q.add(present(d.hightech_field) || present(d.ipc_code), 10, 'hightech_field', 'transfer.quality.demandField');
  q.add(Array.isArray(d.cooperation_modes) && d.cooperation_modes.length > 0, 5, 'cooperation_modes', 'transfer.quality.demandModes');
  return q.done();
}

export function offerQuality(o: Rec): QualityReport {
  const q = scorer();
  q.add(present(o.title) && length(o.title) >= 4, 5, 'title', 'transfer.quality.offerTitle');
  const len = length(o.summary);
  q.add(len >= 80, 25, 'summary', 'transfer.quality.summary', { length: len });
  q.add(present(o.advantages) && length(o.advantages) >= 20, 20, 'advantages', 'transfer.quality.advantages');
  q.add(o.trl != null, 15, 'trl', 'transfer.quality.trl');
  q.add(present(o.ip_status), 15, 'ip_status', 'transfer.quality.ipStatus');
  q.add(present(o.hightech_field) || present(o.ipc_code), 10, 'hightech_field', 'transfer.quality.offerField');
  q.add(Array.isArray(o.cooperation_modes) && o.cooperation_modes.length > 0, 5, 'cooperation_modes', 'transfer.quality.offerModes');
  q.add(o.price_expectation != null, 5, 'price_expectation', 'transfer.quality.price');
  return q.done();
}

function report(score: number, suggestions: Suggestion[]): QualityReport {
  const clamped = Math.max(0, Math.min(100, Math.round(score)));
  return { score: clamped, threshold: PUBLISH_THRESHOLD, passes: clamped >= PUBLISH_THRESHOLD, suggestions: suggestions.sort((a, b) => b.points - a.points) };
}
