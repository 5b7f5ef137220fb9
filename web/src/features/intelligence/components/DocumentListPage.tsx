// Documents the user may read: upload (operators and admins), search in any script, filters by zone, period and
// metric, each document's status and open facts; a row opens the reader.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { useDocuments, type DocumentSummary } from '../api/intelligence';
import { UploadPanel } from './UploadPanel';

const PAGE = 20;
const STATUS_COLOR = { queued: 'blue', processed: 'green', failed: 'red' } as const;

export function DocumentListPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [zone, setZone] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [period, setPeriod] = useState('');
  const [metric, setMetric] = useState('');
  const [page, setPage] = useState(1);
  const docs = useDocuments({ zone, q, period, metric, limit: PAGE, offset: (page - 1) * PAGE });
  const mayUpload = user?.role === 'admin' || user?.role === 'zone_operator';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('intel.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intel.intro')}</Typography.Paragraph>
      {mayUpload && <UploadPanel />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('intel.search')} style={{ width: 320 }} data-testid="intel-search"
            onSearch={(v) => { setQ(v); setPage(1); }} />
          <ZoneTreeSelect value={zone} onChange={(v) => { setZone(v); setPage(1); }} placeholder={t('intel.col.zone')} style={{ minWidth: 220 }} testId="intel-zone" />
          <Input allowClear placeholder={t('intel.filter.period')} style={{ width: 120 }} value={period} onChange={(e) => { setPeriod(e.target.value); setPage(1); }} data-testid="intel-period" />
          <Input allowClear placeholder={t('intel.filter.metric')} style={{ width: 180 }} value={metric} onChange={(e) => { setMetric(e.target.value); setPage(1); }} data-testid="intel-metric" />
        </Space>
        <Table<DocumentSummary> rowKey="id" size="small" loading={docs.isPending} dataSource={docs.data?.items ?? []} data-testid="intel-documents"
          pagination={{ current: page, pageSize: PAGE, total: docs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('intel.col.file'), dataIndex: 'file_name', render: (name: string, d) => (
              <Space direction="vertical" size={0}>
                {d.status === 'processed' ? <Link to={`/intelligence/documents/${d.id}`} data-testid={`intel-open-${d.id}`}>{name}</Link> : <Typography.Text>{name}</Typography.Text>}
                {d.snippet && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.snippet}</Typography.Text>}
              </Space>
            ) },
            { title: t('intel.col.title'), dataIndex: 'title', ellipsis: true },
            { title: t('intel.col.zone'), render: (_: unknown, d) => (lang === 'en' ? d.zone_name_en ?? d.zone_name_zh : d.zone_name_zh) },
            { title: t('intel.col.status'), dataIndex: 'status', render: (s: DocumentSummary['status'], d) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[s]}>{t(`intel.status.${s}`)}</Tag>
                {d.error && <Typography.Text type="danger" style={{ fontSize: 12 }}>{lang === 'en' ? d.error.en : d.error.zh}</Typography.Text>}
              </Space>
            ) },
            { title: t('intel.col.facts'), render: (_: unknown, d) => `${d.facts} (${d.open_facts})` },
            { title: t('intel.col.uploaded'), render: (_: unknown, d) => `${d.uploaded_by_name ?? ''} ${d.uploaded_at.slice(0, 10)}` },
          ]} />
      </Card>
    </Space>
  );
}
