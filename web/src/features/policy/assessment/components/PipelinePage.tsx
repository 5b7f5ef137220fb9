// The gradient-cultivation pipeline of a zone: enterprises on each rung on a date, moves between rungs year by year,
// certificates lapsing without renewal, and the enterprises closest to their next rung by self-assessment on
// registry data (each opens the calculator for that enterprise).
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, DatePicker, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EChartsOption } from 'echarts';
import { ZoneTreeSelect } from '../../../../shared/components/ZoneTreeSelect';
import { StatusTags } from '../../../../shared/components/StatusTags';
import { useI18n } from '../../../../shared/i18n';
import { Chart } from '../../../dashboard/components/Chart';
import { type Closest, type Pipeline, useClosest, usePipeline } from '../api/pipeline';
import { TIER_COLORS } from './PipelineCard';
import { useZoneChoice } from './useZoneChoice';

export function PipelinePage() {
  const { t, pick, name } = useI18n();
  const [zoneId, setZone] = useZoneChoice();
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [days, setDays] = useState(180);
  const [tier, setTier] = useState<number | null>(null);
  const pipeline = usePipeline(zoneId, { date, lapsingDays: days });
  const closest = useClosest(zoneId, { date, tier, limit: 20 });
  const p = pipeline.data;
  const tierLabel = (n: number) => pick(p?.tiers.find((x) => x.tier === n)?.label) || String(n);

  const tiersOption = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (p?.tiers ?? []).map((x) => pick(x.label)), axisLabel: { interval: 0, width: 64, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 40, label: { show: true, position: 'top' },
      data: (p?.tiers ?? []).map((x) => ({ value: x.count, itemStyle: { color: TIER_COLORS[x.tier] } })) }],
    // Six tier names side by side do not fit a phone: slant them and cut the long ones (the tooltip has them whole).
    media: [{ query: { maxWidth: 520 }, option: { grid: { right: 24 }, xAxis: { axisLabel: { rotate: 40, width: 84, overflow: 'truncate', fontSize: 11 } } } }],
  }), [p, pick]);

  const transitionsOption = useMemo<EChartsOption>(() => {
    const years: number[] = [];
    for (let y = p?.years.from ?? 0; p && y <= p.years.to; y++) years.push(y);
    const sum = (y: number, up: boolean) => (p?.transitions ?? []).filter((x) => x.year === y && x.upward === up).reduce((n, x) => n + x.count, 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('policy.assess.pipeline.up'), stack: 'm', data: years.map((y) => sum(y, true)), itemStyle: { color: '#52c41a' } },
        { type: 'bar', name: t('policy.assess.pipeline.down'), stack: 'm', data: years.map((y) => -sum(y, false)), itemStyle: { color: '#ff7875' } },
      ],
    };
  }, [p, t]);

  return (
    <div data-testid="policy-pipeline">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('policy.assess.pipeline.title')}</Typography.Title>
          <ZoneTreeSelect value={zoneId} onChange={(v) => v !== null && setZone(v)} allowClear={false} testId="pipeline-zone" style={{ minWidth: 240 }} />
          <span>{t('policy.assess.date')}</span>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
          <span>{t('policy.assess.pipeline.lapsingWithin')}</span>
          <InputNumber min={1} max={1095} value={days} onChange={(v) => v && setDays(v)} addonAfter={t('policy.assess.days')} />
        </Space>
      </Card>
      {pipeline.error ? <Alert type="error" showIcon title={(pipeline.error as Error).message} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('policy.assess.pipeline.tiers', { date })} loading={pipeline.isPending}>
            <Chart option={tiersOption} height={280} testId="chart-pipeline-page-tiers" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('policy.assess.pipeline.transitions')} loading={pipeline.isPending}>
            <Chart option={transitionsOption} height={280} testId="chart-pipeline-transitions" />
          </Card>
        </Col>
      </Row>
      {p ? <TransitionsTable p={p} tierLabel={tierLabel} /> : null}
      <Card size="small" title={t('policy.assess.pipeline.lapsingTitle', { days, total: p?.lapsing.total ?? 0 })} style={{ marginBottom: 16 }}>
        <Table size="small" rowKey={(r) => `${r.organization_id}-${r.type}-${r.valid_to}`} dataSource={p?.lapsing.items ?? []} pagination={{ pageSize: 10 }} data-testid="pipeline-lapsing-table"
          columns={[
            { title: t('policy.assess.enterprise'), key: 'name', render: (_: unknown, r: Pipeline['lapsing']['items'][number]) => <span>{name(r)} <StatusTags generated={r.generated} /></span> },
            { title: t('policy.assess.qualification'), key: 'label', render: (_: unknown, r: Pipeline['lapsing']['items'][number]) => <Tag color={TIER_COLORS[r.tier]}>{pick(r.label)}</Tag> },
            { title: t('policy.assess.certificate'), dataIndex: 'certificate_no' },
            { title: t('policy.assess.validTo'), dataIndex: 'valid_to' },
            { title: t('policy.assess.daysLeft'), dataIndex: 'days_left', align: 'right' },
          ]} />
      </Card>
      <Card size="small" title={t('policy.assess.pipeline.closest')} loading={closest.isPending}
        extra={<Select style={{ width: 220 }} allowClear placeholder={t('policy.assess.pipeline.anyTier')} value={tier ?? undefined} onChange={(v) => setTier(v ?? null)}
          options={(p?.tiers ?? []).filter((x) => x.tier < 5).map((x) => ({ value: x.tier, label: pick(x.label) }))} />}>
        {closest.error ? <Alert type="error" showIcon title={(closest.error as Error).message} /> : null}
        <Typography.Paragraph type="secondary">{t('policy.assess.pipeline.closestHint', { n: closest.data?.assessed ?? 0 })}</Typography.Paragraph>
        <Table size="small" rowKey="organization_id" dataSource={closest.data?.items ?? []} pagination={false} data-testid="pipeline-closest"
          columns={[
            { title: t('policy.assess.enterprise'), key: 'name', render: (_: unknown, r: Closest['items'][number]) => <span>{name(r)} <StatusTags generated={r.generated} /></span> },
            { title: t('policy.assess.pipeline.now'), key: 'tier', render: (_: unknown, r: Closest['items'][number]) => <Tag color={TIER_COLORS[r.tier]}>{pick(r.tier_label)}</Tag> },
            { title: t('policy.assess.pipeline.next'), key: 'next', render: (_: unknown, r: Closest['items'][number]) => pick(r.next_label) },
            { title: t('policy.assess.pipeline.failed'), key: 'failed', align: 'right', render: (_: unknown, r: Closest['items'][number]) => `${r.failed} / ${r.conditions}` },
            { title: t('policy.assess.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—' },
            { title: t('policy.assess.pipeline.missing'), key: 'missing', render: (_: unknown, r: Closest['items'][number]) => r.missing.slice(0, 3).map((m) => <Tag key={m.id}>{pick(m.title)}</Tag>) },
            { title: '', key: 'go', render: (_: unknown, r: Closest['items'][number]) => <Link to={`/policy/assess?org=${r.organization_id}&programme=${r.next_programme}`}>{t('policy.assess.open')}</Link> },
          ]} />
      </Card>
    </div>
  );
}

function TransitionsTable({ p, tierLabel }: { p: Pipeline; tierLabel: (n: number) => string }) {
  const { t } = useI18n();
  if (!p.transitions.length) return null;
  return (
    <Card size="small" title={t('policy.assess.pipeline.transitionsTable')} style={{ marginBottom: 16 }}>
      <Table size="small" rowKey={(r) => `${r.year}-${r.from}-${r.to}`} dataSource={p.transitions} pagination={{ pageSize: 8 }} data-testid="pipeline-transitions"
        columns={[
          { title: t('policy.assess.year'), dataIndex: 'year' },
          { title: t('policy.assess.pipeline.from'), key: 'from', render: (_: unknown, r: Pipeline['transitions'][number]) => tierLabel(r.from) },
          { title: t('policy.assess.pipeline.to'), key: 'to', render: (_: unknown, r: Pipeline['transitions'][number]) => <span style={{ color: r.upward ? '#389e0d' : '#cf1322' }}>{r.upward ? '↑ ' : '↓ '}{tierLabel(r.to)}</span> },
          { title: t('policy.assess.count'), dataIndex: 'count', align: 'right' },
        ]} />
    </Card>
  );
}
