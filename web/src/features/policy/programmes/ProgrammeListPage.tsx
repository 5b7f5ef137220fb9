// The programmes: open calls for every signed-in user; managers define new ones.
import { Link } from 'react-router-dom';
import { Button, Card, Progress, Table } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { money, type Programme, useProgrammes } from './api';
import { errorText } from './parts';

export function ProgrammeListPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const programmes = useProgrammes();
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  return (
    <Card title={t('policy.pg.programmes')} extra={manager && <Link to="/policy/programmes/new"><Button type="primary" data-testid="programme-new">{t('policy.pg.newProgramme')}</Button></Link>}>
      <Table<Programme>
        rowKey="id" size="middle" loading={programmes.isPending} dataSource={programmes.data ?? []} data-testid="programme-table"
        locale={{ emptyText: programmes.error ? errorText(programmes.error) : t('policy.pg.noProgrammes') }}
        columns={[
          { title: t('policy.pg.name'), render: (_, p) => <Link to={`/policy/programmes/${p.id}`}>{name(p)}</Link> },
          { title: t('policy.pg.zone'), render: (_, p) => name({ name_zh: p.zone_name_zh, name_en: p.zone_name_en }), width: 180 },
          { title: t('policy.pg.window'), render: (_, p) => `${p.opens_on} ~ ${p.closes_on}`, width: 200 },
          { title: t('policy.pg.budget'), dataIndex: 'budget_fen', render: money, width: 150 },
          { title: t('policy.pg.used'), width: 160, render: (_, p) => <Progress percent={Math.round((p.paid_fen * 100) / p.budget_fen)} size="small" /> },
          { title: t('policy.pg.applicationsCount'), dataIndex: 'applications', width: 90 },
        ]}
      />
    </Card>
  );
}
