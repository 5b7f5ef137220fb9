// One brokerage case: where it stands in introduced → negotiating → contract signed → registered → implementing →
// closed (or failed), buttons to move it to the allowed next stages with the data each needs, history, notes and documents.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Result, Row, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { CONTRACT_TYPES, type CaseStage, isBroker, useCase, useCaseMutations } from '../api/transfer';
import { CaseFilesCard } from './CaseFilesCard';
import { errorText, fmtDate, StageTag, tk } from './labels';
import { CaseBrokerForm } from './CaseBrokerForm';

const MAIN: CaseStage[] = ['introduced', 'negotiating', 'contract_signed', 'registered', 'implementing', 'closed'];

interface StageValues {
  note?: string;
  contract_type?: string;
  contract_amount?: number;
  contract_date?: Dayjs;
  registration_no?: string;
  failure_reason?: string;
}

export function CasePage() {
  const id = Number(useParams().id);
  const { t, name } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const c = useCase(id);
  const { move, note } = useCaseMutations(id);
  const [target, setTarget] = useState<CaseStage | null>(null);
  const [form] = Form.useForm<StageValues>();
  const [noteText, setNoteText] = useState('');
  const broker = isBroker(user);

  if (c.error) return <Result status="404" title={errorText(c.error)} extra={<Link to="/transfer/cases">{t('transfer.cases.back')}</Link>} />;
  const k = c.data;
  const failed = k?.stage === 'failed';
  const reached = failed ? (k?.stages.filter((s) => s.stage !== 'failed').length ?? 1) - 1 : MAIN.indexOf(k?.stage ?? 'introduced');

  const submitMove = () =>
    form.validateFields().then((v) =>
      move.mutate(
        {
          stage: target!,
          note: v.note?.trim() || null,
          contract_type: v.contract_type ?? null,
          contract_amount: v.contract_amount ?? null,
          contract_date: v.contract_date ? v.contract_date.format('YYYY-MM-DD') : null,
          registration_no: v.registration_no?.trim() || null,
          failure_reason: v.failure_reason?.trim() || null,
        },
        {
          onSuccess: (res) => {
            void message.success(t('transfer.cases.moved', { stage: tk(t, 'stage', res.stage) }));
            setTarget(null);
          },
          onError: (e) => {
            if (isApiError(e)) form.setFields(e.fieldErrors.filter((f) => f.field in (v as object) || ['contract_type', 'contract_amount', 'contract_date', 'registration_no', 'failure_reason'].includes(f.field)).map((f) => ({ name: f.field as keyof StageValues, errors: [f.message] })));
            void message.error(errorText(e));
          },
        },
      ),
      () => undefined,
    );

  const required = (label: string) => [{ required: true, message: t('transfer.form.required', { field: label }) }];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/transfer/cases')} style={{ paddingInline: 0 }}>
        {t('transfer.cases.back')}
      </Button>
      <Card
        loading={c.isPending}
        title={
          <Space>
            <span data-testid="case-code">{k?.code}</span>
            <StageTag t={t} stage={k?.stage} />
          </Space>
        }
      >
        {k && (
          <>
            <Steps
              size="small"
              current={Math.max(0, reached)}
              status={failed ? 'error' : k.stage === 'closed' ? 'finish' : 'process'}
              items={MAIN.map((s) => ({ title: tk(t, 'stage', s) }))}
              style={{ marginBottom: 20 }}
              data-testid="case-steps"
            />
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('transfer.cases.demand')}>
                <Link to={`/transfer/demands/${k.demand_id}`}>{k.demand_title}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('transfer.cases.offer')}>{k.offer_title}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.cases.contractType')}>{k.contract_type ? tk(t, 'contract', k.contract_type) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.cases.amount')}>
                <span data-testid="case-amount">{k.contract_amount == null ? '—' : String(k.contract_amount)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('transfer.cases.contractDate')}>{k.contract_date ? String(k.contract_date).slice(0, 10) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.cases.registrationNo')}>{k.registration_no ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.brokers.broker')}>
                <span data-testid="case-broker">{k.broker_name ?? '—'}</span>{broker ? <span style={{ marginInlineStart: 8 }}><CaseBrokerForm c={k} /></span> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('transfer.brokers.agency')}>
                <span data-testid="case-agency">{k.agency_id ? name({ id: k.agency_id, name_zh: k.agency_name_zh, name_en: k.agency_name_en }) : '—'}</span>
              </Descriptions.Item>
              {k.failure_reason && (
                <Descriptions.Item label={t('transfer.cases.failureReason')} span={2}>
                  {k.failure_reason}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Space wrap style={{ marginTop: 16 }} data-testid="case-actions">
              {k.next.length === 0 ? (
                <Tag>{t('transfer.cases.ended')}</Tag>
              ) : broker ? (
                k.next.map((s) => (
                  <Button
                    key={s}
                    type={s === 'failed' ? 'default' : 'primary'}
                    danger={s === 'failed'}
                    data-testid={`case-move-${s}`}
                    onClick={() => {
                      form.resetFields();
                      setTarget(s);
                    }}
                  >
                    {t('transfer.cases.moveTo', { stage: tk(t, 'stage', s) })}
                  </Button>
                ))
              ) : null}
            </Space>
          </>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('transfer.cases.history')} size="small">
            <Table
              rowKey={(r, i) => `${r.stage}-${String(i)}`}
              size="small"
              pagination={false}
              dataSource={k?.stages ?? []}
              data-testid="case-history"
              columns={[
                { title: t('transfer.cases.stage'), dataIndex: 'stage', render: (v) => <StageTag t={t} stage={v} /> },
                { title: t('transfer.cases.enteredAt'), dataIndex: 'entered_at', render: fmtDate },
                { title: t('transfer.cases.leftAt'), dataIndex: 'left_at', render: fmtDate },
                { title: t('transfer.action.note'), dataIndex: 'note', render: (v) => v ?? '' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('transfer.cases.notes')} size="small">
            <List
              size="small"
              dataSource={k?.notes ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.cases.noNotes')} /> }}
              data-testid="case-notes"
              renderItem={(n) => (
                <List.Item>
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.note}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDate(n.at)}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
            {broker && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input value={noteText} onChange={(e) => setNoteText(e.target.value)} data-testid="case-note-input" />
                <Button
                  type="primary"
                  loading={note.isPending}
                  disabled={!noteText.trim()}
                  data-testid="case-note-add"
                  onClick={() =>
                    note.mutate(noteText.trim(), {
                      onSuccess: () => {
                        setNoteText('');
                        void message.success(t('transfer.cases.noteAdded'));
                      },
                      onError: (e) => void message.error(errorText(e)),
                    })
                  }
                >
                  {t('transfer.cases.addNote')}
                </Button>
              </Space.Compact>
            )}
          </Card>
          {k && <CaseFilesCard caseDetail={k} />}
        </Col>
      </Row>

      <Modal
        open={target !== null}
        title={target ? t('transfer.cases.moveTo', { stage: tk(t, 'stage', target) }) : ''}
        onCancel={() => setTarget(null)}
        confirmLoading={move.isPending}
        onOk={() => void submitMove()}
        okButtonProps={{ 'data-testid': 'case-move-ok' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ contract_date: dayjs() }}>
          {target === 'contract_signed' && (
            <>
              <Form.Item name="contract_type" label={t('transfer.cases.contractType')} rules={required(t('transfer.cases.contractType'))}>
                <Select id="contract_type" options={CONTRACT_TYPES.map((ct) => ({ value: ct, label: tk(t, 'contract', ct) }))} />
              </Form.Item>
              <Form.Item name="contract_amount" label={t('transfer.cases.amount')} rules={required(t('transfer.cases.amount'))}>
                <InputNumber id="contract_amount" min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="contract_date" label={t('transfer.cases.contractDate')} rules={required(t('transfer.cases.contractDate'))}>
                <DatePicker id="contract_date" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
              </Form.Item>
            </>
          )}
          {target === 'registered' && (
            <Form.Item name="registration_no" label={t('transfer.cases.registrationNo')} rules={[...required(t('transfer.cases.registrationNo')), { whitespace: true }]}>
              <Input id="registration_no" />
            </Form.Item>
          )}
          {target === 'failed' && (
            <Form.Item name="failure_reason" label={t('transfer.cases.failureReason')} rules={[...required(t('transfer.cases.failureReason')), { whitespace: true }]}>
              <Input.TextArea id="failure_reason" rows={3} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('transfer.action.note')}>
            <Input.TextArea rows={2} id="stage_note" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
