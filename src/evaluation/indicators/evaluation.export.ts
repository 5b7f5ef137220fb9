/**
 * Exports of a zone's evaluation: XLSX (a sheet of results and a sheet of inputs with provenance), CSV and JSON.
 * Headers, sheet names and texts are in the caller's language; scores and values are rounded for reading (the JSON
 * download keeps full precision); provenance is a sentence, not a JSON blob.
 */
import ExcelJS from 'exceljs';
import type { zoneEvaluation } from './evaluate.service';
import { csvCell } from '../../shared/http/csv-safety';

type ZoneEvaluation = Awaited<ReturnType<typeof zoneEvaluation>>;
export type ExportLang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    results: '结果', inputs: '输入与来源', excluded: '未参与计算的指标',
    resultHead: ['类别', '园区', '年度', '节点', '得分', '排名', '参评园区数', '说明'],
    inputHead: ['园区', '年度', '指标', '指标名称', '单位', '原始值', '标准化值', '来源类型', '是否参与计算', '计算方法', '来源', '原因', '计算时间', '来源说明'],
    excludedHead: ['指标', '原因'],
    kinds: { rank_by_year: '历年总分与排名', indicator_score: '指标得分', aggregate_score: '维度与总指数得分' },
    used: '是', unused: '否（无数据）', rankChange: '排名变化', relative: '相对得分',
    origin: { computed: '由登记库计算', entered: '人工录入', imported: '导入' } as Record<string, string>,
  },
  en: {
    results: 'Results', inputs: 'Inputs', excluded: 'Excluded',
    resultHead: ['Kind', 'Zone', 'Year', 'Node', 'Score', 'Rank', 'Zones compared', 'Note'],
    inputHead: ['Zone', 'Year', 'Indicator', 'Indicator name', 'Unit', 'Value', 'Normalised', 'Origin', 'Used', 'Computation', 'Source', 'Reason', 'Computed at', 'Provenance'],
    excludedHead: ['Indicator', 'Reason'],
    kinds: { rank_by_year: 'Index score and rank by year', indicator_score: 'Indicator score', aggregate_score: 'Dimension and index score' },
    used: 'yes', unused: 'no (no data)', rankChange: 'rank change', relative: 'relative score',
    origin: { computed: 'computed from the registry', entered: 'entered by hand', imported: 'imported' } as Record<string, string>,
  },
} as const;

/** Scores and values to at most 4 decimals (as shown); ranks stay as computed (ties can be halves). */
const round = (x: number | null | undefined, digits = 4): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const stamp = (v: unknown) => str(v).slice(0, 19).replace('T', ' ');

function inputsOf(p: Record<string, unknown>): Record<string, unknown> {
  return (p.inputs && typeof p.inputs === 'object' ? p.inputs : {}) as Record<string, unknown>;
}

/** Provenance in words: who entered a value and from what, or how it was computed and from how many records. */
function provenanceText(p: Record<string, unknown>, lang: ExportLang): string {
  const zh = lang === 'zh-CN';
  if (p.origin === 'entered') {
    const who = str(p.username ?? p.user), at = stamp(p.entered_at), source = str(p.source);
    return zh ? `${who} 于 ${at} 录入，来源：${source}` : `entered by ${who} at ${at}, source: ${source}`;
  }
  const i = inputsOf(p);
  const parts = [zh ? `按“${str(p.computation)}”由 ${str(i.records)} 条登记记录计算` : `computed by "${str(p.computation)}" from ${str(i.records)} registry records`];
  if (p.data_as_of) parts.push(zh ? `数据截至 ${stamp(p.data_as_of)}` : `data as of ${stamp(p.data_as_of)}`);
  if (i.numerator !== undefined) parts.push(`${str(i.numerator)}${i.denominator !== undefined ? ` / ${str(i.denominator)}` : ''}${i.scale && i.scale !== 1 ? ` × ${str(i.scale)}` : ''}`);
  return parts.join(zh ? '；' : '; ');
}

