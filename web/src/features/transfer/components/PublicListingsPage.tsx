// Published demands and offers for everyone, signed in or not (EEN-style): brokers-only demands never appear,
// fields behind a tier stay hidden, and an anonymous listing names no owner: contact goes through the zone's broker.
import { useState } from 'react';
import { Link, useParams, useNavigate } from 'react-router-dom';
import { Alert, Card, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import { MarketFilterBar } from './MarketFilterBar';
import { LockOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, type MarketFilters, type PublicItem, usePublicList } from '../api/listings';
import { useEntityMeta } from '../../entities/api/entities';
import { errorText, tk } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { textLang } from '../../../shared/i18n/text-lang';

export function PublicListingsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const kind: ItemKind = useParams().kind === 'offers' ? 'offer' : 'demand';
  const [filters, setFilters] = useState<MarketFilters>({});
  const [page, setPage] = useState(1);
  const list = usePublicList(kind, { ...filters, offset: (page - 1) * 20, limit: 20 });
  const change = (next: MarketFilters) => { setFilters(next); setPage(1); };

  return (
    <Card title={t('transfer.public.title')} data-testid="public-listings">
      <Typography.Paragraph type="secondary">{t('transfer.public.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => { setPage(1); navigate(`/listings/${k}s`); }}
        items={(['demand', 'offer'] as const).map((k) => ({ key: k, label: <span data-testid={`public-tab-${k}`}>{t(k === 'demand' ? 'transfer.public.demands' : 'transfer.public.offers')}</span> }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('transfer.public.search')} onSearch={(v) => change({ ...filters, q: v.trim() || undefined })} style={{ width: 300 }} data-testid="public-search" />
        <MarketFilterBar kind={kind} filters={filters} onChange={change} />
      </Space>
      {list.data && <Typography.Paragraph type="secondary" data-testid="public-total">{t('transfer.market.total', { count: list.data.total })}{filters.q ? ` · ${t('transfer.market.byRelevance')}` : ''}</Typography.Paragraph>}
      {list.error ? (
        <Alert type="error" showIcon message={errorText(list.error)} />
      ) : (
        <List<PublicItem>
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('transfer.public.empty') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          renderItem={(item) => <ListingRow item={item} />}
        />
      )}
    </Card>
  );
}

function ListingRow({ item }: { item: PublicItem }) {
  const { t, name, pick } = useI18n();
  const { meta } = useEntityMeta(`${item.kind}s`);
  const field = meta?.fields.find((f) => f.name === 'hightech_field')?.options?.find((o) => o.value === item.hightech_field);
  const text = String(item.kind === 'demand' ? item.description ?? item.problem ?? '' : item.summary ?? '');
  return (
    <List.Item data-testid="public-item">
      <List.Item.Meta
        title={
          <Space wrap>
            <Link to={`/listings/${item.kind}/${item.id}`} data-testid="public-item-title" lang={textLang(item.title, item.lang)}>{item.title}</Link>
            <GeneratedTag generated={item.generated} />
            <Typography.Text type="secondary">{item.code}</Typography.Text>
            {field ? <Tag>{pick(field.label)}</Tag> : null}
            {item.kind === 'offer' && item.trl != null ? <Tag color="blue">TRL {String(item.trl)}</Tag> : null}
          </Space>
        }
        description={
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <span data-testid="public-item-owner">
              {item.organization
                ? `${name(item.organization)} · ${name(item.zone)}`
                : <><LockOutlined /> {t('transfer.public.ownerHidden', { zone: name(item.zone) || '—' })}</>}
            </span>
            {text ? <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} lang={textLang(text, item.lang)}>{text}</Typography.Paragraph> : null}
            {item.withheld.length > 0 && (
              <Typography.Text type="secondary">
                {t('transfer.public.withheldCount', { count: item.withheld.length })} {[...new Set(item.withheld.map((w) => tk(t, 'withheld', w.tier)))].join(' · ')}
              </Typography.Text>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}
