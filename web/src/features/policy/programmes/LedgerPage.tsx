// Disbursement and the ledger of one programme: the disbursable applications (notice over, no open objection),
// paid as one batch with an idempotency key (a double click or a retry never pays twice), then accounts, journal and
// the check that remaining + paid = budget; finance exports it as XLSX.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Select, Space, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { type Application, type Ledger, money, useApplications, useLedger, useProgrammeMutations, useProgrammes } from './api';
import { errorText, fmtTime, pk } from './parts';

export function LedgerPage() {
  const { t, name } = useI18n();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = params.get('programme') ? Number(params.get('programme')) : (programmes.data?.[0]?.id ?? null);
  const ledger = useLedger(programmeId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          {t('policy.pg.programme')}
          <Select style={{ width: 320 }} value={programmeId ?? undefined} data-testid="ledger-programme"
            onChange={(v) => setParams(new URLSearchParams({ programme: String(v) }))} options={(programmes.data ?? []).map((p) => ({ value: p.id, label: name(p) }))} />
          {programmeId && <a href={`/api/policy/programmes/${programmeId}/ledger.xlsx`} data-testid="ledger-export"><Button icon={<DownloadOutlined />}>{t('policy.pg.exportXlsx')}</Button></a>}
        </Space>
      </Card>
      {programmeId && <Disburse programmeId={programmeId} />}
      {ledger.error && <Alert type="error" showIcon title={errorText(ledger.error)} />}
      {ledger.data && <LedgerView ledger={ledger.data} />}
    </Space>
  );
}

function Disburse({ programmeId }: { programmeId: number }) {
  const { t, name } = useI18n();
  const apps = useApplications({ programme: programmeId, status: 'approved', disbursable: true });
  const { disburse } = useProgrammeMutations();
  const [selected, setSelected] = useState<number[]>([]);
  // One key per selection: a retry of the same batch is answered with the batch already made.
  const key = useMemo(() => `web-${programmeId}-${selected.join('-')}-${crypto.randomUUID()}`, [programmeId, selected]);
  const total = (apps.data ?? []).filter((a) => selected.includes(a.id)).reduce((s, a) => s + (a.approved_fen ?? 0), 0);
  return (
    <Card size="small" title={t('policy.pg.disbursable')}>
      <Table<Application> rowKey="id" size="small" pagination={false} dataSource={apps.data ?? []} data-testid="disbursable-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        locale={{ emptyText: t('policy.pg.nothingDisbursable') }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('policy.pg.organization'), render: (_, a) => name({ name_zh: a.organization_name_zh, name_en: a.organization_name_en }) },
          { title: t('policy.pg.approvedAmount'), dataIndex: 'approved_fen', render: money, width: 160 },
          { title: t('policy.pg.notice'), render: (_, a) => `${a.notice_starts_on} ~ ${a.notice_ends_on}`, width: 220 },
        ]} />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" disabled={!selected.length} loading={disburse.isPending} data-testid="disburse"
          onClick={() => disburse.mutate({ programmeId, ids: selected, key }, { onSuccess: () => setSelected([]) })}>
          {t('policy.pg.disburse', { count: selected.length, total: money(total) })}
        </Button>
        {disburse.data && <Tag color="green" data-testid="disburse-done">{t('policy.pg.batchDone', { batch: disburse.data.batch_id, total: money(disburse.data.total_fen) })}</Tag>}
      </Space>
      {disburse.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorText(disburse.error)} />}
    </Card>
  );
}

function LedgerView({ ledger }: { ledger: Ledger }) {
  const { t, lang } = useI18n();
  const { totals } = ledger;
  const accountName = (a: Ledger['accounts'][number]) => (a.kind === 'paid' ? `${pk(t, 'account', 'paid')}: ${lang === 'en' ? a.name_en ?? a.name_zh : a.name_zh}` : pk(t, 'account', a.kind));
  const side = (v: string) => pk(t, 'account', v);
  return (
    <Card size="small" title={t('policy.tab.ledger')} data-testid="ledger-view"
      extra={totals.balanced ? <Tag color="green" data-testid="ledger-balanced">{t('policy.pg.balanced')}</Tag> : <Tag color="red">{t('policy.pg.unbalanced')}</Tag>}>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('policy.pg.budget')} value={money(ledger.budget_fen)} />
        <Statistic title={t('policy.pg.paidTotal')} value={money(totals.paid_fen)} data-testid="ledger-paid" />
        <Statistic title={t('policy.pg.remaining')} value={money(totals.remaining_fen)} />
      </Space>
      <Table rowKey="id" size="small" pagination={false} style={{ marginBottom: 16 }} dataSource={ledger.accounts}
        columns={[{ title: t('policy.pg.account'), render: (_, a) => accountName(a) }, { title: t('policy.pg.balance'), dataIndex: 'balance_fen', render: money, width: 180 }]} />
      <Table rowKey="id" size="small" dataSource={ledger.entries} pagination={{ pageSize: 20 }} data-testid="ledger-entries"
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('policy.pg.time'), dataIndex: 'created_at', render: fmtTime, width: 150 },
          { title: t('policy.pg.kind'), dataIndex: 'kind', render: (k: string) => pk(t, 'entry', k), width: 100 },
          { title: t('policy.pg.debit'), render: (_, e) => (lang === 'en' ? side(e.debit_en) : side(e.debit_zh)) },
          { title: t('policy.pg.credit'), render: (_, e) => (lang === 'en' ? side(e.credit_en) : side(e.credit_zh)) },
          { title: t('policy.pg.amount'), dataIndex: 'amount_fen', render: money, width: 150 },
          { title: t('policy.pg.application'), dataIndex: 'application_id', width: 90, render: (v) => v ?? '—' },
        ]} />
    </Card>
  );
}
