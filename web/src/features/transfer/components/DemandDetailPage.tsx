// One demand: its fields, quality, workflow actions (owner: submit / close / reopen; broker: screen / publish /
// send back), history, and the matching offers with explanations, decline and "open a case".
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Modal, Result, Row, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import {
  changeDemandStatus,
  isBroker,
  type StatusAction,
  useDemand,
  useDemandHistory,
  useDemandMatches,
  useDemandQuality,
  useInvalidateDemand,
} from '../api/transfer';
import { DisclosurePanel } from './DisclosurePanel';
import { MatchList } from './MatchList';
import { QualityPanel } from './QualityPanel';
import { errorText, fmtDate, StatusTag, tk } from './labels';

const OWNER_ACTIONS: Record<string, StatusAction[]> = {
  draft: ['submit', 'close'], sent_back: ['submit', 'close'], submitted: ['close'], screened: ['close'], published: ['close'], closed: ['reopen'],
};
const BROKER_ACTIONS: Record<string, StatusAction[]> = {
  submitted: ['screen', 'publish', 'send_back'], screened: ['publish', 'send_back'], published: ['send_back'],
};

export function DemandDetailPage() {
  const id = Number(useParams().id);
  const { t, pick, name } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const demand = useDemand(id);
  const quality = useDemandQuality(id);
  const history = useDemandHistory(id);
  const matches = useDemandMatches(id, demand.isSuccess);
  const invalidate = useInvalidateDemand(id);
  const { meta } = useEntityMeta('demands');
  const broker = isBroker(user);

  const [action, setAction] = useState<StatusAction | null>(null);
  const [form] = Form.useForm<{ note?: string; override?: boolean }>();
  const belowGate = quality.data ? !quality.data.passes : false;
  const needsNote = action === 'send_back' || (action === 'publish' && belowGate);

  const change = useMutation({
    mutationFn: (body: { action: StatusAction; note?: string | null; override?: boolean }) => changeDemandStatus(id, body),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      setAction(null);
      form.resetFields();
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  if (demand.error) return <Result status="404" title={errorText(demand.error)} extra={<Link to="/transfer/demands">{t('transfer.detail.back')}</Link>} />;
  const d = demand.data;
  const status = String(d?.status ?? 'draft');
  const ownerActions = OWNER_ACTIONS[status] ?? [];
  const brokerActions = broker ? (BROKER_ACTIONS[status] ?? []) : [];
  const fieldLabel = (field: string, value: unknown) => {
    const opt = meta?.fields.find((f) => f.name === field)?.options?.find((o) => o.value === value);
    return opt ? pick(opt.label) : value == null || value === '' ? '—' : String(value);
  };
  const text = (v: unknown) => (v == null || v === '' ? '—' : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(v)}</Typography.Paragraph>);

  const actionButton = (a: StatusAction, primary = false) => (
    <Button
      key={a}
      type={primary ? 'primary' : 'default'}
      danger={a === 'send_back' || a === 'close'}
      data-testid={`demand-action-${a}`}
      onClick={() => {
        form.resetFields();
        setAction(a);
      }}
    >
      {tk(t, 'action', a)}
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/transfer/demands')} style={{ paddingInline: 0 }}>
        {t('transfer.detail.back')}
      </Button>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            loading={demand.isPending}
            title={
              <Space>
                <span data-testid="demand-title">{String(d?.title ?? '')}</span>
                <StatusTag t={t} status={status} />
              </Space>
            }
            extra={<Typography.Text type="secondary">{String(d?.code ?? '')}</Typography.Text>}
          >
            {d && (
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t('transfer.field.organization')}>{name(d.refs?.organization_id ?? null) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.zone')}>{name(d.refs?.zone_id ?? null) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.hightechField')}>{fieldLabel('hightech_field', d.hightech_field)}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.ipc')}>{String(d.ipc_code ?? '—')}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.budget')}>
                  {d.budget_min == null && d.budget_max == null ? '—' : `${String(d.budget_min ?? '…')} – ${String(d.budget_max ?? '…')}`}
                </Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.deadline')}>{d.deadline ? String(d.deadline).slice(0, 10) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.modes')} span={2}>
                  {Array.isArray(d.cooperation_modes) && d.cooperation_modes.length
                    ? (d.cooperation_modes as string[]).map((m) => <Tag key={m}>{tk(t, 'mode', m)}</Tag>)
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.confidentiality')}>{tk(t, 'conf', d.confidentiality ?? 'public')}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.decisionOwner')}>{String(d.decision_owner ?? '—')}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.description')} span={2}>{text(d.description)}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.problem')} span={2}>{text(d.problem)}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.targetIndicators')} span={2}>{text(d.target_indicators)}</Descriptions.Item>
                <Descriptions.Item label={t('transfer.field.acceptance')} span={2}>{text(d.acceptance_criteria)}</Descriptions.Item>
              </Descriptions>
            )}
            {(ownerActions.length > 0 || brokerActions.length > 0) && (
              <Space wrap style={{ marginTop: 16 }} data-testid="demand-actions">
                {ownerActions.map((a) => actionButton(a, a === 'submit'))}
                {brokerActions.length > 0 && <Typography.Text type="secondary">{t('transfer.detail.brokerActions')}:</Typography.Text>}
                {brokerActions.map((a) => actionButton(a, a === 'publish'))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('transfer.quality.title')} size="small">
              <QualityPanel report={quality.data} loading={quality.isPending} />
            </Card>
            <Card title={t('transfer.detail.history')} size="small">
              {history.data?.length ? (
                <Timeline
                  data-testid="demand-history"
                  items={history.data.map((h) => ({
                    children: (
                      <div>
                        <Space size={4} wrap>
                          {h.from_status ? <>{tk(t, 'status', h.from_status)} →</> : null}
                          <strong>{tk(t, 'status', h.to_status)}</strong>
                          {h.override ? <Tag color="red">override</Tag> : null}
                        </Space>
                        <div style={{ color: '#888', fontSize: 12 }}>
                          {fmtDate(h.at)} {h.username ?? ''}
                        </div>
                        {h.note ? <div>{h.note}</div> : null}
                      </div>
                    ),
                  }))}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.detail.noHistory')} />
              )}
            </Card>
            {d && <DisclosurePanel kind="demand" id={id} />}
          </Space>
        </Col>
      </Row>
      <Card
        title={t('transfer.matches.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void matches.refetch()} loading={matches.isFetching} data-testid="matches-refresh">
            {t('transfer.matches.refresh')}
          </Button>
        }
      >
        {matches.error ? (
          <Alert type="error" showIcon message={errorText(matches.error)} />
        ) : (
          <MatchList kind="demand" itemId={id} result={matches.data} loading={matches.isPending} broker={broker} onChanged={() => void matches.refetch()} />
        )}
      </Card>

      <Modal
        open={action !== null}
        title={action ? tk(t, 'action', action) : ''}
        onCancel={() => setAction(null)}
        confirmLoading={change.isPending}
        okButtonProps={{ 'data-testid': 'demand-action-ok' } as never}
        onOk={() =>
          void form.validateFields().then((v) =>
            change.mutate({ action: action!, note: v.note?.trim() || null, override: action === 'publish' && belowGate ? true : undefined }),
          )
        }
        destroyOnHidden
      >
        {action === 'publish' && belowGate && quality.data && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('transfer.action.overrideWarning', { score: quality.data.score, threshold: quality.data.threshold })}
          />
        )}
        <Form form={form} layout="vertical">
          {action === 'publish' && belowGate && (
            <Form.Item name="override" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('transfer.action.override')))) }]}>
              <Checkbox data-testid="demand-override">{t('transfer.action.override')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="note" label={t('transfer.action.note')} rules={needsNote ? [{ required: true, whitespace: true, message: t('transfer.action.noteRequired') }] : []}>
            <Input.TextArea rows={3} data-testid="demand-action-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
