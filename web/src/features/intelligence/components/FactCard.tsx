// One extracted fact under review: what was read, its flags and status, other sources that disagree, and the
// reviewer's actions (confirm, correct, reject, merge into another fact).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { isApiError } from '../../../shared/api/client';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { useFactAction, type Fact, type FactAction } from '../api/intelligence';

const UNITS = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'TWD', 'JPY', 'count', 'percent', 'pp', 'rank', 'ranks', 'times', 'years', 'm2', 'mu', 'MW', 'CNY_per_km2', 'count_per_10k_persons'];
export const FACT_COLOR = { proposed: 'gold', confirmed: 'green', rejected: 'default', merged: 'default', superseded: 'default' } as const;

export function FactCard({ fact, documentId, others, mayReview, selected, onSelect }: {
  fact: Fact; documentId: number; others: Fact[]; mayReview: boolean; selected: boolean; onSelect: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const action = useFactAction(documentId);
  const [mode, setMode] = useState<'view' | 'correct' | 'merge'>('view');
  const [form] = Form.useForm();
  const [mergeInto, setMergeInto] = useState<number | null>(null);
  const open = fact.status === 'proposed';

  const run = async (a: FactAction) => {
    try {
      await action.mutateAsync({ fact, action: a });
      message.success(t('intel.fact.done'));
      setMode('view');
    } catch (e) {
      message.error(isApiError(e) ? e.message : String(e));
    }
  };
  const flags = [fact.approx && t('intel.fact.approx'), fact.bound === 'min' && t('intel.fact.min'), fact.bound === 'max' && t('intel.fact.max'),
    fact.cumulative && t('intel.fact.cumulative'), fact.target && t('intel.fact.target')].filter(Boolean) as string[];
  const metricName = (lang === 'en' ? fact.metric_name_en ?? fact.metric_name_zh : fact.metric_name_zh) ?? fact.metric_label ?? fact.metric;
  const zoneName = lang === 'en' ? fact.subject_zone_name_en ?? fact.subject_zone_name_zh : fact.subject_zone_name_zh;

  return (
    <Card size="small" data-testid={`intel-fact-${fact.id}`} onClick={onSelect}
      style={{ borderColor: selected ? '#1677ff' : undefined, cursor: 'pointer' }}
      title={<Space><Tag color={FACT_COLOR[fact.status]}>{t(`intel.fact.status.${fact.status}`)}</Tag><span title={fact.metric}>{metricName}</span></Space>}
      extra={<Typography.Text strong data-testid="intel-fact-value">{fact.value ?? '—'} {fact.unit ?? ''}</Typography.Text>}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('intel.fact.subject')}>{fact.subject}{zoneName && zoneName !== fact.subject ? ` (${zoneName})` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('intel.fact.period')}>{fact.period ?? '—'}{fact.period_detail ? ` (${fact.period_detail})` : ''}</Descriptions.Item>
        {flags.length > 0 && <Descriptions.Item label={t('intel.fact.flags')} span={2}>{flags.map((f) => <Tag key={f}>{f}</Tag>)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>“{fact.quote}”</Typography.Paragraph>
      {fact.conflicts.length > 0 && (
        <div data-testid="intel-conflicts" style={{ background: '#fff7e6', padding: 8, marginBottom: 8 }}>
          <Typography.Text>{t('intel.fact.conflicts')}</Typography.Text>
          {fact.conflicts.map((c) => (
            <div key={c.id}>
              <Tag color={c.status === 'confirmed' ? 'green' : 'gold'}>{t(`intel.fact.status.${c.status as Fact['status']}`)}</Tag>
              <Typography.Text strong>{c.value} {c.unit}</Typography.Text>{' — '}
              <Link to={`/intelligence/documents/${c.document_id}?fact=${c.id}`}>{c.file_name}</Link>
              <Typography.Text type="secondary"> “{c.quote}”</Typography.Text>
            </div>
          ))}
          {mayReview && open && <Button size="small" type="primary" style={{ marginTop: 4 }} onClick={() => run({ kind: 'confirm', supersede: true })} data-testid="intel-pick">{t('intel.fact.pickThis')}</Button>}
        </div>
      )}
      {mayReview && open && mode === 'view' && (
        <Space wrap onClick={(e) => e.stopPropagation()}>
          <Button type="primary" size="small" loading={action.isPending} onClick={() => run({ kind: 'confirm' })} data-testid="intel-confirm">{t('intel.fact.confirm')}</Button>
          <Button size="small" onClick={() => { form.setFieldsValue({ value: fact.value, unit: fact.unit, period: fact.period, subject: fact.subject, metric: fact.metric, subject_zone_id: fact.subject_zone_id }); setMode('correct'); }} data-testid="intel-correct">{t('intel.fact.correct')}</Button>
          <Button size="small" danger onClick={() => run({ kind: 'reject' })} data-testid="intel-reject">{t('intel.fact.reject')}</Button>
          {others.length > 0 && <Button size="small" onClick={() => setMode('merge')} data-testid="intel-merge">{t('intel.fact.merge')}</Button>}
        </Space>
      )}
      {mode === 'correct' && (
        <div onClick={(e) => e.stopPropagation()}>
          <Form form={form} layout="vertical" size="small"
            onFinish={(v: { value: string; unit: string; period: string; subject: string; metric: string; subject_zone_id: number | null }) =>
              run({ kind: 'correct', changes: { value: v.value, unit: v.unit, period: v.period || null, subject: v.subject, metric: v.metric, subject_zone_id: v.subject_zone_id ?? null } })}>
            <Space wrap>
              <Form.Item name="value" label={t('intel.fact.value')}><Input style={{ width: 160 }} data-testid="intel-edit-value" /></Form.Item>
              <Form.Item name="unit" label={t('intel.fact.unit')}><Select style={{ width: 160 }} options={UNITS.map((u) => ({ value: u, label: u }))} /></Form.Item>
              <Form.Item name="period" label={t('intel.fact.period')}><Input style={{ width: 120 }} data-testid="intel-edit-period" /></Form.Item>
            </Space>
            <Form.Item name="metric" label={t('intel.fact.metric')}><Input /></Form.Item>
            <Form.Item name="subject" label={t('intel.fact.subject')}><Input /></Form.Item>
            <Form.Item name="subject_zone_id" label={t('intel.fact.subjectZone')}>
              <ZoneTreeSelectField />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={action.isPending} data-testid="intel-save">{t('intel.fact.save')}</Button>
              <Button onClick={() => setMode('view')}>{t('intel.fact.cancel')}</Button>
            </Space>
          </Form>
        </div>
      )}
      {mode === 'merge' && (
        <Space wrap onClick={(e) => e.stopPropagation()}>
          <Typography.Text>{t('intel.fact.mergeInto')}</Typography.Text>
          <Select style={{ minWidth: 260 }} value={mergeInto} onChange={setMergeInto} data-testid="intel-merge-into"
            options={others.map((o) => ({ value: o.id, label: `#${o.id} ${o.metric}: ${o.value ?? ''} ${o.unit ?? ''} ${o.period ?? ''}` }))} />
          <Button type="primary" size="small" disabled={mergeInto === null} onClick={() => mergeInto !== null && run({ kind: 'merge', into: mergeInto })}>{t('intel.fact.save')}</Button>
          <Button size="small" onClick={() => setMode('view')}>{t('intel.fact.cancel')}</Button>
        </Space>
      )}
    </Card>
  );
}

/** ZoneTreeSelect as a controlled form field (Form.Item passes value and onChange). */
function ZoneTreeSelectField({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  return <ZoneTreeSelect value={value ?? null} onChange={(v) => onChange?.(v)} style={{ minWidth: 240 }} />;
}
