// Accounts an admin or zone operator manages: list with role, scope, status and last sign-in; create; reset; (de)activate.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useAuth } from '../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../shared/components/ZoneTreeSelect';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { RefSelect } from '../entities/components/RefSelect';
import { accountsApi, type ManagedUser, type NewUser, type Role } from './api';
import { showProblem } from './form-errors';

export function UsersPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const users = useQuery({ queryKey: ['accounts', 'users', q], queryFn: () => accountsApi.users({ q: q || undefined, limit: 500 }) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['accounts', 'users'] });
  const toggle = useMutation({
    mutationFn: (u: ManagedUser) => accountsApi.setActive(u.id, !u.active),
    onSuccess: () => { void message.success(t('accounts.users.saved')); void refresh(); },
    onError: (e) => void message.error(e.message),
  });

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear placeholder={t('accounts.users.search')} onSearch={setQ} style={{ width: 300 }} data-testid="users-search" />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="users-create">{t('accounts.users.create')}</Button>
      </Space>
      <Table<ManagedUser>
        rowKey="id" size="small" loading={users.isPending} dataSource={users.data?.items ?? []} data-testid="users-table"
        pagination={{ pageSize: 50 }} scroll={{ x: true }}
        columns={[
          { title: t('accounts.users.username'), dataIndex: 'username' },
          { title: t('accounts.users.displayName'), dataIndex: 'display_name' },
          { title: t('accounts.users.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}` as MessageKey) },
          { title: t('accounts.users.scope'), render: (_, u) => (u.zone ? name(u.zone) : u.organization ? name(u.organization) : '—') },
          { title: t('accounts.users.active'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'accounts.users.isActive' : 'accounts.users.isInactive')}</Tag> },
          { title: t('accounts.users.lastLogin'), dataIndex: 'last_login_at', render: (v: string | null) => (v ? new Date(v).toLocaleString() : t('accounts.users.never')) },
          {
            title: t('accounts.actions'),
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setResetting(u)}>{t('accounts.users.resetPassword')}</Button>
                {u.id === user?.id ? null : u.active ? (
                  <Popconfirm title={t('accounts.users.deactivateConfirm')} onConfirm={() => toggle.mutate(u)}>
                    <Button size="small" danger data-testid={`deactivate-${u.username}`}>{t('accounts.users.deactivate')}</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => toggle.mutate(u)}>{t('accounts.users.reactivate')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating ? <CreateUserModal isAdmin={user?.role === 'admin'} onClose={(done) => { setCreating(false); if (done) void refresh(); }} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </div>
  );
}

function CreateUserModal({ isAdmin, onClose }: { isAdmin: boolean; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const roles: Role[] = isAdmin ? ['zone_operator', 'org_user', 'admin'] : ['org_user'];
  const create = useMutation({
    mutationFn: (v: NewUser) => accountsApi.createUser({
      ...v, zone_id: v.role === 'zone_operator' ? v.zone_id ?? null : null, organization_id: v.role === 'org_user' ? v.organization_id ?? null : null,
    }),
    onSuccess: (u) => { void message.success(t('accounts.users.created', { name: u.username })); onClose(true); },
    onError: (e) => showProblem(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal open title={t('accounts.users.create')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('accounts.save')}
      cancelText={t('accounts.cancel')} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'user-form-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={{ role: roles[0] }} onFinish={(v) => create.mutate(v)} data-testid="user-form">
        <Form.Item name="username" label={t('accounts.users.username')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="display_name" label={t('accounts.users.displayName')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.users.role')}>
          <Select data-testid="user-role" options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
        {role === 'zone_operator' ? (
          <Form.Item name="zone_id" label={t('accounts.users.zone')} rules={[{ required: true, message: t('accounts.required') }]}>
            <ZoneTreeSelect value={form.getFieldValue('zone_id') as number | null} onChange={(v) => form.setFieldValue('zone_id', v)} testId="user-zone" />
          </Form.Item>
        ) : null}
        {role === 'org_user' ? (
          <Form.Item name="organization_id" label={t('accounts.users.organization')} rules={[{ required: true, message: t('accounts.required') }]}>
            <RefSelect entity="organizations" id="organization_id" />
          </Form.Item>
        ) : null}
        <Form.Item name="password" label={t('accounts.users.password')} extra={t('accounts.users.passwordHint')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (v: { password: string }) => accountsApi.resetPassword(user.id, v.password),
    onSuccess: () => { void message.success(t('accounts.users.passwordReset')); onClose(); },
    onError: (e) => showProblem(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal open title={`${t('accounts.users.resetPassword')}: ${user.username}`} onCancel={onClose} onOk={() => form.submit()}
      okText={t('accounts.save')} cancelText={t('accounts.cancel')} confirmLoading={reset.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item name="password" label={t('accounts.users.newPassword')} extra={t('accounts.users.passwordHint')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
