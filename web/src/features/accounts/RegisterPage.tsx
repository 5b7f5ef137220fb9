// Enterprise self-registration for visitors: the request form, then the ticket; and the status of a request by its ticket.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { ZoneTreeSelect } from '../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../shared/i18n';
import { accountsApi, type RegistrationInput } from './api';
import { showProblem } from './form-errors';
import { StatusTag } from './RegistrationsPage';

export function RegisterPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegistrationInput>();
  const [ticket, setTicket] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (v: RegistrationInput) => accountsApi.register({ ...v, email: v.email || null, phone: v.phone || null }),
    onSuccess: (r) => setTicket(r.ticket),
    onError: (e) => showProblem(form, e, (text) => void message.error(text)),
  });
  const required = [{ required: true, whitespace: true, message: t('accounts.required') }];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 640 }}>
      <Card title={t('accounts.reg.title')} data-testid="register-card">
        <Typography.Paragraph type="secondary">{t('accounts.reg.intro')}</Typography.Paragraph>
        {ticket ? (
          <Alert type="success" showIcon data-testid="register-done" title={t('accounts.reg.submitted')}
            description={<Typography.Text copyable code data-testid="register-ticket">{ticket}</Typography.Text>} />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
            <Form.Item name="credit_code" label={t('accounts.reg.creditCode')} rules={required}><Input maxLength={18} data-testid="reg-credit-code" /></Form.Item>
            <Form.Item name="enterprise_name" label={t('accounts.reg.enterpriseName')} rules={required}><Input data-testid="reg-name" /></Form.Item>
            <Form.Item name="zone_id" label={t('accounts.reg.zone')} rules={[{ required: true, message: t('accounts.required') }]}>
              <ZoneTreeSelect value={null} onChange={() => undefined} testId="reg-zone" />
            </Form.Item>
            <Form.Item name="contact_name" label={t('accounts.reg.contactName')} rules={required}><Input data-testid="reg-contact" /></Form.Item>
            <Form.Item name="email" label={t('accounts.reg.email')}><Input type="email" data-testid="reg-email" /></Form.Item>
            <Form.Item name="phone" label={t('accounts.reg.phone')}><Input data-testid="reg-phone" /></Form.Item>
            <Form.Item name="username" label={t('accounts.users.username')} rules={required}><Input autoComplete="username" data-testid="reg-username" /></Form.Item>
            <Form.Item name="password" label={t('login.password')} extra={t('accounts.users.passwordHint')} rules={[{ required: true, message: t('accounts.required') }]}>
              <Input.Password autoComplete="new-password" data-testid="reg-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="reg-submit">{t('accounts.reg.submit')}</Button>
          </Form>
        )}
      </Card>
      <StatusCheck initial={ticket} />
    </Space>
  );
}

function StatusCheck({ initial }: { initial: string | null }) {
  const { t, name } = useI18n();
  const check = useMutation({ mutationFn: (ticket: string) => accountsApi.status(ticket.trim()) });
  return (
    <Card title={t('accounts.reg.check')} size="small">
      <Input.Search key={initial ?? ''} defaultValue={initial ?? ''} enterButton={t('accounts.reg.check')} placeholder={t('accounts.reg.ticket')}
        onSearch={(v) => v.trim() && check.mutate(v)} loading={check.isPending} data-testid="reg-status-ticket" />
      {check.error ? <Alert type="error" style={{ marginTop: 12 }} title={check.error.message} /> : null}
      {check.data ? (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('accounts.reg.enterpriseName')}>{check.data.enterprise_name}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.reg.zone')}>{name(check.data.zone)}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.reg.status')}><StatusTag status={check.data.status} /></Descriptions.Item>
          {check.data.reason ? <Descriptions.Item label={t('accounts.reg.reason')}>{check.data.reason}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
    </Card>
  );
}
