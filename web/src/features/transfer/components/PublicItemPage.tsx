// One published demand or offer as this viewer may see it, with sign-in or the NDA click-through to reveal more.
// The owner and brokers find a link to the item's workflow page.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { BrokerContactCard, ExpressInterestButton } from './ExpressInterest';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, usePublicItem } from '../api/listings';
import { ItemFields } from './ItemFields';
import { NdaGate } from './NdaGate';
import { errorText, StatusTag } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { textLang } from '../../../shared/i18n/text-lang';

export function PublicItemPage() {
  const params = useParams();
  const kind: ItemKind = params.kind === 'offer' ? 'offer' : 'demand';
  const id = Number(params.id);
  const { t, name } = useI18n();
  const navigate = useNavigate();
  const item = usePublicItem(kind, id);

  if (item.error) return <Result status="404" title={errorText(item.error)} extra={<Link to={`/listings/${kind}s`}>{t('transfer.public.back')}</Link>} />;
  const d = item.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/listings/${kind}s`)} style={{ paddingInline: 0 }}>
        {t('transfer.public.back')}
      </Button>
      <Card
        loading={item.isPending}
        title={<Space wrap><span data-testid="public-title" lang={textLang(d?.title, d?.lang)}>{d?.title}</span><StatusTag t={t} status={d?.status} /><GeneratedTag generated={d?.generated} /></Space>}
        extra={
          <Space>
            <Typography.Text type="secondary">{d?.code}</Typography.Text>
            {d?.disclosure ? <Link to={`/transfer/${kind}s/${id}`} data-testid="public-manage">{t('transfer.public.manage')}</Link> : null}
          </Space>
        }
      >
        {d && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <NdaGate item={d} />
            <ItemFields kind={kind} item={d} />
            <BrokerContactCard broker={d.broker} />
            <ExpressInterestButton kind={kind} id={id} zone={name(d.zone) || '—'} />
          </Space>
        )}
      </Card>
    </Space>
  );
}
