// Post a demand: the fields with a disclosure tier each, a live quality score with suggestions (scored on the server,
// nothing stored), then save as a draft or save and submit for broker review.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, Collapse, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import { RefSelect } from '../../entities/components/RefSelect';
import { changeDemandStatus, CONFIDENTIALITY, COOPERATION_MODES, createDemand, scoreDemandDraft } from '../api/transfer';
import { saveTiers, type Tier } from '../api/listings';
import { DisclosureTiers, defaultTiers } from './DisclosureTiers';
import { QualityPanel } from './QualityPanel';
import { errorText, tk } from './labels';

interface Values {
  title?: string;
  organization_id?: number | null;
  description?: string;
  hightech_field?: string | null;
  ipc_code?: string;
  problem?: string;
  target_indicators?: string;
  acceptance_criteria?: string;
  budget_min?: number | null;
  budget_max?: number | null;
  deadline?: Dayjs | null;
  cooperation_modes?: string[];
  confidentiality?: string;
  decision_owner?: string;
  tiers?: Record<string, Tier>;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null);

function toDraft(v: Values): Record<string, unknown> {
  return {
    title: blank(v.title),
    organization_id: v.organization_id ?? null,
    description: blank(v.description),
    hightech_field: v.hightech_field ?? null,
    ipc_code: blank(v.ipc_code),
    problem: blank(v.problem),
    target_indicators: blank(v.target_indicators),
    acceptance_criteria: blank(v.acceptance_criteria),
    budget_min: v.budget_min ?? null,
    budget_max: v.budget_max ?? null,
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
    cooperation_modes: v.cooperation_modes ?? [],
    confidentiality: v.confidentiality ?? 'public',
    decision_owner: blank(v.decision_owner),
  };
}

export function DemandFormPage() {
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { meta } = useEntityMeta('demands');
  const fieldOptions = useMemo(
    () => (meta?.fields.find((f) => f.name === 'hightech_field')?.options ?? []).map((o) => ({ value: o.value, label: pick(o.label) })),
    [meta, pick],
  );

  // Live quality score of the draft, a little after the last change.
  const [draft, setDraft] = useState<Record<string, unknown>>(() => toDraft({ confidentiality: 'public' }));
  const [pending, setPending] = useState<Record<string, unknown>>(draft);
  useEffect(() => {
    const h = setTimeout(() => setDraft(pending), 400);
    return () => clearTimeout(h);
  }, [pending]);
  const quality = useQuery({
    queryKey: ['transfer', 'quality-draft', draft],
    queryFn: () => scoreDemandDraft(draft),
    placeholderData: (prev) => prev,
  });

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: Values; submit: boolean }) => {
      const created = await createDemand(toDraft(values));
      await saveTiers('demand', created.id, { ...defaultTiers('demand'), ...values.tiers });
      if (submit) await changeDemandStatus(created.id, { action: 'submit' });
      return { id: created.id, submit };
    },
    onSuccess: ({ id, submit }) => {
      void message.success(submit ? t('transfer.form.submitted') : t('transfer.form.saved'));
      navigate(`/transfer/demands/${id}`);
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields(e.fieldErrors.filter((f) => f.field).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      }
      void message.error(errorText(e));
    },
  });

  const run = (submit: boolean) =>
    form.validateFields().then((values) => save.mutate({ values, submit }), () => undefined);

  const required = (label: string) => [{ required: true, message: t('transfer.form.required', { field: label }) }];

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card title={t('transfer.demands.new')}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ confidentiality: 'public', cooperation_modes: [], organization_id: user?.organization_id ?? undefined, tiers: defaultTiers('demand') }}
            onValuesChange={(_, all) => setPending(toDraft(all))}
            data-testid="demand-form"
          >
            <Form.Item name="title" label={t('transfer.field.title')} rules={required(t('transfer.field.title'))}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="organization_id" label={t('transfer.field.organization')} rules={required(t('transfer.field.organization'))}>
              <RefSelect entity="organizations" id="organization_id" />
            </Form.Item>
            <Form.Item name="description" label={t('transfer.field.description')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="problem" label={t('transfer.field.problem')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="hightech_field" label={t('transfer.field.hightechField')}>
                  <Select allowClear options={fieldOptions} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="ipc_code" label={t('transfer.field.ipc')}>
                  <Input placeholder="H05K 1/09" maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="target_indicators" label={t('transfer.field.targetIndicators')} extra={t('transfer.form.indicatorsHint')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="acceptance_criteria" label={t('transfer.field.acceptance')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item label={t('transfer.field.budget')} style={{ marginBottom: 0 }}>
              <Space.Compact>
                <Form.Item name="budget_min" noStyle>
                  <InputNumber min={0} placeholder={t('transfer.field.budgetMin')} style={{ width: 160 }} id="budget_min" />
                </Form.Item>
                <Form.Item
                  name="budget_max"
                  noStyle
                  dependencies={['budget_min']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v) => {
                        const min = getFieldValue('budget_min') as number | null | undefined;
                        return v != null && min != null && v < min ? Promise.reject(new Error(t('transfer.form.budgetOrder'))) : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <InputNumber min={0} placeholder={t('transfer.field.budgetMax')} style={{ width: 160 }} id="budget_max" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
            <div style={{ height: 24 }} />
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="deadline" label={t('transfer.field.deadline')}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="decision_owner" label={t('transfer.field.decisionOwner')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="cooperation_modes" label={t('transfer.field.modes')}>
              <Select mode="multiple" allowClear options={COOPERATION_MODES.map((m) => ({ value: m, label: tk(t, 'mode', m) }))} />
            </Form.Item>
            <Form.Item name="confidentiality" label={t('transfer.field.confidentiality')}>
              <Radio.Group options={CONFIDENTIALITY.map((c) => ({ value: c, label: tk(t, 'conf', c) }))} />
            </Form.Item>
            <Collapse
              size="small"
              style={{ marginBottom: 16 }}
              items={[{ key: 'tiers', label: <span data-testid="demand-tiers-toggle">{t('transfer.disclosure.title')}</span>, children: <Form.Item name="tiers" noStyle><DisclosureTiers kind="demand" /></Form.Item> }]}
            />
            <Space>
              <Button onClick={() => void run(false)} loading={save.isPending} data-testid="demand-save-draft">
                {t('transfer.form.saveDraft')}
              </Button>
              <Button type="primary" onClick={() => void run(true)} loading={save.isPending} data-testid="demand-submit">
                {t('transfer.form.submit')}
              </Button>
              <Button onClick={() => navigate('/transfer/demands')}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('transfer.quality.title')} style={{ position: 'sticky', top: 84 }}>
          <QualityPanel report={quality.data} loading={quality.isFetching} />
        </Card>
      </Col>
    </Row>
  );
}
