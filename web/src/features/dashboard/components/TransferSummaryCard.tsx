// The zone's technology transfer over the last twelve months, for brokers (the funnel is theirs): the stages demands
// reached, contracts signed with their turnover, and the conversion rate of achievements; the full funnel is one
// click away. Hidden for those who may not see the funnel.
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { isBroker, useFunnel } from '../../transfer/api/transfer';
import { tk } from '../../transfer/components/labels';

const SHOWN = ['collected', 'published', 'matched', 'introduced', 'signed'] as const;

export function TransferSummaryCard({ zoneId }: { zoneId: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const broker = isBroker(user);
  const funnel = useFunnel(broker ? zoneId : null);
  if (!broker || (funnel.error && isApiError(funnel.error) && funnel.error.status === 403)) return null;
  const f = funnel.data;
  const count = (stage: string) => f?.stages.find((s) => s.stage === stage)?.count ?? 0;
  const rate = f?.achievements.conversionRate;
  return (
    <Card
      title={t('dashboard.transfer')}
      size="small"
      loading={funnel.isPending}
      extra={<Link to="/transfer/funnel">{t('dashboard.transferFunnel')}</Link>}
      data-testid="dashboard-transfer"
      style={{ marginBottom: 16 }}
    >
      {f && (
        <>
          <Row gutter={[16, 8]}>
            {SHOWN.map((stage) => (
              <Col key={stage} xs={12} sm={8} md={4}>
                <Statistic title={tk(t, 'fstage', stage)} value={count(stage)} />
              </Col>
            ))}
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('transfer.funnel.turnover')} value={f.contracts.turnover} precision={0} data-testid="dashboard-transfer-turnover" />
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('dashboard.transferPeriod', { from: f.from, to: f.to, asOf: f.to, contracts: f.contracts.count, rate: rate == null ? '—' : `${(rate * 100).toFixed(1)} %` })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
