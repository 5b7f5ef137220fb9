// Rule versions: those shipped with the engine and those added from files, with their effective period, status,
// sources and the confidence of every rule (unverified ones marked). Admins and zone operators add a version from
// a documented JSON file; the engine's parser checks it and names what is wrong.
import { Alert, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { isApiError } from '../../../../shared/api/client';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useI18n } from '../../../../shared/i18n';
import { type Programme, type RuleVersionView, useRuleVersions, useUploadRuleVersion } from '../api/assessment';
import { PROGRAMME_LABEL } from './AssessPage';
import { ConfidenceTag, VersionStatusTag } from './ResultView';

export function RuleVersionsPage() {
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const versions = useRuleVersions();
  const upload = useUploadRuleVersion();
  const mayAdd = user?.role === 'admin' || user?.role === 'zone_operator';
  const uploadErrors = upload.error && isApiError(upload.error) ? upload.error.fieldErrors : [];
  return (
    <div data-testid="policy-rules">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('policy.assess.rules.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('policy.assess.rules.hint')}</Typography.Text>
          <Space wrap>
            <ConfidenceTag confidence="V1" /> {t('policy.assess.rules.v1')}
            <ConfidenceTag confidence="V2" /> {t('policy.assess.rules.v2')}
            <ConfidenceTag confidence="V3" /> {t('policy.assess.rules.v3')}
            <ConfidenceTag confidence="reported" /> {t('policy.assess.rules.reported')}
          </Space>
          {mayAdd ? (
            <Space wrap>
              <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => { upload.mutate(file); return false; }}>
                <Button type="primary" loading={upload.isPending} data-testid="rules-upload">{t('policy.assess.rules.upload')}</Button>
              </Upload>
              <Typography.Text type="secondary">{user?.role === 'admin' ? t('policy.assess.rules.uploadAll') : t('policy.assess.rules.uploadZone')}</Typography.Text>
            </Space>
          ) : null}
          {upload.isSuccess ? <Alert type="success" showIcon title={t('policy.assess.rules.added', { id: upload.data.id })} /> : null}
          {upload.error ? (
            <Alert type="error" showIcon title={t('policy.assess.rules.rejected')} data-testid="rules-upload-errors"
              description={uploadErrors.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{uploadErrors.map((e, i) => <li key={i}>{e.message}</li>)}</ul> : (upload.error as Error).message} />
          ) : null}
        </Space>
      </Card>
      {versions.error ? <Alert type="error" showIcon title={(versions.error as Error).message} /> : null}
      <Table size="small" rowKey={(v) => `${v.origin}-${v.id}`} loading={versions.isPending} dataSource={versions.data?.items ?? []} pagination={false} data-testid="rules-table"
        expandable={{ expandedRowRender: (v: RuleVersionView) => <RuleDetail v={v} /> }}
        columns={[
          { title: t('policy.assess.programme'), key: 'p', render: (_: unknown, v: RuleVersionView) => t(PROGRAMME_LABEL[v.programme as Programme]) },
          { title: t('policy.assess.rules.version'), key: 'id', render: (_: unknown, v: RuleVersionView) => <span><b>{v.id}</b><br />{pick(v.title)}</span> },
          { title: t('policy.assess.rules.effective'), key: 'eff', render: (_: unknown, v: RuleVersionView) => `${v.effective.from} → ${v.effective.to ?? t('policy.assess.rules.open')}` },
          { title: t('policy.assess.rules.status'), key: 'status', render: (_: unknown, v: RuleVersionView) => <VersionStatusTag status={v.status} /> },
          { title: t('policy.assess.rules.confidence'), key: 'conf', render: (_: unknown, v: RuleVersionView) => <ConfidenceTag confidence={v.confidence} /> },
          { title: t('policy.assess.rules.weakRules'), key: 'weak', render: (_: unknown, v: RuleVersionView) => {
            const weak = [...v.conditions, ...v.items, ...v.routes].filter((r) => r.confidence === 'V3' || r.confidence === 'reported').length;
            return weak ? <Tag color="orange">{weak}</Tag> : '—';
          } },
          { title: t('policy.assess.rules.origin'), key: 'origin', render: (_: unknown, v: RuleVersionView) => (v.origin === 'builtin' ? <Tag>{t('policy.assess.rules.builtin')}</Tag> : <Tag color="purple">{t('policy.assess.rules.uploaded')} · {v.uploaded_by ?? ''}</Tag>) },
        ]} />
    </div>
  );
}

function RuleDetail({ v }: { v: RuleVersionView }) {
  const { t, pick } = useI18n();
  const rows = [
    ...v.conditions.map((r) => ({ ...r, kind: t('policy.assess.condition') })),
    ...v.items.map((r) => ({ ...r, kind: t('policy.assess.item') })),
    ...v.routes.map((r) => ({ ...r, kind: t('policy.assess.route') })),
  ];
  return (
    <div>
      {v.note ? <Typography.Paragraph type="secondary">{pick(v.note)}</Typography.Paragraph> : null}
      <Typography.Paragraph><b>{t('policy.assess.rules.verdictRule')}:</b> {pick(v.verdictRule)}</Typography.Paragraph>
      <Typography.Paragraph><b>{t('policy.assess.source')}:</b> {v.sources.map((s) => `${s.id} ${s.title}${s.number ? ` ${s.number}` : ''} [${s.level}]`).join('; ')}</Typography.Paragraph>
      <Table size="small" rowKey={(r) => `${r.kind}-${r.id}`} pagination={false} dataSource={rows}
        columns={[
          { title: '', dataIndex: 'kind', width: 90 },
          { title: 'id', dataIndex: 'id', width: 160 },
          { title: t('policy.assess.rules.rule'), key: 't', render: (_: unknown, r: (typeof rows)[number]) => pick(r.title) },
          { title: t('policy.assess.source'), dataIndex: 'source' },
          { title: t('policy.assess.rules.confidence'), key: 'c', render: (_: unknown, r: (typeof rows)[number]) => <ConfidenceTag confidence={r.confidence} /> },
        ]} />
    </div>
  );
}
