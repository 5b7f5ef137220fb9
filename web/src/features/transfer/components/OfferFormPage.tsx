// Post or edit a technology offer: optionally prefilled from one of the organisation's registered achievements,
// with a disclosure tier per field and a live quality score (scored on the server, nothing stored); save as a
// draft or save and submit for broker review.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Collapse, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Item } from '../../../shared/api/types';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import { RefSelect } from '../../entities/components/RefSelect';
import { COOPERATION_MODES } from '../api/transfer';
import { changeStatus, createOffer, IP_STATUSES, saveTiers, scoreOfferDraft, type Tier, updateOffer, useDisclosure, useOffer } from '../api/listings';
import { AchievementPicker } from './AchievementPicker';
import { DisclosureTiers, defaultTiers } from './DisclosureTiers';
import { QualityPanel } from './QualityPanel';
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

export function OfferFormPage() {
  const editId = Number(useParams().id) || null;
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const organizationId = Form.useWatch('organization_id', form);
  const achievementId = Form.useWatch('achievement_id', form);
  const { meta } = useEntityMeta('offers');
  const existing = useOffer(editId ?? 0, editId !== null);
  const existingTiers = useDisclosure('offer', editId ?? 0, editId !== null);
  const fieldOptions = useMemo(
    () => (meta?.fields.find((f) => f.name === 'hightech_field')?.options ?? []).map((o) => ({ value: o.value, label: pick(o.label) })),
    [meta, pick],
  );

  // Live quality score of the draft, a little after the last change.
  const [pending, setPending] = useState<Record<string, unknown>>(() => toDraft({}));
  const [draft, setDraft] = useState(pending);
  useEffect(() => {
    const h = setTimeout(() => setDraft(pending), 400);
    return () => clearTimeout(h);
  }, [pending]);
  const quality = useQuery({ queryKey: ['transfer', 'quality-draft', 'offer', draft], queryFn: () => scoreOfferDraft(draft), placeholderData: (prev) => prev });

  useEffect(() => {
    if (!existing.data) return;
    form.setFieldsValue(fromItem(existing.data));
    setPending(toDraft(fromItem(existing.data)));
  }, [existing.data, form]);
  useEffect(() => {
    if (existingTiers.data) form.setFieldsValue({ tiers: existingTiers.data.tiers });
  }, [existingTiers.data, form]);

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
    setPending(toDraft(form.getFieldsValue()));
  };

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: Values; submit: boolean }) => {
      const body = toDraft(values);
      const saved = editId && existing.data ? await updateOffer(editId, existing.data.version, body) : await createOffer(body);
      await saveTiers('offer', saved.id, { ...defaultTiers('offer'), ...values.tiers });
      if (submit) await changeStatus('offer', saved.id, { action: 'submit' });
      return { id: saved.id, submit };
    },
    onSuccess: ({ id, submit }) => {
      void message.success(submit ? t('transfer.offers.submitted') : t('transfer.offers.saved'));
      navigate(`/transfer/offers/${id}`);
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields(e.fieldErrors.filter((f) => f.field && (FIELDS as readonly string[]).includes(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      }
      void message.error(errorText(e));
    },
  });
  const run = (submit: boolean) => form.validateFields().then((values) => save.mutate({ values, submit }), () => undefined);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('transfer.form.required', { field: label }) }];
  const canSubmit = !editId || ['draft', 'sent_back'].includes(String(existing.data?.status ?? 'draft'));

  if (editId && existing.error) return <Alert type="error" showIcon message={errorText(existing.error)} />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card title={editId ? t('transfer.offers.edit') : t('transfer.offers.new')} loading={!!editId && existing.isPending}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ cooperation_modes: [], organization_id: user?.organization_id ?? undefined, tiers: defaultTiers('offer') }}
            onValuesChange={(_, all) => setPending(toDraft(all))}
            data-testid="offer-form"
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
            <Form.Item name="summary" label={t('transfer.field.summary')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="advantages" label={t('transfer.field.advantages')}>
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
            <Form.Item name="cooperation_modes" label={t('transfer.field.modes')}>
              <Select mode="multiple" allowClear options={COOPERATION_MODES.map((m) => ({ value: m, label: tk(t, 'mode', m) }))} />
            </Form.Item>
            <Form.Item name="anonymous" valuePropName="checked" extra={t('transfer.offers.anonymousHint')}>
              <Checkbox data-testid="offer-anonymous">{t('transfer.field.anonymous')}</Checkbox>
            </Form.Item>
            <Collapse
              size="small"
              style={{ marginBottom: 16 }}
              items={[{ key: 'tiers', label: <span data-testid="offer-tiers-toggle">{t('transfer.disclosure.title')}</span>, children: <Form.Item name="tiers" noStyle><DisclosureTiers kind="offer" /></Form.Item> }]}
            />
            <Space>
              <Button onClick={() => void run(false)} loading={save.isPending} data-testid="offer-save-draft">
                {editId ? t('common.save') : t('transfer.form.saveDraft')}
              </Button>
              {canSubmit && (
                <Button type="primary" onClick={() => void run(true)} loading={save.isPending} data-testid="offer-submit">
                  {t('transfer.form.submit')}
                </Button>
              )}
              <Button onClick={() => navigate(editId ? `/transfer/offers/${editId}` : '/transfer/offers')}>{t('common.cancel')}</Button>
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
