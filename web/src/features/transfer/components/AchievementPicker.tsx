// Picks one of an organisation's registered achievements (patents, results) to prefill an offer from.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Item } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import { listItems } from '../../entities/api/entities';

export function AchievementPicker({ organizationId, value, onPick }: { organizationId: number | null | undefined; value: number | null | undefined; onPick: (a: Item | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['transfer', 'achievements-of', organizationId, q],
    queryFn: ({ signal }) => listItems('achievements', { filters: { organization_id: String(organizationId) }, q, limit: 30 }, signal),
    enabled: !!organizationId,
  });
  const items = list.data?.items ?? [];
  return (
    <Select
      id="achievement_id"
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onSearch={setQ}
      loading={list.isFetching}
      disabled={!organizationId}
      placeholder={organizationId ? t('transfer.offers.pickAchievement') : t('transfer.offers.pickOrgFirst')}
      notFoundContent={list.isFetching ? null : t('transfer.offers.noAchievements')}
      onChange={(id: number | undefined) => onPick(items.find((a) => a.id === id) ?? null)}
      options={items.map((a) => ({ value: a.id, label: `${String(a.title)}${a.patent_no ? ` (${String(a.patent_no)})` : ''}` }))}
    />
  );
}
