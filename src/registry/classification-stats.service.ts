import { z } from 'zod';
import type { Db } from '../shared/db';
import { type Actor, visibilityOf, zoneSubtree } from '../shared/access/actor';
import { getRecordOrThrow } from '../shared/records/record-service';
import { label, num } from '../shared/http/response-fields';
import {
  industriesOfNace, industryDivision, industryEntry, naceSharesOfIpc, naceTitle, subFieldsOfIpc,
} from '../shared/classification/crosswalk';
import { HIGH_TECH_FIELDS } from '../transfer/matching/high-tech-fields';
import { zones } from './entities';

/**
 * A zone's achievements and enterprises seen through the classification crosswalks (src/shared/classification):
 * achievements (patents and results with an IPC code) per high-tech sub-field and per industry, enterprises per
 * GB/T 4754 division. Same scope and visibility as the zone dashboard: the zone and every zone below it; anonymous
 * visitors count published records only.
 */

/** Sources named in the response, so a chart can cite them. */
export const CROSSWALK_SOURCES = [
  {
    key: 'fraunhofer-isi-2019',
    label: {
      zh: 'Fraunhofer ISI 专利—行业概率对照表（Neuhäusler、Frietsch、Kroll，2019）：IPC 大类 → NACE Rev.2 行业',
      en: 'Fraunhofer ISI probabilistic concordance (Neuhäusler, Frietsch & Kroll 2019): IPC class → NACE Rev. 2 division',
    },
  },
  {
    key: 'gbt4754-nace-derived',
    label: { zh: 'GB/T 4754-2017 大类 ↔ NACE Rev.2（本平台按类目名称推导）', en: 'GB/T 4754-2017 division ↔ NACE Rev. 2 (derived here from the titles)' },
  },
  {
    key: 'ipc-hightech-derived',
    label: {
      zh: 'IPC → 国家重点支持的高新技术领域子领域（本平台按 IPC 类名与 2016 年领域目录推导）',
      en: 'IPC → sub-fields of the national key-supported high-tech fields (derived here from IPC titles and the 2016 catalogue)',
    },
  },
] as const;

const bucket = z.object({ key: z.string(), label, count: num });

export const classificationStatsSchema = z.object({
  zoneId: num,
  achievements: z.object({
    total: num,
    withIpc: num.describe('achievements with an IPC code'),
    bySubField: z.array(bucket.extend({ field: z.string() }))
      .describe('achievements per high-tech sub-field their IPC code maps to (derived crosswalk); key "unmapped": an IPC code the crosswalk does not list'),
    byField: z.array(bucket).describe('the same, per top-level field'),
    byIndustry: z.array(bucket.extend({ industries: z.array(z.string()) }))
      .describe('fractional counts: each achievement spread over NACE divisions by its IPC class\'s shares (Fraunhofer ISI 2019), with the GB/T 4754 divisions mapped to each'),
  }),
  enterprises: z.object({
    total: num,
    byIndustry: z.array(bucket).describe('enterprises per GB/T 4754 division of their industry code; key "none": none or unknown'),
  }),
  sources: z.array(z.object({ key: z.string(), label })),
});

export type ClassificationStats = z.infer<typeof classificationStatsSchema>;

/** Fractional counts are shown to one decimal. */
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function zoneClassificationStats(db: Db, actor: Actor | null, zoneId: number): Promise<ClassificationStats> {
  await getRecordOrThrow(db, actor, zones, zoneId);
  const subtree = await zoneSubtree(db, zoneId);
  const visibility = await visibilityOf(db, actor);
  const base = [subtree, visibility.zoneIds ?? [], Boolean(visibility.all)];
  const live = `t.zone_id = any($1::int8[]) and t.retired_at is null and (t.published or t.zone_id = any($2::int8[]) or $3::bool)`;
  const [ipcRows, totals, industryRows] = await Promise.all([
    db.query<{ ipc: string; count: number }>(
      `select upper(ipc_code) as ipc, count(*)::int8 as count from achievements t where ${live} and ipc_code is not null group by 1`, base),
    db.query<{ achievements: number; enterprises: number }>(`select
        (select count(*) from achievements t where ${live})::int8 as achievements,
        (select count(*) from organizations t where ${live} and kind = 'enterprise')::int8 as enterprises`, base),
    db.query<{ code: string | null; count: number }>(
      `select industry_code as code, count(*)::int8 as count from organizations t where ${live} and kind = 'enterprise' group by 1`, base),
  ]);
  return { zoneId, achievements: achievementBuckets(ipcRows, Number(totals[0]!.achievements)), enterprises: enterpriseBuckets(industryRows, Number(totals[0]!.enterprises)), sources: [...CROSSWALK_SOURCES] };
}

