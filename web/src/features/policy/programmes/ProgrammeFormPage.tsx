// Define or change a programme: names, zone, window, budget, eligibility rules and amount rule (as data), documents.
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { type AmountRule, MONEY_FIELDS, OPS, ORG_KINDS, QUALIFICATIONS, type Rule, STAT_FIELDS, useAcceptedProposal, useProgramme, useProgrammeMutations, yuanToFen } from './api';
import { errorText, pk } from './parts';

interface FormRule { kind: Rule['kind']; in?: string[]; type?: string; on?: string; field?: string; op?: string; value?: number; year?: number; date?: string }
interface FormValues {
  zone_id: number | null; name_zh: string; name_en: string; description_zh?: string; description_en?: string; budget_yuan: number; opens_on: string; closes_on: string;
  rules: FormRule[]; amount_kind: 'fixed' | 'share'; amount_yuan?: number; amount_field?: string; rate_percent?: number; cap_yuan?: number | null;
  required_documents: { key: string; name_zh: string; name_en: string }[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function toRule(r: FormRule): Rule {
  switch (r.kind) {
    case 'org_kind': return { kind: 'org_kind', in: r.in ?? [] };
    case 'qualification': return r.on ? { kind: 'qualification', type: r.type ?? '', on: r.on } : { kind: 'qualification', type: r.type ?? '' };
    case 'statistic': return { kind: 'statistic', field: r.field ?? '', op: r.op ?? '>=', value: Number(r.value ?? 0), year: r.year ?? -1 };
    case 'founded_before': return { kind: 'founded_before', date: r.date ?? '' };
  }
}

function toAmount(v: FormValues): AmountRule {
  if (v.amount_kind === 'fixed') return { kind: 'fixed', amount_fen: yuanToFen(v.amount_yuan ?? 0) };
  return { kind: 'share', field: v.amount_field ?? 'rd_expense', rate_bp: Math.round((v.rate_percent ?? 0) * 100), cap_fen: v.cap_yuan ? yuanToFen(v.cap_yuan) : null };
}

export function ProgrammeFormPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const id = Number(useParams().id ?? 0);
  const existing = useProgramme(id);
  const { saveProgramme } = useProgrammeMutations();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  // "Define a programme" from an accepted policy proposal of a document: its name, quote and amount prefill the form.
  const proposalParam = Number(useSearchParams()[0].get('proposal') ?? 0);
  const proposalId = !id && proposalParam > 0 ? proposalParam : null;
  const proposal = useAcceptedProposal(proposalId);
  useEffect(() => {
    const p = proposal.data;
    if (!p) return;
    const amount = p.kind === 'amount' && p.detail?.unit === 'CNY' ? Number(p.detail.value) : undefined;
    form.setFieldsValue({
      name_zh: p.name, description_zh: p.quote,
      ...(p.zone_id ? { zone_id: p.zone_id } : {}),
      ...(amount && Number.isFinite(amount) ? { amount_kind: 'fixed' as const, amount_yuan: amount } : {}),
    });
  }, [proposal.data, form]);

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    const a = p.amount_rule;
    form.setFieldsValue({
      zone_id: p.zone_id, name_zh: p.name_zh, name_en: p.name_en, description_zh: p.description_zh ?? '', description_en: p.description_en ?? '',
      budget_yuan: p.budget_fen / 100, opens_on: p.opens_on, closes_on: p.closes_on, rules: p.rules as FormRule[], required_documents: p.required_documents,
      amount_kind: a.kind, amount_yuan: a.kind === 'fixed' ? a.amount_fen / 100 : undefined, amount_field: a.kind === 'share' ? a.field : undefined,
      rate_percent: a.kind === 'share' ? a.rate_bp / 100 : undefined, cap_yuan: a.kind === 'share' && a.cap_fen ? a.cap_fen / 100 : null,
    });
  }, [existing.data, form]);

  const onFinish = (v: FormValues) => {
    const body: Record<string, unknown> = {
      name_zh: v.name_zh, name_en: v.name_en, description_zh: v.description_zh || null, description_en: v.description_en || null,
      budget_fen: yuanToFen(v.budget_yuan), opens_on: v.opens_on, closes_on: v.closes_on, rules: (v.rules ?? []).map(toRule), amount_rule: toAmount(v),
      required_documents: v.required_documents ?? [],
    };
    if (id) body.version = existing.data?.version;
    else body.zone_id = v.zone_id;
    if (!id && proposal.data) body.source_proposal_id = proposal.data.id;
    saveProgramme.mutate({ id: id || undefined, body }, { onSuccess: (p) => navigate(`/policy/programmes/${p.id}`) });
  };

  return (
    <Card title={id ? t('policy.pg.editProgramme') : t('policy.pg.newProgramme')} loading={id > 0 && existing.isPending}>
      {proposalId !== null && proposal.data && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="programme-from-proposal"
          message={t('policy.pg.fromProposal', { document: proposal.data.title || proposal.data.file_name })} description={`“${proposal.data.quote}”`} />
      )}
      {proposalId !== null && proposal.isSuccess && !proposal.data && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('policy.pg.proposalGone')} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} data-testid="programme-form"
        initialValues={{ zone_id: user?.zone_id ?? null, budget_yuan: 1_000_000, opens_on: day(0), closes_on: day(60), amount_kind: 'share', amount_field: 'rd_expense',
          rate_percent: 10, cap_yuan: 500_000, rules: [{ kind: 'org_kind', in: ['enterprise'] }],
          required_documents: [{ key: 'rd_audit', name_zh: '研发费用专项审计报告', name_en: 'R&D expense audit report' }] }}>
        <Row gutter={16}>
          <Col span={12}><Form.Item name="name_zh" label={t('policy.pg.nameZh')} rules={[{ required: true }]}><Input data-testid="programme-name-zh" /></Form.Item></Col>
          <Col span={12}><Form.Item name="name_en" label={t('policy.pg.nameEn')} rules={[{ required: true }]}><Input data-testid="programme-name-en" /></Form.Item></Col>
          <Col span={12}><Form.Item name="description_zh" label={t('policy.pg.descriptionZh')}><Input.TextArea rows={2} /></Form.Item></Col>
          <Col span={12}><Form.Item name="description_en" label={t('policy.pg.descriptionEn')}><Input.TextArea rows={2} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="zone_id" label={t('policy.pg.zone')} rules={[{ required: !id }]}>
              <ZoneTreeSelectField disabled={id > 0} />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item name="budget_yuan" label={t('policy.pg.budgetYuan')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="programme-budget" /></Form.Item></Col>
          <Col span={5}><Form.Item name="opens_on" label={t('policy.pg.opensOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          <Col span={5}><Form.Item name="closes_on" label={t('policy.pg.closesOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
        </Row>

        <Card size="small" title={t('policy.pg.rules')} style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('policy.pg.rulesHelp')} />
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                      <Select style={{ width: 170 }} options={(['org_kind', 'qualification', 'statistic', 'founded_before'] as const).map((k) => ({ value: k, label: pk(t, 'ruleKind', k) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => <RuleFields name={f.name} kind={form.getFieldValue(['rules', f.name, 'kind'])} />}
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ kind: 'statistic', field: 'rd_expense', op: '>=', value: 0, year: -1 })} icon={<PlusOutlined />}>{t('policy.pg.addRule')}</Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('policy.pg.amountRule')} style={{ marginBottom: 16 }}>
          <Form.Item name="amount_kind"><Radio.Group options={[{ value: 'share', label: t('policy.pg.amountShare') }, { value: 'fixed', label: t('policy.pg.amountFixed') }]} /></Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => (form.getFieldValue('amount_kind') === 'fixed'
              ? <Form.Item name="amount_yuan" label={t('policy.pg.amountYuan')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} /></Form.Item>
              : (
                <Space wrap>
                  <Form.Item name="rate_percent" label={t('policy.pg.ratePercent')} rules={[{ required: true }]}><InputNumber min={0.01} max={100} precision={2} /></Form.Item>
                  <Form.Item name="amount_field" label={t('policy.pg.ofField')}><Select style={{ width: 200 }} options={MONEY_FIELDS.map((f) => ({ value: f, label: pk(t, 'field', f) }))} /></Form.Item>
                  <Form.Item name="cap_yuan" label={t('policy.pg.capYuan')}><InputNumber min={0.01} precision={2} /></Form.Item>
                </Space>
              ))}
          </Form.Item>
        </Card>

        <Card size="small" title={t('policy.pg.requiredDocuments')} style={{ marginBottom: 16 }}>
          <Form.List name="required_documents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/ }]}><Input placeholder="key" style={{ width: 140 }} /></Form.Item>
                    <Form.Item name={[f.name, 'name_zh']} rules={[{ required: true }]}><Input placeholder={t('policy.pg.nameZh')} /></Form.Item>
                    <Form.Item name={[f.name, 'name_en']} rules={[{ required: true }]}><Input placeholder={t('policy.pg.nameEn')} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ key: '', name_zh: '', name_en: '' })} icon={<PlusOutlined />}>{t('policy.pg.addDocument')}</Button>
              </>
            )}
          </Form.List>
        </Card>

        {saveProgramme.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(saveProgramme.error)} data-testid="programme-error" />}
        <Button type="primary" htmlType="submit" loading={saveProgramme.isPending} data-testid="programme-save">{t('policy.pg.save')}</Button>
      </Form>
    </Card>
  );
}

