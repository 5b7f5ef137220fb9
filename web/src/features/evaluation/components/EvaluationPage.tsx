// Monitoring and evaluation of a zone: index score, rank and rank change, a radar of dimension scores against the
// peers, the rank over years, indicator series against the peers, a drill-down table index → dimensions →
// indicators → the data under each indicator (value and provenance), a side-by-side comparison of zones, Monte
// Carlo rank uncertainty and downloads. With `?print=1` the same page renders for the PDF report (no controls,
// no animation, every row open) and marks itself ready with data-testid="eval-ready".
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Drawer, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, FilePdfOutlined, MinusOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import { useAuth } from '../../../shared/auth/AuthContext';
import { isApiError } from '../../../shared/api/client';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n, type Lang, type TFunction } from '../../../shared/i18n';
import { useZones } from '../../entities/api/entities';
import {
  exportUrl, useFrameworks, useUncertainty, useZoneEvaluation,
  type Cell, type EvalInput, type EvalNode, type Evaluation, type ZoneEvalParams, type ZoneEvaluation,
} from '../api/evaluation';
import { EvalChart, wrapLabel } from './EvalChart';
import { PublishControl } from './PublishControl';
import { IndicatorValueDialog } from './IndicatorValueDialog';
import { RecomputeControl } from './RecomputeControl';
import { WeightsEditor } from './WeightsEditor';
import { EnteredSource } from './EnteredSource';

const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#722ed1', '#eb2f96', '#13c2c2', '#faad14', '#2f54eb', '#a0d911', '#f5222d'];
const DEFAULT_YEAR = new Date().getFullYear() - 1;
const YEARS = Array.from({ length: 12 }, (_, k) => DEFAULT_YEAR - k);

function fmt(v: Cell | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Number(v).toLocaleString(undefined, { maximumFractionDigits: digits });
}

const num = (s: string | null): number | null => (s && /^\d+$/.test(s) ? Number(s) : null);

/** One line of provenance: computed from which data at what time, or entered by whom from which source. */
export function provenanceText(input: EvalInput | undefined, t: TFunction): string {
  if (!input || (input.value === null && !input.provenance)) return t('evaluation.noValue');
  const p = (input.provenance ?? {}) as Record<string, unknown>;
  if (input.origin === 'entered' || p.origin === 'entered') {
    return t('evaluation.prov.enteredLine', {
      user: String(p.username ?? p.user ?? '—'),
      source: String(p.source ?? '—'),
      at: String(p.entered_at ?? input.computed_at ?? '—').slice(0, 19).replace('T', ' '),
    });
  }
  const inputs = (p.inputs ?? {}) as Record<string, unknown>;
  const parts = [
    // The computation's key is shown, labelled, in the indicator's data drawer, not in this sentence.
    t('evaluation.prov.computedLine', {
      records: String(inputs.records ?? '—'),
      asOf: String(p.data_as_of ?? '—').slice(0, 19).replace('T', ' '),
      at: String(p.computed_at ?? input.computed_at ?? '—').slice(0, 19).replace('T', ' '),
    }),
  ];
  if (inputs.numerator !== undefined) parts.push(`${fmt(inputs.numerator as number)}${inputs.denominator !== undefined ? ` / ${fmt(inputs.denominator as number)}` : ''}${inputs.scale && inputs.scale !== 1 ? ` × ${String(inputs.scale)}` : ''}`);
  if (p.reason) parts.push(`${t('evaluation.prov.reason')}: ${String(p.reason)}`);
  return parts.join('; ');
}

interface TreeRow {
  key: string;
  node: EvalNode;
  children?: TreeRow[];
}

function buildTree(ev: Evaluation): TreeRow[] {
  const byParent = new Map<string | null, EvalNode[]>();
  for (const n of ev.nodes) {
    const list = byParent.get(n.parent_code) ?? [];
    list.push(n);
    byParent.set(n.parent_code, list);
  }
  const make = (n: EvalNode): TreeRow => {
    const kids = (byParent.get(n.code) ?? []).sort((a, b) => a.sort - b.sort);
    return { key: n.code, node: n, ...(kids.length ? { children: kids.map(make) } : {}) };
  };
  return (byParent.get(null) ?? []).map(make);
}

