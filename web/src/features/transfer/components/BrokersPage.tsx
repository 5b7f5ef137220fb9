// For brokers: the brokers (users) and agencies (technology-transfer centres) running cases in their zones, with
// workload (open cases), success rate (ended cases with a signed contract ÷ ended cases) and turnover.
import { Card, Space, Table } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { type BrokerFigures, useBrokerFigures } from '../api/brokers';
import { errorText } from './labels';
import { formatFen } from './money';

type Figures = BrokerFigures['brokers'][number] | BrokerFigures['agencies'][number];

export function BrokersPage() {
  const { t, name, lang: locale } = useI18n();
  const figures = useBrokerFigures();
  const columns = [
    { title: t('transfer.brokers.cases'), dataIndex: 'cases', width: 90 },
    { title: t('transfer.brokers.open'), dataIndex: 'open', width: 110 },
    { title: t('transfer.brokers.signed'), dataIndex: 'signed', width: 90 },
    { title: t('transfer.brokers.ended'), dataIndex: 'ended', width: 90 },
    { title: t('transfer.brokers.successRate'), dataIndex: 'success_rate', width: 120, render: (v: number | null) => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`) },
    { title: t('transfer.brokers.turnover'), dataIndex: 'turnover_fen', render: (v: number) => formatFen(v, locale) },
  ];
  const empty = figures.error ? errorText(figures.error) : t('transfer.brokers.empty');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('transfer.brokers.title')}>
        <p>{t('transfer.brokers.intro')}</p>
        <Table<Figures> rowKey={(r) => ('user_id' in r ? r.user_id : r.organization_id)} size="middle" pagination={false} loading={figures.isPending}
          dataSource={figures.data?.brokers ?? []} locale={{ emptyText: empty }} data-testid="brokers-table"
          columns={[{ title: t('transfer.brokers.broker'), key: 'n', render: (_, r) => ('display_name' in r ? `${r.display_name} (${r.username})` : '') }, ...columns]} />
      </Card>
      <Card title={t('transfer.brokers.agencies')}>
        <Table<Figures> rowKey={(r) => ('organization_id' in r ? r.organization_id : r.user_id)} size="middle" pagination={false} loading={figures.isPending}
          dataSource={figures.data?.agencies ?? []} locale={{ emptyText: empty }} data-testid="agencies-table"
          columns={[{ title: t('transfer.brokers.agency'), key: 'n', render: (_, r) => ('organization_id' in r ? name({ id: r.organization_id, name_zh: r.name_zh, name_en: r.name_en }) : '') }, ...columns]} />
      </Card>
    </Space>
  );
}
