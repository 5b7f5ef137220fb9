// For admins: the partner zone pairs (结对园区) that matching treats as "same partner zone" — list, pair, unpair.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Result, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { createZonePair, deleteZonePair, useZonePairs, type ZonePair } from '../api/partners';
import { errorText } from './labels';

interface PairValues {
  zone_id: number;
  partner_zone_id: number;
  note?: string;
}

export function PartnerZonesPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const admin = user?.role === 'admin';
  const pairs = useZonePairs(admin);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<PairValues>();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['transfer', 'zone-partners'] });

  const create = useMutation({
    mutationFn: (v: PairValues) => createZonePair({ zone_id: v.zone_id, partner_zone_id: v.partner_zone_id, note: v.note?.trim() || null }),
    onSuccess: () => {
      void message.success(t('transfer.partners.created'));
      setAdding(false);
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const remove = useMutation({
    mutationFn: (p: ZonePair) => deleteZonePair(p.zone_id, p.partner_zone_id),
    onSuccess: () => {
      void message.success(t('transfer.partners.removed'));
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  if (!admin) return <Result status="403" title={t('transfer.partners.adminOnly')} />;
  const zoneLabel = (z: ZonePair['zone'], id: number) => `${name({ id, name_zh: z.name_zh, name_en: z.name_en })} (${z.code})`;
  const required = (label: string) => [{ required: true, message: t('transfer.form.required', { field: label }) }];

  return (
    <Card
      title={t('transfer.partners.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }} data-testid="partner-new">{t('transfer.partners.new')}</Button>}
    >
      <p>{t('transfer.partners.intro')}</p>
      <Table<ZonePair>
        rowKey={(p) => `${p.zone_id}-${p.partner_zone_id}`}
        size="middle"
        loading={pairs.isPending}
        dataSource={pairs.data ?? []}
        locale={{ emptyText: pairs.error ? errorText(pairs.error) : t('transfer.partners.empty') }}
        data-testid="partner-table"
        columns={[
          { title: t('transfer.partners.zone'), key: 'a', render: (_, p) => zoneLabel(p.zone, p.zone_id) },
          { title: t('transfer.partners.partner'), key: 'b', render: (_, p) => zoneLabel(p.partner, p.partner_zone_id) },
          { title: t('transfer.partners.note'), dataIndex: 'note', render: (v) => v ?? '—' },
          {
            title: '', key: 'x', width: 100,
            render: (_, p) => (
              <Popconfirm title={t('transfer.partners.removeConfirm')} onConfirm={() => remove.mutate(p)}>
                <Button size="small" danger data-testid="partner-remove">{t('transfer.partners.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={adding} title={t('transfer.partners.new')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="zone_id" label={t('transfer.partners.zone')} rules={required(t('transfer.partners.zone'))}><ZoneFormSelect /></Form.Item>
          <Form.Item name="partner_zone_id" label={t('transfer.partners.partner')} rules={required(t('transfer.partners.partner'))}><ZoneFormSelect /></Form.Item>
          <Form.Item name="note" label={t('transfer.partners.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** ZoneTreeSelect adapted to antd Form's value / onChange. */
function ZoneFormSelect({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  return <ZoneTreeSelect value={value} onChange={(v) => onChange?.(v)} style={{ width: '100%' }} />;
}
