import type { Queryable, Row } from '../../shared/db';
import { HIGHTECH_FIELDS } from '../../registry/vocabulary';
import type { MatchItemInput, MatchResult } from '../matching';
import { FIELD_CODE } from '../entities';

/**
 * Registered experts (people with `is_expert`, published, not retired) as a demand's other supply side, beside
 * offers. They live in an engine of their own, indexed as that engine's "offers", so a demand is matched against
 * them with the same text, concepts, field and zone signals and the same explanations; an expert has no TRL or
 * price, so those signals stay out of their scores. What an expert offers is their research fields (weighted like a
 * title) and their biography.
 */
export function isMatchableExpert(row: Row): boolean {
  return row.is_expert === true && row.published !== false && !row.retired_at;
}

// Research fields are free text; entries naming one of the eight national high-tech fields (in either language, as
// the demo data and most registries write them) also give the field signal.
const FIELD_BY_LABEL = new Map<string, string>(
  HIGHTECH_FIELDS.flatMap((f) => [[f.value, FIELD_CODE[f.value]!], [f.label.zh, FIELD_CODE[f.value]!], [f.label.en.toLowerCase(), FIELD_CODE[f.value]!]] as [string, string][]),
);

export function toExpertItem(row: Row): MatchItemInput {
  const fields = Array.isArray(row.fields) ? row.fields.map((f) => String(f).trim()).filter(Boolean) : [];
  const codes = [...new Set(fields.map((f) => FIELD_BY_LABEL.get(f) ?? FIELD_BY_LABEL.get(f.toLowerCase())).filter((c): c is string => !!c))];
  return {
    id: String(row.id),
    lang: 'zh-Hans',
    title: fields.join(' / ').slice(0, 1000),
    text: String(row.bio ?? ''),
    fields: codes,
    zone: String(row.zone_id),
    party: row.organization_id != null ? `org:${row.organization_id}` : `person:${row.id}`,
  };
}

/**
 * Experts scoring below this share only generic words with the demand (技术, 研究…), which is no lead at all; they
 * are left out rather than listed as a long tail of near-zero scores. A tenth of the score range, a third of the
 * confidence threshold: an assumption, not calibrated on judged data.
 */
export const EXPERT_MIN_SCORE = 0.1;

const textOrNull = (v: unknown): string | null => (v == null ? null : String(v));

export interface ExpertMatchView {
  id: number;
  code: string;
  name: { zh: string; en: string | null };
  /** Job title: Chinese, and English when the registry has it (people.title_en). */
  title: string | null;
  title_en: string | null;
  organization: { id: number; name_zh: string | null; name_en: string | null } | null;
  fields: string[];
  score: number;
  confident: boolean;
  why: string[];
}

/** The engine's expert results as the API shows them, re-checked against the registry (an expert may have left it since). */
export async function expertViews(db: Queryable, results: readonly MatchResult[], top: number): Promise<ExpertMatchView[]> {
  if (results.length === 0 || results[0]!.score < EXPERT_MIN_SCORE) return [];
  const rows = await db.query(
    `select p.*, o.name_zh as org_name_zh, o.name_en as org_name_en from people p left join organizations o on o.id = p.organization_id
     where p.id = any($1::int8[])`, [results.map((r) => Number(r.id))]);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const views: ExpertMatchView[] = [];
  for (const result of results) {
    if (result.score < EXPERT_MIN_SCORE) break; // results come best first
    const row = byId.get(result.id);
    if (!row || !isMatchableExpert(row)) continue;
    views.push({
      id: Number(row.id),
      code: String(row.code),
      name: { zh: String(row.name_zh), en: textOrNull(row.name_en) },
      title: textOrNull(row.title),
      title_en: textOrNull(row.title_en),
      organization: row.organization_id == null ? null : { id: Number(row.organization_id), name_zh: textOrNull(row.org_name_zh), name_en: textOrNull(row.org_name_en) },
      fields: Array.isArray(row.fields) ? row.fields.map(String) : [],
      score: result.score,
      confident: result.confident,
      why: result.why,
    });
    if (views.length >= top) break;
  }
  return views;
}
