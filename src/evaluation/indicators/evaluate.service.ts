/**
 * Evaluation: gather indicator values for a framework, zones and years, run the pure composite engine
 * (buildComposite, or buildPanel for pooled multi-year frameworks such as the EIS), and return scores per node,
 * ranks, rank change against the previous year, relative scores and groups, and the data under every indicator.
 */
import type { Db } from '../../shared/db';
import { invalid } from '../../shared/http/errors';
import {
  buildComposite, buildPanel, CompositeError, runUncertainty,
  type CompositeData, type CompositeMethod, type FrameworkNode, type NormaliseMethod, type UncertainInputs,
} from '../composite';
import type { FrameworkMethod, FrameworkNodeDef, FrameworkOptions } from '../frameworks/types';
import * as repo from './evaluation.repository';
import { compositeProblem, frameworkOrThrow, nodeRowsToDefs, toEngineNodes } from './framework.service';
import { assertVisible, hiddenZones, type Visible } from './publication.service';

export interface EvaluateRequest {
  zones: (number | string)[];
  year: number;
  missing?: 'error' | 'drop';
}

type Cell = number | null;

export interface Evaluation {
  framework: { id: number; code: string; name_zh: string; name_en: string | null; method: FrameworkMethod; options: FrameworkOptions };
  year: number;
  years: number[];
  root: string;
  nodes: (repo.NodeRow & { used: boolean })[];
  units: { zone_id: number; code: string; name_zh: string; name_en: string | null }[];
  results: { zone_id: number; code: string; name_zh: string; name_en: string | null; score: Cell; rank: Cell; previous_rank: Cell; rank_change: Cell; relative: Cell; group: string | null }[];
  scores: Record<string, Record<string, Cell>>;
  ranks: Record<string, Record<string, Cell>>;
  inputs: Record<string, Record<string, { value: Cell; normalised: Cell; origin: string | null; provenance: Record<string, unknown> | null; computed_at: string | null }>>;
  excluded: { indicator: string; reason: string; reason_zh: string }[];
  warnings: string[];
}

interface Prepared {
  fw: repo.FrameworkRow;
  nodeRows: repo.NodeRow[];
  zones: repo.ZoneRow[];
  values: repo.ValueRow[];
}

/** `visible`: whose values the viewer may see unpublished (null = all); other values count only when published. */
async function prepare(db: Db, frameworkId: number, zoneKeys: (number | string)[], from: number, to: number, visible: Visible): Promise<Prepared> {
  const fw = await frameworkOrThrow(db, frameworkId);
  const nodeRows = await repo.frameworkNodes(db, frameworkId);
  if (!zoneKeys.length) throw invalid([{ field: 'zones', key: 'field.required' }]);
  const zones = await repo.zonesByIdsOrCodes(db, zoneKeys);
  const unknown = zoneKeys.filter((k) => !zones.some((z) => z.id === k || z.code === k));
  if (unknown.length) throw invalid(unknown.map((k) => ({ field: 'zones', key: 'field.unknownRef' as const, params: { entity: 'zone', value: String(k) } })));
  const order = new Map(zoneKeys.map((k, i) => [String(k), i]));
  zones.sort((a, b) => (order.get(String(a.id)) ?? order.get(a.code) ?? 0) - (order.get(String(b.id)) ?? order.get(b.code) ?? 0));
  const indicatorIds = nodeRows.filter((n) => n.indicator_id !== null).map((n) => n.indicator_id as number);
  const values = await repo.listValues(db, { zoneIds: zones.map((z) => z.id), indicatorIds, from, to, visibleZones: visible });
  return { fw, nodeRows, zones, values };
}

/** Removes indicators without data (and aggregates left empty); with countWeights, aggregate weight = indicators below. */
function pruneNodes(defs: FrameworkNodeDef[], keep: Set<string>, countWeights: boolean): FrameworkNodeDef[] {
  let nodes = defs.filter((n) => n.level > 1 || keep.has(n.code));
  for (;;) {
    const parents = new Set(nodes.map((n) => n.parent));
    const next = nodes.filter((n) => n.level === 1 || parents.has(n.code));
    if (next.length === nodes.length) break;
    nodes = next;
  }
  if (countWeights) {
    const below = (code: string): number => {
      const kids = nodes.filter((n) => n.parent === code);
      return kids.reduce((s, k) => s + (k.level === 1 ? 1 : below(k.code)), 0);
    };
    nodes = nodes.map((n) => (n.level > 1 ? { ...n, weight: below(n.code) } : n));
  }
  return nodes;
}