/** Achievements per sub-field, field and industry, from counts per IPC code (pure: tested without a database). */
export function achievementBuckets(rows: readonly { ipc: string; count: number }[], total: number): ClassificationStats['achievements'] {
  const subFields = new Map<string, number>();
  const fields = new Map<string, number>();
  const nace = new Map<string, number>();
  let withIpc = 0;
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const { ipc, count } of rows) {
    const n = Number(count);
    withIpc += n;
    const subs = subFieldsOfIpc(ipc);
    if (subs.length === 0) add(subFields, 'unmapped', n);
    for (const s of subs) add(subFields, s, n);
    for (const f of new Set(subs.map((s) => s.split('.')[0]!))) add(fields, f, n);
    if (subs.length === 0) add(fields, 'unmapped', n);
    const shares = naceSharesOfIpc(ipc);
    if (shares.size === 0) add(nace, 'unmapped', n);
    for (const [division, share] of shares) add(nace, division, n * share);
  }
  const unmapped = { zh: 'IPC 未列入对照表', en: 'IPC not in the crosswalk' };
  const fieldLabel = (code: string) => (code === 'unmapped' ? unmapped : { zh: `${code} ${HIGH_TECH_FIELDS[code]!.zh}`, en: `${code} ${HIGH_TECH_FIELDS[code]!.en}` });
  const sorted = <T extends { count: number }>(xs: T[]) => xs.sort((a, b) => b.count - a.count);
  return {
    total,
    withIpc,
    bySubField: sorted([...subFields].map(([key, count]) => ({ key, field: key.split('.')[0]!, label: fieldLabel(key), count }))),
    byField: sorted([...fields].map(([key, count]) => ({ key, label: fieldLabel(key), count }))),
    byIndustry: sorted([...nace].map(([key, count]) => ({ key, count: round1(count), industries: key === 'unmapped' ? [] : industriesOfNace(key), label: naceLabel(key) })))
      .filter((b) => b.count >= 0.1),
  };
}

function naceLabel(division: string) {
  if (division === 'unmapped') return { zh: 'IPC 未列入对照表', en: 'IPC not in the concordance' };
  const gbt = industriesOfNace(division).map((code) => `${code} ${industryDivision(code)!.zh}`);
  const title = naceTitle(division) ?? division;
  return { zh: gbt.length ? `${gbt.join('；')}（NACE ${division}）` : `NACE ${division} ${title}`, en: `NACE ${division} ${title}` };
}

export function enterpriseBuckets(rows: readonly { code: string | null; count: number }[], total: number): ClassificationStats['enterprises'] {
  const divisions = new Map<string, number>();
  for (const { code, count } of rows) {
    const division = code ? industryEntry(code)?.code.slice(0, 3) : undefined;
    divisions.set(division ?? 'none', (divisions.get(division ?? 'none') ?? 0) + Number(count));
  }
  const byIndustry = [...divisions].map(([key, count]) => {
    if (key === 'none') return { key, count, label: { zh: '未填写或代码不在分类中', en: 'Not given or not a GB/T 4754 code' } };
    const entry = industryDivision(key)!;
    return { key, count, label: { zh: `${key} ${entry.zh}`, en: `${key} (≈ ${entry.nace.map((n) => `NACE ${n} ${naceTitle(n)}`).join('; ')})` } };
  });
  return { total, byIndustry: byIndustry.sort((a, b) => b.count - a.count) };
}
