// The demands the viewer may see (owners their organisation's, brokers their zones'), newest first.
import { useI18n } from '../../../shared/i18n';
import { DEMAND_STATUSES, useDemandList } from '../api/transfer';
import { ItemListCard } from './ItemListCard';
import { useItemColumns } from './itemColumns';
import { useListFilters } from './useListFilters';

export function DemandListPage() {
  const { t } = useI18n();
  const filters = useListFilters();
  const list = useDemandList(filters.params);
  const col = useItemColumns('demand');
  const deadline = { title: t('transfer.field.deadline'), dataIndex: 'deadline', width: 120, render: (v: unknown) => (v ? String(v).slice(0, 10) : '—') };
  return <ItemListCard kind="demand" statuses={DEMAND_STATUSES} filters={filters} list={list} columns={[col.code, col.title, col.organization, col.status, deadline, col.createdAt]} />;
}
