// One application: its rule results and amount, the documents (attached by the organisation while a draft), the
// submission, the reviewer's decision form, the public notice and its objections, and the payment.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, List, Radio, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { type ApplicationDetail as Application, money, useApplication, useProgramme, useProgrammeMutations, yuanToFen } from './api';
import { EligibilityTable, errorText, fmtTime, pk, StatusTag } from './parts';

export function ApplicationPage() {
  const { t, name, lang } = useI18n();
  const { user } = useAuth();
  const id = Number(useParams().id);
  const app = useApplication(id);
  const programme = useProgramme(app.data?.programme_id ?? 0);
  const m = useProgrammeMutations();
  if (app.error) return <Card><Alert type="error" showIcon title={errorText(app.error)} /></Card>;
  const a = app.data;
  const owner = user?.role === 'org_user';
  const docs = programme.data?.required_documents ?? [];
  return (
    <Card loading={app.isPending} data-testid="application-page"
      title={a ? <Space>{`#${a.id} ${name({ name_zh: a.organization_name_zh, name_en: a.organization_name_en })}`}<StatusTag status={a.status} paid={a.paid} /></Space> : ''}>
      {a && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('policy.pg.programme')}>{name({ name_zh: a.programme_name_zh, name_en: a.programme_name_en })}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.computedAmount')}>{money(a.computed_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.approvedAmount')}><span data-testid="application-approved">{money(a.approved_fen)}</span></Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.score')}>{a.score ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.decision')} span={2}>{a.decision_reason ? `${a.decision_reason} (${a.decided_by ?? ''})` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.notice')}>{a.notice_starts_on ? `${a.notice_starts_on} ~ ${a.notice_ends_on}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.payment')}>{a.paid ? `${fmtTime(a.paid_at)} (${t('policy.pg.batch')} ${a.batch_id})` : a.disbursable ? t('policy.pg.disbursable') : '—'}</Descriptions.Item>
          </Descriptions>
          <EligibilityTable results={a.eligibility} />

          <Card size="small" title={t('policy.pg.documents')}>
            <List size="small" dataSource={docs} locale={{ emptyText: t('policy.pg.noDocuments') }}
              renderItem={(doc) => {
                const files = (a.files ?? []).filter((f) => f.document === doc.key);
                return (
                  <List.Item actions={owner && a.status === 'draft' ? [
                    <Upload key="up" showUploadList={false} beforeUpload={(file) => { m.attach.mutate({ id, document: doc.key, file }); return false; }}>
                      <Button size="small" icon={<UploadOutlined />} data-testid={`attach-${doc.key}`}>{t('policy.pg.attach')}</Button>
                    </Upload>] : []}>
                    <List.Item.Meta title={lang === 'en' ? doc.name_en : doc.name_zh}
                      description={files.length ? files.map((f) => <a key={f.id} href={`/api/policy/applications/${id}/files/${f.id}`} style={{ marginRight: 12 }}>{f.filename}</a>) : t('policy.pg.missing')} />
                  </List.Item>
                );
              }} />
            {m.attach.error && <Alert type="error" showIcon title={errorText(m.attach.error)} />}
          </Card>

          {owner && a.status === 'draft' && (
            <Space direction="vertical">
              {m.submit.error && <Alert type="error" showIcon title={errorText(m.submit.error)} />}
              <Button type="primary" loading={m.submit.isPending} onClick={() => m.submit.mutate(id)} data-testid="application-submit">{t('policy.pg.submit')}</Button>
            </Space>
          )}
          {!owner && a.status === 'submitted' && <ReviewForm app={a} />}
          <Objections app={a} />
        </Space>
      )}
    </Card>
  );
}

function ReviewForm({ app }: { app: Application }) {
  const { t } = useI18n();
  const { review } = useProgrammeMutations();
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; score?: number; amount_yuan?: number; reason: string }>();
  return (
    <Card size="small" title={t('policy.pg.review')}>
      <Form form={form} layout="inline" data-testid="review-form" initialValues={{ decision: 'approve', amount_yuan: app.computed_fen / 100 }}
        onFinish={(v) => review.mutate({ id: app.id, decision: v.decision, score: v.score ?? null, amount_fen: v.decision === 'approve' && v.amount_yuan ? yuanToFen(v.amount_yuan) : null, reason: v.reason, version: app.version })}>
        <Form.Item name="decision"><Radio.Group options={[{ value: 'approve', label: t('policy.pg.approve') }, { value: 'reject', label: t('policy.pg.reject') }]} /></Form.Item>
        <Form.Item name="score" label={t('policy.pg.score')}><InputNumber min={0} max={100} precision={0} data-testid="review-score" /></Form.Item>
        <Form.Item name="amount_yuan" label={t('policy.pg.approvedAmountYuan')}><InputNumber min={0.01} max={app.computed_fen / 100} precision={2} /></Form.Item>
        <Form.Item name="reason" label={t('policy.pg.reason')} rules={[{ required: true }]}><Input style={{ width: 320 }} data-testid="review-reason" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={review.isPending} data-testid="review-submit">{t('policy.pg.decide')}</Button>
      </Form>
      {review.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorText(review.error)} />}
    </Card>
  );
}

function Objections({ app }: { app: Application }) {
  const { t } = useI18n();
  const { object } = useProgrammeMutations();
  const [text, setText] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const running = app.notice_starts_on !== null && app.notice_starts_on <= today && today <= (app.notice_ends_on ?? '');
  if (!app.notice_id) return null;
  return (
    <Card size="small" title={t('policy.pg.objections')}>
      <List size="small" dataSource={app.objections ?? []} locale={{ emptyText: t('policy.pg.noObjections') }}
        renderItem={(o) => <List.Item>{`${o.text} — ${o.lodged_by ?? "—"}, ${fmtTime(o.created_at)}`} [{pk(t, 'status', o.status)}]{o.resolution ? `: ${o.resolution}` : ''}</List.Item>} />
      {running && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('policy.pg.objectionText')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button onClick={() => object.mutate({ id: app.id, text }, { onSuccess: () => setText('') })} loading={object.isPending}>{t('policy.pg.lodge')}</Button>
        </Space.Compact>
      )}
      {object.error && <Alert type="error" showIcon title={errorText(object.error)} />}
    </Card>
  );
}
