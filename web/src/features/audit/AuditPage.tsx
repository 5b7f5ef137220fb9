// /audit: the audit log of the signed-in admin's or zone operator's scope. Filters (entity, record, user, action,
// dates, zone), a table with a before/after view per event (cards on a phone), CSV and XLSX export of the same filter.
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Grid, Input, InputNumber, List, Pagination, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../shared/components/ZoneTreeSelect';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { auditApi, type AuditEvent, type AuditFilters } from './api';
import { AuditDiff } from './AuditDiff';
import { fieldChanges } from './diff';

/** A label from the page's dictionary when there is one, else the server's word as it is. */
function useLabels() {
  const { t, name } = useI18n();
  const label = (prefix: 'audit.entity' | 'audit.action', value: string) => {
    const key = `${prefix}.${value}`;
    const text = t(key as MessageKey);
    return text === key ? value : text;
  };
  return {
    entity: (v: string) => label('audit.entity', v),
    action: (v: string) => label('audit.action', v),
    user: (e: AuditEvent) => e.user?.username ?? t('audit.system'),
    zone: (e: AuditEvent) => (e.zone ? name(e.zone) : '—'),
    // The record by its kind and number in words ("组织（记录 12）"), not a bare "#12".
    record: (e: AuditEvent) => (e.entity_id !== null ? t('audit.recordOf', { entity: label('audit.entity', e.entity), id: e.entity_id }) : label('audit.entity', e.entity)),
    changes: (e: AuditEvent) => (e.batch ? t('audit.batch', { count: e.batch.count, first: e.batch.first_id, last: e.batch.last_id })
      : t('audit.changedFields', { count: fieldChanges(e.before, e.after).filter((c) => c.changed).length })),
  };
}

const at = (iso: string) => new Date(iso).toLocaleString();
const keyOf = (e: AuditEvent) => `${e.source}-${e.id}`;

function Filters({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: auditApi.facets });
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
      <Select allowClear showSearch style={{ width: 170 }} placeholder={t('audit.filter.entity')} value={value.entity} data-testid="audit-filter-entity"
        optionFilterProp="label" onChange={(v?: string) => set({ entity: v })}
        options={(facets.data?.entities ?? []).map((e) => ({ value: e, label: labels.entity(e) }))} />
      <InputNumber min={1} precision={0} style={{ width: 130 }} placeholder={t('audit.filter.recordId')} value={value.record_id ?? null}
        id="audit-filter-record" onChange={(v) => set({ record_id: v ?? undefined })} />
      <Input.Search allowClear style={{ width: 180 }} placeholder={t('audit.filter.user')} defaultValue={value.user} data-testid="audit-filter-user"
        onSearch={(v) => set({ user: v.trim() || undefined })} />
      <Select allowClear showSearch style={{ width: 170 }} placeholder={t('audit.filter.action')} value={value.action} data-testid="audit-filter-action"
        optionFilterProp="label" onChange={(v?: string) => set({ action: v })}
        options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: labels.action(a) }))} />
      <DatePicker.RangePicker value={dates} aria-label={t('audit.filter.dates')} data-testid="audit-filter-dates"
        onChange={(d) => {
          setDates(d);
          // The local day's start and end, sent as exact moments, so that "today" means the user's today.
          set({ from: d?.[0]?.startOf('day').toISOString(), to: d?.[1]?.endOf('day').toISOString() });
        }} />
      <ZoneTreeSelect value={value.zone} onChange={(z) => set({ zone: z ?? undefined })} placeholder={t('audit.filter.zone')} testId="audit-filter-zone" />
      <Button onClick={() => { setDates(null); onChange({}); }} data-testid="audit-filter-reset">{t('audit.filter.reset')}</Button>
    </Space>
  );
}

