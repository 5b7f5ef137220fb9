// Zone dashboard: counts, organisations by kind and by high-tech field, qualification trend, top organisations
// and zone facts with their sources. Generated demo data is marked.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, Empty, Pagination, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import type { Dashboard } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth/AuthContext';
import { StatusTags } from '../../../shared/components/StatusTags';
import { ZoneTreeSelect, topLevelZones, useZoneParentField } from '../../../shared/components/ZoneTreeSelect';
import { useI18n, type MessageKey } from '../../../shared/i18n';
import { useZones } from '../../entities/api/entities';
import { useZoneDashboard } from '../api/dashboard';
import { TransferSummaryCard } from './TransferSummaryCard';
import { PipelineCard } from '../../policy/assessment/components/PipelineCard';
import { DocumentFactsCard } from '../../intelligence/components/DocumentFactsCard';
import { Chart } from './Chart';
import { textLang } from '../../../shared/i18n/text-lang';

/** Each count opens the records under it: the list of that entity in the zone, with the matching filter. */
const COUNT_KEYS: { key: keyof Dashboard['counts']; label: MessageKey; color: string; list: string; filter?: string }[] = [
  { key: 'organizations', label: 'dashboard.organizations', color: '#1677ff', list: 'organizations' },
  { key: 'enterprises', label: 'dashboard.enterprises', color: '#13c2c2', list: 'organizations', filter: 'f.kind=enterprise' },
  { key: 'highTechEnterprises', label: 'dashboard.highTechEnterprises', color: '#722ed1', list: 'qualifications', filter: 'f.type=hightech_enterprise' },
  { key: 'people', label: 'dashboard.people', color: '#fa8c16', list: 'people' },
  { key: 'achievements', label: 'dashboard.achievements', color: '#52c41a', list: 'achievements' },
  { key: 'projects', label: 'dashboard.projects', color: '#eb2f96', list: 'projects' },
];

function barOption(rows: { label: string; count: number }[], color: string, name: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label).reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
    // Long field names (mostly in English) take at most a third of a phone-width chart; the tooltip has them in full.
    media: [{ query: { maxWidth: 520 }, option: { yAxis: { axisLabel: { width: 96 } } } }],
    series: [{ type: 'bar', name, barMaxWidth: 26, data: rows.map((r) => r.count).reverse(), itemStyle: { color, borderRadius: [0, 4, 4, 0] }, label: { show: true, position: 'right' } }],
  };
}

const FACTS_PER_PAGE = 5;

function formatMoney(v: number | null, lang: string): string {
  if (v === null || v === undefined) return '—';
  return Number(v).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
}

