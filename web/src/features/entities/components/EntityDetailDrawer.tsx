// Detail drawer: every field with ref names, status markers, the audit history, and edit / retire actions.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Popconfirm, Space, Spin, Table, Tabs, Tag, Timeline, Typography, App } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import type { AuditEntry, EntityMeta, Item } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth/AuthContext';
import { StatusTags } from '../../../shared/components/StatusTags';
import { useI18n, type MessageKey } from '../../../shared/i18n';
import { getAudit, getItem, retireItem } from '../api/entities';
import { EntityFormModal } from './EntityFormModal';
import { FieldInLanguage, FieldValue, fieldText, formatDateTime, itemTitle } from './fields';

const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'action.create',
  insert: 'action.create',
  created: 'action.create',
  update: 'action.update',
  updated: 'action.update',
  retire: 'action.retire',
  retired: 'action.retire',
  import: 'action.import',
  'import-create': 'action.importCreate',
  'import-update': 'action.importUpdate',
  delete: 'action.delete',
};

function AuditChanges({ entry, meta, item }: { entry: AuditEntry; meta: EntityMeta; item: Item }) {
  const i18n = useI18n();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const skip = new Set(['id', 'version', 'updated_at', 'created_at', 'refs', 'search_text']);
  // Snapshots hold reference ids; name them when they point at the record's current reference.
  const show = (k: string, v: unknown) => {
    const f = meta.fields.find((x) => x.name === k);
    if (f?.type === 'ref') {
      const r = item.refs?.[k];
      if (r && v !== null && v !== undefined && Number(v) === Number(r.id)) return i18n.name(r);
      return v === null || v === undefined ? '—' : `#${String(v)}`;
    }
    if (k === 'generated' || k === 'published') return v ? i18n.t('common.yes') : i18n.t('common.no');
    return fieldText(f, v, i18n);
  };
  const labelOf = (k: string) => {
    const f = meta.fields.find((x) => x.name === k);
    if (f) return i18n.pick(f.label);
    const known: Record<string, MessageKey> = { code: 'detail.code', generated: 'common.generated', published: 'detail.published', retired_at: 'detail.retiredAt' };
    return known[k] ? i18n.t(known[k]) : k;
  };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !skip.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  if (keys.length === 0) return null;
  const order = (k: string) => {
    const i = meta.fields.findIndex((x) => x.name === k);
    return i < 0 ? (k === 'code' ? -1 : 1000) : i;
  };
  const rows = keys
    .sort((a, b) => order(a) - order(b))
    .map((k) => ({ key: k, field: labelOf(k), before: show(k, before[k]), after: show(k, after[k]) }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      style={{ marginTop: 6 }}
      columns={[
        { title: i18n.t('detail.field'), dataIndex: 'field', width: '28%' },
        { title: i18n.t('detail.before'), dataIndex: 'before', width: '36%', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        { title: i18n.t('detail.after'), dataIndex: 'after' },
      ]}
    />
  );
}

function AuditHistory({ meta, item }: { meta: EntityMeta; item: Item }) {
  const id = item.id;
  const { t, lang } = useI18n();
  const audit = useQuery({ queryKey: ['entity', meta.name, 'audit', id], queryFn: () => getAudit(meta.name, id) });
  if (audit.isPending) return <Spin />;
  if (audit.error) return <Alert type="error" showIcon title={(audit.error as Error).message} />;
  const items = audit.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('detail.noHistory')} />;
  return (
    <Timeline
      data-testid="audit-history"
      items={items.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Space wrap>
              <Tag color="geekblue">{ACTION_KEYS[e.action] ? t(ACTION_KEYS[e.action]) : e.action}</Tag>
              <span>{e.user ? e.user.username : t('detail.system')}</span>
              <Typography.Text type="secondary">{formatDateTime(e.at, lang)}</Typography.Text>
            </Space>
            <AuditChanges entry={e} meta={meta} item={item} />
          </div>
        ),
      }))}
    />
  );
}

