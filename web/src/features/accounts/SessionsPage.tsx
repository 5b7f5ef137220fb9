// The signed-in user's own sessions (created, last seen, browser), each of which they may end; and their password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Table, Tag } from 'antd';
import { useI18n } from '../../shared/i18n';
import { accountsApi, type OwnSession } from './api';
import { showProblem } from './form-errors';

export function SessionsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const sessions = useQuery({ queryKey: ['accounts', 'sessions'], queryFn: accountsApi.sessions });
  const end = useMutation({
    mutationFn: (s: OwnSession) => accountsApi.endSession(s.id),
    onSuccess: () => { void message.success(t('accounts.sessions.ended')); void qc.invalidateQueries({ queryKey: ['accounts', 'sessions'] }); },
    onError: (e) => void message.error(e.message),
  });
  const when = (v: string) => new Date(v).toLocaleString();
  return (
    <div>
      <Table<OwnSession>
        rowKey="id" size="small" loading={sessions.isPending} dataSource={sessions.data?.items ?? []} pagination={false} data-testid="sessions-table" scroll={{ x: true }}
        columns={[
          { title: t('accounts.sessions.created'), dataIndex: 'created_at', render: when },
          { title: t('accounts.sessions.lastSeen'), dataIndex: 'last_seen_at', render: when },
          { title: t('accounts.sessions.browser'), dataIndex: 'user_agent', render: (v: string | null) => v ?? '—' },
          { title: t('accounts.actions'), render: (_, s) => (s.current ? <Tag color="blue">{t('accounts.sessions.current')}</Tag>
            : <Button size="small" danger onClick={() => end.mutate(s)}>{t('accounts.sessions.end')}</Button>) },
        ]}
      />
      <ChangePassword />
    </div>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current_password: string; new_password: string }>();
  const change = useMutation({
    mutationFn: (v: { current_password: string; new_password: string }) => accountsApi.changePassword(v.current_password, v.new_password),
    onSuccess: () => { void message.success(t('accounts.password.changed')); form.resetFields(); void qc.invalidateQueries({ queryKey: ['accounts', 'sessions'] }); },
    onError: (e) => showProblem(form, e, (text) => void message.error(text)),
  });
  return (
    <Card title={t('accounts.password.change')} size="small" style={{ marginTop: 24, maxWidth: 420 }}>
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
        <Form.Item name="current_password" label={t('accounts.password.current')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new_password" label={t('accounts.users.newPassword')} extra={t('accounts.users.passwordHint')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>{t('accounts.save')}</Button>
      </Form>
    </Card>
  );
}