function AuditCards({ items, loading, emptyText }: { items: AuditEvent[]; loading: boolean; emptyText: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [open, setOpen] = useState<string | null>(null);
  const line = (label: string, value: React.ReactNode) => (
    <div style={{ display: 'flex', gap: 8, fontSize: 13, marginTop: 4 }}>
      <Typography.Text type="secondary" style={{ flex: '0 0 30%' }}>{label}</Typography.Text>
      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</span>
    </div>
  );
  return (
    <List
      loading={loading} dataSource={items} data-testid="audit-cards"
      locale={{ emptyText: <Empty description={emptyText} /> }}
      renderItem={(e) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="audit-card">
          <Space wrap size={6}>
            <Typography.Text strong>{labels.record(e)}</Typography.Text>
            <Tag color="blue">{labels.action(e.action)}</Tag>
          </Space>
          {line(t('audit.col.at'), at(e.at))}
          {line(t('audit.col.user'), labels.user(e))}
          {line(t('audit.col.zone'), labels.zone(e))}
          {line(t('audit.col.changes'), labels.changes(e))}
          {e.batch ? null : (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(open === keyOf(e) ? null : keyOf(e))}>
              {open === keyOf(e) ? t('audit.hideDiff') : t('audit.showDiff')}
            </Button>
          )}
          {open === keyOf(e) ? <AuditDiff event={e} /> : null}
        </Card>
      )}
    />
  );
}

function AuditLog() {
  const { t } = useI18n();
  const labels = useLabels();
  const mobile = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useQuery({
    queryKey: ['audit', 'list', filters, page],
    queryFn: () => auditApi.list(filters, page.size, (page.current - 1) * page.size),
    placeholderData: keepPreviousData,
  });
  const changeFilters = (f: AuditFilters) => { setFilters(f); setPage((p) => ({ ...p, current: 1 })); };
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const onPage = (current: number, size: number) => setPage({ current, size });

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space wrap>
          {(['csv', 'xlsx'] as const).map((f) => (
            <Button key={f} icon={<DownloadOutlined />} href={auditApi.exportUrl(filters, f)} download data-testid={`audit-export-${f}`}>
              {mobile ? f.toUpperCase() : t(f === 'csv' ? 'audit.export.csv' : 'audit.export.xlsx')}
            </Button>
          ))}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Filters value={filters} onChange={changeFilters} />
      {list.error ? <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Typography.Text type="secondary" data-testid="audit-total">{t('audit.total', { total })}</Typography.Text>
      {mobile ? (
        <>
          <AuditCards items={items} loading={list.isFetching} emptyText={t('audit.empty')} />
          <Pagination simple current={page.current} pageSize={page.size} total={total} onChange={onPage} style={{ textAlign: 'center', marginTop: 8 }} />
        </>
      ) : (
        <Table<AuditEvent>
          rowKey={keyOf} size="small" loading={list.isFetching} dataSource={items} data-testid="audit-table" style={{ marginTop: 8 }}
          locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
          pagination={{ current: page.current, pageSize: page.size, total, onChange: onPage, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
          expandable={{ expandedRowRender: (e) => <AuditDiff event={e} />, rowExpandable: (e) => e.batch === null }}
          columns={[
            { title: t('audit.col.at'), dataIndex: 'at', width: 180, render: (v: string) => at(v) },
            { title: t('audit.col.user'), render: (_, e) => labels.user(e) },
            { title: t('audit.col.entity'), render: (_, e) => labels.record(e) },
            { title: t('audit.col.zone'), render: (_, e) => labels.zone(e) },
            { title: t('audit.col.action'), dataIndex: 'action', render: (a: string) => <Tag color="blue">{labels.action(a)}</Tag> },
            { title: t('audit.col.changes'), render: (_, e) => labels.changes(e) },
          ]}
        />
      )}
    </Card>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Card loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.role !== 'admin' && user.role !== 'zone_operator') return <Result status="403" title="403" subTitle={t('audit.forbidden')} data-testid="audit-forbidden" />;
  return <AuditLog />;
}
