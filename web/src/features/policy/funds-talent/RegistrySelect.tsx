// Picks records of the registry by name (server-side search): organisations or people, one or several, optionally
// within one zone. Labels of records chosen earlier stay known while the search shows others.
import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { listItems } from '../../entities/api/entities';

interface RegistrySelectProps {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | null) => void;
  zone?: number | null;
  multiple?: boolean;
  id?: string;
}

function RegistrySelect({ entity, value, onChange, zone, multiple, id }: RegistrySelectProps & { entity: 'organizations' | 'people' }) {
  const { name, t } = useI18n();
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Map<number, string>>(() => new Map());
  const list = useQuery({
    queryKey: ['registry-select', entity, zone ?? null, q],
    queryFn: ({ signal }) => listItems(entity, { q, zone: zone ?? undefined, limit: 30 }, signal),
    placeholderData: keepPreviousData,
  });
  const found = (list.data?.items ?? []).map((o) => ({ value: o.id, label: name(o) }));
  const chosen = (Array.isArray(value) ? value : value == null ? [] : [value])
    .filter((v) => !found.some((o) => o.value === v))
    .map((v) => ({ value: v, label: known.get(v) ?? `#${v}` }));
  return (
    <Select
      id={id}
      data-testid={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      placeholder={t('form.refSearch')}
      value={value ?? undefined}
      onChange={(v) => {
        const next = new Map(known);
        for (const o of found) next.set(o.value, o.label);
        setKnown(next);
        onChange?.((v as number | number[] | undefined) ?? (multiple ? [] : null));
      }}
      loading={list.isFetching}
      options={[...chosen, ...found]}
      style={{ minWidth: 260 }}
    />
  );
}

export const OrgSelect = (props: RegistrySelectProps) => <RegistrySelect entity="organizations" {...props} />;
export const PersonSelect = (props: RegistrySelectProps) => <RegistrySelect entity="people" {...props} />;
