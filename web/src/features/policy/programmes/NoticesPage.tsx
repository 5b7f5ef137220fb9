// Public notices (公示): every signed-in user reads them and may object during the period; managers publish the
// approved applications of a programme with a period and resolve objections.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { money, type Notice, type ObjectionRow, useNotices, useObjections, useProgrammeMutations, useProgrammes } from './api';
import { errorText, fmtTime, pk } from './parts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export function NoticesPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  const notices = useNotices();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {manager && <PublishNotice />}
      {(notices.data ?? []).map((n) => (
        <Card key={n.id} size="small" data-testid="notice-card"
          title={<Space>{name({ name_zh: n.programme_name_zh, name_en: n.programme_name_en })}<span>{n.starts_on} ~ {n.ends_on}</span>
            {n.running ? <Tag color="processing">{t('policy.pg.noticeRunning')}</Tag> : <Tag>{t('policy.pg.noticeEnded')}</Tag>}</Space>}>
          <NoticeTable notice={n} />
        </Card>
      ))}
      {notices.error && <Alert type="error" showIcon title={errorText(notices.error)} />}
      {notices.data?.length === 0 && <Card>{t('policy.pg.noNotices')}</Card>}
      {manager && <ObjectionQueue />}
    </Space>
  );
}

function NoticeTable({ notice }: { notice: Notice }) {
  const { t, name } = useI18n();
  const { object } = useProgrammeMutations();
  const [texts, setTexts] = useState<Record<number, string>>({});
  return (
    <>
      <Table rowKey="id" size="small" pagination={false} dataSource={notice.items}
        columns={[
          { title: t('policy.pg.organization'), render: (_, i) => name({ name_zh: i.organization_name_zh, name_en: i.organization_name_en }) },
          { title: t('policy.pg.creditCode'), dataIndex: 'credit_code', width: 200 },
          { title: t('policy.pg.approvedAmount'), dataIndex: 'approved_fen', render: money, width: 150 },
          { title: t('policy.pg.status'), dataIndex: 'status', render: (s: string) => pk(t, 'status', s), width: 100 },
          { title: t('policy.pg.objections'), dataIndex: 'open_objections', width: 90 },
          ...(notice.running ? [{
            title: t('policy.pg.lodge'), width: 320,
            render: (_: unknown, i: Notice['items'][number]) => (
              <Space.Compact>
                <Input size="small" value={texts[i.id] ?? ''} placeholder={t('policy.pg.objectionText')} onChange={(e) => setTexts({ ...texts, [i.id]: e.target.value })} />
                <Button size="small" onClick={() => object.mutate({ id: i.id, text: texts[i.id] ?? '' }, { onSuccess: () => setTexts({ ...texts, [i.id]: '' }) })}>{t('policy.pg.lodge')}</Button>
              </Space.Compact>
            ),
          }] : []),
        ]} />
      {object.error && <Alert type="error" showIcon title={errorText(object.error)} />}
    </>
  );
}

function PublishNotice() {
  const { t, name } = useI18n();
  const programmes = useProgrammes();
  const { publishNotice } = useProgrammeMutations();
  return (
    <Card size="small" title={t('policy.pg.publishNotice')}>
      <Form layout="inline" data-testid="notice-form" initialValues={{ starts_on: day(0), ends_on: day(7) }}
        onFinish={(v: { programme: number; starts_on: string; ends_on: string }) => publishNotice.mutate({ programmeId: v.programme, starts_on: v.starts_on, ends_on: v.ends_on })}>
        <Form.Item name="programme" label={t('policy.pg.programme')} rules={[{ required: true }]}>
          <Select style={{ width: 260 }} data-testid="notice-programme" options={(programmes.data ?? []).map((p) => ({ value: p.id, label: name(p) }))} />
        </Form.Item>
        <Form.Item name="starts_on" label={t('policy.pg.startsOn')} rules={[{ required: true }]}><Input type="date" data-testid="notice-starts" /></Form.Item>
        <Form.Item name="ends_on" label={t('policy.pg.endsOn')} rules={[{ required: true }]}><Input type="date" data-testid="notice-ends" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={publishNotice.isPending} data-testid="notice-publish">{t('policy.pg.publish')}</Button>
      </Form>
      <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('policy.pg.noticeHelp')} />
      {publishNotice.error && <Alert type="error" showIcon title={errorText(publishNotice.error)} />}
    </Card>
  );
}

function ObjectionQueue() {
  const { t, name } = useI18n();
  const objections = useObjections(true);
  const { resolve } = useProgrammeMutations();
  const [resolution, setResolution] = useState<Record<number, string>>({});
  return (
    <Card size="small" title={t('policy.pg.objectionQueue')}>
      <Table<ObjectionRow> rowKey="id" size="small" dataSource={objections.data ?? []} pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('policy.pg.noObjections') }}
        columns={[
          { title: t('policy.pg.organization'), render: (_, o) => name({ name_zh: o.organization_name_zh, name_en: o.organization_name_en }) },
          { title: t('policy.pg.objectionText'), dataIndex: 'text' },
          { title: t('policy.pg.lodgedBy'), render: (_, o) => `${o.lodged_by} ${fmtTime(o.created_at)}`, width: 200 },
          { title: t('policy.pg.status'), dataIndex: 'status', render: (s: string) => pk(t, 'status', s), width: 90 },
          { title: t('policy.pg.resolution'), width: 380,
            render: (_, o) => (o.status !== 'open' ? o.resolution : (
              <Space.Compact>
                <Input size="small" value={resolution[o.id] ?? ''} onChange={(e) => setResolution({ ...resolution, [o.id]: e.target.value })} />
                <Button size="small" danger onClick={() => resolve.mutate({ id: o.id, outcome: 'upheld', resolution: resolution[o.id] ?? '' })}>{t('policy.pg.uphold')}</Button>
                <Button size="small" onClick={() => resolve.mutate({ id: o.id, outcome: 'dismissed', resolution: resolution[o.id] ?? '' })}>{t('policy.pg.dismiss')}</Button>
              </Space.Compact>
            )) },
        ]} />
      {resolve.error && <Alert type="error" showIcon title={errorText(resolve.error)} />}
    </Card>
  );
}
