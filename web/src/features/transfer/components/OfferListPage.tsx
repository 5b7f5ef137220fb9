// The offers the viewer may manage (owners their organisation's, brokers their zones'), newest first.
import { useI18n } from '../../../shared/i18n';
import { OFFER_STATUSES, useOfferList } from '../api/listings';
import { ItemListCard } from './ItemListCard';
import { useItemColumns } from './itemColumns';
import { useListFilters } from './useListFilters';

export function OfferListPage() {
  const { t } = useI18n();
  const filters = useListFilters();
  const list = useOfferList(filters.params);
  const col = useItemColumns('offer');
  const trl = { title: t('transfer.field.trl'), dataIndex: 'trl', width: 90, render: (v: unknown) => (v == null ? '—' : String(v)) };
  return <ItemListCard kind="offer" statuses={OFFER_STATUSES} filters={filters} list={list} columns={[col.code, col.title, col.organization, trl, col.status, col.createdAt]} />;
}
