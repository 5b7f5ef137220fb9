// One offer. Everyone who may see it gets its fields with disclosure tiers applied (and the NDA click-through);
// the owner and brokers also get the quality score with suggestions, workflow actions and history, disclosure
// tiers with the reveal log, and the reverse match: which enterprises' demands this offer could serve, and why.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Result, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { isBroker } from '../api/transfer';
import { usePublicItem, useQuality } from '../api/listings';
import { DisclosurePanel } from './DisclosurePanel';
import { ItemDetailLayout } from './ItemDetailLayout';
import { ItemFields } from './ItemFields';
import { MatchesCard } from './MatchesCard';
import { NdaGate } from './NdaGate';
import { QualityPanel } from './QualityPanel';
import { StatusActions } from './StatusActions';
import { StatusHistory } from './StatusHistory';
import { errorText, StatusTag } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { textLang } from '../../../shared/i18n/text-lang';

export function OfferDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const offer = usePublicItem('offer', id);
  const full = !!offer.data?.disclosure; // the server sends the tiers to the owner and brokers only
  const quality = useQuality('offer', id, full);
  const broker = isBroker(user);

  if (offer.error) return <Result status="404" title={errorText(offer.error)} extra={<Link to="/transfer/offers">{t('transfer.offers.back')}</Link>} />;
  const o = offer.data;
  const status = String(o?.status ?? 'draft');

  return (
    <ItemDetailLayout
      back={{ to: '/transfer/offers', label: t('transfer.offers.back') }}
      loading={offer.isPending}
      title={
        <Space wrap>
          <span data-testid="offer-title" lang={textLang(o?.title, o?.lang)}>{o?.title}</span>
          <GeneratedTag generated={o?.generated} />
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
      side={
        full && (
          <>
            <Card title={t('transfer.quality.title')} size="small">
              {quality.error ? <Alert type="error" showIcon message={errorText(quality.error)} /> : <QualityPanel report={quality.data} loading={quality.isPending} />}
            </Card>
            <StatusHistory kind="offer" id={id} />
            <DisclosurePanel kind="offer" id={id} />
          </>
        )
      }
      below={full && <MatchesCard kind="offer" id={id} title={t('transfer.offers.matchesTitle')} broker={broker} />}
    >
      {o && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <NdaGate item={o} />
          <ItemFields kind="offer" item={o} />
        </Space>
      )}
      {full && <StatusActions kind="offer" id={id} status={status} broker={broker} />}
    </ItemDetailLayout>
  );
}