/** Results (every node of the last year per zone, plus the zone's score and rank by year) and inputs rows. */
function rows(z: ZoneEvaluation, lang: ExportLang) {
  const tx = TEXT[lang];
  const results: (string | number | null)[][] = [];
  const ev = z.evaluation;
  for (const r of z.byYear) results.push([tx.kinds.rank_by_year, z.zone.code, r.year, ev?.root ?? '', round(r.score, 2), r.rank, r.units, r.error ?? '']);
  if (ev) {
    for (const u of ev.units) {
      const res = ev.results.find((x) => x.code === u.code);
      for (const n of ev.nodes.filter((x) => x.used)) {
        const note = n.code === ev.root && res
          ? [res.rank_change !== null ? `${tx.rankChange} ${res.rank_change}` : '', res.relative !== null ? `${tx.relative} ${res.relative.toFixed(2)}` : '', res.group ?? ''].filter(Boolean).join('; ')
          : '';
        results.push([n.level === 1 ? tx.kinds.indicator_score : tx.kinds.aggregate_score, u.code, ev.year, n.code,
          round(ev.scores[u.code]?.[n.code] ?? null, 2), ev.ranks[u.code]?.[n.code] ?? null, null, note]);
      }
    }
  }
  const inputs: (string | number | null)[][] = [];
  if (ev) {
    for (const u of ev.units) {
      for (const n of ev.nodes.filter((x) => x.level === 1)) {
        const i = ev.inputs[u.code]?.[n.code];
        const p = i?.provenance ?? null;
        const origin = i?.origin ?? (p?.origin as string | undefined) ?? '';
        inputs.push([u.code, ev.year, n.code, lang === 'zh-CN' ? n.name_zh : (n.name_en ?? n.name_zh), n.unit, round(i?.value ?? null), round(i?.normalised ?? null),
          tx.origin[origin] ?? origin, n.used ? tx.used : tx.unused, str(p?.computation), str(p?.source), str(p?.reason), stamp(i?.computed_at),
          p ? provenanceText(p, lang) : '']);
      }
    }
  }
  return { results, inputs };
}

export async function evaluationXlsx(z: ZoneEvaluation, lang: ExportLang = 'zh-CN'): Promise<Buffer> {
  const tx = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const { results, inputs } = rows(z, lang);
  const frameworkName = lang === 'zh-CN' ? z.framework.name_zh : (z.framework.name_en ?? z.framework.name_zh);
  const zoneName = lang === 'zh-CN' ? z.zone.name_zh : (z.zone.name_en ?? z.zone.name_zh);
  const r = wb.addWorksheet(tx.results);
  r.addRow([frameworkName, `${zoneName} (${z.zone.code})`, z.year]);
  r.addRow([...tx.resultHead]);
  results.forEach((x) => r.addRow(x));
  r.getRow(2).font = { bold: true };
  r.getColumn(5).numFmt = '0.00';
  const i = wb.addWorksheet(tx.inputs);
  i.addRow([...tx.inputHead]);
  inputs.forEach((x) => i.addRow(x));
  i.getRow(1).font = { bold: true };
  i.getColumn(7).numFmt = '0.00';
  if (z.evaluation?.excluded.length) {
    const e = wb.addWorksheet(tx.excluded);
    e.addRow([...tx.excludedHead]);
    z.evaluation.excluded.forEach((x) => e.addRow([x.indicator, lang === 'zh-CN' ? x.reason_zh : x.reason]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV: results rows (section "result") then inputs rows (section "input"), each with its own columns. */
export function evaluationCsv(z: ZoneEvaluation, lang: ExportLang = 'zh-CN'): string {
  const tx = TEXT[lang];
  const { results, inputs } = rows(z, lang);
  const section = lang === 'zh-CN' ? ['部分', '结果', '输入'] : ['Section', 'result', 'input'];
  const lines = [[section[0], ...tx.resultHead].map(csvCell).join(','), ...results.map((x) => [section[1], ...x].map(csvCell).join(',')), '',
    [section[0], ...tx.inputHead].map(csvCell).join(','), ...inputs.map((x) => [section[2], ...x].map(csvCell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