export function DashboardPage() {
  const i18n = useI18n();
  const { t, pick, lang, name } = i18n;
  const { user } = useAuth();
  const zones = useZones();
  const parentField = useZoneParentField();
  const [zoneId, setZoneId] = useState<number | null>(null);
  const [factsPage, setFactsPage] = useState(1);
  useEffect(() => setFactsPage(1), [zoneId]);

  // Default: the user's zone, else the first top-level zone (the demo data lists its zones first).
  useEffect(() => {
    if (zoneId !== null || !zones.data || zones.data.length === 0) return;
    const ids = new Set(zones.data.map((z) => z.id));
    if (user?.zone_id && ids.has(user.zone_id)) return setZoneId(user.zone_id);
    const tops = topLevelZones(zones.data, parentField);
    const pick0 = tops[0] ?? zones.data[0];
    setZoneId(pick0.id);
  }, [zones.data, user, parentField, zoneId]);

  const dash = useZoneDashboard(zoneId);
  const d = dash.data;

  const kindOption = useMemo(
    () => barOption((d?.byKind ?? []).map((r) => ({ label: pick(r.label) || r.key, count: r.count })), '#1677ff', t('dashboard.count')),
    [d, pick, t],
  );
  const fieldOption = useMemo(
    () => barOption((d?.byField ?? []).map((r) => ({ label: pick(r.label) || r.key, count: r.count })), '#722ed1', t('dashboard.count')),
    [d, pick, t],
  );
  const trendOption = useMemo<EChartsOption>(() => {
    const rows = d?.qualificationTrend ?? [];
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const types = [...new Map(rows.map((r) => [r.type, pick(r.label) || r.type])).entries()];
    return {
      tooltip: { trigger: 'axis' },
      // wider gaps: echarts measures the full-width quotes in 专精特新“小巨人” too narrow and runs into the next item
      legend: { top: 0, type: 'scroll', itemGap: 24 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      // on a phone a scrolling legend shows one and a half names: list them all under the chart instead
      media: [{ query: { maxWidth: 520 }, option: { legend: { type: 'plain', top: 'auto', bottom: 0, itemGap: 12 }, grid: { top: 16, bottom: 76 } } }],
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: types.map(([type, label]) => ({
        type: 'line',
        name: label,
        symbolSize: 7,
        data: years.map((y) => rows.filter((r) => r.type === type && r.year === y).reduce((s, r) => s + r.count, 0)),
      })),
    };
  }, [d, pick, t]);

  const zone = d?.zone;
  const anyGenerated = !!zone?.generated || (d?.topOrganizations ?? []).some((o) => o.generated);

  return (
    <div data-testid="dashboard">
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 24px' } }}>
        <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('dashboard.title')}
            </Typography.Title>
            {zone ? (
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="dashboard-zone-name">
                {name(zone)}
              </Typography.Text>
            ) : null}
            {zone ? <StatusTags generated={zone.generated} retiredAt={zone.retired_at} /> : null}
          </Space>
          <Space>
            <span>{t('dashboard.zone')}</span>
            <ZoneTreeSelect value={zoneId} onChange={(v) => v !== null && setZoneId(v)} allowClear={false} placeholder={t('dashboard.chooseZone')} testId="dashboard-zone" style={{ minWidth: 260 }} />
          </Space>
        </Space>
      </Card>

      {zones.data && zones.data.length === 0 ? <Empty description={t('dashboard.noZones')} /> : null}
      {zones.error ? <Alert type="error" showIcon title={(zones.error as Error).message} style={{ marginBottom: 16 }} /> : null}
      {dash.error ? <Alert type="error" showIcon title={(dash.error as Error).message} style={{ marginBottom: 16 }} /> : null}
      {anyGenerated ? <Alert type="info" showIcon title={t('dashboard.generatedNotice')} style={{ marginBottom: 16 }} /> : null}
      {dash.isFetching && !d ? <Spin size="large" style={{ display: 'block', margin: '48px auto' }} /> : null}

      {d ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {COUNT_KEYS.map((c) => (
              <Col xs={12} md={8} xl={4} key={c.key}>
                <Link to={`/entities/${c.list}?zone=${zoneId}${c.filter ? `&${c.filter}` : ''}`}>
                  <Card size="small" hoverable data-testid={`count-${c.key}`} style={{ borderTop: `3px solid ${c.color}` }}>
                    <Statistic title={t(c.label)} value={d.counts[c.key] ?? 0} styles={{ content: { color: c.color } }} />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
          {zoneId !== null && <TransferSummaryCard zoneId={zoneId} />}
          {zoneId !== null && <PipelineCard zoneId={zoneId} />}
          {zoneId !== null && <DocumentFactsCard zoneId={zoneId} />}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.byKind')} size="small">
                {d.byKind.length ? <Chart option={kindOption} testId="chart-by-kind" height={300} /> : <Empty description={t('dashboard.noData')} />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.byField')} size="small">
                {d.byField.length ? <Chart option={fieldOption} testId="chart-by-field" height={300} /> : <Empty description={t('dashboard.noData')} />}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24}>
              <Card title={t('dashboard.qualificationTrend')} size="small">
                {d.qualificationTrend.length ? (
                  <Chart option={trendOption} testId="chart-qualification-trend" height={300} />
                ) : (
                  <Empty description={t('dashboard.noData')} />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('dashboard.topOrganizations')} size="small">
                <Table
                  data-testid="top-organizations"
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.topOrganizations}
                  columns={[
                    {
                      title: t('dashboard.orgName'),
                      key: 'name',
                      render: (_: unknown, o: Dashboard['topOrganizations'][number]) => (
                        <span>
                          <Link to={`/entities/organizations?open=${o.id}`}>{name(o)}</Link>
                          <StatusTags generated={o.generated} />
                        </span>
                      ),
                    },
                    { title: t('dashboard.revenue'), dataIndex: 'operating_revenue', align: 'right', render: (v: number | null) => formatMoney(v, lang) },
                    { title: t('dashboard.rdExpense'), dataIndex: 'rd_expense', align: 'right', render: (v: number | null) => formatMoney(v, lang) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('dashboard.facts')} size="small" extra={<Link to={`/entities/zone-facts?zone=${zoneId}`}>{t('dashboard.allFacts')}</Link>}>
                {d.facts.length === 0 ? (
                  <Empty description={t('dashboard.noFacts')} />
                ) : (
                  <div data-testid="zone-facts">
                    {d.facts.slice((factsPage - 1) * FACTS_PER_PAGE, factsPage * FACTS_PER_PAGE).map((f, i) => (
                      <div key={`${factsPage}-${i}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                          <Typography.Text strong>{pick(f.label) || f.metric}</Typography.Text>
                          <span>
                            <Typography.Text style={{ fontSize: 18, color: '#1677ff' }}>
                              {typeof f.value === 'number' ? f.value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') : (f.value ?? '—')}
                            </Typography.Text>{' '}
                            {f.unit ? <Typography.Text type="secondary">{pick(f.unitLabel) || f.unit}</Typography.Text> : null}
                            {f.period ? <Tag style={{ marginInlineStart: 8 }}>{pick(f.periodLabel) || f.period}</Tag> : null}
                          </span>
                        </Space>
                        {f.quote ? (
                          <Typography.Paragraph
                            type="secondary"
                            lang={textLang(f.quote)}
                            style={{ margin: '6px 0 2px', borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 8, fontStyle: 'italic' }}
                            ellipsis={{ rows: 3, expandable: true }}
                          >
                            “{f.quote}”
                          </Typography.Paragraph>
                        ) : null}
                        {f.source ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('dashboard.source')}:{' '}
                            {/^https?:\/\//.test(pick(f.sourceLabel)) ? (
                              <a href={pick(f.sourceLabel)} target="_blank" rel="noreferrer">
                                {pick(f.sourceLabel)}
                              </a>
                            ) : (
                              pick(f.sourceLabel) || f.source
                            )}
                          </Typography.Text>
                        ) : null}
                      </div>
                    ))}
                    {d.facts.length > FACTS_PER_PAGE ? (
                      <Pagination
                        size="small"
                        style={{ marginTop: 12, textAlign: 'end' }}
                        current={factsPage}
                        pageSize={FACTS_PER_PAGE}
                        total={d.facts.length}
                        onChange={setFactsPage}
                        showSizeChanger={false}
                      />
                    ) : null}
                  </div>
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  );
}