export function EvaluationPage() {
  const { t, lang, setLang, name } = useI18n();
  const { user } = useAuth();
  const [sp, setSp] = useSearchParams();
  const print = sp.get('print') === '1';
  const zones = useZones();
  const frameworks = useFrameworks();

  const zoneId = num(sp.get('zone'));
  const frameworkId = num(sp.get('framework'));
  const year = num(sp.get('year')) ?? DEFAULT_YEAR;
  const peers = useMemo(() => (sp.get('peers') ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number), [sp]);
  const setParam = (patch: Record<string, string | null>) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, { replace: true });

  // The report's language comes from the address (the PDF is rendered in a fresh browser).
  const langParam = sp.get('lang');
  useEffect(() => {
    if ((langParam === 'en' || langParam === 'zh-CN') && langParam !== lang) setLang(langParam as Lang);
  }, [langParam, lang, setLang]);

  // Defaults (set together: two updates in one render would overwrite each other): the user's zone, else the
  // first national high-tech zone, else the first zone; the first framework.
  useEffect(() => {
    const patch: Record<string, string> = {};
    if (zoneId === null && zones.data?.length) {
      const ids = new Set(zones.data.map((z) => z.id));
      patch.zone = String(user?.zone_id && ids.has(user.zone_id) ? user.zone_id : (zones.data.find((x) => x.kind === 'national_hightech_zone') ?? zones.data[0]).id);
    }
    if (frameworkId === null && frameworks.data?.length) patch.framework = String(frameworks.data[0].id);
    if (Object.keys(patch).length) setParam(patch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zones.data, frameworks.data, user, zoneId, frameworkId]);

  const params: ZoneEvalParams = { zone: zoneId, framework: frameworkId, year, peers };
  const q = useZoneEvaluation(params);
  const data = q.data;
  const ev = data?.evaluation ?? null;
  const unitIds = useMemo(() => (ev ? ev.units.map((u) => u.zone_id) : []), [ev]);
  const [mcRequested, setMcRequested] = useState(false);
  useEffect(() => setMcRequested(false), [zoneId, frameworkId, year, peers.join(',')]);
  const mc = useUncertainty(frameworkId, unitIds, year, print || mcRequested);

  const ready = !q.isPending && !q.isFetching && (!print || !ev || unitIds.length < 2 || !mc.isFetching);

  return (
    <div data-testid="evaluation-page" className={print ? 'eval-print' : undefined}>
      {print && (
        <style>{`
          .ant-layout-header, .ant-layout-sider { display: none !important; }
          .ant-layout-content { padding: 0 !important; background: #fff !important; }
          .eval-print .ant-card { break-inside: avoid; box-shadow: none; }
          /* Rows with a gutter reach 8 px past their container on each side: keep them on the page. */
          .eval-print { padding-inline: 8px; }
          @page { size: A4; margin: 10mm; }
        `}</style>
      )}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space wrap align="center" size={[16, 8]}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="eval-title">
              {print && data ? t('evaluation.reportTitle', { zone: name(data.zone) }) : t('evaluation.title')}
            </Typography.Title>
            {print ? (
              <Typography.Text type="secondary" data-testid="eval-print-meta">
                {data ? `${name(data.framework)} · ${year}` : ''} · {t('evaluation.generatedAt', { at: new Date().toISOString().slice(0, 16).replace('T', ' ') })}
              </Typography.Text>
            ) : (
              <>
                <ZoneTreeSelect testId="eval-zone" value={zoneId} allowClear={false} onChange={(v) => setParam({ zone: v === null ? null : String(v), peers: null })} placeholder={t('evaluation.zone')} />
                <Select<number>
                  data-testid="eval-framework"
                  style={{ minWidth: 280 }}
                  value={frameworkId ?? undefined}
                  loading={frameworks.isPending}
                  placeholder={t('evaluation.framework')}
                  onChange={(v) => setParam({ framework: String(v) })}
                  options={(frameworks.data ?? []).map((f) => ({ value: f.id, label: name(f) }))}
                  popupMatchSelectWidth={false}
                />
                <Select<number>
                  data-testid="eval-year"
                  style={{ width: 100 }}
                  value={year}
                  onChange={(v) => setParam({ year: String(v) })}
                  options={YEARS.map((y) => ({ value: y, label: String(y) }))}
                />
                <Select<number[]>
                  data-testid="eval-peers"
                  mode="multiple"
                  allowClear
                  style={{ minWidth: 260, maxWidth: 520 }}
                  placeholder={t('evaluation.peersDefault')}
                  value={peers}
                  onChange={(v) => setParam({ peers: v.join(',') })}
                  optionFilterProp="label"
                  options={(zones.data ?? []).filter((z) => z.id !== zoneId).map((z) => ({ value: z.id, label: name(z) }))}
                  maxTagCount="responsive"
                />
              </>
            )}
          </Space>
          {!print && zoneId !== null && frameworkId !== null && (
            <Space wrap style={{ marginTop: 12 }} data-testid="eval-downloads">
              {(['xlsx', 'csv', 'json'] as const).map((f) => (
                <Button key={f} size="small" icon={<DownloadOutlined />} href={exportUrl(f, params, lang)} data-testid={`eval-download-${f}`}>
                  {f.toUpperCase()}
                </Button>
              ))}
              <Button size="small" type="primary" icon={<FilePdfOutlined />} href={exportUrl('pdf', params, lang)} target="_blank" data-testid="eval-download-pdf">
                {t('evaluation.pdfReport')}
              </Button>
              {zoneId !== null && <PublishControl zone={zoneId} year={year} />}
              {zoneId !== null && data && (
                <IndicatorValueDialog zone={data.zone} year={year} codes={ev?.nodes.filter((n) => n.level === 1).map((n) => n.code)} />
              )}
              {zoneId !== null && data && <RecomputeControl zone={data.zone} year={year} />}
              <WeightsEditor framework={frameworkId} onFramework={(fid) => setParam({ framework: String(fid) })} />
            </Space>
          )}
        </Card>

        {q.isError && isApiError(q.error) && q.error.status === 403 ? (
          // Values not published (for this viewer): a state of the data, not a failure.
          <Card data-testid="eval-not-published">
            <Empty description={t('evaluation.notPublished', { zone: name(zones.data?.find((z) => z.id === zoneId) ?? { id: zoneId }), year })}>
              <Typography.Text type="secondary">{q.error.message}</Typography.Text>
            </Empty>
          </Card>
        ) : q.isError ? (
          <Alert type="error" showIcon message={t('evaluation.loadFailed')} description={isApiError(q.error) ? q.error.message : String(q.error)} data-testid="eval-error" />
        ) : q.isPending ? (
          <Card><Spin /></Card>
        ) : !data ? null : !ev ? (
          <Card data-testid="eval-empty">
            <Empty description={t('evaluation.empty', { zone: name(data.zone), year })}>
              <Typography.Text type="secondary">{data.byYear.filter((b) => b.error).slice(-1).map((b) => (lang === 'zh-CN' ? b.error_zh ?? b.error : b.error)).join('')}</Typography.Text>
            </Empty>
          </Card>
        ) : (
          <EvaluationBody data={data} ev={ev} print={print} mc={mc} onRunMc={() => setMcRequested(true)} mcRequested={print || mcRequested} />
        )}
      </Space>
      {ready && <span data-testid="eval-ready" style={{ display: 'none' }} />}
    </div>
  );
}

