// The confirmation of a workflow action on a demand or offer: a note (required to send back, or to publish below the
// quality threshold, which also needs the override ticked), then the action on the server.
import { Alert, App, Checkbox, Form, type FormInstance, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import type { QualityReport, StatusAction } from '../api/transfer';
import { changeStatus, type ItemKind, useInvalidateItem } from '../api/listings';
import { errorText, tk } from './labels';

export interface ActionForm {
  note?: string;
  override?: boolean;
}

interface Props {
  kind: ItemKind;
  id: number;
  /** The action being confirmed; null while closed. */
  action: StatusAction | null;
  form: FormInstance<ActionForm>;
  quality?: QualityReport;
  onClose: () => void;
}

export function StatusActionModal({ kind, id, action, form, quality, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateItem(kind, id);
  const override = action === 'publish' && !!quality && !quality.passes;
  const needsNote = action === 'send_back' || override;
  const change = useMutation({
    mutationFn: (body: { action: StatusAction; note?: string | null; override?: boolean }) => changeStatus(kind, id, body),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      onClose();
      form.resetFields();
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const confirm = () =>
    void form.validateFields().then((v) => change.mutate({ action: action!, note: v.note?.trim() || null, override: override ? true : undefined }), () => undefined);

  return (
    <Modal
      open={action !== null}
      title={action ? tk(t, 'action', action) : ''}
      onCancel={onClose}
      confirmLoading={change.isPending}
      okButtonProps={{ 'data-testid': `${kind}-action-ok` } as never}
      onOk={confirm}
      destroyOnHidden
    >
      {override && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('transfer.action.overrideWarning', { score: quality.score, threshold: quality.threshold })} />
      )}
      <Form form={form} layout="vertical">
        {override && (
          <Form.Item name="override" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('transfer.action.override')))) }]}>
            <Checkbox data-testid={`${kind}-override`}>{t('transfer.action.override')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('transfer.action.note')} rules={needsNote ? [{ required: true, whitespace: true, message: t('transfer.action.noteRequired') }] : []}>
          <Input.TextArea rows={3} data-testid={`${kind}-action-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
