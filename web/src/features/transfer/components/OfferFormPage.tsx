// Post or edit a technology offer: optionally prefilled from one of the organisation's registered achievements,
// with a disclosure tier per field and a live quality score (scored on the server, nothing stored); save as a
// draft or save and submit for broker review.
import { useParams } from 'react-router-dom';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Item } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { RefSelect } from '../../entities/components/RefSelect';
import { createOffer, IP_STATUSES, type Tier, updateOffer, useOffer } from '../api/listings';
import { AchievementPicker } from './AchievementPicker';
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
  achievement_id?: number | null;
  summary?: string;
  hightech_field?: string | null;
  ipc_code?: string;
  trl?: number | null;
  ip_status?: string | null;
  advantages?: string;
  cooperation_modes?: string[];
  price_expectation?: number | null;
  anonymous?: boolean;
  tiers?: Record<string, Tier>;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null);
const FIELDS = ['title', 'organization_id', 'achievement_id', 'summary', 'hightech_field', 'ipc_code', 'trl', 'ip_status', 'advantages', 'cooperation_modes', 'price_expectation', 'anonymous'] as const;

function toDraft(v: Values): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (const f of FIELDS) d[f] = f === 'cooperation_modes' ? v[f] ?? [] : f === 'anonymous' ? !!v[f] : blank(v[f]);
  return d;
}

const fromItem = (o: Item): Values => Object.fromEntries(FIELDS.map((f) => [f, o[f] ?? undefined])) as Values;

const CONVERT = { fromItem, toDraft };

export function OfferFormPage() {
  const editId = Number(useParams().id) || null;
  const { t } = useI18n();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const organizationId = Form.useWatch('organization_id', form);
  const achievementId = Form.useWatch('achievement_id', form);
  const existing = useOffer(editId ?? 0, editId !== null);
  const { quality, rescore } = useLiveQuality('offer', () => toDraft({}));

  const { canSubmit } = useFormForEdit('offer', editId, existing.data, form, CONVERT, rescore);

  const prefill = (a: Item | null) => {
    if (!a) return form.setFieldsValue({ achievement_id: null });
    const current = form.getFieldsValue();
    form.setFieldsValue({
      achievement_id: a.id,
      title: current.title || String(a.title ?? ''),
      summary: current.summary || (a.abstract ? String(a.abstract) : undefined),
      hightech_field: current.hightech_field ?? (a.hightech_field as string | null) ?? undefined,
      ipc_code: current.ipc_code || (a.ipc_code ? String(a.ipc_code) : undefined),
      trl: current.trl ?? (a.maturity as number | null) ?? undefined,
      ip_status: current.ip_status ?? (a.patent_no ? 'granted_patent' : undefined),
    });
    rescore(toDraft(form.getFieldsValue()));
  };

  const { run, saving } = useSaveItem('offer', form, {
    store: (values) => (editId && existing.data ? updateOffer(editId, existing.data.version, toDraft(values)) : createOffer(toDraft(values))),
    messages: { saved: 'transfer.offers.saved', submitted: 'transfer.offers.submitted' },
    fields: FIELDS,
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: t('transfer.form.required', { field: label }) }];

  if (editId && existing.error) return <Alert type="error" showIcon message={errorText(existing.error)} />;
  return (
    <FormWithQuality<Values>
      kind="offer"
      title={editId ? t('transfer.offers.edit') : t('transfer.offers.new')}
      loading={!!editId && existing.isPending}
      form={form}
      initialValues={{ cooperation_modes: [], organization_id: user?.organization_id ?? undefined, tiers: defaultTiers('offer') }}
      onValuesChange={(all) => rescore(toDraft(all))}
      quality={quality}
      buttons={<SaveButtons kind="offer" editId={editId} canSubmit={canSubmit} saving={saving} onSave={run} />}
    >
      <Form.Item name="organization_id" label={t('transfer.field.organization')} rules={[{ required: true, message: t('transfer.form.required', { field: t('transfer.field.organization') }) }]}>
        <RefSelect entity="organizations" id="organization_id" initial={existing.data?.refs?.organization_id ?? null} />
      </Form.Item>
      <Form.Item name="achievement_id" label={t('transfer.field.achievement')} extra={t('transfer.offers.achievementHint')}>
        <AchievementPicker organizationId={organizationId} value={achievementId} onPick={prefill} />
      </Form.Item>
      <Form.Item name="title" label={t('transfer.field.title')} rules={required(t('transfer.field.title'))}>
        <Input maxLength={300} />
      </Form.Item>
      <TextAreaItem name="summary" label={t('transfer.field.summary')} rows={4} />
      <TextAreaItem name="advantages" label={t('transfer.field.advantages')} rows={3} />
      <Row gutter={12}>
        <ClassificationFields kind="offer" />
        <Col span={8}>
          <Form.Item name="trl" label={t('transfer.field.trl')}>
            <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ip_status" label={t('transfer.field.ipStatus')}>
            <Select allowClear options={IP_STATUSES.map((s) => ({ value: s, label: tk(t, 'ip', s) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="price_expectation" label={t('transfer.field.price')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <CooperationModesField />
      <Form.Item name="anonymous" valuePropName="checked" extra={t('transfer.offers.anonymousHint')}>
        <Checkbox data-testid="offer-anonymous">{t('transfer.field.anonymous')}</Checkbox>
      </Form.Item>
    </FormWithQuality>
  );
}