function engineMethod(m: FrameworkMethod): CompositeMethod {
  const { normaliseScope: _scope, ...rest } = m;
  return rest;
}

function run<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof CompositeError) throw compositeProblem(err, 'evaluation');
    throw err;
  }
}

export async function evaluate(db: Db, frameworkId: number, req: EvaluateRequest, visible: Visible = null): Promise<Evaluation> {
  const fw0 = await frameworkOrThrow(db, frameworkId);
  const panelYears = fw0.options.panelYears ?? null;
  const years = panelYears ? Array.from({ length: panelYears }, (_, k) => req.year - panelYears + 1 + k) : [req.year - 1, req.year];
  const p = await prepare(db, frameworkId, req.zones, years[0]!, req.year, visible);
  // Every evaluated zone must be visible in the evaluated year; earlier years count only where visible.
  await assertVisible(db, visible, p.zones, req.year);
  const { fw, nodeRows, zones, values } = p;
  const defs = nodeRowsToDefs(nodeRows);
  const directions = new Map(nodeRows.filter((n) => n.indicator_code).map((n) => [n.indicator_code as string, (n.direction ?? 1) as 1 | -1]));
  const missing = req.missing ?? fw.options.missingIndicators ?? 'error';
  const warnings: string[] = [];
  const byKey = new Map(values.map((v) => [`${v.zone_id}|${v.indicator_code}|${v.year}`, v]));
  const valueOf = (zoneId: number, code: string, year: number): Cell => byKey.get(`${zoneId}|${code}|${year}`)?.value ?? null;
  const indicatorCodes = defs.filter((d) => d.level === 1).map((d) => d.code);

  // Indicators without data for any zone in the evaluated year(s): an error by name, or left out and reported.
  const scopeYears = panelYears ? years : [req.year];
  const excluded: Evaluation['excluded'] = [];
  const keep = new Set<string>();
  for (const code of indicatorCodes) {
    const xs = zones.flatMap((z) => scopeYears.map((y) => valueOf(z.id, code, y))).filter((x): x is number => x !== null);
    const rescales = ['minmax', 'zscore'].includes(fw.method.normalise.method);
    if (xs.length && missing === 'drop' && rescales && xs.every((x) => x === xs[0])) {
      excluded.push({ indicator: code, reason: `every zone has the same value (${xs[0]}); it cannot be rescaled (CONSTANT_INDICATOR)`,
        reason_zh: `所有园区取值相同（${xs[0]}），无法标准化（CONSTANT_INDICATOR）` });
    } else if (xs.length) keep.add(code);
    else {
      const span = scopeYears.length > 1 ? `${scopeYears[0]}–${scopeYears.at(-1)}` : String(req.year);
      excluded.push({ indicator: code, reason: `no data for any of the zones in ${span}`, reason_zh: `${span} 年所有园区均无数据` });
    }
  }
  if (excluded.length && missing === 'error') {
    throw compositeProblem(new CompositeError('INDICATOR_NO_DATA', excluded[0]!.indicator, `no zone has a value for this indicator in ${req.year}`), 'evaluation');
  }
  if (!keep.size) throw compositeProblem(new CompositeError('INDICATOR_NO_DATA', fw.code, 'no indicator of the framework has data for these zones'), 'evaluation');
  const used = pruneNodes(defs, keep, Boolean(fw.options.countWeights));
  const engineNodes: FrameworkNode[] = toEngineNodes(used, directions);
  const root = used.find((n) => n.parent === null)!.code;
  const usedIndicators = used.filter((n) => n.level === 1).map((n) => n.code);
  const method = engineMethod(fw.method);

  const dataFor = (rows: { zone: repo.ZoneRow; year: number }[]): CompositeData => ({
    units: rows.map((r) => r.zone.code),
    indicators: Object.fromEntries(usedIndicators.map((c) => [c, rows.map((r) => valueOf(r.zone.id, c, r.year))])),
    time: rows.map((r) => r.year),
  });

  const scores: Evaluation['scores'] = {};
  const ranks: Evaluation['ranks'] = {};
  const normalisedOf: Record<string, Record<string, Cell>> = {};
  const prevRank = new Map<string, Cell>();
  let relativeOf: ((zone: string) => Cell) | null = null;

  if (panelYears) {
    // Pooled panel (EIS): rows (zone, year) with at least one value; the evaluated year must have every zone.
    const rows = years.flatMap((y) => zones.map((zone) => ({ zone, year: y })))
      .filter((r) => r.year === req.year || usedIndicators.some((c) => valueOf(r.zone.id, c, r.year) !== null));
    const res = run(() => buildPanel(engineNodes, dataFor(rows), { ...method, normaliseScope: fw.method.normaliseScope ?? 'pooled' }));
    const agg = res.aggregated;
    const rowOf = (zone: string, year: number) => agg.units.findIndex((u, i) => u === zone && agg.time[i] === year);
    for (const z of zones) {
      const i = rowOf(z.code, req.year);
      scores[z.code] = Object.fromEntries(agg.codes.map((c, j) => [c, agg.values[j]![i] ?? null]));
      ranks[z.code] = Object.fromEntries(res.ranks.codes.map((c, j) => [c, res.ranks.values[j]![i] ?? null]));
      normalisedOf[z.code] = Object.fromEntries(res.normalised.codes.map((c, j) => [c, res.normalised.values[j]![i] ?? null]));
      const ip = rowOf(z.code, req.year - 1);
      const rj = res.ranks.codes.indexOf(root);
      prevRank.set(z.code, ip >= 0 ? res.ranks.values[rj]![ip] ?? null : null);
    }
    // Relative to a reference zone (or the mean of the zones) in a reference year (or the first year with data).
    const rj = agg.codes.indexOf(root);
    const refYear = fw.options.reference?.year ?? Math.min(...agg.time);
    const refZone = fw.options.reference?.zone ?? null;
    let ref: Cell = null;
    if (refZone) {
      const i = rowOf(refZone, refYear);
      ref = i >= 0 ? agg.values[rj]![i] ?? null : null;
      if (ref === null) warnings.push(`reference zone ${refZone} has no score in ${refYear}; relative scores are not given`);
    } else {
      const xs = agg.time.flatMap((t, i) => (t === refYear && agg.values[rj]![i] !== null ? [agg.values[rj]![i] as number] : []));
      ref = xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
    }
    if (ref !== null && ref !== 0) relativeOf = (zone) => (scores[zone]?.[root] === null || scores[zone]?.[root] === undefined ? null : (100 * (scores[zone]![root] as number)) / (ref as number));
    else if (ref === 0) warnings.push('the reference score is 0; relative scores are not given (division by zero)');
  } else {
    const res = run(() => buildComposite(engineNodes, dataFor(zones.map((zone) => ({ zone, year: req.year }))), method));
    zones.forEach((z, i) => {
      scores[z.code] = Object.fromEntries(res.aggregated.codes.map((c, j) => [c, res.aggregated.values[j]![i] ?? null]));
      ranks[z.code] = Object.fromEntries(res.ranks.codes.map((c, j) => [c, res.ranks.values[j]![i] ?? null]));
      normalisedOf[z.code] = Object.fromEntries(res.normalised.codes.map((c, j) => [c, res.normalised.values[j]![i] ?? null]));
    });
    try {
      const prev = buildComposite(engineNodes, dataFor(zones.map((zone) => ({ zone, year: req.year - 1 }))), method);
      const rj = prev.ranks.codes.indexOf(root);
      zones.forEach((z, i) => prevRank.set(z.code, prev.ranks.values[rj]![i] ?? null));
    } catch (err) {
      if (!(err instanceof CompositeError)) throw err;
      warnings.push(`no rank change: the previous year ${req.year - 1} cannot be evaluated (${err.code} ${err.subject})`);
    }
  }

  const groups = fw.options.groups ?? null;
  const results = zones.map((z) => {
    const rank = ranks[z.code]?.[root] ?? null;
    const previous = prevRank.get(z.code) ?? null;
    const relative = relativeOf ? relativeOf(z.code) : null;
    const group = relative !== null && groups ? groups.find((g) => g.min === null || relative >= g.min)?.code ?? null : null;
    return { zone_id: z.id, code: z.code, name_zh: z.name_zh, name_en: z.name_en, score: scores[z.code]?.[root] ?? null, rank, previous_rank: previous,
      rank_change: rank !== null && previous !== null ? previous - rank : null, relative, group };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

  const inputs: Evaluation['inputs'] = {};
  for (const z of zones) {
    inputs[z.code] = Object.fromEntries(indicatorCodes.map((c) => {
      const v = byKey.get(`${z.id}|${c}|${req.year}`);
      return [c, { value: v?.value ?? null, normalised: normalisedOf[z.code]?.[c] ?? null, origin: v?.origin ?? null, provenance: v?.provenance ?? null, computed_at: v?.computed_at ?? null }];
    }));
  }
  const usedCodes = new Set(used.map((n) => n.code));
  return {
    framework: { id: fw.id, code: fw.code, name_zh: fw.name_zh, name_en: fw.name_en, method: fw.method, options: fw.options },
    year: req.year, years: panelYears ? years : [req.year],
    root,
    nodes: nodeRows.map((n) => ({ ...n, weight: used.find((u) => u.code === n.code)?.weight ?? n.weight, used: usedCodes.has(n.code) })),
    units: zones.map((z) => ({ zone_id: z.id, code: z.code, name_zh: z.name_zh, name_en: z.name_en })),
    results, scores, ranks, inputs, excluded, warnings,
  };
}

/** Monte Carlo over normalisation, aggregation and ±25 % weights: median rank and 5–95 % interval per zone. */
export async function uncertainty(db: Db, frameworkId: number, req: EvaluateRequest & { runs?: number; seed?: number }, visible: Visible = null) {
  const ev = await evaluate(db, frameworkId, { ...req, missing: req.missing ?? 'drop' }, visible);
  const used = ev.nodes.filter((n) => n.used);
  const defs = nodeRowsToDefs(used);
  const directions = new Map(used.filter((n) => n.indicator_code).map((n) => [n.indicator_code as string, (n.direction ?? 1) as 1 | -1]));
  const engineNodes = toEngineNodes(defs, directions);
  const indicators = defs.filter((d) => d.level === 1).map((d) => d.code);
  const data: CompositeData = {
    units: ev.units.map((u) => u.code),
    indicators: Object.fromEntries(indicators.map((c) => [c, ev.units.map((u) => ev.inputs[u.code]![c]!.value)])),
  };
  const base = engineMethod(ev.framework.method);
  const normalise: NormaliseMethod[] = [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'zscore', mean: 10, sd: 2 }];
  const maxLevel = Math.max(...defs.map((d) => d.level));
  const inputs: UncertainInputs = {
    normalise, aggregate: ['amean', 'gmean'],
    weights: { levels: Array.from({ length: Math.max(0, maxLevel - 2) }, (_, k) => k + 2).concat(maxLevel > 2 ? [] : [1]), noise: 0.25, nSets: 50 },
    ...(base.treat ? { winmax: [1, 2, 3, 4, 5] } : {}),
  };
  const nRuns = Math.min(Math.max(req.runs ?? 500, 10), 5000);
  const res = await run(() => runUncertainty(engineNodes, data, { ...base, normalise: normalise[0]! }, inputs, { nRuns, seed: req.seed ?? 1, workers: 1 }));
  return {
    framework: ev.framework, year: ev.year, runs: nRuns, inputs, excluded: ev.excluded,
    units: res.rankStats.map((s) => ({ ...ev.units.find((u) => u.code === s.uCode)!, nominal: s.nominal, median: s.median, mean: s.mean, q5: s.q5, q95: s.q95 }))
      .sort((a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity)),
  };
}

/** Peers of a zone: zones of the same kind (else its siblings), published, at most `limit`. */
export async function peersOf(db: Db, zoneId: number, limit = 12): Promise<repo.ZoneRow[]> {
  const sameKind = await db.query<repo.ZoneRow>(`select id, code, name_zh, name_en, kind, parent_id from zones
    where kind = (select kind from zones where id = $1) and id <> $1 and published and retired_at is null order by code limit $2`, [zoneId, limit]);
  if (sameKind.length) return sameKind;
  return db.query<repo.ZoneRow>(`select id, code, name_zh, name_en, kind, parent_id from zones
    where parent_id is not distinct from (select parent_id from zones where id = $1) and id <> $1 and published and retired_at is null order by code limit $2`, [zoneId, limit]);
}

/**
 * A zone's evaluation page: the zone with its peers over `years` years up to `year` — per-indicator time series,
 * the dimension scores of the last year (radar), the zone's rank and score by year, and the last year's evaluation.
 * Peers without any value in a year are left out of that year (reported), so one empty peer does not stop the page.
 */
export async function zoneEvaluation(db: Db, zoneId: number, frameworkId: number, year: number, years = 5, peerIds?: number[], visible: Visible = null) {
  const [zone] = await repo.zonesByIdsOrCodes(db, [zoneId]);
  if (!zone) throw invalid([{ field: 'id', key: 'field.unknownRef', params: { entity: 'zone', value: zoneId } }]);
  await assertVisible(db, visible, [zone], year);
  const peers = peerIds?.length ? await repo.zonesByIdsOrCodes(db, peerIds) : await peersOf(db, zoneId);
  const all = [zone, ...peers.filter((p) => p.id !== zone.id)];
  const from = year - years + 1;
  const p = await prepare(db, frameworkId, all.map((z) => z.id), from - 1, year, visible);
  const has = new Set(p.values.filter((v) => v.value !== null).map((v) => `${v.zone_id}|${v.year}`));
  const byYear: { year: number; score: Cell; rank: Cell; units: number; error?: string; error_zh?: string; left_out?: string[]; not_published?: boolean }[] = [];
  let last: Evaluation | null = null;
  for (let y = from; y <= year; y++) {
    const units = all.filter((z) => z.id === zone.id || has.has(`${z.id}|${y}`));
    const leftOut = all.filter((z) => !units.includes(z)).map((z) => z.code);
    if ((await hiddenZones(db, visible, [zone.id], y)).length) {
      byYear.push({ year: y, score: null, rank: null, units: units.length, error: 'not published', error_zh: '未发布', not_published: true });
      continue;
    }
    try {
      const ev = await evaluate(db, frameworkId, { zones: units.map((u) => u.id), year: y }, visible);
      const r = ev.results.find((x) => x.zone_id === zone.id)!;
      byYear.push({ year: y, score: r.score, rank: r.rank, units: units.length, ...(leftOut.length ? { left_out: leftOut } : {}) });
      if (y === year) last = ev;
    } catch (err) {
      const params = (err as { issues?: { params?: { en?: string; zh?: string } }[] }).issues?.[0]?.params;
      const detail = params?.en ?? (err as Error).message;
      byYear.push({ year: y, score: null, rank: null, units: units.length, error: detail, error_zh: params?.zh ?? '无法计算该年的评价' });
    }
  }
  const indicatorNodes = p.nodeRows.filter((n) => n.level === 1);
  const series = indicatorNodes.map((n) => ({
    indicator: n.indicator_code, name_zh: n.name_zh, name_en: n.name_en, unit: n.unit, direction: n.direction,
    zones: all.map((z) => ({
      zone_id: z.id, code: z.code,
      values: Array.from({ length: years }, (_, k) => from + k).map((y) => {
        const v = p.values.find((x) => x.zone_id === z.id && x.indicator_code === n.indicator_code && x.year === y);
        return { year: y, value: v?.value ?? null };
      }),
    })),
  }));
  let radar: { code: string; name_zh: string; name_en: string | null; zone: Cell; peers_mean: Cell }[] = [];
  if (last) {
    const maxLevel = Math.max(...last.nodes.filter((n) => n.used).map((n) => n.level));
    const ev = last;
    radar = ev.nodes.filter((n) => n.used && n.level === maxLevel - 1).map((n) => {
      const peerScores = ev.units.filter((u) => u.zone_id !== zone.id).map((u) => ev.scores[u.code]?.[n.code]).filter((x): x is number => typeof x === 'number');
      return { code: n.code, name_zh: n.name_zh, name_en: n.name_en, zone: ev.scores[zone.code]?.[n.code] ?? null,
        peers_mean: peerScores.length ? peerScores.reduce((s, x) => s + x, 0) / peerScores.length : null };
    });
  }
  return { zone: { id: zone.id, code: zone.code, name_zh: zone.name_zh, name_en: zone.name_en }, peers: all.slice(1).map((z) => ({ id: z.id, code: z.code, name_zh: z.name_zh, name_en: z.name_en })),
    framework: { id: p.fw.id, code: p.fw.code, name_zh: p.fw.name_zh, name_en: p.fw.name_en }, year, byYear, radar, series, evaluation: last };
}
