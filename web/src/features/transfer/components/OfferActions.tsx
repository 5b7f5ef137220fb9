// Workflow buttons of an offer: the owner submits, closes and reopens; a broker publishes or sends back (with a note).
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import type { StatusAction } from '../api/transfer';
import { changeStatus, useInvalidateItem } from '../api/listings';
import { errorText, tk } from './labels';

const OWNER: Record<string, StatusAction[]> = { draft: ['submit', 'close'], sent_back: ['submit', 'close'], submitted: ['close'], published: ['close'], closed: ['reopen'] };
const BROKER: Record<string, StatusAction[]> = { submitted: ['publish', 'send_back'], published: ['send_back'] };

export function OfferActions({ id, status, broker }: { id: number; status: string; broker: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateItem('offer', id);
  const [action, setAction] = useState<StatusAction | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const change = useMutation({
    mutationFn: (body: { action: StatusAction; note?: string | null }) => changeStatus('offer', id, body),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      setAction(null);
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const owner = OWNER[status] ?? [];
  const brokerActions = broker ? (BROKER[status] ?? []) : [];
  if (!owner.length && !brokerActions.length) return null;
  const button = (a: StatusAction, primary: boolean) => (
    <Button key={a} type={primary ? 'primary' : 'default'} danger={a === 'send_back' || a === 'close'} data-testid={`offer-action-${a}`}
      onClick={() => { form.resetFields(); setAction(a); }}>
      {tk(t, 'action', a)}
    </Button>
  );
  return (
    <Space wrap style={{ marginTop: 16 }} data-testid="offer-actions">
      {owner.map((a) => button(a, a === 'submit'))}
      {brokerActions.length > 0 && <Typography.Text type="secondary">{t('transfer.detail.brokerActions')}:</Typography.Text>}
      {brokerActions.map((a) => button(a, a === 'publish'))}
      <Modal
        open={action !== null}
        title={action ? tk(t, 'action', action) : ''}
        onCancel={() => setAction(null)}
        confirmLoading={change.isPending}
        okButtonProps={{ 'data-testid': 'offer-action-ok' } as never}
        onOk={() => void form.validateFields().then((v) => change.mutate({ action: action!, note: v.note?.trim() || null }), () => undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('transfer.action.note')} rules={action === 'send_back' ? [{ required: true, whitespace: true, message: t('transfer.action.noteRequired') }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
