import type { Queryable, Row } from '../../shared/db';
import { analyze, hasCjk } from '../../shared/text';
import { toTsquery } from '../../shared/records/record-service';
import type { ItemKind } from './common';
import { DEFAULT_TIERS, mayRead, privileged, type Viewer } from './disclosure';

/**
 * Search and filters of the public market. Text goes through the shared pipeline (src/shared/text): the stored
 * `search` vector of a listing holds its analysed title and texts, so 銅箔 and 铜箔 meet as 铜箔, and a query word may
 * also be matched by the names of the listing's zone and that zone's parent (兰州 finds listings of Lanzhou New Area).
 *
 * A filter or a search must not reveal what a field behind a disclosure tier holds: a condition on a tiered field
 * only counts where this viewer may read the field, and a text match that relied on a withheld text is dropped.
 */
export interface MarketFilters {
  zone?: number;
  q?: string;
  field?: string;
  mode?: string;
  budget_min?: number;
  budget_max?: number;
}

/** At most this many matches of a text search are ranked; a market query beyond that is too broad to page through. */
export const MAX_RANKED = 1_000;

const SEARCH_TEXTS: Record<ItemKind, readonly string[]> = {
  demand: ['title', 'description', 'problem', 'target_indicators', 'acceptance_criteria'],
  offer: ['title', 'summary', 'advantages'],
};

class Params {
  readonly values: unknown[] = [];
  add(v: unknown) {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A condition that holds where this viewer may read `field` of the row (tiers, ownership, brokerage). */
function readable(v: Viewer, kind: ItemKind, field: string, p: Params): string {
  if (v.allZones) return 'true';
  const tiers = v.actor ? "('public', 'signed_in')" : "('public')";
  const own = [`coalesce(t.disclosure->>'${field}', '${DEFAULT_TIERS[kind][field] ?? 'public'}') in ${tiers}`];
  if (v.brokerZones.size) own.push(`t.zone_id = any(${p.add([...v.brokerZones])}::int8[])`);
  if (v.actor?.role === 'org_user' && v.actor.organizationId !== null) own.push(`t.organization_id = ${p.add(v.actor.organizationId)}`);
  return `(${own.join(' or ')})`;
}

function conditions(v: Viewer, kind: ItemKind, f: MarketFilters, zoneIds: number[] | undefined, p: Params): string[] {
  const where = ['t.retired_at is null', "t.status = 'published'"];
  if (kind === 'demand') where.push("coalesce(t.confidentiality, 'public') = 'public'");
  if (zoneIds) where.push(`t.zone_id = any(${p.add(zoneIds)}::int8[])`);
  if (f.field) where.push(`t.hightech_field = ${p.add(f.field)} and ${readable(v, kind, 'hightech_field', p)}`);
  if (f.mode) where.push(`${p.add(f.mode)} = any(t.cooperation_modes) and ${readable(v, kind, 'cooperation_modes', p)}`);
  if (f.budget_min !== undefined || f.budget_max !== undefined) {
    const from = f.budget_min ?? 0;
    const to = f.budget_max ?? Number.MAX_SAFE_INTEGER;
    if (kind === 'demand') {
      // The demand's budget range overlaps the asked range; an open end takes the other end's value.
      where.push(`coalesce(t.budget_max, t.budget_min) >= ${p.add(from)} and coalesce(t.budget_min, t.budget_max) <= ${p.add(to)}`,
        readable(v, kind, 'budget_min', p), readable(v, kind, 'budget_max', p));
    } else {
      where.push(`t.price_expectation between ${p.add(from)} and ${p.add(to)}`, readable(v, kind, 'price_expectation', p));
    }
  }
  return where;
}

/** The query's words as the index holds them; undefined for a query with no searchable word. */
export function queryWords(q: string): string[] {
  return [...new Set(analyze(q))].filter((t, _, all) => !(hasCjk(t) && all.some((o) => o !== t && o.includes(t))));
}

const holds = (tokens: ReadonlySet<string>, word: string) =>
  tokens.has(word) || (hasCjk(word) && word.length === 1 && [...tokens].some((t) => t.startsWith(word)));

/**
 * Published listings of one kind matching the filters: without a query the newest first, paged in SQL; with one,
 * up to MAX_RANKED matches ordered by relevance (text rank, plus a boost when the title holds every word).
 */
export async function findListings(db: Queryable, v: Viewer, kind: ItemKind, f: MarketFilters, zoneIds: number[] | undefined, page: { limit: number; offset: number }) {
  const p = new Params();
  const where = conditions(v, kind, f, zoneIds, p);
  const table = kind === 'demand' ? 'tech_demands' : 'tech_offers';
  const tsquery = f.q?.trim() ? toTsquery(f.q) : undefined;
  if (f.q?.trim() && !tsquery) return { rows: [] as Row[], total: 0 };
  if (!tsquery) {
    const countParams = [...p.values];
    const rows = await db.query(`select t.* from ${table} t where ${where.join(' and ')} order by t.id desc limit ${p.add(page.limit)} offset ${p.add(page.offset)}`, p.values);
    const total = Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table} t where ${where.join(' and ')}`, countParams))[0]!.n);
    return { rows, total };
  }
  const tsq = `to_tsquery('simple', ${p.add(tsquery)})`;
  const doc = "(coalesce(t.search, ''::tsvector) || coalesce(z.search, ''::tsvector) || coalesce(pz.search, ''::tsvector))";
  const candidates = await db.query<Row & { rank: number; zone_names: string | null }>(
    `select t.*, ts_rank(coalesce(t.search, ''::tsvector), ${tsq}) as rank,
        concat_ws(' ', z.name_zh, z.name_en, pz.name_zh, pz.name_en) as zone_names
      from ${table} t join zones z on z.id = t.zone_id left join zones pz on pz.id = z.parent_id
      where ${where.join(' and ')} and ${doc} @@ ${tsq}
      order by rank desc, t.id desc limit ${MAX_RANKED}`, p.values);
  const words = queryWords(f.q!);
  const kept = candidates.filter((row) => matchesVisibleText(v, kind, row, words));
  const scored = kept.map((row) => ({ row, score: Number(row.rank) + titleBoost(String(row.title ?? ''), words) }));
  scored.sort((a, b) => b.score - a.score || Number(b.row.id) - Number(a.row.id));
  return { rows: scored.slice(page.offset, page.offset + page.limit).map((s) => s.row), total: scored.length };
}

/** 1 when the title holds every query word, a share of that for some: a title match outranks one deep in the text. */
function titleBoost(title: string, words: readonly string[]): number {
  if (!words.length) return 0;
  const tokens = new Set(analyze(title));
  return words.filter((w) => holds(tokens, w)).length / words.length;
}

/** Whether every query word is in what this viewer may read of the row (or its zones' names). */
function matchesVisibleText(v: Viewer, kind: ItemKind, row: Row, words: readonly string[]): boolean {
  if (privileged(v, row)) return true;
  const hidden = SEARCH_TEXTS[kind].filter((f) => row[f] != null && !mayRead(v, kind, row, f, false));
  if (!hidden.length) return true;
  const visible = SEARCH_TEXTS[kind].filter((f) => !hidden.includes(f)).map((f) => String(row[f] ?? ''));
  const tokens = new Set([String(row.code ?? '').toLowerCase(), ...analyze(`${visible.join(' ')} ${row.zone_names ?? ''}`)]);
  return words.every((w) => holds(tokens, w));
}
