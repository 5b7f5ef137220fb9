// Post or edit a demand: the fields with a disclosure tier each, a live quality score with suggestions (scored on the
// server, nothing stored), then save as a draft or save and submit for broker review.
import { useParams } from 'react-router-dom';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { RefSelect } from '../../entities/components/RefSelect';
import type { Item } from '../../../shared/api/types';
import { CONFIDENTIALITY, createDemand, updateDemand, useDemand } from '../api/transfer';
import type { Tier } from '../api/listings';
import { ClassificationFields } from './ClassificationFields';
import { CooperationModesField } from './CooperationModesField';
import { defaultTiers } from './DisclosureTiers';
import { FormWithQuality } from './FormWithQuality';
import { SaveButtons } from './SaveButtons';
import { TextAreaItem } from './TextAreaItem';
import { useLiveQuality } from './useLiveQuality';
import { useFormForEdit } from './useFormForEdit';
import { useSaveItem } from './useSaveItem';
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
const FIELDS = ['title', 'organization_id', 'description', 'hightech_field', 'ipc_code', 'problem', 'target_indicators', 'acceptance_criteria',
  'budget_min', 'budget_max', 'deadline', 'cooperation_modes', 'confidentiality', 'decision_owner'] as const;

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

function fromItem(d: Item): Values {
  const values = Object.fromEntries(FIELDS.map((f) => [f, d[f] ?? undefined])) as Values & { deadline?: unknown };
  return { ...values, deadline: typeof d.deadline === 'string' && d.deadline ? dayjs(d.deadline) : undefined };
}

const CONVERT = { fromItem, toDraft };

export function DemandFormPage() {
  const editId = Number(useParams().id) || null;
  const { t } = useI18n();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const existing = useDemand(editId ?? 0, editId !== null);
  const { quality, rescore } = useLiveQuality('demand', () => toDraft({ confidentiality: 'public' }));

  const { canSubmit } = useFormForEdit('demand', editId, existing.data, form, CONVERT, rescore);

  const { run, saving } = useSaveItem('demand', form, {
    store: (values) => (editId && existing.data ? updateDemand(editId, existing.data.version, toDraft(values)) : createDemand(toDraft(values))),
    messages: { saved: 'transfer.form.saved', submitted: 'transfer.form.submitted' },
    fields: FIELDS,
  });
  const required = (label: string) => [{ required: true, message: t('transfer.form.required', { field: label }) }];

  if (editId && existing.error) return <Alert type="error" showIcon message={errorText(existing.error)} />;
  return (
    <FormWithQuality<Values>
      kind="demand"
      title={editId ? t('transfer.demands.edit') : t('transfer.demands.new')}
      loading={!!editId && existing.isPending}
      form={form}
      initialValues={{ confidentiality: 'public', cooperation_modes: [], organization_id: user?.organization_id ?? undefined, tiers: defaultTiers('demand') }}
      onValuesChange={(all) => rescore(toDraft(all))}
      quality={quality}
      buttons={<SaveButtons kind="demand" editId={editId} canSubmit={canSubmit} saving={saving} onSave={run} />}
    >
      <Form.Item name="title" label={t('transfer.field.title')} rules={required(t('transfer.field.title'))}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="organization_id" label={t('transfer.field.organization')} rules={required(t('transfer.field.organization'))}>
        <RefSelect entity="organizations" id="organization_id" initial={existing.data?.refs?.organization_id ?? null} />
      </Form.Item>
      <TextAreaItem name="description" label={t('transfer.field.description')} rows={4} />
      <TextAreaItem name="problem" label={t('transfer.field.problem')} rows={3} />
      <Row gutter={12}>
        <ClassificationFields kind="demand" />
      </Row>
      <TextAreaItem name="target_indicators" label={t('transfer.field.targetIndicators')} rows={3} extra={t('transfer.form.indicatorsHint')} />
      <TextAreaItem name="acceptance_criteria" label={t('transfer.field.acceptance')} rows={2} />
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
      <CooperationModesField />
      <Form.Item name="confidentiality" label={t('transfer.field.confidentiality')}>
        <Radio.Group options={CONFIDENTIALITY.map((c) => ({ value: c, label: tk(t, 'conf', c) }))} />
      </Form.Item>
    </FormWithQuality>
  );
}
