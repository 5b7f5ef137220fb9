// Applications: an organisation user's own; for reviewers the queue of their zones (submitted by default).
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Select, Table } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { type Application, APPLICATION_STATUSES, money, useApplications } from './api';
import { errorText, pk, StatusTag } from './parts';

export function ApplicationsPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const reviewer = user?.role !== 'org_user';
  const status = params.get('status') ?? (reviewer ? 'submitted' : undefined);
  const programme = params.get('programme') ? Number(params.get('programme')) : undefined;
  const apps = useApplications({ status: status === 'all' ? undefined : status, programme });
  return (
    <Card title={reviewer ? t('policy.pg.reviewQueue') : t('policy.pg.myApplications')}
      extra={
        <Select style={{ width: 160 }} value={status ?? 'all'} data-testid="application-status-filter"
          onChange={(v) => { const next = new URLSearchParams(params); next.set('status', v); setParams(next); }}
          options={[{ value: 'all', label: t('policy.pg.allStatuses') }, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: pk(t, 'status', s) }))]} />
      }>
      <Table<Application>
        rowKey="id" size="middle" loading={apps.isPending} dataSource={apps.data ?? []} data-testid="application-table"
        locale={{ emptyText: apps.error ? errorText(apps.error) : t('policy.pg.noApplications') }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70, render: (v: number) => <Link to={`/policy/applications/${v}`}>{v}</Link> },
          { title: t('policy.pg.programme'), render: (_, a) => name({ name_zh: a.programme_name_zh, name_en: a.programme_name_en }) },
          { title: t('policy.pg.organization'), render: (_, a) => <Link to={`/policy/applications/${a.id}`}>{name({ name_zh: a.organization_name_zh, name_en: a.organization_name_en })}</Link> },
          { title: t('policy.pg.computedAmount'), dataIndex: 'computed_fen', render: money, width: 150 },
          { title: t('policy.pg.approvedAmount'), dataIndex: 'approved_fen', render: money, width: 150 },
          { title: t('policy.pg.status'), width: 110, render: (_, a) => <StatusTag status={a.status} paid={a.paid} /> },
        ]}
      />
    </Card>
  );
}