export function EntityDetailDrawer({ meta, id, onClose }: { meta: EntityMeta; id: number | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t, pick, lang } = i18n;
  const { user } = useAuth();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const { message } = App.useApp();
  const item = useQuery({
    queryKey: ['entity', meta.name, 'item', id],
    queryFn: () => getItem(meta.name, id!),
    enabled: id !== null,
  });
  const data = item.data;

  const retire = async () => {
    if (!data) return;
    setRetiring(true);
    try {
      await retireItem(meta.name, data.id, data.version);
      void message.success(t('detail.retireDone'));
      await qc.invalidateQueries({ queryKey: ['entity', meta.name] });
    } catch (e) {
      if (isApiError(e) && (e.status === 409 || e.code === 'CONFLICT')) {
        void message.warning(t('form.conflict'));
        await qc.invalidateQueries({ queryKey: ['entity', meta.name] });
      } else {
        void message.error(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setRetiring(false);
    }
  };

  const title = data ? itemTitle(data, meta.fields, i18n) : t('detail.title', { entity: pick(meta.label) });

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="entity-drawer"
      title={
        <span>
          {title}
          {data ? <StatusTags generated={data.generated} retiredAt={data.retired_at} published={data.published} /> : null}
        </span>
      }
      extra={
        user && data?.may_edit ? (
          <Space>
            <Button type="primary" onClick={() => setEditing(true)} disabled={!!data.retired_at} data-testid="entity-edit">
              {t('detail.edit')}
            </Button>
            <Popconfirm
              title={t('detail.retireConfirm')}
              okText={t('detail.retire')}
              cancelText={t('common.cancel')}
              onConfirm={() => void retire()}
              disabled={!!data.retired_at}
            >
              <Button danger loading={retiring} disabled={!!data.retired_at} data-testid="entity-retire">
                {t('detail.retire')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {item.isPending && id !== null ? <Spin /> : null}
      {item.error ? <Alert type="error" showIcon title={(item.error as Error).message} /> : null}
      {data ? (
        <Tabs
          items={[
            {
              key: 'fields',
              label: t('detail.tabFields'),
              children: (
                <Descriptions column={1} bordered size="small" styles={{ label: { width: 200 } }}>
                  {/* A text and its translation are one row, in the reader's language (the form edits both). */}
                  {meta.fields.filter((f) => !f.translationOf).map((f) => (
                    <Descriptions.Item key={f.name} label={pick(f.label)}>
                      <FieldInLanguage field={f} fields={meta.fields} item={data} i18n={i18n} full />
                    </Descriptions.Item>
                  ))}
                  {typeof data.code === 'string' && data.code ? (
                    <Descriptions.Item label={t('detail.code')}>
                      <Typography.Text copyable>{data.code}</Typography.Text>
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={t('detail.id')}>{data.id}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.version')}>{data.version}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.status')}>
                    {data.published ? <Tag color="green">{t('detail.published')}</Tag> : null}
                    <StatusTags generated={data.generated} retiredAt={data.retired_at} published={data.published} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('detail.createdAt')}>{formatDateTime(data.created_at, lang)}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.updatedAt')}>{formatDateTime(data.updated_at, lang)}</Descriptions.Item>
                  {data.retired_at ? (
                    <Descriptions.Item label={t('detail.retiredAt')}>{formatDateTime(data.retired_at, lang)}</Descriptions.Item>
                  ) : null}
                </Descriptions>
              ),
            },
            { key: 'history', label: t('detail.tabHistory'), children: <AuditHistory meta={meta} item={data} /> },
          ]}
        />
      ) : null}
      {data ? (
        <EntityFormModal
          meta={meta}
          item={data}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void qc.invalidateQueries({ queryKey: ['entity', meta.name] });
          }}
        />
      ) : null}
    </Drawer>
  );
}
