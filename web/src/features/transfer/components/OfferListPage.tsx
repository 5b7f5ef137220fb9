// The offers the viewer may manage (owners their organisation's, brokers their zones'), newest first.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Item } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import { OFFER_STATUSES, useOfferList } from '../api/listings';
import { errorText, fmtDate, StatusTag, tk } from './labels';

export function OfferListPage() {
  const { t, name } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useOfferList({ status, q, offset: (page - 1) * 20, limit: 20 });

  return (
    <Card
      title={t('transfer.offers.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/transfer/offers/new')} data-testid="offer-new">
          {t('transfer.offers.new')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('transfer.offers.search')} onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 260 }} data-testid="offer-search" />
        <Select
          allowClear
          placeholder={t('transfer.demands.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={OFFER_STATUSES.map((s) => ({ value: s, label: tk(t, 'status', s) }))}
        />
      </Space>
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error) : t('transfer.offers.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="offer-table"
        columns={[
          { title: t('transfer.field.code'), dataIndex: 'code', width: 150 },
          { title: t('transfer.field.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/transfer/offers/${r.id}`}>{v}</Link> },
          { title: t('transfer.field.organization'), key: 'org', render: (_, r) => name(r.refs?.organization_id ?? null) },
          { title: t('transfer.field.trl'), dataIndex: 'trl', width: 90, render: (v) => (v == null ? '—' : String(v)) },
          { title: t('transfer.field.status'), dataIndex: 'status', width: 110, render: (v) => <StatusTag t={t} status={v} /> },
          { title: t('transfer.field.createdAt'), dataIndex: 'created_at', width: 150, render: fmtDate },
        ]}
      />
    </Card>
  );
}
