// The zone dashboard's cultivation card: enterprises on each rung of the ladder today, and certificates lapsing in
// the next 180 days without a renewal; the full pipeline is one click away. Only operators and admins see it.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { isApiError } from '../../../../shared/api/client';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useI18n } from '../../../../shared/i18n';
import { Chart } from '../../../dashboard/components/Chart';
import { usePipeline } from '../api/pipeline';

export const TIER_COLORS = ['#bfbfbf', '#69b1ff', '#36cfc9', '#722ed1', '#fa8c16', '#f5222d'];

export function PipelineCard({ zoneId }: { zoneId: number }) {
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const operator = user?.role === 'admin' || user?.role === 'zone_operator';
  const pipeline = usePipeline(operator ? zoneId : null);
  const p = pipeline.data;
  const option = useMemo<EChartsOption>(() => {
    const tiers = (p?.tiers ?? []).filter((x) => x.tier > 0);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: tiers.map((x) => pick(x.label)) },
      series: [{ type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
        data: tiers.map((x) => ({ value: x.count, itemStyle: { color: TIER_COLORS[x.tier], borderRadius: [0, 4, 4, 0] } })) }],
    };
  }, [p, pick]);
  if (!operator || (pipeline.error && isApiError(pipeline.error) && pipeline.error.status === 403)) return null;
  const none = p?.tiers.find((x) => x.tier === 0)?.count ?? 0;
  const laddered = (p?.tiers ?? []).filter((x) => x.tier > 0).reduce((n, x) => n + x.count, 0);
  const upward = (p?.transitions ?? []).filter((x) => x.upward && x.year === p?.years.to).reduce((n, x) => n + x.count, 0);
  return (
    <Card title={t('policy.assess.pipeline.card')} size="small" loading={pipeline.isPending} data-testid="dashboard-pipeline" style={{ marginBottom: 16 }}
      extra={<Link to={`/policy/pipeline?zone=${zoneId}`}>{t('policy.assess.pipeline.open')}</Link>}>
      {p && (
        <Row gutter={[16, 8]}>
          <Col xs={24} md={16}><Chart option={option} height={200} testId="chart-pipeline-tiers" /></Col>
          <Col xs={24} md={8}>
            <Row gutter={[8, 8]}>
              <Col span={12}><Statistic title={t('policy.assess.pipeline.laddered')} value={laddered} data-testid="pipeline-laddered" /></Col>
              <Col span={12}><Statistic title={t('policy.assess.pipeline.none')} value={none} /></Col>
              <Col span={12}><Statistic title={t('policy.assess.pipeline.upward', { year: p.years.to })} value={upward} /></Col>
              <Col span={12}><Statistic title={t('policy.assess.pipeline.lapsing', { days: p.lapsing.days })} value={p.lapsing.total} styles={{ content: { color: p.lapsing.total ? '#cf1322' : undefined } }} data-testid="pipeline-lapsing" /></Col>
            </Row>
          </Col>
        </Row>
      )}
    </Card>
  );
}
