// The one list page for every entity: search, zone filter, metadata filters, server-side paging and sorting,
// generated / retired markers, export with the current filters, and a detail drawer.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Grid,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntityMeta, FieldMeta, Item } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth/AuthContext';
import { StatusTags } from '../../../shared/components/StatusTags';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n, type I18n } from '../../../shared/i18n';
import { exportUrl, listItems, useEntityMeta, type ExportFormat, type ListParams } from '../api/entities';
import { EntityDetailDrawer } from './EntityDetailDrawer';
import { EntityFormModal } from './EntityFormModal';
import { FieldInLanguage, titleFieldNames } from './fields';
import { RefSelect } from './RefSelect';
import { RecordCards } from './RecordCards';

const FILTER_PREFIX = 'f.';
const DEFAULT_PAGE_SIZE = 20;

function useListState(meta: EntityMeta | undefined) {
  const [sp, setSp] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const [k, v] of sp.entries()) if (k.startsWith(FILTER_PREFIX) && v !== '') filters[k.slice(FILTER_PREFIX.length)] = v;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const size = Math.max(1, Math.min(200, Number(sp.get('size')) || DEFAULT_PAGE_SIZE));
  const zone = sp.get('zone');
  const state = {
    q: sp.get('q') ?? '',
    zone: zone ? Number(zone) : null,
    page,
    size,
    sort: sp.get('sort') ?? '',
    order: (sp.get('order') === 'desc' ? 'desc' : 'asc') as 'asc' | 'desc',
    includeRetired: sp.get('retired') === '1',
    filters,
    open: sp.get('open') ? Number(sp.get('open')) : null,
  };
  // Functional update: handlers kept by closed drawers or memoised cells must not write back stale parameters.
  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (resetPage && !('page' in changes)) next.delete('page');
        if (!('open' in changes) && Object.keys(changes).some((k) => k !== 'page' && k !== 'size')) next.delete('open');
        return next;
      },
      { replace: true },
    );
  };
  const params: ListParams = {
    q: state.q,
    zone: state.zone,
    limit: size,
    offset: (page - 1) * size,
    sort: state.sort || undefined,
    order: state.order,
    includeRetired: state.includeRetired,
    filters: meta ? Object.fromEntries(Object.entries(filters).filter(([k]) => meta.fields.some((f) => f.name === k))) : filters,
  };
  return { state, update, params, reset: () => setSp(new URLSearchParams(), { replace: true }) };
}

function FilterControl({
  field,
  value,
  onChange,
  i18n,
}: {
  field: FieldMeta;
  value: string | undefined;
  onChange: (v: string | null) => void;
  i18n: I18n;
}) {
  const label = i18n.pick(field.label);
  const style = { minWidth: 160 };
  switch (field.type) {
    case 'enum':
    case 'list':
      if (field.options?.length) {
        return (
          <Select
            style={style}
            allowClear
            placeholder={label}
            value={value}
            onChange={(v) => onChange(v ?? null)}
            options={field.options.map((o) => ({ value: o.value, label: i18n.pick(o.label) }))}
            popupMatchSelectWidth={false}
            data-testid={`filter-${field.name}`}
          />
        );
      }
      break;
    case 'bool':
      return (
        <Select
          style={{ minWidth: 120 }}
          allowClear
          placeholder={label}
          value={value}
          onChange={(v) => onChange(v ?? null)}
          options={[
            { value: 'true', label: `${label}: ${i18n.t('common.yes')}` },
            { value: 'false', label: `${label}: ${i18n.t('common.no')}` },
          ]}
          popupMatchSelectWidth={false}
        />
      );
    case 'ref':
      if (field.ref === 'zones') return null; // the zone tree select covers it
      return (
        <RefSelect
          entity={field.ref ?? ''}
          value={value ? Number(value) : null}
          onChange={(v) => onChange(v === null ? null : String(v))}
          placeholder={label}
        />
      );
    case 'int':
    case 'number':
      return (
        <InputNumber
          style={{ width: 140 }}
          placeholder={label}
          value={value === undefined ? null : Number(value)}
          onChange={(v) => onChange(v === null || v === undefined ? null : String(v))}
        />
      );
    default:
      break;
  }
  return (
    <Input
      key={value ?? ''}
      style={{ width: 160 }}
      allowClear
      placeholder={label}
      defaultValue={value}
      onPressEnter={(e) => onChange((e.target as HTMLInputElement).value || null)}
      onBlur={(e) => onChange(e.target.value || null)}
    />
  );
}

