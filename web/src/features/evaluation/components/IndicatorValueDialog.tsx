// Entering (or correcting) one official statistic for a zone and year with its source: title or address, with the
// quote. Admins and zone operators see it; the server decides the zones (an operator: their own subtree) and checks the
// value against the indicator's unit, asking for confirmation of an odd value. Server messages land on their fields.
import { useState, type ComponentProps } from 'react';
import { App, Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { isApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { enterValue, invalidateEvaluation, useEnteredIndicators, type EnteredValueBody } from '../api/evaluation-data';

interface Props {
  zone: { id: number; code?: string; name_zh?: string; name_en?: string | null };
  year: number;
  /** Preset indicator (from its data drawer): the button shows only when it is an entered indicator. */
  indicator?: string;
  /** The framework's indicator codes: the list offers the entered ones among them. */
  codes?: string[];
}

interface FormValues { indicator: string; year: number; value: number; source_title?: string; source_url?: string; quote?: string; note?: string; confirm?: boolean }

const FORM_FIELDS = new Set(['indicator', 'year', 'value', 'source_title', 'source_url', 'quote', 'note']);

export function IndicatorValueDialog({ zone, year, indicator, codes }: Props) {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const [confirmAsked, setConfirmAsked] = useState<{ suggestion?: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mayEnter = user?.role === 'admin' || user?.role === 'zone_operator';
  const inds = useEnteredIndicators(mayEnter);
  const inFramework = (inds.data ?? []).filter((i) => !codes || codes.includes(i.code));
  const options = (inFramework.length ? inFramework : inds.data ?? []).map((i) => ({ value: i.code, label: name(i) }));

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: EnteredValueBody = {
        indicator: v.indicator, zone: zone.id, year: v.year, value: v.value,
        source_title: v.source_title?.trim() || null, source_url: v.source_url?.trim() || null, quote: v.quote?.trim() || null,
        note: v.note?.trim() || null, confirm: Boolean(v.confirm),
      };
      return enterValue(body);
    },
    onSuccess: () => {
      void message.success(t('evaluation.enter.saved'));
      invalidateEvaluation(qc);
      setOpen(false);
    },
    onError: (e) => {
      if (!isApiError(e)) { setFormError(String(e)); return; }
      if (e.problem.confirmRequired) {
        const s = e.problem.suggestion;
        setConfirmAsked({ suggestion: typeof s === 'number' ? s : undefined });
      }
      const onFields = e.fieldErrors.map((fe) => ({ field: fe.field.replace(/^body\./, '').replace(/^source$/, 'source_title'), message: fe.message }))
        .filter((fe) => FORM_FIELDS.has(fe.field));
      form.setFields(onFields.map((fe) => ({ name: fe.field as keyof FormValues, errors: [fe.message] })));
      setFormError(onFields.length ? null : t('evaluation.enter.failed', { reason: e.message }));
    },
  });

  if (!mayEnter || !inds.data) return null;
  if (indicator && !inds.data.some((i) => i.code === indicator)) return null;

  const start = () => {
    form.resetFields();
    form.setFieldsValue({ indicator: indicator ?? options[0]?.value, year });
    setConfirmAsked(null);
    setFormError(null);
    setOpen(true);
  };

  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={start} data-testid={indicator ? `eval-enter-${indicator}` : 'eval-enter-value'}>
        {indicator ? t('evaluation.enter.correct') : t('evaluation.enter.open')}
      </Button>
      <Modal
        open={open}
        title={t('evaluation.enter.title', { zone: name(zone) })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
        width="min(560px, calc(100vw - 24px))"
        okButtonProps={{ 'data-testid': 'eval-enter-save' } as ComponentProps<typeof Button>}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('evaluation.enter.intro')}</Typography.Paragraph>
        {options.length === 0 ? <Alert type="info" message={t('evaluation.enter.none')} /> : (
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="eval-enter-form"
            onValuesChange={(changed) => { if ('value' in changed) setConfirmAsked(null); }}>
            <Form.Item name="indicator" label={t('evaluation.enter.indicator')} rules={[{ required: true }]}>
              <Select options={options} showSearch optionFilterProp="label" disabled={Boolean(indicator)} data-testid="eval-enter-indicator" />
            </Form.Item>
            <Space wrap size={12} style={{ width: '100%' }}>
              <Form.Item name="year" label={t('evaluation.enter.year')} rules={[{ required: true }]}>
                <InputNumber min={1949} max={2100} precision={0} style={{ width: 120 }} data-testid="eval-enter-year" />
              </Form.Item>
              <Form.Item name="value" label={t('evaluation.enter.value')} rules={[{ required: true }]}>
                <InputNumber style={{ width: 180 }} data-testid="eval-enter-val" />
              </Form.Item>
            </Space>
            {confirmAsked && (
              <Space wrap style={{ marginBottom: 12 }}>
                <Form.Item name="confirm" valuePropName="checked" noStyle>
                  <Checkbox data-testid="eval-enter-confirm">{t('evaluation.enter.confirm')}</Checkbox>
                </Form.Item>
                {confirmAsked.suggestion !== undefined && (
                  <Button size="small" onClick={() => { form.setFieldsValue({ value: confirmAsked.suggestion }); setConfirmAsked(null); }}>
                    {t('evaluation.enter.useSuggestion', { value: String(confirmAsked.suggestion) })}
                  </Button>
                )}
              </Space>
            )}
            <Form.Item name="source_title" label={t('evaluation.enter.sourceTitle')} dependencies={['source_url']}
              rules={[({ getFieldValue }) => ({ validator: (_r, v) => (String(v ?? '').trim() || String(getFieldValue('source_url') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('evaluation.enter.sourceRequired')))) })]}>
              <Input maxLength={500} data-testid="eval-enter-source-title" />
            </Form.Item>
            <Form.Item name="source_url" label={t('evaluation.enter.sourceUrl')}>
              <Input maxLength={2000} placeholder="https://" data-testid="eval-enter-source-url" />
            </Form.Item>
            <Form.Item name="quote" label={t('evaluation.enter.quote')}>
              <Input.TextArea rows={3} maxLength={5000} data-testid="eval-enter-quote" />
            </Form.Item>
            <Form.Item name="note" label={t('evaluation.enter.note')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            {formError && <Alert type="error" showIcon message={formError} data-testid="eval-enter-error" />}
          </Form>
        )}
      </Modal>
    </>
  );
}
