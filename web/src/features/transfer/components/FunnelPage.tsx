// The zone transfer funnel (brokers): demands collected in a period and how far they got, with conversions,
// median days per stage, drop-out reasons, contracts and the achievement conversion rate.
import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ZoneTreeSelect, topLevelZones, useZoneParentField } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { useZones } from '../../entities/api/entities';
import { useFunnel } from '../api/transfer';
import { TransferChart } from './FunnelChart';
import { errorText, tk } from './labels';

const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

export function FunnelPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const zones = useZones();
  const parentField = useZoneParentField();
  const [picked, setPicked] = useState<number | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(1, 'year'), dayjs()]);
  const defaultZone = useMemo(() => {
    if (user?.role === 'zone_operator' && user.zone_id) return user.zone_id;
    const top = topLevelZones(zones.data ?? [], parentField);
    return top[0]?.id ?? null;
  }, [user, zones.data, parentField]);
  const zoneId = picked ?? defaultZone;
  const funnel = useFunnel(zoneId, range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const f = funnel.data;

  const option = useMemo<EChartsOption | null>(() => {
    if (!f) return null;
    const data = f.stages.map((s) => ({ name: tk(t, 'fstage', s.stage), value: s.count }));
    return {
      animation: false,
      color: ['#1677ff', '#4096ff', '#69b1ff', '#13c2c2', '#36cfc9', '#722ed1', '#9254de', '#fa8c16', '#52c41a'],
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          left: '5%',
          width: '65%',
          sort: 'none',
          min: 0,
          max: Math.max(1, ...f.stages.map((s) => s.count)),
          minSize: '12%',
          gap: 2,
          label: { show: true, position: 'right', formatter: '{b}  {c}' },
          labelLine: { show: true },
          data,
        },
      ],
    };
  }, [f, t]);

  if (user?.role === 'org_user') return <Alert type="info" showIcon message={t('transfer.funnel.forbidden')} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('transfer.funnel.title')}>
        <Space wrap>
          <ZoneTreeSelect value={zoneId} onChange={setPicked} allowClear={false} placeholder={t('transfer.funnel.chooseZone')} testId="funnel-zone" />
          <span>{t('transfer.funnel.period')}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            data-testid="funnel-range"
          />
        </Space>
      </Card>
      {zoneId === null ? (
        <Empty description={t('transfer.funnel.chooseZone')} />
      ) : funnel.error ? (
        <Alert type="error" showIcon message={errorText(funnel.error)} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card loading={funnel.isPending}>
                <Statistic title={t('transfer.funnel.contracts')} value={f?.contracts.count ?? 0} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card loading={funnel.isPending}>
                <Statistic title={t('transfer.funnel.turnover')} value={f?.contracts.turnover ?? 0} precision={1} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card loading={funnel.isPending}>
                <Statistic
                  title={t('transfer.funnel.achievements')}
                  value={pct(f?.achievements.conversionRate)}
                  suffix={f ? <span style={{ fontSize: 13, color: '#888' }}>({f.achievements.converted}/{f.achievements.total})</span> : null}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('transfer.funnel.title')} loading={funnel.isPending}>
                {option && <TransferChart option={option} testId="funnel-chart" />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card loading={funnel.isPending}>
                <Table
                  rowKey="stage"
                  size="small"
                  pagination={false}
                  dataSource={f?.stages ?? []}
                  data-testid="funnel-table"
                  columns={[
                    { title: t('transfer.funnel.stage'), dataIndex: 'stage', render: (v) => tk(t, 'fstage', v) },
                    { title: t('transfer.funnel.count'), dataIndex: 'count', align: 'right' },
                    { title: t('transfer.funnel.conversion'), dataIndex: 'conversion', align: 'right', render: pct },
                    { title: t('transfer.funnel.medianDays'), dataIndex: 'medianDays', align: 'right', render: (v) => (v == null ? '—' : String(v)) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('transfer.funnel.dropOuts')} loading={funnel.isPending}>
            <Table
              rowKey={(r) => `${r.source}-${r.reason}`}
              size="small"
              pagination={false}
              dataSource={f?.dropOuts ?? []}
              locale={{ emptyText: t('transfer.funnel.noDropOuts') }}
              columns={[
                { title: t('transfer.funnel.source'), dataIndex: 'source', render: (v) => tk(t, 'dropout', v) },
                {
                  title: t('transfer.funnel.reason'),
                  dataIndex: 'reason',
                  render: (v: string, r) => (r.source === 'match_declined' ? tk(t, 'reason', v) : r.source.startsWith('demand_') ? tk(t, 'status', v) : v),
                },
                { title: t('transfer.funnel.count'), dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
