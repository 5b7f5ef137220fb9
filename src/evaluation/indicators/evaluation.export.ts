/**
 * Exports of a zone's evaluation: XLSX (a sheet of results and a sheet of inputs with provenance), CSV and JSON.
 */
import ExcelJS from 'exceljs';
import type { zoneEvaluation } from './evaluate.service';
import { csvCell } from '../../shared/http/csv-safety';

type ZoneEvaluation = Awaited<ReturnType<typeof zoneEvaluation>>;

const provenanceText = (p: Record<string, unknown> | null): string => (p ? JSON.stringify(p) : '');

/** Results (every node of the last year per zone, plus the zone's score and rank by year) and inputs rows. */
function rows(z: ZoneEvaluation) {
  const results: (string | number | null)[][] = [];
  const ev = z.evaluation;
  for (const r of z.byYear) results.push(['rank_by_year', z.zone.code, r.year, ev?.root ?? '', r.score, r.rank, r.units, r.error ?? '']);
  if (ev) {
    for (const u of ev.units) {
      const res = ev.results.find((x) => x.code === u.code);
      for (const n of ev.nodes.filter((x) => x.used)) {
        results.push([n.level === 1 ? 'indicator_score' : 'aggregate_score', u.code, ev.year, n.code, ev.scores[u.code]?.[n.code] ?? null, ev.ranks[u.code]?.[n.code] ?? null, null,
          n.code === ev.root && res ? [res.rank_change !== null ? `rank change ${res.rank_change}` : '', res.relative !== null ? `relative ${res.relative.toFixed(2)}` : '', res.group ?? ''].filter(Boolean).join('; ') : '']);
      }
    }
  }
  const inputs: (string | number | null)[][] = [];
  if (ev) {
    for (const u of ev.units) {
      for (const n of ev.nodes.filter((x) => x.level === 1)) {
        const i = ev.inputs[u.code]?.[n.code];
        const p = i?.provenance ?? null;
        inputs.push([u.code, ev.year, n.code, n.name_zh, n.name_en, n.unit, i?.value ?? null, i?.normalised ?? null, i?.origin ?? '', n.used ? 'yes' : 'no (no data)',
          (p?.computation as string | undefined) ?? '', (p?.source as string | undefined) ?? '', (p?.reason as string | undefined) ?? '', i?.computed_at ?? '', provenanceText(p)]);
      }
    }
  }
  return { results, inputs };
}

const RESULT_HEAD = ['kind', 'zone', 'year', 'node', 'score', 'rank', 'units', 'note'];
const INPUT_HEAD = ['zone', 'year', 'indicator', 'name_zh', 'name_en', 'unit', 'value', 'normalised', 'origin', 'used', 'computation', 'source', 'reason', 'computed_at', 'provenance'];

export async function evaluationXlsx(z: ZoneEvaluation): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const { results, inputs } = rows(z);
  const r = wb.addWorksheet('Results');
  r.addRow([`${z.framework.name_zh} / ${z.framework.name_en ?? ''}`, `${z.zone.name_zh} (${z.zone.code})`, z.year]);
  r.addRow(RESULT_HEAD);
  results.forEach((x) => r.addRow(x));
  r.getRow(2).font = { bold: true };
  const i = wb.addWorksheet('Inputs');
  i.addRow(INPUT_HEAD);
  inputs.forEach((x) => i.addRow(x));
  i.getRow(1).font = { bold: true };
  if (z.evaluation?.excluded.length) {
    const e = wb.addWorksheet('Excluded');
    e.addRow(['indicator', 'reason']);
    z.evaluation.excluded.forEach((x) => e.addRow([x.indicator, x.reason]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV: results rows (section "result") then inputs rows (section "input"), each with its own columns. */
export function evaluationCsv(z: ZoneEvaluation): string {
  const { results, inputs } = rows(z);
  const lines = [['section', ...RESULT_HEAD].join(','), ...results.map((x) => ['result', ...x].map(csvCell).join(',')), '',
    ['section', ...INPUT_HEAD].join(','), ...inputs.map((x) => ['input', ...x].map(csvCell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
