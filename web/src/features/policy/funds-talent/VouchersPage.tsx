// Innovation vouchers: schemes with their budgets and counts, the vouchers with their state (valid, redeemed,
// expired) and balances; operators define schemes and issue vouchers; vouchers are redeemed at registered providers.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { fenToYuan, fundsApi, type Voucher, type VoucherScheme, yuanToFen } from './api';
import { MoneyInput, moneyRule } from './MoneyInput';
import { OrgSelect } from './RegistrySelect';
import { useProblemToast } from './useProblemToast';

const STATE_COLOUR = { valid: 'green', redeemed: 'blue', expired: 'default' } as const;

export function VouchersPage() {
  const { t, name, lang } = useI18n();
  const { user } = useAuth();
  const [scheme, setScheme] = useState<number | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<VoucherScheme | null>(null);
  const [redeeming, setRedeeming] = useState<Voucher | null>(null);
  const [registering, setRegistering] = useState<VoucherScheme | null>(null);
  const schemes = useQuery({ queryKey: ['funds', 'schemes'], queryFn: fundsApi.schemes, enabled: !!user });
  const vouchers = useQuery({ queryKey: ['funds', 'vouchers', scheme, state], queryFn: () => fundsApi.vouchers({ scheme, state }), enabled: !!user });
  const categories = useQuery({ queryKey: ['funds', 'categories'], queryFn: fundsApi.categories, staleTime: Infinity });
  const catLabel = (c: string | null) => { const x = categories.data?.items.find((i) => i.value === c); return x ? (lang === 'en' ? x.en : x.zh) : c ?? '—'; };
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  if (!user) return <Card><Alert type="info" message={t('talent.signIn')} /></Card>;
  const b = vouchers.data?.balance;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="vouchers-page">
      <Card title={t('funds.voucher.schemes')} extra={manager && <Button type="primary" onClick={() => setCreating(true)} data-testid="scheme-new">{t('funds.voucher.newScheme')}</Button>}>
        <Table<VoucherScheme>
          rowKey="id" size="small" loading={schemes.isPending} dataSource={schemes.data?.items ?? []} pagination={false}
          columns={[
            { title: t('funds.pool.name'), render: (_, s) => name(s) },
            { title: t('funds.voucher.face'), align: 'right', render: (_, s) => fenToYuan(s.face_value_fen) },
            { title: t('funds.voucher.budgetLeft'), align: 'right', render: (_, s) => `${fenToYuan(s.budget_fen - s.issued_fen)} / ${fenToYuan(s.budget_fen)}` },
            { title: t('funds.voucher.issueWindow'), render: (_, s) => `${s.issue_from} – ${s.issue_to}` },
            { title: t('funds.voucher.validityDays'), dataIndex: 'validity_days', align: 'right' },
            { title: t('funds.voucher.categories'), render: (_, s) => s.categories.map((c) => <Tag key={c}>{catLabel(c)}</Tag>) },
            { title: t('funds.voucher.state'), render: (_, s) => t('funds.voucher.stats', { valid: s.stats.valid, redeemed: s.stats.redeemed, expired: s.stats.expired }) },
            {
              title: t('common.actions'),
              render: (_, s) => manager && (
                <Space size={4}>
                  <Button size="small" onClick={() => setIssuing(s)} data-testid={`issue-${s.id}`}>{t('funds.voucher.issue')}</Button>
                  <Button size="small" onClick={() => setRegistering(s)} data-testid={`provider-${s.id}`}>{t('funds.voucher.registerProvider')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('funds.voucher.list')}
        extra={(
          <Space>
            <Select allowClear placeholder={t('funds.voucher.allSchemes')} value={scheme} onChange={setScheme} style={{ minWidth: 200 }}
              options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: name(s) }))} />
            <Select allowClear placeholder={t('funds.voucher.state')} value={state} onChange={setState} style={{ minWidth: 120 }}
              options={(['valid', 'redeemed', 'expired'] as const).map((s) => ({ value: s, label: t(`funds.voucher.state.${s}`) }))} />
          </Space>
        )}
      >
        {b && <Typography.Paragraph data-testid="voucher-balance">{t('funds.voucher.balance', { valid: fenToYuan(b.valid_fen), paid: fenToYuan(b.paid_fen), expired: fenToYuan(b.expired_fen) })}</Typography.Paragraph>}
        <Table<Voucher>
          rowKey="id" size="small" loading={vouchers.isPending} dataSource={vouchers.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('funds.voucher.empty') }}
          columns={[
            { title: t('funds.voucher.code'), dataIndex: 'code' },
            { title: t('funds.voucher.schemes'), render: (_, v) => name({ name_zh: v.scheme_name_zh, name_en: v.scheme_name_en }) },
            { title: t('funds.voucher.holder'), render: (_, v) => name({ name_zh: v.org_name_zh, name_en: v.org_name_en }) },
            { title: t('funds.voucher.face'), align: 'right', render: (_, v) => fenToYuan(v.face_value_fen) },
            { title: t('funds.voucher.issuedOn'), dataIndex: 'issued_on' },
            { title: t('funds.voucher.expiresOn'), dataIndex: 'expires_on' },
            { title: t('funds.voucher.state'), render: (_, v) => <Tag color={STATE_COLOUR[v.state]} data-testid={`voucher-state-${v.id}`}>{t(`funds.voucher.state.${v.state}`)}</Tag> },
            {
              title: t('funds.voucher.provider'),
              render: (_, v) => (v.state === 'redeemed'
                ? `${name({ name_zh: v.provider_name_zh ?? '', name_en: v.provider_name_en })} · ${catLabel(v.category)} · ${fenToYuan(v.paid_fen)}`
                : v.state === 'valid' ? <Button size="small" onClick={() => setRedeeming(v)} data-testid={`redeem-${v.id}`}>{t('funds.voucher.redeem')}</Button> : null),
            },
          ]}
        />
      </Card>
      {creating && <SchemeForm categories={categories.data?.items.map((c) => ({ value: c.value, label: lang === 'en' ? c.en : c.zh })) ?? []} onClose={() => setCreating(false)} />}
      {issuing && <IssueForm scheme={issuing} onClose={() => setIssuing(null)} />}
      {registering && <ProviderForm scheme={registering} catLabel={catLabel} onClose={() => setRegistering(null)} />}
      {redeeming && <RedeemForm voucher={redeeming} catLabel={catLabel} onClose={() => setRedeeming(null)} />}
    </Space>
  );
}

