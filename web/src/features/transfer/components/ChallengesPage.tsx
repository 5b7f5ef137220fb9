// Innovation challenges (揭榜挂帅): the list, and for brokers creating one and moving it a status forward
// (open → screening → published → scoring → closed).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { useZones } from '../../entities/api/entities';
import { type Challenge, CHALLENGE_STATUSES, createChallenge, isBroker, setChallengeStatus, useChallenges } from '../api/transfer';
import { errorText, tk } from './labels';
import { formatFen, yuanToFen } from './money';

interface NewValues {
  zone_id: number;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  prize?: string | null;
}

export function ChallengesPage() {
  const { t, name, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useChallenges();
  const zones = useZones();
  const broker = isBroker(user);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['transfer', 'challenges'] });

  const create = useMutation({
    mutationFn: (v: NewValues) =>
      createChallenge({
        zone_id: v.zone_id,
        title: v.title.trim(),
        description: v.description?.trim() || null,
        opens_on: v.period[0].format('YYYY-MM-DD'),
        closes_on: v.period[1].format('YYYY-MM-DD'),
        prize_amount_fen: yuanToFen(v.prize),
      }),
    onSuccess: () => {
      void message.success(t('transfer.challenges.created'));
      setCreating(false);
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const advance = useMutation({
    mutationFn: ({ id, status }: { id: number; status: string }) => setChallengeStatus(id, status),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const zoneName = (id: number) => name(zones.data?.find((z) => z.id === Number(id)) ?? { id });
  const required = (label: string) => [{ required: true, message: t('transfer.form.required', { field: label }) }];

  return (
    <Card
      title={t('transfer.challenges.title')}
      extra={
        broker ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }} data-testid="challenge-new">
            {t('transfer.challenges.new')}
          </Button>
        ) : null
      }
    >
      <Table<Challenge>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: list.error ? errorText(list.error) : t('transfer.challenges.empty') }}
        data-testid="challenge-table"
        expandable={{ rowExpandable: (r) => !!r.description, expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.description}</div> }}
        columns={[
          { title: t('transfer.challenges.name'), dataIndex: 'title', render: (v: string, r: Challenge) => <Link to={`/transfer/challenges/${r.id}`} data-testid="challenge-link">{v}</Link> },
          { title: t('transfer.field.zone'), dataIndex: 'zone_id', render: (v: number) => zoneName(v) },
          { title: t('transfer.challenges.opensOn'), dataIndex: 'opens_on', width: 120, render: (v) => String(v ?? '').slice(0, 10) },
          { title: t('transfer.challenges.closesOn'), dataIndex: 'closes_on', width: 120, render: (v) => String(v ?? '').slice(0, 10) },
          { title: t('transfer.challenges.status'), dataIndex: 'status', width: 110, render: (v) => <Tag>{tk(t, 'cstatus', v)}</Tag> },
          { title: t('transfer.challenge.figures.prize'), dataIndex: 'prize_amount_fen', width: 140, render: (v: number | null) => formatFen(v, lang) },
          { title: t('transfer.challenge.figures.agreements'), key: 'agreements', width: 110, render: (_: unknown, r: Challenge) => r.totals.agreements },
          ...(broker
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 180,
                  render: (_: unknown, r: Challenge) => {
                    const next = CHALLENGE_STATUSES[CHALLENGE_STATUSES.indexOf(r.status as never) + 1];
                    return next ? (
                      <Button size="small" loading={advance.isPending} onClick={() => advance.mutate({ id: r.id, status: next })}>
                        {t('transfer.challenges.advance', { status: tk(t, 'cstatus', next) })}
                      </Button>
                    ) : null;
                  },
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={creating}
        title={t('transfer.challenges.new')}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
        onOk={() => void form.validateFields().then((v) => create.mutate(v), () => undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ zone_id: user?.zone_id ?? undefined }}>
          <Form.Item name="zone_id" label={t('transfer.field.zone')} rules={required(t('transfer.field.zone'))}>
            <ZoneFormSelect />
          </Form.Item>
          <Form.Item name="title" label={t('transfer.challenges.name')} rules={[...required(t('transfer.challenges.name')), { whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="description" label={t('transfer.challenges.description')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="period" label={`${t('transfer.challenges.opensOn')} – ${t('transfer.challenges.closesOn')}`} rules={required(t('transfer.challenges.closesOn'))}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="prize" label={t('transfer.challenge.figures.prizeYuan')} rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('transfer.challenge.figures.amountFormat') }]}>
            <InputNumber<string> stringMode min="0" style={{ width: '100%' }} data-testid="challenge-prize-input" />
          </Form.Item>
        </Form>
      </Modal>
      <Space />
    </Card>
  );
}

/** ZoneTreeSelect adapted to antd Form's value / onChange. */
function ZoneFormSelect({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  return <ZoneTreeSelect value={value} onChange={(v) => onChange?.(v)} style={{ width: '100%' }} />;
}
