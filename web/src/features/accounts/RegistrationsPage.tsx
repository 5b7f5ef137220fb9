// Enterprise registration requests of the reviewer's zones, with contact data (only reviewers see it): approve or reject.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { accountsApi, type Registration, type RegistrationStatus } from './api';
import { showProblem } from './form-errors';

const STATUS_COLOR: Record<RegistrationStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function StatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]} data-testid="registration-status">{t(`accounts.reg.status.${status}` as MessageKey)}</Tag>;
}

export function RegistrationsPage() {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<RegistrationStatus>('pending');
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const list = useQuery({ queryKey: ['accounts', 'registrations', status], queryFn: () => accountsApi.registrations(status) });
  const approve = useMutation({
    mutationFn: (r: Registration) => accountsApi.approve(r.id),
    onSuccess: () => { void message.success(t('accounts.reg.approved')); void qc.invalidateQueries({ queryKey: ['accounts'] }); },
    onError: (e) => void message.error(e.message),
  });
  return (
    <div>
      <Segmented<RegistrationStatus> style={{ marginBottom: 16 }} value={status} onChange={setStatus}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`accounts.reg.status.${s}` as MessageKey) }))} />
      <Table<Registration>
        rowKey="id" size="small" loading={list.isPending} dataSource={list.data?.items ?? []} data-testid="registrations-table" scroll={{ x: true }}
        columns={[
          { title: t('accounts.reg.enterpriseName'), dataIndex: 'enterprise_name' },
          { title: t('accounts.reg.creditCode'), dataIndex: 'credit_code' },
          { title: t('accounts.reg.zone'), render: (_, r) => name(r.zone) },
          { title: t('accounts.reg.contact'), render: (_, r) => [r.contact_name, r.email, r.phone].filter(Boolean).join(' · ') },
          { title: t('accounts.users.username'), dataIndex: 'username' },
          { title: t('accounts.reg.submittedAt'), dataIndex: 'created_at', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('accounts.reg.status'), render: (_, r) => <Space direction="vertical" size={0}><StatusTag status={r.status} />{r.reason}</Space> },
          {
            title: t('accounts.actions'),
            render: (_, r) => (r.status !== 'pending' ? r.decided_by : (
              <Space>
                <Button size="small" type="primary" loading={approve.isPending} onClick={() => approve.mutate(r)} data-testid={`approve-${r.id}`}>{t('accounts.reg.approve')}</Button>
                <Button size="small" danger onClick={() => setRejecting(r)}>{t('accounts.reg.reject')}</Button>
              </Space>
            )),
          },
        ]}
      />
      {rejecting ? <RejectModal request={rejecting} onClose={() => { setRejecting(null); void qc.invalidateQueries({ queryKey: ['accounts'] }); }} /> : null}
    </div>
  );
}

function RejectModal({ request, onClose }: { request: Registration; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useMutation({
    mutationFn: (v: { reason: string }) => accountsApi.reject(request.id, v.reason),
    onSuccess: () => { void message.success(t('accounts.reg.rejected')); onClose(); },
    onError: (e) => showProblem(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal open title={`${t('accounts.reg.reject')}: ${request.enterprise_name}`} onCancel={onClose} onOk={() => form.submit()}
      okText={t('accounts.reg.reject')} cancelText={t('accounts.cancel')} confirmLoading={reject.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate(v)}>
        <Form.Item name="reason" label={t('accounts.reg.reason')} rules={[{ required: true, whitespace: true, message: t('accounts.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
