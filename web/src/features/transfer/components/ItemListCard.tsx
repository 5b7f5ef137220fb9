// A demand or offer list: the "new" button, search, status filter and the paged table (newest first).
import { useNavigate } from 'react-router-dom';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Item, ListResult } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import type { ItemKind } from '../api/listings';
import type { ItemColumn } from './itemColumns';
import { PAGE_SIZE, type ListFilters } from './useListFilters';
import { errorText, tk } from './labels';

interface Props {
  kind: ItemKind;
  statuses: readonly string[];
  filters: ListFilters;
  list: UseQueryResult<ListResult>;
  columns: ItemColumn[];
}

export function ItemListCard({ kind, statuses, filters, list, columns }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      title={t(`transfer.${kind}s.title`)}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/transfer/${kind}s/new`)} data-testid={`${kind}-new`}>
          {t(`transfer.${kind}s.new`)}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t(`transfer.${kind}s.search`)} onSearch={filters.search} style={{ width: 260 }} data-testid={`${kind}-search`} />
        <Select
          allowClear
          placeholder={t('transfer.demands.allStatuses')}
          style={{ width: 160 }}
          value={filters.status}
          onChange={filters.filterStatus}
          options={statuses.map((s) => ({ value: s, label: tk(t, 'status', s) }))}
        />
      </Space>
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error) : t(`transfer.${kind}s.empty`) }}
        pagination={{ current: filters.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: filters.setPage, showSizeChanger: false }}
        data-testid={`${kind}-table`}
        columns={columns}
      />
    </Card>
  );
}
