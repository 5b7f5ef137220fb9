// For brokers: expressions of interest (我要对接) left on the public listings of their zones, newest first. They hold
// visitors' contact data, shared with the broker by consent (PIPL): this page is the only place they show.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Segmented, Table, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { type InterestRow, type ItemKind, useInterests } from '../api/listings';
import { errorText, fmtDate, tk } from './labels';

export function InterestsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ItemKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useInterests({ kind: kind === 'all' ? undefined : kind, offset: (page - 1) * 20, limit: 20 });
  return (
    <Card
      title={t('transfer.interests.title')}
      extra={<Segmented value={kind} onChange={(v) => { setKind(v as ItemKind | 'all'); setPage(1); }}
        options={[{ value: 'all', label: t('transfer.interests.all') }, { value: 'demand', label: tk(t, 'kind', 'demand') }, { value: 'offer', label: tk(t, 'kind', 'offer') }]} />}
    >
      <Typography.Paragraph type="secondary">{t('transfer.interests.intro')}</Typography.Paragraph>
      <Table<InterestRow>
        rowKey="id" size="middle" loading={list.isPending} dataSource={list.data?.items ?? []} data-testid="interests-table"
        locale={{ emptyText: list.error ? errorText(list.error) : t('transfer.interests.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.message}</Typography.Paragraph> }}
        columns={[
          { title: t('transfer.interests.at'), dataIndex: 'created_at', width: 150, render: fmtDate },
          { title: t('transfer.interests.listing'), key: 'item', render: (_, r) => <Link to={`/listings/${r.item_kind}/${r.item_id}`}>{`${tk(t, 'kind', r.item_kind)} · ${r.item_title ?? `#${r.item_id}`}`}</Link> },
          { title: t('transfer.interest.name'), dataIndex: 'name', width: 120, render: (v) => <span data-testid="interest-row-name">{v}</span> },
          { title: t('transfer.interest.organization'), dataIndex: 'organization', render: (v) => v ?? '—' },
          { title: t('transfer.interest.contact'), dataIndex: 'contact', render: (v) => <span data-testid="interest-row-contact">{v}</span> },
          { title: t('transfer.interest.message'), dataIndex: 'message', ellipsis: true },
        ]}
      />
    </Card>
  );
}