function SchemeForm({ categories, onClose }: { categories: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => fundsApi.createScheme({
      zone_id: v.zone_id, name_zh: v.name_zh, name_en: v.name_en || null, face_value_fen: yuanToFen(v.face as string), budget_fen: yuanToFen(v.budget as string),
      validity_days: v.validity_days, issue_from: (v.issue_from as Dayjs).format('YYYY-MM-DD'), issue_to: (v.issue_to as Dayjs).format('YYYY-MM-DD'), categories: v.categories,
    }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={t('funds.voucher.newScheme')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={{ zone_id: user?.zone_id ?? undefined, validity_days: 365 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="zone_id" label={t('funds.zone')} rules={[{ required: true }]}><ZoneTreeSelect value={undefined} onChange={() => undefined} /></Form.Item>
        <Form.Item name="name_zh" label={t('funds.pool.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name_en" label={t('funds.nameEn')}><Input /></Form.Item>
        <Form.Item name="face" label={t('funds.voucher.face')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="budget" label={t('funds.voucher.budget')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="validity_days" label={t('funds.voucher.validityDays')} rules={[{ required: true }]}><InputNumber min={1} max={3660} /></Form.Item>
        <Form.Item name="issue_from" label={t('funds.voucher.issueFrom')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="issue_to" label={t('funds.voucher.issueTo')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="categories" label={t('funds.voucher.categories')} rules={[{ required: true }]}><Select mode="multiple" options={categories} /></Form.Item>
      </Form>
    </Modal>
  );
}

function IssueForm({ scheme, onClose }: { scheme: VoucherScheme; onClose: () => void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { organization_ids: number[] }) => fundsApi.issue(scheme.id, { organization_ids: v.organization_ids }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={`${t('funds.voucher.issue')} · ${name(scheme)}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Typography.Paragraph type="secondary">{t('funds.voucher.face')} {fenToYuan(scheme.face_value_fen)} · {t('funds.voucher.budgetLeft')} {fenToYuan(scheme.budget_fen - scheme.issued_fen)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="organization_ids" label={t('funds.voucher.issueTo.orgs')} rules={[{ required: true }]}><OrgSelect multiple zone={scheme.zone_id} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ProviderForm({ scheme, catLabel, onClose }: { scheme: VoucherScheme; catLabel: (c: string) => string; onClose: () => void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const detail = useQuery({ queryKey: ['funds', 'scheme', scheme.id], queryFn: () => fundsApi.scheme(scheme.id) });
  const save = useMutation({
    mutationFn: (v: { organization_id: number; categories: string[] }) => fundsApi.registerProvider(scheme.id, v),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={`${t('funds.voucher.registerProvider')} · ${name(scheme)}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      {detail.data && detail.data.providers.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('funds.voucher.providers')}：{detail.data.providers.map((p) => `${name(p)}（${p.categories.map(catLabel).join('、')}）`).join('；')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="organization_id" label={t('funds.voucher.provider')} rules={[{ required: true }]}><OrgSelect /></Form.Item>
        <Form.Item name="categories" label={t('funds.voucher.category')} rules={[{ required: true }]}>
          <Select mode="multiple" options={scheme.categories.map((c) => ({ value: c, label: catLabel(c) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RedeemForm({ voucher, catLabel, onClose }: { voucher: Voucher; catLabel: (c: string) => string; onClose: () => void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const scheme = useQuery({ queryKey: ['funds', 'scheme', voucher.scheme_id], queryFn: () => fundsApi.scheme(voucher.scheme_id) });
  const provider = Form.useWatch('provider_org_id', form) as number | undefined;
  const cats = scheme.data?.providers.find((p) => p.organization_id === provider)?.categories ?? [];
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => fundsApi.redeem(voucher.id, { provider_org_id: v.provider_org_id, category: v.category, service_amount_fen: yuanToFen(v.amount as string), note: v.note || null }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['funds'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={`${t('funds.voucher.redeem')} · ${voucher.code}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="provider_org_id" label={t('funds.voucher.provider')} rules={[{ required: true }]}>
          <Select loading={scheme.isPending} options={(scheme.data?.providers ?? []).map((p) => ({ value: p.organization_id, label: name(p) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('funds.voucher.category')} rules={[{ required: true }]}>
          <Select options={cats.map((c) => ({ value: c, label: catLabel(c) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('funds.voucher.serviceAmount')} rules={[moneyRule(t)]}><MoneyInput /></Form.Item>
        <Form.Item name="note" label={t('funds.claim.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