function EvaluationBody({
  data, ev, print, mc, onRunMc, mcRequested,
}: {
  data: ZoneEvaluation;
  ev: Evaluation;
  print: boolean;
  mc: ReturnType<typeof useUncertainty>;
  onRunMc: () => void;
  mcRequested: boolean;
}) {
  const { t, name, lang } = useI18n();
  const zoneCode = data.zone.code;
  const res = ev.results.find((r) => r.zone_id === data.zone.id);
  const allZones = [data.zone, ...data.peers];
  const zoneName = (code: string) => name(allZones.find((z) => z.code === code) ?? ev.units.find((u) => u.code === code) ?? { code });
  const nodeByCode = useMemo(() => new Map(ev.nodes.map((n) => [n.code, n])), [ev]);
  const [open, setOpen] = useState<string | null>(null);
  const usedIndicators = ev.nodes.filter((n) => n.level === 1 && n.used);
  const [seriesCode, setSeriesCode] = useState<string | null>(null);
  const seriesIndicator = seriesCode && data.series.some((s) => s.indicator === seriesCode) ? seriesCode : (usedIndicators[0]?.code ?? data.series[0]?.indicator ?? null);
  const groups = ev.framework.options.groups ?? null;
  const groupLabel = (code: string | null) => {
    const g = groups?.find((x) => x.code === code);
    return g ? name(g) : code;
  };

  const radarOption = useMemo<EChartsOption>(() => {
    const vals = data.radar.flatMap((r) => [r.zone, r.peers_mean]).filter((x): x is number => x !== null);
    const max = Math.max(...vals, 0) > 1.5 ? Math.max(100, ...vals) : Math.max(1, ...vals);
    return {
      tooltip: {},
      legend: { bottom: 0 },
      radar: { indicator: data.radar.map((r) => ({ name: name(r), max })), radius: '62%', axisName: { color: '#555', formatter: (n?: string) => wrapLabel(n ?? '', 22) } },
      // On a phone the dimension names need the room around a smaller radar, else they run off the card.
      media: [{ query: { maxWidth: 520 }, option: { radar: { radius: '40%', axisName: { fontSize: 11, formatter: (n?: string) => wrapLabel(n ?? '', 12) } } } }],
      series: [{
        type: 'radar',
        data: [
          { name: name(data.zone), value: data.radar.map((r) => r.zone ?? 0), areaStyle: { opacity: 0.2 }, itemStyle: { color: COLORS[0] } },
          { name: t('evaluation.peersMean'), value: data.radar.map((r) => r.peers_mean ?? 0), itemStyle: { color: COLORS[1] }, lineStyle: { type: 'dashed' } },
        ],
      }],
    };
  }, [data, name, t]);

  const rankOption = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: data.byYear.map((b) => String(b.year)) },
    yAxis: [
      // Axis names sit above the grid, outside containLabel: align them inwards so neither edge cuts them.
      // rank 1 is at the top (inverse), so the name goes at the axis' start to stay above the grid
      { type: 'value', name: t('evaluation.rank'), inverse: true, min: 1, minInterval: 1, nameLocation: 'start', nameTextStyle: { align: 'left' } },
      { type: 'value', name: t('evaluation.score'), splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      { type: 'bar', name: t('evaluation.score'), yAxisIndex: 1, data: data.byYear.map((b) => b.score), itemStyle: { color: '#bae0ff' }, barMaxWidth: 28 },
      { type: 'line', name: t('evaluation.rank'), data: data.byYear.map((b) => b.rank), itemStyle: { color: COLORS[0] }, label: { show: true, position: 'top' }, connectNulls: false },
    ],
  }), [data, t]);

  const series = data.series.find((s) => s.indicator === seriesIndicator);
  const seriesOption = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 24, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: series?.zones[0]?.values.map((v) => String(v.year)) ?? [] },
    yAxis: { type: 'value', name: series?.unit ? unitLabel(series.unit, t) : '', scale: true, nameTextStyle: { align: 'left' } },
    series: (series?.zones ?? []).map((z, i) => ({
      type: 'line' as const,
      name: zoneName(z.code),
      data: z.values.map((v) => v.value),
      itemStyle: { color: COLORS[i % COLORS.length] },
      lineStyle: { width: z.zone_id === data.zone.id ? 3 : 1.5 },
      connectNulls: false,
    })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [series, data, t]);

  const mcOption = useMemo<EChartsOption | null>(() => {
    const units = mc.data?.units ?? [];
    if (!units.length) return null;
    const labels = units.map((u) => name(u));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: [t('evaluation.mc.interval'), t('evaluation.mc.median'), t('evaluation.mc.nominal')] },
      grid: { left: 8, right: 24, top: 16, bottom: 52, containLabel: true },
      xAxis: { type: 'value', name: t('evaluation.rank'), nameLocation: 'middle', nameGap: 24, min: 1, max: Math.max(units.length, 2), minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      media: [{ query: { maxWidth: 520 }, option: { yAxis: { axisLabel: { width: 90 } }, legend: { type: 'scroll' } } }],
      series: [
        { type: 'bar', stack: 'ci', name: 'base', data: units.map((u) => u.q5 ?? 0), itemStyle: { color: 'transparent' }, tooltip: { show: false }, silent: true, barMaxWidth: 16 },
        { type: 'bar', stack: 'ci', name: t('evaluation.mc.interval'), data: units.map((u) => Math.max((u.q95 ?? 0) - (u.q5 ?? 0), 0.08)), itemStyle: { color: '#91caff' }, barMaxWidth: 16 },
        { type: 'scatter', name: t('evaluation.mc.median'), data: units.map((u) => u.median), itemStyle: { color: '#f5222d' }, symbolSize: 11 },
        { type: 'scatter', name: t('evaluation.mc.nominal'), data: units.map((u) => u.nominal), itemStyle: { color: '#001529' }, symbol: 'diamond', symbolSize: 9 },
      ],
    };
  }, [mc.data, name, t]);

  const tree = useMemo(() => buildTree(ev), [ev]);
  const allKeys = useMemo(() => ev.nodes.filter((n) => n.level > 1).map((n) => n.code), [ev]);
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => (print ? allKeys : ev.nodes.filter((n) => n.level > 1 && !n.parent_code).map((n) => n.code)));
  useEffect(() => {
    setExpanded(print ? allKeys : ev.nodes.filter((n) => n.level > 1 && !n.parent_code).map((n) => n.code));
  }, [ev, print, allKeys]);

  const columns: TableColumnsType<TreeRow> = [
    {
      title: t('evaluation.node'), key: 'name',
      render: (_, r) => (
        <Space size={4} wrap>
          {/* The indicator's code is in its data drawer, labelled; here its name is enough. */}
          <span style={{ fontWeight: r.node.level > 1 ? 600 : 400 }}>{name(r.node)}</span>
          {!r.node.used && <Tag>{t('evaluation.notUsed')}</Tag>}
        </Space>
      ),
    },
    { title: t('evaluation.weight'), key: 'weight', width: 80, align: 'right', render: (_, r) => (r.node.parent_code ? fmt(r.node.weight, 3) : '') },
    { title: t('evaluation.value'), key: 'value', width: 120, align: 'right', render: (_, r) => (r.node.level === 1 ? `${fmt(ev.inputs[zoneCode]?.[r.node.code]?.value ?? null)}${r.node.unit ? ` ${unitLabel(r.node.unit, t)}` : ''}` : '') },
    { title: t('evaluation.score'), key: 'score', width: 90, align: 'right', render: (_, r) => fmt(ev.scores[zoneCode]?.[r.node.code] ?? null) },
    { title: t('evaluation.rank'), key: 'rank', width: 70, align: 'right', render: (_, r) => fmt(ev.ranks[zoneCode]?.[r.node.code] ?? null, 1) },
    {
      title: t('evaluation.provenance'), key: 'prov',
      render: (_, r) => (r.node.level === 1 ? (
        <Typography.Text style={{ fontSize: 12 }} type={ev.inputs[zoneCode]?.[r.node.code]?.value === null ? 'secondary' : undefined}>
          {provenanceText(ev.inputs[zoneCode]?.[r.node.code], t)}
        </Typography.Text>
      ) : null),
    },
    ...(print ? [] : [{
      title: '', key: 'open', width: 80,
      render: (_: unknown, r: TreeRow) => (r.node.level === 1 ? (
        <Button size="small" type="link" data-testid={`eval-open-${r.node.code}`} onClick={() => setOpen(r.node.code)}>{t('evaluation.data')}</Button>
      ) : null),
    }]),
  ];

  // Side by side: every aggregate node (index and dimensions) for every evaluated zone.
  const compareRows = ev.nodes.filter((n) => n.level > 1 && n.used).sort((a, b) => b.level - a.level || a.sort - b.sort);
  const compareColumns: TableColumnsType<EvalNode> = [
    { title: t('evaluation.node'), key: 'node', fixed: 'left', width: 220, render: (_, n) => <span style={{ fontWeight: n.code === ev.root ? 600 : 400, paddingLeft: (compareRows[0].level - n.level) * 12 }}>{name(n)}</span> },
    ...ev.results.map((r) => ({
      title: <span style={{ color: r.zone_id === data.zone.id ? '#1677ff' : undefined }}>{name(r)}</span>,
      key: r.code,
      align: 'right' as const,
      render: (_: unknown, n: EvalNode) => (
        <span>
          {fmt(ev.scores[r.code]?.[n.code] ?? null)}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('evaluation.rankShort', { n: fmt(ev.ranks[r.code]?.[n.code] ?? null, 1) })}</Typography.Text>
        </span>
      ),
    })),
  ];

  const openNode = open ? nodeByCode.get(open) : undefined;
  const rankChange = res?.rank_change ?? null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card className="eval-kpi" data-testid="eval-score"><Statistic title={t('evaluation.indexScore')} value={fmt(res?.score ?? null)} /></Card>
        </Col>
        <Col xs={24} md={6}>
          <Card className="eval-kpi" data-testid="eval-rank"><Statistic title={t('evaluation.rankOf', { n: ev.units.length })} value={res?.rank ?? '—'} suffix={`/ ${ev.units.length}`} /></Card>
        </Col>
        <Col xs={24} md={6}>
          <Card className="eval-kpi" data-testid="eval-rank-change">
            <Statistic
              title={t('evaluation.rankChange', { year: ev.year - 1 })}
              value={rankChange === null ? '—' : Math.abs(rankChange)}
              prefix={rankChange === null ? null : rankChange > 0 ? <ArrowUpOutlined /> : rankChange < 0 ? <ArrowDownOutlined /> : <MinusOutlined />}
              styles={{ content: { color: rankChange === null || rankChange === 0 ? undefined : rankChange > 0 ? '#389e0d' : '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card className="eval-kpi" data-testid="eval-relative">
            {res?.relative !== null && res?.relative !== undefined ? (
              <Statistic title={t('evaluation.relative')} value={fmt(res.relative, 1)} suffix={res.group ? <Tag color="blue">{groupLabel(res.group)}</Tag> : null} />
            ) : (
              <Statistic title={t('evaluation.zonesCompared')} value={ev.units.length} />
            )}
          </Card>
        </Col>
      </Row>

      {(ev.excluded.length > 0 || ev.warnings.length > 0) && (
        <Alert
          type="info"
          showIcon
          data-testid="eval-excluded"
          message={t('evaluation.excludedTitle', { n: ev.excluded.length })}
          description={
            <div style={{ maxHeight: print ? undefined : 120, overflow: 'auto', fontSize: 12 }}>
              {ev.excluded.map((x) => <div key={x.indicator}>{name(nodeByCode.get(x.indicator) ?? { code: x.indicator })}: {lang === 'zh-CN' ? x.reason_zh : x.reason}</div>)}
              {ev.warnings.map((w) => <div key={w}>{w}</div>)}
            </div>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('evaluation.radarTitle')} size="small">
            {data.radar.length >= 3 ? <EvalChart testId="eval-radar" option={radarOption} height={340} print={print} /> : (
              <div data-testid="eval-radar">
                {data.radar.length ? <EvalChart option={radarOption} height={340} print={print} /> : <Empty description={t('evaluation.noDimensions')} />}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('evaluation.rankTitle')} size="small">
            <EvalChart testId="eval-rank-chart" option={rankOption} height={340} print={print} />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('evaluation.seriesTitle')}
        extra={print ? null : (
          <Select<string>
            data-testid="eval-series-indicator"
            style={{ width: 320 }}
            showSearch
            optionFilterProp="label"
            value={seriesIndicator ?? undefined}
            onChange={setSeriesCode}
            options={data.series.map((s) => ({ value: s.indicator, label: name(s) }))}
            popupMatchSelectWidth={false}
          />
        )}
      >
        {print && series && <Typography.Text strong>{name(series)}</Typography.Text>}
        {series && series.zones.some((z) => z.values.some((v) => v.value !== null)) ? (
          <EvalChart testId="eval-series-chart" option={seriesOption} height={300} print={print} />
        ) : (
          <Empty data-testid="eval-series-empty" description={t('evaluation.noSeries')} />
        )}
      </Card>

      <Card size="small" title={t('evaluation.drillTitle')} extra={<Typography.Text type="secondary">{name(data.zone)} · {ev.year}</Typography.Text>}>
        <Table<TreeRow>
          data-testid="eval-tree"
          rowKey="key"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={tree}
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
          onRow={(r) => ({ 'data-testid': `eval-row-${r.node.code}` } as React.HTMLAttributes<HTMLElement>)}
        />
      </Card>

      <Card size="small" title={t('evaluation.compareTitle')}>
        {/* On paper a scrolled table would be cut at the page edge: print the zones a few at a time instead. */}
        {(print ? chunk(compareColumns.slice(1), PRINT_COMPARE_ZONES) : [compareColumns.slice(1)]).map((cols, i) => (
          <Table<EvalNode>
            key={i}
            data-testid={i === 0 ? 'eval-compare' : undefined}
            rowKey="code"
            size="small"
            pagination={false}
            columns={print ? [{ ...compareColumns[0]!, fixed: undefined, width: 200 }, ...cols] : [compareColumns[0]!, ...cols]}
            dataSource={compareRows}
            scroll={print ? undefined : { x: 'max-content' }}
            style={i > 0 ? { marginTop: 12 } : undefined}
          />
        ))}
      </Card>

      <Card
        size="small"
        title={t('evaluation.mc.title')}
        data-testid="eval-uncertainty"
        extra={!print && !mcRequested && ev.units.length > 1 ? <Button size="small" onClick={onRunMc} data-testid="eval-run-mc">{t('evaluation.mc.run')}</Button> : null}
      >
        {ev.units.length < 2 ? (
          <Empty description={t('evaluation.mc.needPeers')} />
        ) : !mcRequested ? (
          <Typography.Text type="secondary">{t('evaluation.mc.hint')}</Typography.Text>
        ) : mc.isFetching ? (
          <Spin />
        ) : mc.isError ? (
          <Alert type="warning" showIcon message={isApiError(mc.error) ? mc.error.message : String(mc.error)} />
        ) : mcOption ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('evaluation.mc.note', { runs: mc.data?.runs ?? 0 })}</Typography.Text>
            <EvalChart testId="eval-mc-chart" option={mcOption} height={Math.max(160, 44 * (mc.data?.units.length ?? 0) + 60)} print={print} />
          </>
        ) : null}
      </Card>

      <Drawer open={openNode !== undefined} onClose={() => setOpen(null)} size={640} destroyOnHidden title={openNode ? name(openNode) : ''} data-testid="eval-data-drawer">
        {openNode && <IndicatorData node={openNode} ev={ev} data={data} zoneName={zoneName} />}
      </Drawer>
    </Space>
  );
}

/** Zones per printed comparison table: with the node column they fit the A4 page width. */
const PRINT_COMPARE_ZONES = 4;

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function unitLabel(unit: string, t: TFunction): string {
  const key = `evaluation.unit.${unit}` as Parameters<TFunction>[0];
  const s = t(key);
  return s === key ? unit : s;
}

/** The data under one indicator: the value of every evaluated zone with its provenance, and the series. */
function IndicatorData({ node, ev, data, zoneName }: { node: EvalNode; ev: Evaluation; data: ZoneEvaluation; zoneName: (code: string) => string }) {
  const { t, lang } = useI18n();
  const input = ev.inputs[data.zone.code]?.[node.code];
  const p = (input?.provenance ?? null) as Record<string, unknown> | null;
  const entered = input?.origin === 'entered';
  const series = data.series.find((s) => s.indicator === node.code);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="eval-indicator-data">
      <IndicatorValueDialog zone={data.zone} year={ev.year} indicator={node.code} />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 170 } }}>
        <Descriptions.Item label={t('evaluation.code')}>{node.code}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.unitLabel')}>{node.unit ? unitLabel(node.unit, t) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.direction')}>{node.direction === -1 ? t('evaluation.lowerBetter') : t('evaluation.higherBetter')}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.value')}><span data-testid="eval-data-value">{fmt(input?.value ?? null, 4)}</span></Descriptions.Item>
        <Descriptions.Item label={t('evaluation.normalised')}>{fmt(input?.normalised ?? null, 4)}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.origin')}>
          <span data-testid="eval-data-origin">{input?.origin ? t(entered ? 'evaluation.prov.entered' : 'evaluation.prov.computed') : '—'}</span>
        </Descriptions.Item>
        {p && !entered && (
          <>
            <Descriptions.Item label={t('evaluation.prov.computation')}>{String(p.computation ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.inputs')}><code style={{ fontSize: 12 }}>{JSON.stringify(p.inputs ?? {})}</code></Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.params')}><code style={{ fontSize: 12 }}>{JSON.stringify(p.params ?? {})}</code></Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.dataAsOf')}>{String(p.data_as_of ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.computedAt')}>{String(p.computed_at ?? input?.computed_at ?? '—')}</Descriptions.Item>
            {p.reason ? <Descriptions.Item label={t('evaluation.prov.reason')}>{String(p.reason)}</Descriptions.Item> : null}
          </>
        )}
        {p && entered && (
          <>
            <Descriptions.Item label={t('evaluation.prov.enteredBy')}>{String(p.username ?? p.user ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.source')}><EnteredSource p={p} /></Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.note')}>{String(p.note ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.prov.enteredAt')}>{String(p.entered_at ?? '—')}</Descriptions.Item>
            {p.confirmed ? <Descriptions.Item label={t('evaluation.prov.confirmed')}>{String((lang === 'zh-CN' ? p.question_zh : undefined) ?? p.question ?? t('common.yes'))}</Descriptions.Item> : null}
          </>
        )}
      </Descriptions>
      {node.description && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{node.description}</Typography.Paragraph>}
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        data-testid="eval-indicator-zones"
        dataSource={ev.units.map((u) => ({ code: u.code, input: ev.inputs[u.code]?.[node.code] }))}
        columns={[
          { title: t('evaluation.zone'), key: 'zone', render: (_, r) => zoneName(r.code) },
          { title: t('evaluation.value'), key: 'v', align: 'right', render: (_, r) => fmt(r.input?.value ?? null, 4) },
          { title: t('evaluation.provenance'), key: 'p', render: (_, r) => <span style={{ fontSize: 12 }}>{provenanceText(r.input, t)}</span> },
        ]}
      />
      {series && (
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={series.zones.map((z) => ({ code: z.code, values: z.values }))}
          columns={[
            { title: t('evaluation.zone'), key: 'zone', render: (_, r) => zoneName(r.code) },
            ...(series.zones[0]?.values ?? []).map((v, i) => ({ title: String(v.year), key: String(v.year), align: 'right' as const, render: (_: unknown, r: { values: { value: Cell }[] }) => fmt(r.values[i]?.value ?? null) })),
          ]}
        />
      )}
    </Space>
  );
}
