// Risk-compensation pools: the list, one pool's loans with their claims and its balance history; operators define
// pools, register covered loans and claim defaults (the server computes the compensation and says what limited it).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { fenToYuan, fundsApi, type Loan, type Pool, yuanToFen } from './api';
import { MoneyInput, moneyRule } from './MoneyInput';
import { OrgSelect } from './RegistrySelect';
import { useProblemToast } from './useProblemToast';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function PoolsPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const pools = useQuery({ queryKey: ['funds', 'pools'], queryFn: fundsApi.pools, enabled: !!user });
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  if (!user) return <Card><Empty description={t('talent.signIn')} /></Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('funds.nav.pools')} extra={manager && <Button type="primary" data-testid="pool-new" onClick={() => setCreating(true)}>{t('funds.pool.new')}</Button>}>
        <Table<Pool>
          rowKey="id" size="small" loading={pools.isPending} dataSource={pools.data?.items ?? []} pagination={false}
          locale={{ emptyText: t('funds.pool.empty') }}
          onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
          rowClassName={(p) => (p.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('funds.pool.name'), render: (_, p) => name(p) },
            { title: t('funds.pool.size'), align: 'right', render: (_, p) => fenToYuan(p.size_fen) },
            { title: t('funds.pool.balance'), align: 'right', render: (_, p) => <b data-testid={`pool-balance-${p.id}`}>{fenToYuan(p.balance_fen)}</b> },
            { title: t('funds.pool.share'), align: 'right', render: (_, p) => `${p.share_bp / 100}%` },
            { title: t('funds.pool.cap'), align: 'right', render: (_, p) => fenToYuan(p.loan_cap_fen) },
            { title: t('funds.pool.loans'), align: 'right', dataIndex: 'loans' },
          ]}
        />
      </Card>
      {selected ? <PoolDetailCard id={selected} /> : <Typography.Text type="secondary">{t('funds.pool.pick')}</Typography.Text>}
      {creating && <PoolForm onClose={(id) => { setCreating(false); if (id) setSelected(id); }} />}
    </Space>
  );
}

function PoolDetailCard({ id }: { id: number }) {
  const { t, name } = useI18n();
  const [loanFor, setLoanFor] = useState(false);
  const [claimFor, setClaimFor] = useState<Loan | null>(null);
  const [extra, setExtra] = useState<'top_up' | 'bank' | null>(null);
  const pool = useQuery({ queryKey: ['funds', 'pool', id], queryFn: () => fundsApi.pool(id) });
  const p = pool.data;
  if (!p) return <Card loading />;
  return (
    <Card
      title={name(p)} data-testid="pool-detail"
      extra={p.manager && (
        <Space>
          <Button onClick={() => setExtra('bank')}>{t('funds.pool.addBank')}</Button>
          <Button onClick={() => setExtra('top_up')}>{t('funds.pool.topUp')}</Button>
          <Button onClick={() => setLoanFor(true)} data-testid="loan-new">{t('funds.loan.new')}</Button>
        </Space>
      )}
    >
      <Descriptions size="small" column={3} items={[
        { key: 'size', label: t('funds.pool.size'), children: fenToYuan(p.size_fen) },
        { key: 'balance', label: t('funds.pool.balance'), children: fenToYuan(p.balance_fen) },
        { key: 'share', label: t('funds.pool.share'), children: `${p.share_bp / 100}%` },
        { key: 'cap', label: t('funds.pool.cap'), children: fenToYuan(p.loan_cap_fen) },
        { key: 'period', label: t('funds.pool.period'), children: `${p.valid_from} – ${p.valid_to ?? '…'}` },
        { key: 'banks', label: t('funds.pool.banks'), children: p.banks.map((b) => name(b)).join('、') },
      ]} />
      <Typography.Paragraph type="secondary">
        {t('funds.pool.summary', { loans: p.summary.covered_loans, principal: fenToYuan(p.summary.covered_principal_fen), claims: p.summary.claims, paid: fenToYuan(p.summary.compensated_fen) })}
      </Typography.Paragraph>
      <Table<Loan>
        rowKey="id" size="small" dataSource={p.loans} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('funds.loan.bank'), render: (_, l) => name({ name_zh: l.bank_name_zh, name_en: l.bank_name_en }) },
          { title: t('funds.loan.borrower'), render: (_, l) => name({ name_zh: l.borrower_name_zh, name_en: l.borrower_name_en }) },
          { title: t('funds.loan.principal'), align: 'right', render: (_, l) => fenToYuan(l.principal_fen) },
          { title: t('funds.loan.start'), dataIndex: 'start_date' },
          { title: t('funds.loan.maturity'), dataIndex: 'maturity_date' },
          { title: t('funds.loan.status'), render: (_, l) => <Tag color={l.status === 'covered' ? 'blue' : 'orange'}>{t(`funds.loan.status.${l.status}` as 'funds.loan.status.covered')}</Tag> },
          {
            title: t('common.actions'),
            render: (_, l) => (l.claim
              ? t('funds.claim.paid', { amount: fenToYuan(l.claim.compensated_fen), limit: t(`funds.claim.limit.${l.claim.limited_by}` as 'funds.claim.limit.share') })
              : p.manager && l.status === 'covered' ? <Button size="small" onClick={() => setClaimFor(l)} data-testid={`claim-${l.id}`}>{t('funds.claim.action')}</Button> : null),
          },
        ]}
      />
      {p.manager && (
        <>
          <Typography.Title level={5}>{t('funds.movements')}</Typography.Title>
          <Table
            rowKey="id" size="small" dataSource={p.movements} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('funds.movement.at'), render: (_, m) => m.at.slice(0, 16).replace('T', ' ') },
              { title: t('funds.loan.status'), render: (_, m) => t(`funds.movement.${m.kind}` as 'funds.movement.endowment') },
              { title: t('funds.movement.amount'), align: 'right', render: (_, m) => fenToYuan(m.amount_fen) },
              { title: t('funds.movement.after'), align: 'right', render: (_, m) => fenToYuan(m.balance_after_fen) },
              { title: t('funds.movement.by'), dataIndex: 'username' },
            ]}
          />
        </>
      )}
      {loanFor && <LoanForm poolId={p.id} zoneId={p.zone_id} banks={p.banks.map((b) => ({ value: b.id, label: name(b) }))} onClose={() => setLoanFor(false)} />}
      {claimFor && <ClaimForm loan={claimFor} onClose={() => setClaimFor(null)} />}
      {extra && <PoolExtraForm poolId={p.id} kind={extra} onClose={() => setExtra(null)} />}
    </Card>
  );
}

