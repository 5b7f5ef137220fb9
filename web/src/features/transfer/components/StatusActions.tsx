// Workflow buttons of a demand or offer: the owner submits, closes and reopens; a broker screens (demands only),
// publishes or sends back. The chosen action opens StatusActionModal for its note (and a quality override).
import { useState } from 'react';
import { Button, Form, Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { QualityReport, StatusAction } from '../api/transfer';
import type { ItemKind } from '../api/listings';
import { type ActionForm, StatusActionModal } from './StatusActionModal';
import { tk } from './labels';

const OWNER: Record<ItemKind, Record<string, StatusAction[]>> = {
  demand: { draft: ['submit', 'close'], sent_back: ['submit', 'close'], submitted: ['close'], screened: ['close'], published: ['close'], closed: ['reopen'] },
  offer: { draft: ['submit', 'close'], sent_back: ['submit', 'close'], submitted: ['close'], published: ['close'], closed: ['reopen'] },
};
const BROKER: Record<ItemKind, Record<string, StatusAction[]>> = {
  demand: { submitted: ['screen', 'publish', 'send_back'], screened: ['publish', 'send_back'], published: ['send_back'] },
  offer: { submitted: ['publish', 'send_back'], published: ['send_back'] },
};

interface Props {
  kind: ItemKind;
  id: number;
  status: string;
  broker: boolean;
  /** Where given, publishing below its threshold needs an override. */
  quality?: QualityReport;
}

export function StatusActions({ kind, id, status, broker, quality }: Props) {
  const { t } = useI18n();
  const [action, setAction] = useState<StatusAction | null>(null);
  const [form] = Form.useForm<ActionForm>();
  const owner = OWNER[kind][status] ?? [];
  const brokerActions = broker ? (BROKER[kind][status] ?? []) : [];
  if (!owner.length && !brokerActions.length) return null;
  const button = (a: StatusAction, primary: boolean) => (
    <Button key={a} type={primary ? 'primary' : 'default'} danger={a === 'send_back' || a === 'close'} data-testid={`${kind}-action-${a}`}
      onClick={() => { form.resetFields(); setAction(a); }}>
      {tk(t, 'action', a)}
    </Button>
  );
  return (
    <Space wrap style={{ marginTop: 16 }} data-testid={`${kind}-actions`}>
      {owner.map((a) => button(a, a === 'submit'))}
      {brokerActions.length > 0 && <Typography.Text type="secondary">{t('transfer.detail.brokerActions')}:</Typography.Text>}
      {brokerActions.map((a) => button(a, a === 'publish'))}
      <StatusActionModal kind={kind} id={id} action={action} form={form} quality={quality} onClose={() => setAction(null)} />
    </Space>
  );
}
