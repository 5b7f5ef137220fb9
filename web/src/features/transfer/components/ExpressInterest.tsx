// 我要对接 on a public listing: who to contact (the zone's technology-transfer centre, from the registry's public
// fields) and a form anyone may send, signed in or not. The contact data goes only to the zone's brokers, and only with
// the visitor's consent (PIPL); the server limits how many an address may send.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { SendOutlined, TeamOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { type BrokerContact, type InterestDraft, type ItemKind, submitInterest } from '../api/listings';
import { errorText } from './labels';

export function BrokerContactCard({ broker }: { broker: BrokerContact }) {
  const { t, name } = useI18n();
  const zone = name(broker.zone) || '—';
  return (
    <Card size="small" title={<Space><TeamOutlined />{t('transfer.market.brokerTitle')}</Space>} data-testid="public-contact">
      {broker.centres.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('transfer.market.brokerIntro', { zone })}</Typography.Text>
          {broker.centres.map((c) => (
            <Descriptions key={c.id} size="small" column={1} title={name(c)} data-testid="broker-centre">
              {c.address ? <Descriptions.Item label={t('transfer.market.address')}>{c.address}</Descriptions.Item> : null}
              {c.website ? <Descriptions.Item label={t('transfer.market.website')}><a href={c.website} target="_blank" rel="noopener noreferrer nofollow">{c.website}</a></Descriptions.Item> : null}
            </Descriptions>
          ))}
        </Space>
      ) : (
        <Typography.Text>{t('transfer.public.contact', { zone })}</Typography.Text>
      )}
    </Card>
  );
}

type Values = Omit<InterestDraft, 'consent'> & { consent?: boolean };

export function ExpressInterestButton({ kind, id, zone }: { kind: ItemKind; id: number; zone: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const send = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await submitInterest(kind, id, { ...values, organization: values.organization || null, consent: true });
      setSent(true);
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {sent ? <Alert type="success" showIcon message={t('transfer.interest.sent', { zone })} data-testid="interest-sent" /> : null}
      <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="interest-open">{t('transfer.interest.button')}</Button>
      <Modal
        open={open} title={t('transfer.interest.title')} onCancel={() => setOpen(false)} okText={t('transfer.interest.send')}
        onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'interest-submit' } as never} destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('transfer.interest.intro', { zone })}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="interest-error" /> : null}
        <Form<Values> form={form} layout="vertical" onFinish={send} data-testid="interest-form">
          <Form.Item name="name" label={t('transfer.interest.name')} rules={[{ required: true, whitespace: true, message: t('transfer.interest.required') }, { max: 100 }]}>
            <Input data-testid="interest-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="organization" label={t('transfer.interest.organization')} rules={[{ max: 200 }]}>
            <Input data-testid="interest-organization" maxLength={200} />
          </Form.Item>
          <Form.Item name="contact" label={t('transfer.interest.contact')} extra={t('transfer.interest.contactHint')}
            rules={[{ required: true, whitespace: true, message: t('transfer.interest.required') }, { min: 3, max: 200 }]}>
            <Input data-testid="interest-contact" maxLength={200} />
          </Form.Item>
          <Form.Item name="message" label={t('transfer.interest.message')} rules={[{ required: true, whitespace: true, message: t('transfer.interest.required') }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="interest-message" />
          </Form.Item>
          <Form.Item name="consent" valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('transfer.interest.consentRequired')))) }]}>
            <Checkbox data-testid="interest-consent">{t('transfer.interest.consent', { zone })}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
