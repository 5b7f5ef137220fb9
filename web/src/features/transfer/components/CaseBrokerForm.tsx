// For brokers: who runs a case — the broker (a user brokering the case's zone) and the agency (a technology-transfer
// centre, an organisation of kind service_agency). The server checks both.
import { useState } from 'react';
import { App, Button, Form, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../shared/api/client';
import { accountsApi } from '../../accounts/api';
import { useI18n } from '../../../shared/i18n';
import { listItems } from '../../entities/api/entities';
import type { CaseDetail } from '../api/transfer';
import { errorText } from './labels';

interface Values {
  broker_user_id?: number;
  agency_id?: number | null;
}

export function CaseBrokerForm({ c }: { c: CaseDetail }) {
  const { t, name } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const users = useQuery({
    queryKey: ['transfer', 'broker-users'],
    queryFn: () => accountsApi.users({ limit: 200 }),
    select: (d) => d.items.filter((u) => u.active && u.role !== 'org_user'),
    enabled: open,
  });
  const agencies = useQuery({
    queryKey: ['transfer', 'agencies'],
    queryFn: () => listItems('organizations', { filters: { kind: 'service_agency' }, limit: 200 }),
    select: (d) => d.items,
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: Values) => unwrap(client.POST('/api/transfer/cases/{id}/broker', {
      params: { path: { id: c.id } }, body: { broker_user_id: v.broker_user_id!, agency_id: v.agency_id ?? null },
    })),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['transfer'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const show = () => {
    form.setFieldsValue({ broker_user_id: c.broker_user_id ?? undefined, agency_id: c.agency_id ?? null });
    setOpen(true);
  };
  return (
    <>
      <Button size="small" onClick={show} data-testid="case-broker-edit">{t('transfer.brokers.assign')}</Button>
      <Modal open={open} title={t('transfer.brokers.assign')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="broker_user_id" label={t('transfer.brokers.broker')}>
            <Select showSearch optionFilterProp="label" loading={users.isPending} options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` }))} />
          </Form.Item>
          <Form.Item name="agency_id" label={t('transfer.brokers.agency')}>
            <Select allowClear showSearch optionFilterProp="label" loading={agencies.isPending} options={(agencies.data ?? []).map((o) => ({ value: o.id, label: name(o) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