function PoolForm({ onClose }: { onClose: (id?: number) => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => fundsApi.createPool({
      zone_id: v.zone_id, name_zh: v.name_zh, name_en: v.name_en || null, size_fen: yuanToFen(v.size as string), loan_cap_fen: yuanToFen(v.cap as string),
      share_bp: Math.round(Number(v.share) * 100), valid_from: day(v.valid_from as Dayjs), valid_to: day(v.valid_to as Dayjs | null), bank_ids: v.bank_ids ?? [],
    }),
    onSuccess: (p) => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(p.id); },
    onError: toast,
  });
  return (
    <Modal open title={t('funds.pool.new')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={{ zone_id: user?.zone_id ?? undefined, share: 50 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="zone_id" label={t('funds.zone')} rules={[{ required: true }]}><ZoneTreeSelect value={undefined} onChange={() => undefined} /></Form.Item>
        <Form.Item name="name_zh" label={t('funds.pool.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name_en" label={t('funds.nameEn')}><Input /></Form.Item>
        <Form.Item name="size" label={t('funds.pool.size')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="share" label={t('funds.sharePercent')} rules={[{ required: true }]}><InputNumber min={0.01} max={100} step={5} /></Form.Item>
        <Form.Item name="cap" label={t('funds.pool.cap')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="valid_from" label={t('funds.pool.period')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="valid_to"><DatePicker /></Form.Item>
        <Form.Item name="bank_ids" label={t('funds.pool.bankIds')}><OrgSelect multiple /></Form.Item>
      </Form>
    </Modal>
  );
}

function LoanForm({ poolId, zoneId, banks, onClose }: { poolId: number; zoneId: number; banks: { value: number; label: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => fundsApi.registerLoan(poolId, {
      bank_org_id: v.bank_org_id, borrower_org_id: v.borrower_org_id, contract_no: v.contract_no || null, principal_fen: yuanToFen(v.principal as string),
      start_date: day(v.start_date as Dayjs), maturity_date: day(v.maturity_date as Dayjs),
    }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={t('funds.loan.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="bank_org_id" label={t('funds.loan.bank')} rules={[{ required: true }]}><SelectOptions options={banks} /></Form.Item>
        <Form.Item name="borrower_org_id" label={t('funds.loan.borrower')} rules={[{ required: true }]}><OrgSelect zone={zoneId} /></Form.Item>
        <Form.Item name="principal" label={t('funds.loan.principal')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="start_date" label={t('funds.loan.start')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="maturity_date" label={t('funds.loan.maturity')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="contract_no" label={t('funds.loan.contract')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds money to the pool, or a partner bank. */
function PoolExtraForm({ poolId, kind, onClose }: { poolId: number; kind: 'top_up' | 'bank'; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => (kind === 'top_up'
      ? fundsApi.topUp(poolId, { amount_fen: yuanToFen(v.amount as string), note: v.note || null })
      : fundsApi.addBank(poolId, { organization_id: v.organization_id })),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={t(kind === 'top_up' ? 'funds.pool.topUp' : 'funds.pool.addBank')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {kind === 'top_up' ? (
          <>
            <Form.Item name="amount" label={t('funds.yuan')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
            <Form.Item name="note" label={t('funds.claim.note')}><Input.TextArea rows={2} /></Form.Item>
          </>
        ) : (
          <Form.Item name="organization_id" label={t('funds.loan.bank')} rules={[{ required: true }]}><OrgSelect /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function SelectOptions({ options, value, onChange }: { options: { value: number; label: string }[]; value?: number; onChange?: (v: number) => void }) {
  return (
    <Space wrap>
      {options.map((o) => <Tag.CheckableTag key={o.value} checked={value === o.value} onChange={() => onChange?.(o.value)}>{o.label}</Tag.CheckableTag>)}
    </Space>
  );
}

function ClaimForm({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => fundsApi.claim(loan.id, { loss_fen: yuanToFen(v.loss as string), default_date: day(v.default_date as Dayjs), note: v.note || null }),
    onSuccess: (c) => {
      void message.success(t('funds.claim.paid', { amount: fenToYuan(c.compensated_fen), limit: t(`funds.claim.limit.${c.limited_by}` as 'funds.claim.limit.share') }));
      void qc.invalidateQueries({ queryKey: ['funds'] });
      onClose();
    },
    onError: toast,
  });
  return (
    <Modal open title={`${t('funds.claim.action')} · ${fenToYuan(loan.principal_fen)}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="loss" label={t('funds.claim.loss')} rules={[moneyRule(t)]}><MoneyInput id="claim-loss" /></Form.Item>
        <Form.Item name="default_date" label={t('funds.claim.defaultDate')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label={t('funds.claim.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