function EntityList({ meta }: { meta: EntityMeta }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { user } = useAuth();
  const { state, update, params, reset } = useListState(meta);
  // The open record lives in the URL (?open=<id>), so a record can be linked to directly.
  const openId = state.open;
  const setOpenId = (id: number | null) => update({ open: id }, false);
  const [creating, setCreating] = useState(false);
  const [searchText, setSearchText] = useState(state.q);

  const list = useQuery({
    queryKey: ['entity', meta.name, 'list', params],
    queryFn: ({ signal }) => listItems(meta.name, params, signal),
    placeholderData: keepPreviousData,
  });
  // Counting stops at 1,000 matches on the server; past that the total is a lower bound.
  const totalText = (total: number) =>
    t(list.data?.totalIsLowerBound ? 'common.totalAtLeast' : 'common.total', { total: total.toLocaleString(i18n.lang) });

  const titleNames = titleFieldNames(meta.fields, i18n.lang);
  const mobile = Grid.useBreakpoint().md === false;
  // A text and its English translation share one column, in the reader's language (fieldInLanguage).
  const listFields = meta.fields.filter((f) => f.inList && !f.translationOf);
  // The column that carries the generated / retired markers: the first name-like list column, else the first column.
  const markerField = listFields.find((f) => titleNames.includes(f.name))?.name ?? listFields[0]?.name;

  const columns = ((): TableProps<Item>['columns'] => {
    const cols: NonNullable<TableProps<Item>['columns']> = listFields.map((f) => ({
      key: f.name,
      dataIndex: f.name,
      title: pick(f.label),
      sorter: f.type !== 'list' && f.type !== 'longtext',
      sortOrder: state.sort === f.name ? (state.order === 'desc' ? 'descend' : 'ascend') : null,
      ellipsis: f.type === 'longtext',
      align: f.type === 'int' || f.type === 'number' ? 'right' : undefined,
      render: (_: unknown, item: Item) =>
        f.name === markerField ? (
          <span>
            <Typography.Link onClick={() => setOpenId(item.id)}>
              <FieldInLanguage field={f} fields={meta.fields} item={item} i18n={i18n} />
            </Typography.Link>
            <StatusTags generated={item.generated} retiredAt={item.retired_at} />
          </span>
        ) : (
          <FieldInLanguage field={f} fields={meta.fields} item={item} i18n={i18n} />
        ),
    }));
    if (cols.length === 0) {
      cols.push({
        key: 'id',
        dataIndex: 'id',
        title: 'ID',
        render: (_: unknown, item: Item) => (
          <span>
            <Typography.Link onClick={() => setOpenId(item.id)}>#{item.id}</Typography.Link>
            <StatusTags generated={item.generated} retiredAt={item.retired_at} />
          </span>
        ),
      });
    }
    return cols;
  })();

  const filterFields = meta.fields.filter((f) => f.filter && !(f.type === 'ref' && f.ref === 'zones'));
  const exportItems: { key: ExportFormat; label: string }[] = [
    { key: 'csv', label: t('export.csv') },
    { key: 'xlsx', label: t('export.xlsx') },
    { key: 'json', label: t('export.json') },
  ];

  return (
    <Card
      title={
        <Space>
          <span data-testid="entity-title">{pick(meta.label)}</span>
          {list.data ? <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{totalText(list.data.total)}</Typography.Text> : null}
        </Space>
      }
      extra={
        <Space wrap>
          <Space.Compact>
            {exportItems.map((e) => (
              <Tooltip key={e.key} title={`${t('list.export')} ${e.label}`}>
                <Button icon={<DownloadOutlined />} href={exportUrl(meta.name, e.key, params)} download data-testid={`export-${e.key}`}>
                  {e.key.toUpperCase()}
                </Button>
              </Tooltip>
            ))}
          </Space.Compact>
          {user && (user.role !== 'org_user' || meta.orgUserMayWrite) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="entity-create">
              {t('list.create')}
            </Button>
          ) : user ? null : (
            <Tooltip title={t('list.signInToEdit')}>
              <Button icon={<PlusOutlined />} disabled>
                {t('list.create')}
              </Button>
            </Tooltip>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('list.searchPlaceholder')}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            if (!e.target.value) update({ q: null });
          }}
          onSearch={(v) => update({ q: v || null })}
          enterButton
          data-testid="list-search"
        />
        <ZoneTreeSelect value={state.zone} onChange={(v) => update({ zone: v })} testId="list-zone" />
        {filterFields.map((f) => (
          <FilterControl
            key={f.name}
            field={f}
            i18n={i18n}
            value={state.filters[f.name]}
            onChange={(v) => update({ [FILTER_PREFIX + f.name]: v })}
          />
        ))}
        <Checkbox checked={state.includeRetired} onChange={(e) => update({ retired: e.target.checked ? '1' : null })}>
          {t('list.includeRetired')}
        </Checkbox>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setSearchText('');
            reset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      {list.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} action={<Button size="small" onClick={() => void list.refetch()}>{t('common.retry')}</Button>} />
      ) : null}
      {mobile ? (
        <RecordCards
          items={list.data?.items ?? []} loading={list.isFetching} listFields={listFields} allFields={meta.fields} titleField={markerField} i18n={i18n}
          page={state.page} pageSize={state.size} total={list.data?.total ?? 0} emptyText={t('list.empty')}
          onOpen={setOpenId} onPage={(page, size) => update({ page, size }, false)}
        />
      ) : (
      <Table<Item>
        data-testid="entity-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        rowClassName={(item) => (item.retired_at ? 'row-retired' : '')}
        onRow={(item) => ({ onDoubleClick: () => setOpenId(item.id) })}
        locale={{
          emptyText: (
            <Empty
              data-testid="list-empty"
              description={
                <span>
                  {t('list.empty')}
                  <br />
                  <Typography.Text type="secondary">{t('list.emptyHint')}</Typography.Text>
                </span>
              }
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => totalText(total),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? String(s.columnKey ?? s.field ?? '') : '';
            update({ sort: field || null, order: field ? (s.order === 'descend' ? 'desc' : 'asc') : null });
          } else if (extra.action === 'paginate') {
            update({ page: pagination.current ?? 1, size: pagination.pageSize ?? DEFAULT_PAGE_SIZE }, false);
          }
        }}
      />
      )}
      <EntityDetailDrawer meta={meta} id={openId} onClose={() => setOpenId(null)} />
      <EntityFormModal
        meta={meta}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(item) => {
          setCreating(false);
          setOpenId(item.id);
        }}
      />
    </Card>
  );
}

export function EntityListPage() {
  const { entity } = useParams();
  const { t } = useI18n();
  const { meta, isPending, error } = useEntityMeta(entity);
  if (isPending) return <Card loading />;
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!meta) return <Result status="404" title={t('common.unknownEntity', { name: entity ?? '' })} />;
  // key: a fresh state per entity
  return <EntityList key={meta.name} meta={meta} />;
}
