// A select for a reference field: searches the referenced entity on the server as the user types.
import { useEffect, useMemo, useState } from 'react';
import { Select, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getItem, listItems } from '../api/entities';
import type { RefValue } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function RefSelect({
  entity,
  value,
  onChange,
  initial,
  placeholder,
  allowClear = true,
  style,
  id,
}: {
  entity: string;
  value?: number | string | null;
  onChange?: (v: number | null) => void;
  initial?: RefValue | null;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const { name, t } = useI18n();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search, 250);
  const results = useQuery({
    queryKey: ['ref-options', entity, q],
    queryFn: ({ signal }) => listItems(entity, { q, limit: 20 }, signal),
    enabled: open || !!q,
    staleTime: 30_000,
    // Keep the previous options on screen while the next search loads: options vanishing under the pointer made
    // clicks land on nothing.
    placeholderData: keepPreviousData,
  });
  // Remember labels of options seen, so the selected value keeps its name.
  const [known, setKnown] = useState<Map<number, string>>(() => new Map());
  const selected = value === null || value === undefined || value === '' ? null : Number(value);
  // A value set before any option was seen (a form prefilled with the user's own organisation) is looked up once,
  // so the field shows the record's name rather than its id.
  const lookup = useQuery({
    queryKey: ['ref-label', entity, selected],
    queryFn: () => getItem(entity, selected as number),
    enabled: selected !== null && !initial && !known.has(selected),
    staleTime: 60_000,
    retry: false,
  });
  useEffect(() => {
    if (!results.data && !initial && !lookup.data) return;
    setKnown((prev) => {
      const next = new Map(prev);
      if (initial) next.set(Number(initial.id), name(initial));
      if (lookup.data) next.set(Number(lookup.data.id), name(lookup.data));
      for (const it of results.data?.items ?? []) next.set(it.id, name(it) + (it.generated ? ` (${t('common.generated')})` : ''));
      return next;
    });
  }, [results.data, initial, lookup.data, name, t]);

  const options = useMemo(() => {
    const opts = (results.data?.items ?? []).map((it) => ({
      value: it.id,
      label: (
        <span>
          {name(it)}
          {it.code ? <span style={{ color: '#999', marginInlineStart: 6 }}>{String(it.code)}</span> : null}
          {it.generated ? (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('common.generated')}
            </Tag>
          ) : null}
        </span>
      ),
      title: name(it),
    }));
    const v = selected;
    if (v !== null && !opts.some((o) => o.value === v)) {
      // Until the name arrives, say so rather than show a bare id.
      const label = known.get(v) ?? (lookup.isError ? `#${v}` : t('common.loading'));
      opts.unshift({ value: v, label: <span>{label}</span>, title: label });
    }
    return opts;
  }, [results.data, selected, known, lookup.isError, name, t]);

  return (
    <Select<number>
      id={id}
      style={{ minWidth: 200, ...style }}
      value={value === null || value === undefined || value === '' ? undefined : Number(value)}
      onChange={(v) => onChange?.(v === undefined || v === null ? null : Number(v))}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      options={options}
      optionLabelProp="title"
      loading={results.isFetching}
      placeholder={placeholder ?? t('form.refSearch')}
      popupMatchSelectWidth={false}
      notFoundContent={results.isFetching ? t('common.loading') : undefined}
    />
  );
}
