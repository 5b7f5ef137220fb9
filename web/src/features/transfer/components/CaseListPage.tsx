// Brokerage cases the viewer may see (brokers: their zones; parties: their own), filterable by stage.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Select, Table } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { CASE_STAGES, type CaseSummary, useCases } from '../api/transfer';
import { errorText, fmtDate, StageTag, tk } from './labels';

export function CaseListPage() {
  const { t } = useI18n();
  const [stage, setStage] = useState<string | undefined>();
  const cases = useCases(stage);
  return (
    <Card
      title={t('transfer.cases.title')}
      extra={
        <Select
          allowClear
          placeholder={t('transfer.cases.allStages')}
          style={{ width: 170 }}
          value={stage}
          onChange={setStage}
          options={CASE_STAGES.map((s) => ({ value: s, label: tk(t, 'stage', s) }))}
          data-testid="case-stage-filter"
        />
      }
    >
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={cases.isPending}
        dataSource={cases.data ?? []}
        locale={{ emptyText: cases.error ? errorText(cases.error) : t('transfer.cases.empty') }}
        data-testid="case-table"
        columns={[
          { title: t('transfer.cases.code'), dataIndex: 'code', width: 190, render: (v: string, r) => <Link to={`/transfer/cases/${r.id}`}>{v}</Link> },
          { title: t('transfer.cases.demand'), dataIndex: 'demand_title', render: (v: string, r) => <Link to={`/transfer/demands/${r.demand_id}`}>{v}</Link> },
          { title: t('transfer.cases.offer'), dataIndex: 'offer_title' },
          { title: t('transfer.cases.stage'), dataIndex: 'stage', width: 120, render: (v) => <StageTag t={t} stage={v} /> },
          { title: t('transfer.cases.amount'), dataIndex: 'contract_amount', width: 150, render: (v) => (v == null ? '—' : String(v)) },
          { title: t('transfer.cases.updatedAt'), dataIndex: 'updated_at', width: 150, render: fmtDate },
        ]}
      />
    </Card>
  );
}
