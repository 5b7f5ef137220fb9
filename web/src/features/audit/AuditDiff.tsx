// The before/after view of one audit event: changed fields highlighted, unchanged ones on request.
import { useState } from 'react';
import { Checkbox, Table, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { AuditEvent } from './api';
import { fieldChanges, show, type FieldChange } from './diff';

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  if (event.batch) {
    return <Typography.Text>{t('audit.batch', { count: event.batch.count, first: event.batch.first_id, last: event.batch.last_id })}</Typography.Text>;
  }
  const rows = fieldChanges(event.before, event.after);
  const changed = rows.filter((r) => r.changed);
  const cell = (v: unknown, strong: boolean) => (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: typeof v === 'object' && v !== null ? 'monospace' : undefined, fontWeight: strong ? 500 : undefined }}>{show(v)}</span>
  );
  return (
    <div data-testid="audit-diff">
      {changed.length === 0 ? <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text> : null}
      <Table<FieldChange>
        size="small" rowKey="field" pagination={false} dataSource={all ? rows : changed} style={{ marginTop: 4 }}
        rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
        columns={[
          { title: t('audit.diff.field'), dataIndex: 'field', width: '22%', render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
          { title: t('audit.diff.before'), render: (_, r) => <span style={r.changed ? { background: '#fff1f0' } : undefined}>{cell(r.before, false)}</span> },
          { title: t('audit.diff.after'), render: (_, r) => <span style={r.changed ? { background: '#f6ffed' } : undefined}>{cell(r.after, r.changed)}</span> },
        ]}
      />
      {rows.length > changed.length ? (
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} style={{ marginTop: 6 }}>{t('audit.diff.showAll')}</Checkbox>
      ) : null}
    </div>
  );
}
