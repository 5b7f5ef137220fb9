// Picks organisations of the registry by name (server-side search), optionally within one zone.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { listItems } from '../../entities/api/entities';

export function OrgSelect({ value, onChange, zone, multiple, id }: {
  value?: number | number[] | null; onChange?: (v: number | number[] | null) => void; zone?: number | null; multiple?: boolean; id?: string;
}) {
  const { name } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['funds', 'orgs', zone ?? null, q],
    queryFn: ({ signal }) => listItems('organizations', { q, zone: zone ?? undefined, limit: 30 }, signal),
  });
  return (
    <Select
      id={id}
      data-testid={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as number | number[] | undefined) ?? null)}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((o) => ({ value: o.id, label: name(o) }))}
      style={{ minWidth: 260 }}
    />
  );
}
