// One offer. Everyone who may see it gets its fields with disclosure tiers applied (and the NDA click-through);
// the owner and brokers also get the quality score with suggestions, workflow actions and history, disclosure
// tiers with the reveal log, and the reverse match: which enterprises' demands this offer could serve, and why.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { isBroker } from '../api/transfer';
import { useMatches, usePublicItem, useQuality } from '../api/listings';
import { DisclosurePanel } from './DisclosurePanel';
import { ItemFields } from './ItemFields';
import { MatchList } from './MatchList';
import { NdaGate } from './NdaGate';
import { OfferActions } from './OfferActions';
import { QualityPanel } from './QualityPanel';
import { StatusHistory } from './StatusHistory';
import { errorText, StatusTag } from './labels';

export function OfferDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const offer = usePublicItem('offer', id);
  const full = !!offer.data?.disclosure; // the server sends the tiers to the owner and brokers only
  const quality = useQuality('offer', id, full);
  const matches = useMatches('offer', id, full);
  const broker = isBroker(user);

  if (offer.error) return <Result status="404" title={errorText(offer.error)} extra={<Link to="/transfer/offers">{t('transfer.offers.back')}</Link>} />;
  const o = offer.data;
  const status = String(o?.status ?? 'draft');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/transfer/offers')} style={{ paddingInline: 0 }}>
        {t('transfer.offers.back')}
      </Button>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            loading={offer.isPending}
            title={
              <Space wrap>
                <span data-testid="offer-title">{o?.title}</span>
                <StatusTag t={t} status={status} />
                {o?.anonymous ? <Tag>{t('transfer.field.anonymous')}</Tag> : null}
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">{o?.code}</Typography.Text>
                {full && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/transfer/offers/${id}/edit`)} data-testid="offer-edit">
                    {t('transfer.offers.edit')}
                  </Button>
                )}
              </Space>
            }
          >
            {o && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <NdaGate item={o} />
                <ItemFields kind="offer" item={o} />
              </Space>
            )}
            {full && <OfferActions id={id} status={status} broker={broker} />}
          </Card>
        </Col>
        {full && (
          <Col xs={24} lg={8}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={t('transfer.quality.title')} size="small">
                {quality.error ? <Alert type="error" showIcon message={errorText(quality.error)} /> : <QualityPanel report={quality.data} loading={quality.isPending} />}
              </Card>
              <StatusHistory kind="offer" id={id} />
              <DisclosurePanel kind="offer" id={id} />
            </Space>
          </Col>
        )}
      </Row>
      {full && (
        <Card
          title={t('transfer.offers.matchesTitle')}
          extra={
            <Button icon={<ReloadOutlined />} onClick={() => void matches.refetch()} loading={matches.isFetching} data-testid="matches-refresh">
              {t('transfer.matches.refresh')}
            </Button>
          }
        >
          {matches.error ? (
            <Alert type="error" showIcon message={errorText(matches.error)} />
          ) : (
            <MatchList kind="offer" itemId={id} result={matches.data} loading={matches.isPending} broker={broker} onChanged={() => void matches.refetch()} />
          )}
        </Card>
      )}
    </Space>
  );
}