function ZoneTreeSelectField({ value, onChange, disabled }: { value?: number | null; onChange?: (v: number | null) => void; disabled?: boolean }) {
  if (disabled) return <Input disabled value={String(value ?? '')} />;
  return <ZoneTreeSelect value={value} onChange={(v) => onChange?.(v)} testId="programme-zone" />;
}

function RuleFields({ name, kind }: { name: number; kind: Rule['kind'] | undefined }) {
  const { t } = useI18n();
  switch (kind) {
    case 'org_kind':
      return <Form.Item name={[name, 'in']} rules={[{ required: true }]}><Select mode="multiple" style={{ minWidth: 260 }} options={ORG_KINDS.map((k) => ({ value: k, label: pk(t, 'orgKind', k) }))} /></Form.Item>;
    case 'qualification':
      return (
        <Space>
          <Form.Item name={[name, 'type']} rules={[{ required: true }]}><Select style={{ width: 240 }} options={QUALIFICATIONS.map((k) => ({ value: k, label: pk(t, 'qual', k) }))} /></Form.Item>
          <Form.Item name={[name, 'on']} tooltip={t('policy.pg.onHelp')}><Input type="date" /></Form.Item>
        </Space>
      );
    case 'statistic':
      return (
        <Space>
          <Form.Item name={[name, 'year']} initialValue={-1}><Select style={{ width: 120 }} options={[-1, -2, -3].map((y) => ({ value: y, label: pk(t, 'year', y) }))} /></Form.Item>
          <Form.Item name={[name, 'field']} rules={[{ required: true }]}><Select style={{ width: 200 }} options={STAT_FIELDS.map((f) => ({ value: f, label: pk(t, 'field', f) }))} /></Form.Item>
          <Form.Item name={[name, 'op']} rules={[{ required: true }]}><Select style={{ width: 70 }} options={OPS.map((o) => ({ value: o, label: o }))} /></Form.Item>
          <Form.Item name={[name, 'value']} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        </Space>
      );
    case 'founded_before':
      return <Form.Item name={[name, 'date']} rules={[{ required: true }]}><Input type="date" /></Form.Item>;
    default:
      return null;
  }
}
